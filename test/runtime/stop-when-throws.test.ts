/**
 * A caller's `stopWhen` that throws ends its own request (the result rejects with the error, pages
 * and slot go back) and nothing else: the other requests of the batch finish as alone and the engine
 * keeps serving.
 */
import { describe, expect, it } from "vitest";
import { Engine } from "../../runtime/engine.js";
import { ToyBackend, toyGreedy, toyManifest } from "./helpers/toy.js";

const VOCAB = 97;
const prompt = (n: number, salt: number) => Array.from({ length: n }, (_, j) => (j * 7 + salt * 13) % VOCAB);

describe("stopWhen that throws", () => {
  it("rejects its own request only; the batch's other request and later ones are served", async () => {
    const m = toyManifest({ blockSize: 4, maxRequests: 4 });
    const weights = new Map(m.weights.map((w) => [w.name, new Float32Array(w.shape.reduce((a, b) => a * b, 1))]));
    const engine = await Engine.create(m, new ToyBackend(0.3), weights);
    const boom = new Error("decoder of the caller failed");
    const bad = engine.submit({
      id: "bad",
      promptIds: prompt(6, 1),
      maxNewTokens: 30,
      stopWhen: (g) => {
        if (g.length >= 5) throw boom;
        return false;
      },
    });
    const good = engine.submit({ id: "good", promptIds: prompt(9, 2), maxNewTokens: 30 });
    await expect(bad.result).rejects.toBe(boom);
    expect((await good.result).tokens).toEqual(toyGreedy(prompt(9, 2), 30, VOCAB));
    const later = await engine.submit({ id: "later", promptIds: prompt(4, 3), maxNewTokens: 8 }).result;
    expect(later.tokens).toEqual(toyGreedy(prompt(4, 3), 8, VOCAB));
    expect(engine.metrics().targetPagesUsed).toBe(0);
    await engine.close();
  });
});
