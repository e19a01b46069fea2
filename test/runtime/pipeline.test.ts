/**
 * The host one step behind the device, with the toy backend (whose decode kernels read each request's
 * last token and length from its device state, never from the host): step n+1 is enqueued before step
 * n's results are read, a request that stopped in step n still runs in step n+1 and those tokens are
 * dropped, and paths that need the host between kernels (split, forced drafts) never overlap.
 */
import { describe, expect, it } from "vitest";
import type { Backend, KernelInput, Weights } from "../../runtime/backend.js";
import type { Manifest, ManifestKernel } from "../../contract/manifest.js";
import { Engine, type EngineOptions, type StepEvent } from "../../runtime/engine.js";
import { ToyBackend, toyGreedy, toyManifest } from "./helpers/toy.js";

const VOCAB = 97;
const weightsOf = (m: Manifest) => new Map(m.weights.map((w) => [w.name, new Float32Array(w.shape.reduce((a, b) => a * b, 1))]));

/**
 * The toy, answering each call on a later event-loop turn; records how many calls were outstanding
 * at once, and whether a draft call was ever made while a verify was outstanding.
 */
class Slow implements Backend {
  outstanding = 0;
  maxOutstanding = 0;
  private verifies = 0;
  draftBesideVerify = false;
  constructor(readonly toy: ToyBackend) {}
  init(m: Manifest, w: Weights): Promise<void> {
    return this.toy.init(m, w);
  }
  async run(k: ManifestKernel, inputs: ReadonlyMap<string, KernelInput>): Promise<Map<string, Int32Array>> {
    this.maxOutstanding = Math.max(this.maxOutstanding, ++this.outstanding);
    if (k.kernel === "draft" && this.verifies > 0) this.draftBesideVerify = true;
    if (k.kernel === "verify") this.verifies++;
    const out = this.toy.run(k, inputs as ReadonlyMap<string, Int32Array>);
    await new Promise((r) => setImmediate(r));
    this.outstanding--;
    if (k.kernel === "verify") this.verifies--;
    return out;
  }
  close(): Promise<void> {
    return this.toy.close();
  }
}

async function run(opts: EngineOptions = {}, layout: "static" | "paged" = "static") {
  const m = toyManifest({ blockSize: 4, maxRequests: 4, draftLayout: layout });
  const slow = new Slow(new ToyBackend(0.3, 1, true));
  const events: StepEvent[] = [];
  const engine = await Engine.create(m, slow, weightsOf(m), { ...opts, onStep: (e) => events.push(e) });
  const prompt = (n: number, salt: number) => Array.from({ length: n }, (_, j) => (j * 5 + salt) % VOCAB);
  const truth = [0, 1, 2].map((i) => toyGreedy(prompt(6 + i, i), 40, VOCAB));
  const stop = truth[1][7];
  const res = await engine.generate([
    { id: "a", promptIds: prompt(6, 0), maxNewTokens: 40 },
    { id: "b", promptIds: prompt(7, 1), maxNewTokens: 40, stopTokenIds: [stop], arrivalStep: 2 },
    { id: "c", promptIds: prompt(8, 2), maxNewTokens: 13, arrivalStep: 3 },
  ]);
  await engine.close();
  expect(res[0].tokens).toEqual(truth[0]);
  expect(res[1].tokens).toEqual(truth[1].slice(0, truth[1].indexOf(stop) + 1));
  expect(res[2].tokens).toEqual(truth[2].slice(0, 13));
  return { slow, events, res, engine };
}

describe("the host one step behind the device (toy backend)", () => {
  for (const layout of ["static", "paged"] as const) {
    it(`enqueues step n+1 before reading step n, lossless (${layout} draft cache)`, async () => {
      const { slow, engine } = await run({}, layout);
      expect(slow.maxOutstanding).toBe(2);
      expect(engine.metrics().targetPagesUsed).toBe(0);
    });
  }

  it("a request that stopped still ran one more step on the device; those tokens were never reported", async () => {
    const { slow, events, res } = await run();
    const b = res[1];
    expect(b.finishReason).toBe("stop");
    // Decode calls whose rows held b's slot: its applied steps, plus the step enqueued before its stop was seen.
    const promptB = Array.from({ length: 7 }, (_, j) => (j * 5 + 1) % VOCAB);
    const slotOf = new Set<number>();
    for (const c of slow.toy.calls) {
      if (c.kernel.kernel !== "prefill") continue;
      const slots = c.inputs.get("state_slots")!;
      const last = c.inputs.get("last_index")!;
      const tokens = [...c.inputs.get("tokens")!];
      // b's slot: the one its prefill's state write names (its chunk ends with b's prompt).
      for (let j = 0; j < slots.length; j++) if (slots[j] > 0 && tokens.slice(last[j] - 6, last[j] + 1).join() === promptB.join()) slotOf.add(slots[j]);
    }
    expect(slotOf.size).toBe(1);
    const slot = [...slotOf][0];
    const finishedAt = events.find((e) => e.finished.some((f) => f.id === "b"))!.step;
    const decodeWithB = slow.toy.calls.filter((c) => c.kernel.kernel === "decode_step" && [...c.inputs.get("slots")!].includes(slot));
    expect(decodeWithB.length).toBe(b.stats.steps + 1);
    // Nothing of b is reported after its finishing step.
    expect(events.filter((e) => e.step > finishedAt).flatMap((e) => e.decoded.map((d) => d.id))).not.toContain("b");
  });

  it("split and forced-draft decoding wait for each step (the host sits between their kernels)", async () => {
    expect((await run({ decodePath: "split" })).slow.draftBesideVerify).toBe(false);
    const m = toyManifest({ blockSize: 4 });
    const slow = new Slow(new ToyBackend());
    const engine = await Engine.create(m, slow, weightsOf(m), { drafts: ({ blockSize }) => new Array<number>(blockSize - 1).fill(3) });
    const [r] = await engine.generate([{ promptIds: [1, 2, 3], maxNewTokens: 12 }]);
    expect(r.tokens).toEqual(toyGreedy([1, 2, 3], 12, VOCAB));
    // One call per step (no prefill beside it after the first): never two outstanding.
    expect(slow.maxOutstanding).toBe(1);
    await engine.close();
  });

  it("target-only decoding overlaps too", async () => {
    const { slow } = await run({ targetOnly: true });
    expect(slow.maxOutstanding).toBe(2);
  });
});
