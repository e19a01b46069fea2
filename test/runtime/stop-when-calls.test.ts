/**
 * `stopWhen` is asked only after a step that committed tokens to its request: never again with the
 * same tokens after a recompute (preemption), so a hook that feeds a text decoder sees each token once.
 */
import { describe, expect, it } from "vitest";
import { Engine } from "../../runtime/engine.js";
import { ToyBackend, toyGreedy, toyManifest } from "./helpers/toy.js";

const VOCAB = 97;
const prompt = (n: number, salt: number) => Array.from({ length: n }, (_, j) => (j * 7 + salt * 13) % VOCAB);

describe("stopWhen calls", () => {
  it("every call sees more tokens than the one before, through preemptions and recomputes", async () => {
    // 5 pages of 8 positions for four requests of up to 40 positions: decode steps preempt.
    const m = toyManifest({ blockSize: 4, maxRequests: 4, numPages: 6, pageSize: 8 });
    const weights = new Map(m.weights.map((w) => [w.name, new Float32Array(w.shape.reduce((a, b) => a * b, 1))]));
    const engine = await Engine.create(m, new ToyBackend(0.3), weights);
    const seen = new Map<string, number[]>();
    const reqs = [0, 1, 2, 3].map((i) => ({
      id: `r${i}`,
      promptIds: prompt(6 + i, i),
      maxNewTokens: 24,
      stopWhen: (g: readonly number[]) => {
        seen.set(`r${i}`, [...(seen.get(`r${i}`) ?? []), g.length]);
        return false;
      },
    }));
    const results = await engine.generate(reqs);
    expect(results.reduce((n, r) => n + r.stats.preemptions, 0)).toBeGreaterThan(0);
    results.forEach((r, i) => expect(r.tokens).toEqual(toyGreedy(reqs[i].promptIds, 24, VOCAB)));
    for (const [id, lengths] of seen) {
      for (let k = 1; k < lengths.length; k++) expect(lengths[k], `${id} call ${k}: ${lengths.join(",")}`).toBeGreaterThan(lengths[k - 1]);
    }
    await engine.close();
  });
});
