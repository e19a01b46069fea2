// decode_loop_c<C>: C speculative cycles in one call, stopping early per request (stop id, budget),
// against the naive model's greedy output, through the graph evaluator and the StableHLO interpreter.
import { describe, expect, it } from "vitest";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import { planWeights } from "../../compiler/ir/weights.js";
import { randomTokens, randomWeights } from "../../runtime/weights/random.js";
import { comparingRun, Decoding, evaluatorRun, interpreterRun, type KernelRun, type Mismatch } from "../helpers/random-decoding.js";
import { naiveGreedy } from "../helpers/naive-model.js";
import { tinyDecl } from "../helpers/naive-variants.js";
import { pagedKV } from "../../dsl/builders.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";

const staticPlan = () => buildPlan({ ...tinyDecl, name: "tiny_loop", cyclesPerDispatch: [1, 2, 4] });
const pagedPlan = () =>
  buildPlan({ ...tinyDecl, name: "tiny_loop_paged", cyclesPerDispatch: [1, 4], cache: { target: tinyDecl.cache.target, draft: pagedKV({ pageSize: 8, numPages: 160, maxContext: 240 }) } });

/**
 * Three requests in an r4 bucket (one padded row): request 0 has a stop id that its greedy output
 * reaches mid-loop, request 1 a budget of 5 tokens, request 2 neither. Loops until all are done and
 * checks every request's tokens, cut at its stop or budget, against the naive model.
 */
function scenario(plan: DecoderPlan, run: KernelRun, cycles: number) {
  const weights = randomWeights(planWeights(plan), 5);
  const V = plan.target.vocabSize;
  const prompts = [6, 9, 3].map((n, i) => randomTokens(30 + i, "prompt", n, V, [plan.draft!.maskTokenId]));
  const naive = prompts.map((p) => naiveGreedy(weights, plan, p, 24));
  const stopAt = 7;
  const stops = [[naive[0][stopAt]], [], []];
  const budgets = [24, 5, 24];
  const dec = new Decoding(plan, weights, run);
  const reqs = prompts.map((p) => dec.newRequest(p, p.length + 24 + cycles * plan.blockSize));
  reqs.forEach((q, i) => q.committed.push(dec.prefill([q], [prompts[i]], 16, 1, [0])[0]));
  const generated = (i: number) => reqs[i].committed.length - prompts[i].length;
  const acceptedRuns: number[][][] = [];
  for (let call = 0; call < 40; call++) {
    const left = budgets.map((b, i) => (reqs[i].committed.slice(prompts[i].length).some((t) => stops[i].includes(t)) ? 0 : Math.max(b - generated(i), 0)));
    if (left.every((x) => x === 0)) break;
    acceptedRuns.push(dec.decodeLoop(reqs, 4, cycles, stops, left));
  }
  const cut = (i: number) => {
    const out = reqs[i].committed.slice(prompts[i].length, prompts[i].length + budgets[i]);
    const s = out.findIndex((t) => stops[i].includes(t));
    return s >= 0 ? out.slice(0, s + 1) : out;
  };
  return { naive, cut, acceptedRuns, stopAt, budgets };
}

describe("decode_loop_c<C> (graph evaluator)", () => {
  for (const [name, plan] of [["static draft cache", staticPlan], ["paged draft cache", pagedPlan]] as const) {
    for (const cycles of name === "static draft cache" ? [2, 4] : [4]) {
      it(`C = ${cycles}, ${name}: tokens equal the naive greedy output, cut at the stop id and the budget`, () => {
        const p = plan();
        const { naive, cut, acceptedRuns, stopAt } = scenario(p, evaluatorRun(p), cycles);
        expect(cut(0)).toEqual(naive[0].slice(0, stopAt + 1));
        expect(cut(1)).toEqual(naive[1].slice(0, 5));
        expect(cut(2)).toEqual(naive[2].slice(0, 24));
        // A request stops mid-loop: its later cycles report -1, and a call stops once every row is done.
        const all = acceptedRuns.flat();
        expect(all.some((row) => row[0] >= 0 && row.includes(-1))).toBe(true);
        expect(all.flat().every((a) => a >= -1 && a < p.blockSize)).toBe(true);
        expect(acceptedRuns.length).toBeLessThan(24);
      });
    }
  }
});

describe("decode_loop_c4 (StableHLO interpreter == evaluator)", () => {
  it("every output and cache equal over a whole session", () => {
    const p = staticPlan();
    const mismatches: Mismatch[] = [];
    const { naive, cut } = scenario(p, comparingRun(interpreterRun(p), evaluatorRun(p), 1e-5, mismatches), 4);
    expect(mismatches).toEqual([]);
    expect(cut(2)).toEqual(naive[2].slice(0, 24));
  });
});
