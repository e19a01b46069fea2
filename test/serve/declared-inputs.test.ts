/**
 * `dflashc serve` takes what the decoder declares, as `run` does: on a compiled output folder, the
 * tokenizer compiled into it (a Hugging Face folder; its vocabulary of 264 has no byte-level default)
 * and the declared eosTokenIds before the tokenizer's; and the reference backend's memory check reads
 * the folder's manifest.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../cli/cli.js";
import { memoryIo } from "../../cli/commands/io.js";
import { serveCommand, type ServeOptions } from "../../cli/commands/serve.js";
import { REPO, TempDir, applyEdits, example } from "../frontend/config-fixture.js";
import { writeByteBpeTokenizer } from "../text/byte-bpe-fixture.js";
import { postJson } from "./helpers.js";

const tmp = new TempDir();
afterAll(() => tmp.remove());

const base: ServeOptions = { backend: "reference", weights: "random:0", host: "127.0.0.1", port: 0, json: true };

interface Choice {
  text: string;
  finish_reason: string;
  token_ids: number[];
}

/** The tiny decoder with vocabulary 264 and the tests' Hugging Face tokenizer folder, plus `extra` fields; compiled into `out`. */
async function compileHf(name: string, extra: string): Promise<string> {
  const config = join(tmp.path, `${name}.ts`);
  tmp.write(applyEdits(example("tiny"), [["vocabSize: 256", "vocabSize: 264"], ['tokenizer: "byte",', `tokenizer: "./tok",${extra}`]]), `${name}.ts`);
  const out = join(tmp.path, `out-${name}`);
  const io = memoryIo(tmp.path);
  expect(await main(["compile", config, "-o", out, "--emit", "stablehlo"], io), io.stderr.join("\n")).toBe(0);
  return out;
}

/** Serves `folder` until one completion is back; returns the exit code, the --json document and the choice. */
async function serveOnce(folder: string, opts: Partial<ServeOptions> = {}) {
  const io = memoryIo(REPO);
  let stop!: () => void;
  let choice: Choice | null = null;
  let work: Promise<void> = Promise.resolve();
  const code = await serveCommand(folder, { ...base, ...opts }, io, {
    stop: new Promise<void>((r) => (stop = r)),
    onListening: (url) => {
      work = postJson(`${url}/v1/completions`, { prompt: "Hello", max_tokens: 10, return_token_ids: true })
        .then((r) => void (choice = (r.body as { choices: Choice[] }).choices[0]))
        .finally(stop);
    },
  });
  await work;
  return { code, err: io.stderr.join("\n"), doc: io.stdout.length > 0 ? (JSON.parse(io.stdout[0]) as Record<string, unknown>) : null, choice: choice as Choice | null };
}

describe("serve on a compiled folder", () => {
  let plain: string;
  beforeAll(async () => {
    writeByteBpeTokenizer(join(tmp.path, "tok"));
    plain = await compileHf("plain", "");
  }, 120_000);

  it("uses the tokenizer compiled into the folder, and the declared eosTokenIds before the tokenizer's", async () => {
    const first = await serveOnce(plain);
    expect(first.code, first.err).toBe(0);
    expect(first.doc).toMatchObject({ ok: true, command: "serve", tokenizer: join(plain, "tokenizer") });
    const ids = first.choice!.token_ids;
    expect(ids).toHaveLength(10);
    // Declared EOS: the third generated token ends the request at its first appearance (the weights and
    // the tokens up to there are the same: eosTokenIds changes no kernel).
    const eos = ids[2];
    const withEos = await compileHf("eos", `\n  eosTokenIds: [${eos}],`);
    const second = await serveOnce(withEos);
    expect(second.code, second.err).toBe(0);
    expect(second.choice).toMatchObject({ finish_reason: "stop", token_ids: ids.slice(0, ids.indexOf(eos) + 1) });
  }, 120_000);

  it("--tokenizer byte overrides the declared one", async () => {
    const r = await serveOnce(plain, { tokenizer: "byte" });
    expect(r.code, r.err).toBe(0);
    expect(r.doc).toMatchObject({ tokenizer: "byte" });
  }, 60_000);

  it("the reference backend's memory check reads the folder's manifest (exit 2, nothing listens)", async () => {
    const r = await serveOnce(plain, { maxMemory: 1024 });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error memory: decoding tiny_dflash on the reference backend needs about .* but the bound is 0 MiB \(--max-memory\)/);
    expect(r.doc).toMatchObject({ ok: false, command: "serve", memory: { total: expect.any(Number) } });
    expect(r.choice).toBeNull();
  });
});
