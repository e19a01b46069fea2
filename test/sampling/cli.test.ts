// `dflashc run --temperature/--top-k/--top-p/--seed`, in-process: reproducible by seed, JSON reports the
// sampling parameters, and user mistakes exit 2 with a message naming the flag.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/commands/io.js";
import { runCommand, type RunOptions } from "../../cli/commands/run.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const config = "test/sampling/fixtures/tiny-sampling.ts";
const base: RunOptions = { backend: "reference", weights: "random:3", promptIds: [[5, 6, 7], [4]], maxNewTokens: 6, json: true };

async function run(o: Partial<RunOptions>): Promise<{ code: number; doc: { requests: { tokens: number[] }[]; sampling: unknown } | null; err: string }> {
  const io = memoryIo(repo);
  const code = await runCommand(config, { ...base, ...o }, io);
  return { code, doc: io.stdout.length ? JSON.parse(io.stdout[0]) : null, err: io.stderr.join("\n") };
}

describe("dflashc run with sampling", () => {
  it("the same --seed gives the same tokens, another seed other tokens; --json reports the parameters", async () => {
    const a = await run({ temperature: 0.9, topK: 6, topP: 0.95, seed: 11 });
    expect(a.err).toBe("");
    expect(a.code).toBe(0);
    expect(a.doc!.sampling).toEqual({ temperature: 0.9, topK: 6, topP: 0.95, seed: 11 });
    expect(a.doc!.requests.map((r) => r.tokens.length)).toEqual([6, 6]);
    expect((await run({ temperature: 0.9, topK: 6, topP: 0.95, seed: 11 })).doc!.requests).toEqual(a.doc!.requests);
    expect((await run({ temperature: 0.9, topK: 6, topP: 0.95, seed: 12 })).doc!.requests).not.toEqual(a.doc!.requests);
    const targetOnly = await run({ temperature: 0.9, seed: 11, targetOnly: true });
    expect(targetOnly.code).toBe(0);
  });

  it("text output names the sampling parameters", async () => {
    const io = memoryIo(repo);
    expect(await runCommand(config, { ...base, json: false, temperature: 0.5, seed: 4 }, io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^tiny_sampling: speculative decoding on the reference backend, sampling at temperature 0.5 \(top-k off, top-p off, seed 4\)/);
  });

  it("user mistakes exit 2 with the flag named", async () => {
    const cases: [Partial<RunOptions>, RegExp][] = [
      [{ temperature: -0.5 }, /--temperature must be/],
      [{ temperature: 1, topK: -2 }, /--top-k must be/],
      [{ temperature: 1, topP: 1.5 }, /--top-p must be/],
      [{ temperature: 1, seed: -1 }, /--seed takes a non-negative integer/],
      [{ temperature: 1, checkLossless: true }, /lossless in distribution/],
    ];
    for (const [o, msg] of cases) {
      const r = await run(o);
      expect(r.code, String(msg)).toBe(2);
      expect(r.err).toMatch(msg);
    }
  });
});
