/**
 * Cancels that race with the engine's own finishes: a request the scheduler finished itself (capacity)
 * in a step whose results are not read yet, then cancelled before the next boundary, must settle once
 * with its first reason and leave the engine running.
 */
import { describe, expect, it } from "vitest";
import { Engine } from "../../runtime/engine.js";
import { ToyBackend, toyGreedy, toyManifest } from "./helpers/toy.js";

const VOCAB = 97;
const prompt = (n: number, salt: number) => Array.from({ length: n }, (_, j) => (j * 7 + salt * 13) % VOCAB);

describe("cancel racing the engine's own finish", () => {
  it("cancel after a capacity finish, before the next boundary: settled once as capacity, the engine keeps serving", async () => {
    // Two pages of 16 positions: a 40-token prompt never fits, the scheduler finishes it with "capacity".
    const m = toyManifest({ blockSize: 4, maxRequests: 4, numPages: 2 });
    const weights = new Map(m.weights.map((w) => [w.name, new Float32Array(w.shape.reduce((a, b) => a * b, 1))]));
    const engine = await Engine.create(m, new ToyBackend(0.3), weights);
    const big = engine.submit({ id: "big", promptIds: prompt(40, 1), maxNewTokens: 4 });
    // Runs after the loop's first step (which finished "big") and before its next boundary.
    setImmediate(() => big.cancel());
    const r = await big.result;
    expect(r.finishReason).toBe("capacity");
    const small = await engine.submit({ id: "small", promptIds: prompt(5, 2), maxNewTokens: 6 }).result;
    expect(small.tokens).toEqual(toyGreedy(prompt(5, 2), 6, VOCAB));
    expect(engine.metrics().requestsFinished).toBe(2);
    await engine.close();
  });
});
