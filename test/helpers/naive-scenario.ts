/**
 * A realistic decoding session checked against the naive model at every step: chunked ragged
 * prefill of three requests, drafts, verify with forced blocks (so `accepted` takes several values),
 * fused decode steps, plain target steps — each in two request buckets, with padded rows — then every
 * valid row of both caches compared with the naive K/V. The kernel executor is a parameter: the graph
 * evaluator, the StableHLO interpreter, or both compared.
 */
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { Decoding, seqLen, type HostRequest, type KernelRun } from "./random-decoding.js";
import { naiveDraft, naiveDraftContext, naiveTargetForward } from "./naive-model.js";
import { randomTokens } from "../../runtime/weights/random.js";

export interface ScenarioReport {
  /** Failed checks, one line each (empty: all passed). */
  readonly failures: string[];
  /** Comparisons made. */
  checks: number;
  /** Largest normwise relative error of any cache row group against the naive model. */
  maxRelErr: number;
  /** Every `accepted` value seen. */
  readonly accepted: Set<number>;
}

const argmax = (row: readonly number[]) => row.reduce((best, v, i) => (v > row[best] ? i : best), 0);

function relErr(got: ArrayLike<number>, want: readonly number[]): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < want.length; i++) {
    diff = Math.max(diff, Math.abs(got[i] - want[i]));
    scale = Math.max(scale, Math.abs(want[i]));
  }
  return scale === 0 ? diff : diff / scale;
}

export interface ScenarioOptions {
  /** Relative error bound for cache rows (1e-5 f32, 2e-2 bf16). */
  readonly tol: number;
  readonly seed?: number;
  /** Run the draft-side kernels (false for target-only checks). */
  readonly draft?: boolean;
}

export function runNaiveScenario(plan: DecoderPlan, weights: ReadonlyMap<string, Float32Array>, run: KernelRun, opts: ScenarioOptions): ScenarioReport {
  const report: ScenarioReport = { failures: [], checks: 0, maxRelErr: 0, accepted: new Set() };
  const seed = opts.seed ?? 1;
  const hasDraft = plan.draft !== null && opts.draft !== false;
  const V = plan.target.vocabSize;
  const K = plan.blockSize;
  const mask = plan.draft?.maskTokenId ?? -1;
  const check = (ok: boolean, what: string) => {
    report.checks++;
    if (!ok) report.failures.push(what);
  };
  const eqTokens = (got: readonly number[], want: readonly number[], what: string) =>
    check(got.length === want.length && got.every((t, i) => t === want[i]), `${what}: got [${got}], naive [${want}]`);

  const dec = new Decoding(plan, weights, run, seed);
  const prompts = [5, 11, 3].map((n, i) => randomTokens(seed, `prompt${i}`, n, V, [mask]));
  const [A, B, C] = prompts.map((p) => dec.newRequest(p, 48));
  const naiveNext = (q: HostRequest, extra: readonly number[] = []) => {
    const { logits } = naiveTargetForward(weights, plan, [...q.committed, ...extra]);
    return logits.map(argmax);
  };

  // Prefill: A whole and B's first 8 tokens in r2.t16; then B's last 3 (from position 8); then C, in r1.t16.
  const [a0] = dec.prefill([A, B], [A.committed, B.committed.slice(0, 8)], 16, 2, [0, 0]);
  const [b0] = dec.prefill([B], [B.committed.slice(8)], 16, 1, [8]);
  const [c0] = dec.prefill([C], [C.committed], 16, 1, [0]);
  eqTokens([a0, b0, c0], [A, B, C].map((q) => naiveNext(q).at(-1)!), "prefill next_tokens");
  A.committed.push(a0);
  B.committed.push(b0);
  C.committed.push(c0);
  checkCaches(dec, weights, plan, [A, B, C], hasDraft, opts.tol, report, "after prefill");

  if (hasDraft) {
    // Drafts in two buckets, r4 with one padded row.
    const d2 = dec.draft([A, B], 2);
    const d4 = dec.draft([A, B, C], 4);
    [A, B, C].forEach((q, i) => {
      const want = naiveDraft(weights, plan, q.committed).draftTokens;
      if (i < 2) eqTokens(d2[i], want, `draft r2 row ${i}`);
      eqTokens(d4[i], want, `draft r4 row ${i}`);
    });

    // Forced blocks: the target's own continuation with position j corrupted gives a = j-1 (none: K-1).
    const forced = (q: HostRequest, corruptAt: number | null) => {
      const cont: number[] = [];
      for (let i = 0; i < K - 1; i++) cont.push(naiveNext(q, cont).at(-1)!);
      const block = [q.committed.at(-1)!, ...cont];
      if (corruptAt !== null) block[corruptAt] = (block[corruptAt] + 1) % V;
      return block;
    };
    const verifyAndCheck = (reqs: HostRequest[], corrupt: (number | null)[], r: number) => {
      const blocks = reqs.map((q, i) => forced(q, corrupt[i]));
      const before = reqs.map((q) => [...q.committed]);
      const { accepted, targetTokens } = dec.verify(reqs, blocks, r);
      reqs.forEach((q, i) => {
        const want = naiveTargetForward(weights, plan, [...before[i], ...blocks[i].slice(1)]).logits.slice(before[i].length - 1).map(argmax);
        eqTokens(targetTokens[i], want, `verify r${r} row ${i} target_tokens`);
        const wantA = corrupt[i] === null ? K - 1 : corrupt[i]! - 1;
        check(accepted[i] === wantA, `verify r${r} row ${i}: accepted ${accepted[i]}, forced ${wantA}`);
        report.accepted.add(accepted[i]);
      });
    };
    verifyAndCheck([A, B], [null, Math.min(2, K - 1)], 2);
    verifyAndCheck([A, B, C], [Math.min(3, K - 1), 1, null], 4);
    checkCaches(dec, weights, plan, [A, B, C], hasDraft, opts.tol, report, "after verify");

    // Fused steps in r1 and r2: drafts from the cache state, then the target's verdict on them.
    const stepAndCheck = (reqs: HostRequest[], r: number) => {
      const before = reqs.map((q) => [...q.committed]);
      const wantDrafts = reqs.map((q) => naiveDraft(weights, plan, q.committed).draftTokens);
      const { accepted, targetTokens, draftTokens } = dec.decodeStep(reqs, r);
      reqs.forEach((q, i) => {
        eqTokens(draftTokens[i], wantDrafts[i], `decode_step r${r} row ${i} draft_tokens`);
        const want = naiveTargetForward(weights, plan, [...before[i], ...draftTokens[i]]).logits.slice(before[i].length - 1).map(argmax);
        eqTokens(targetTokens[i], want, `decode_step r${r} row ${i} target_tokens`);
        let a = 0;
        while (a < K - 1 && draftTokens[i][a] === want[a]) a++;
        check(accepted[i] === a, `decode_step r${r} row ${i}: accepted ${accepted[i]}, expected ${a}`);
        report.accepted.add(accepted[i]);
      });
    };
    stepAndCheck([A], 1);
    stepAndCheck([B, C], 2);
    checkCaches(dec, weights, plan, [A, B, C], hasDraft, opts.tol, report, "after decode_step");
  }

  // Plain target steps (they leave the draft context behind, so draft caches are not checked after).
  for (const [reqs, r] of [[[A], 1], [[B, C], 2]] as const) {
    const want = reqs.map((q) => naiveNext(q).at(-1)!);
    eqTokens(dec.targetStep([...reqs], r), want, `target_step r${r}`);
  }
  checkCaches(dec, weights, plan, [A, B, C], false, opts.tol, report, "after target_step");
  return report;
}

