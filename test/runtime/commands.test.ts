/** `dflashc run` and `dflashc demo` as library functions, in-process, on the tiny example. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import { buildManifest } from "../../compiler/manifest.js";
import { demoCommand } from "../../cli/commands/demo.js";
import { memoryIo } from "../../cli/commands/io.js";
import { compareLossless, estimateReferenceMemory, referenceMemoryProblem, runCommand, type RunOptions } from "../../cli/commands/run.js";
import tiny from "../../examples/tiny.js";
import type { GenerateResult } from "../../runtime/engine.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { writeCheckpointFolders } from "../../runtime/weights/safetensors.js";
import { naiveGreedy } from "../helpers/naive-model.js";
import { planWeights } from "../../compiler/ir/weights.js";

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
    expect(doc.lossless).toEqual({ ok: true, tokens: 8, mismatches: [], capacityStops: [] });
    const w = randomWeights(planWeights(plan), 3);
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
    writeCheckpointFolders(randomWeights(planWeights(plan), 3), manifest, { target: t, draft: d }, { shards: 2 });
    const io = memoryIo(repo);
    const code = await runCommand("examples/tiny.ts", { ...base, weights: t, draftWeights: d, targetOnly: true, promptIds: [[5, 6, 7]] }, io);
    expect(code).toBe(0);
    expect(io.stdout[0]).toMatch(/^tiny_dflash: target-only decoding on the reference backend/);
    expect(io.stdout[1]).toBe(`request 0: 4 tokens (length): ${naiveGreedy(randomWeights(planWeights(plan), 3), plan, [5, 6, 7], 4).join(" ")}`);
  });

  it("user mistakes exit 2 with a clear message", async () => {
    const cases: [Partial<RunOptions>, RegExp][] = [
      [{ promptIds: [] }, /at least one --prompt \(text\) or --prompt-ids/],
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
    const r = (id: string, tokens: number[], finishReason = "length") => ({ id, tokens, finishReason }) as unknown as GenerateResult;
    const rep = compareLossless([r("0", [1, 2, 3]), r("1", [4, 5])], [r("0", [1, 2, 3]), r("1", [4, 6])]);
    expect(rep).toEqual({ ok: false, tokens: 3, mismatches: [{ id: "1", index: 1, speculative: 5, targetOnly: 6 }], capacityStops: [] });
    // A shorter run that did not stop for capacity is a mismatch.
    expect(compareLossless([r("0", [1])], [r("0", [1, 2])]).mismatches).toEqual([{ id: "0", index: 1, speculative: null, targetOnly: 2 }]);
    // Capacity stops at different points: compared up to the shorter run, reported apart.
    const cap = compareLossless([r("0", [1, 2], "capacity")], [r("0", [1, 2, 3], "capacity")]);
    expect(cap).toEqual({
      ok: true,
      tokens: 2,
      mismatches: [],
      capacityStops: [{ id: "0", speculative: 2, targetOnly: 3, speculativeReason: "capacity", targetOnlyReason: "capacity" }],
    });
    expect(compareLossless([r("0", [1, 9], "capacity")], [r("0", [1, 2, 3], "length")]).mismatches).toEqual([{ id: "0", index: 1, speculative: 9, targetOnly: 2 }]);
  });

  it("--check-lossless on a pool small enough to hit capacity: exit 0, a warning, the common tokens compared", async () => {
    const file = join(tmp, "tiny-pool.ts");
    writeFileSync(file, readFileSync(join(repo, "examples/tiny.ts"), "utf8").replace("numPages: 64", "numPages: 5"));
    const prompt = Array.from({ length: 56 }, (_, i) => i + 1);
    const io = memoryIo(repo);
    const code = await runCommand(file, { ...base, promptIds: [prompt], maxNewTokens: 20, checkLossless: true, json: true }, io);
    expect(code).toBe(0);
    const doc = JSON.parse(io.stdout[0]);
    expect(doc.ok).toBe(true);
    expect(doc.requests[0].finishReason).toBe("capacity");
    expect(doc.lossless.mismatches).toEqual([]);
    expect(doc.lossless.capacityStops).toHaveLength(1);
    const stop = doc.lossless.capacityStops[0];
    // A speculative step needs blockSize positions, a target step one: the runs stop at different points.
    expect(stop.speculative).toBeLessThan(stop.targetOnly);
    expect(doc.lossless.tokens).toBe(stop.speculative);
    expect(io.stderr.join("\n")).toMatch(/warning capacity: request 0 stopped for lack of pages/);
    const w = randomWeights(planWeights(plan), 3);
    expect(doc.requests[0].tokens).toEqual(naiveGreedy(w, plan, prompt, stop.speculative));
  });

  it("refuses at once (exit 2) a decoder too large for the reference backend, and says what to use instead", async () => {
    const io = memoryIo(repo);
    expect(await runCommand("examples/qwen3-8b-dflash.ts", { ...base, json: true }, io)).toBe(2);
    const err = io.stderr.join("\n");
    expect(err).toMatch(/^error memory: decoding qwen3_8b_dflash_b16 on the reference backend needs about \d+\.\d GiB \(weights/);
    expect(err).toMatch(/--backend jax/);
    expect(err).toMatch(/smaller declaration/);
    const doc = JSON.parse(io.stdout[0]);
    expect(doc.ok).toBe(false);
    expect(doc.memory.total).toBeGreaterThan(64 * 1024 ** 3);
    // The tiny example fits the default bound, but not a bound the user sets lower.
    const small = memoryIo(repo);
    expect(await runCommand("examples/tiny.ts", { ...base, maxMemory: 64 * 1024 ** 2 }, small)).toBe(2);
    expect(small.stderr.join("\n")).toMatch(/the bound is 64 MiB \(--max-memory\)/);
  });

  it("the memory estimate is linear in numLayers and refuses above this machine's share", () => {
    const layers = (n: number) => buildPlan({ ...tiny, target: { ...tiny.target, numLayers: n }, draft: { ...tiny.draft!, targetLayerIds: [0, n - 1] } });
    const resident = (n: number) => {
      const e = estimateReferenceMemory(layers(n));
      return e.weights + e.caches;
    };
    // The same bytes per added layer from 4 to 8 as from 8 to 16.
    expect((resident(16) - resident(8)) / 8).toBe((resident(8) - resident(4)) / 4);
    expect(referenceMemoryProblem(plan, undefined, 64 * 1024 ** 3)).toBeNull();
    expect(referenceMemoryProblem(plan, 1024 ** 4, 128 * 1024 ** 2)).toMatch(/this machine has 128 MiB/);
  });
});

describe("dflashc demo", () => {
  it("prints a per-step table with accepted drafts, tau > 2 on copy:0 weights, says how they were built, and ends with lossless: OK", async () => {
    const io = memoryIo(repo);
    const code = await demoCommand(io);
    expect(code).toBe(0);
    const out = io.stdout.join("\n");
    expect(out).toMatch(/^weights copy:0: a random-seeded target .* and a drafter built by hand/m);
    expect(out).toMatch(/step\s+kernel calls\s+accepted a/);
    expect(out).toMatch(/decode_step\.r4/);
    // Whole blocks accepted (a = K-1 = 3) in the table.
    expect(out).toMatch(/decode_step\.r\d\s+(\d:\d )*\d:3/);
    const tau = Number(/all requests: tau (\d+\.\d+) tokens per decode step/.exec(out)![1]);
    expect(tau).toBeGreaterThan(2);
    // Each request's text prompt and generated bytes, escaped, under its ids.
    const req0 = /request 0: 16 tokens \(length\): ([\d ]+)\n\s+prompt "Hello" -> text "(.*)"$/m.exec(out)!;
    const ids = req0[1].split(" ").map(Number);
    const text = ids.map((b) => (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c ? String.fromCharCode(b) : null));
    expect(req0[2]).toBe(text.map((c, i) => c ?? "\\x" + ids[i].toString(16).padStart(2, "0")).join(""));
    expect(out).toMatch(/prompt "joins the batch at step 2" -> text "/);
    // What to try next, before the verdict that stays the last line.
    expect(out).toMatch(/^ {2}npx dflashc run examples\/tiny\.ts --weights copy:0 --prompt "Hello"$/m);
    expect(out).toMatch(/^ {2}npx dflashc serve examples\/tiny\.ts --weights copy:0 --port 8000 /m);
    expect(io.stdout.at(-1)).toMatch(/^lossless: OK \(\d+ tokens identical to target-only decoding\)$/);
  });
});
