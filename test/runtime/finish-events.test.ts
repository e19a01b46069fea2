/**
 * Every request the engine finishes in a step is in that step's event (`StepEvent.finished`), a
 * request the scheduler finishes for capacity included: the CLI ends a request's text and counts
 * progress from these events.
 */
import { describe, expect, it } from "vitest";
import { Engine, type StepEvent } from "../../runtime/engine.js";
import { ToyBackend, toyManifest } from "./helpers/toy.js";

const prompt = (n: number, salt: number) => Array.from({ length: n }, (_, j) => (j * 7 + salt * 13) % 97);

describe("finishes in step events", () => {
  it("a capacity finish is reported in the event of the step that made it, before its result settles", async () => {
    // Two pages of 16 positions: the 40-token prompt never fits and finishes with "capacity".
    const m = toyManifest({ blockSize: 4, maxRequests: 4, numPages: 2 });
    const weights = new Map(m.weights.map((w) => [w.name, new Float32Array(w.shape.reduce((a, b) => a * b, 1))]));
    const finished: string[] = [];
    const engine = await Engine.create(m, new ToyBackend(0.3), weights, { onStep: (e: StepEvent) => finished.push(...e.finished.map((f) => `${f.id}:${f.reason}`)) });
    const big = engine.submit({ id: "big", promptIds: prompt(40, 1), maxNewTokens: 4 });
    const small = engine.submit({ id: "small", promptIds: prompt(3, 1), maxNewTokens: 4 });
    const r = await big.result;
    expect(r.finishReason).toBe("capacity");
    expect(finished).toContain("big:capacity");
    await small.result;
    expect(finished.sort()).toEqual(["big:capacity", "small:length"]);
    await engine.close();
  });
});