/** Every valid row of the target pool (and the draft cache) against the naive model's K/V. */
function checkCaches(dec: Decoding, weights: ReadonlyMap<string, Float32Array>, plan: DecoderPlan, reqs: HostRequest[], draft: boolean, tol: number, report: ScenarioReport, when: string): void {
  reqs.forEach((q, i) => {
    const n = seqLen(q);
    const pass = naiveTargetForward(weights, plan, q.committed.slice(0, n));
    const ctx = draft ? naiveDraftContext(weights, plan, q.committed.slice(0, n)) : null;
    const compare = (got: (p: number) => Float32Array, want: readonly (readonly number[])[], what: string) => {
      const g: number[] = [];
      const w: number[] = [];
      for (let p = 0; p < n; p++) {
        g.push(...got(p));
        w.push(...want[p]);
      }
      const e = relErr(g, w);
      report.maxRelErr = Math.max(report.maxRelErr, e);
      report.checks++;
      if (!(e <= tol)) report.failures.push(`${when}: request ${i} ${what}: relative error ${e}`);
    };
    for (let l = 0; l < plan.target.numLayers; l++) {
      compare((p) => dec.targetKv(q, l, p, 0), pass.k[l], `target K layer ${l}`);
      compare((p) => dec.targetKv(q, l, p, 1), pass.v[l], `target V layer ${l}`);
    }
    if (ctx) {
      for (let l = 0; l < plan.draft!.model.numLayers; l++) {
        compare((p) => dec.draftKv(q, l, p, 0), ctx.k[l], `draft K layer ${l}`);
        compare((p) => dec.draftKv(q, l, p, 1), ctx.v[l], `draft V layer ${l}`);
      }
    }
  });
}

/**
 * Speculative greedy decoding through the kernels alone: prefill, then fused decode steps, committing
 * `a+1` tokens per step. Returns the first `maxNew` generated tokens and every `accepted` value.
 */
export function speculativeGreedy(plan: DecoderPlan, weights: ReadonlyMap<string, Float32Array>, run: KernelRun, prompt: readonly number[], maxNew: number): { tokens: number[]; accepted: number[] } {
  const dec = new Decoding(plan, weights, run);
  const req = dec.newRequest(prompt, prompt.length + maxNew + plan.blockSize);
  req.committed.push(dec.prefill([req], [prompt], 16, 1, [0])[0]);
  const accepted: number[] = [];
  while (req.committed.length - prompt.length < maxNew) accepted.push(dec.decodeStep([req], 1).accepted[0]);
  return { tokens: req.committed.slice(prompt.length, prompt.length + maxNew), accepted };
}
