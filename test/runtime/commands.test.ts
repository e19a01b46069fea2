/** `dflashc run` and `dflashc demo` as library functions, in-process, on the tiny example. */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { buildPlan } from "../../compiler/passes/build-plan.js";
import { buildManifest } from "../../compiler/manifest.js";
import { demoCommand } from "../../compiler/commands/demo.js";
import { memoryIo } from "../../compiler/commands/io.js";
import { compareLossless, runCommand, type RunOptions } from "../../compiler/commands/run.js";
import tiny from "../../examples/tiny.js";
import type { GenerateResult } from "../../runtime/engine.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { writeCheckpointFolders } from "../../runtime/weights/safetensors.js";
import { naiveGreedy } from "../helpers/naive-model.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "dflashc-run-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const base: RunOptions = { backend: "reference", weights: "random:3", promptIds: [[5, 6, 7], [42]], maxNewTokens: 4 };

describe("dflashc run", () => {
  const plan = buildPlan(tiny);

  it("--json --check-lossless: tokens equal the naive model, stats per request, lossless OK", async () => {
    const io = memoryIo(repo);
    const code = await runCommand("examples/tiny.ts", { ...base, json: true, checkLossless: true }, io);
    expect(io.stderr.join("\n")).toBe("");
    expect(code).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const doc = JSON.parse(io.stdout[0]);
    expect(doc.ok).toBe(true);
    expect(doc.mode).toBe("speculative");
    expect(doc.lossless).toEqual({ ok: true, tokens: 8, mismatches: [] });
    const w = randomWeights(plan, 3);
    expect(doc.requests[0].tokens).toEqual(naiveGreedy(w, plan, [5, 6, 7], 4));
    expect(doc.requests[1].tokens).toEqual(naiveGreedy(w, plan, [42], 4));
    expect(doc.requests[0].stats.acceptance).toHaveLength(3);
    expect(doc.requests[0].stats.tau).toBeGreaterThanOrEqual(1);
  });

  it("--target-only from a safetensors checkpoint folder gives the same tokens as the same random weights", async () => {
    const t = join(tmp, "target");
    const d = join(tmp, "draft");
    mkdirSync(t);
    mkdirSync(d);
    const manifest = buildManifest(plan, "examples/tiny.ts", new Map());
    writeCheckpointFolders(randomWeights(plan, 3), manifest, { target: t, draft: d }, { shards: 2 });
    const io = memoryIo(repo);
    const code = await runCommand("examples/tiny.ts", { ...base, weights: t, draftWeights: d, targetOnly: true, promptIds: [[5, 6, 7]] }, io);
    expect(code).toBe(0);
    expect(io.stdout[0]).toMatch(/^tiny_dflash: target-only decoding on the reference backend/);
    expect(io.stdout[1]).toBe(`request 0: 4 tokens (length): ${naiveGreedy(randomWeights(plan, 3), plan, [5, 6, 7], 4).join(" ")}`);
  });

  it("user mistakes exit 2 with a clear message", async () => {
    const cases: [Partial<RunOptions>, RegExp][] = [
      [{ promptIds: [] }, /at least one --prompt-ids/],
      [{ temperature: 0.7 }, /compile tiny_dflash with verify: "sampling"/],
      [{ targetOnly: true, checkLossless: true }, /drop --target-only/],
      [{ weights: "random:x" }, /integer seed/],
      [{ weights: join(tmp, "missing") }, /does not exist/],
      [{ promptIds: [[1, 999]] }, /token 999 outside the vocabulary 0..255/],
    ];
    for (const [o, msg] of cases) {
      const io = memoryIo(repo);
      expect(await runCommand("examples/tiny.ts", { ...base, ...o }, io)).toBe(2);
      expect(io.stderr.join("\n")).toMatch(msg);
    }
    const io = memoryIo(repo);
    expect(await runCommand("examples/nope.ts", base, io)).toBe(2);
  });

  it("the lossless comparison reports the first differing token per request", () => {
    const r = (id: string, tokens: number[]) => ({ id, tokens }) as unknown as GenerateResult;
    const rep = compareLossless([r("0", [1, 2, 3]), r("1", [4, 5])], [r("0", [1, 2, 3]), r("1", [4, 6])]);
    expect(rep).toEqual({ ok: false, tokens: 3, mismatches: [{ id: "1", index: 1, speculative: 5, targetOnly: 6 }] });
    expect(compareLossless([r("0", [1])], [r("0", [1, 2])]).mismatches).toEqual([{ id: "0", index: 1, speculative: null, targetOnly: 2 }]);
  });
});

describe("dflashc demo", () => {
  it("prints a per-step table and ends with lossless: OK", async () => {
    const io = memoryIo(repo);
    const code = await demoCommand(io);
    expect(code).toBe(0);
    const out = io.stdout.join("\n");
    expect(out).toMatch(/step\s+kernel calls\s+accepted a/);
    expect(out).toMatch(/decode_step\.r4/);
    expect(out).toMatch(/verify\.r\d/);
    expect(io.stdout.at(-1)).toMatch(/^lossless: OK \(\d+ tokens identical to target-only decoding\)$/);
  });
});
