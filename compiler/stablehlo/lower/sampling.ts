/**
 * StableHLO lowering of the sampling ops (docs/kernels.md, "Sampling"): the sampling distribution
 * (temperature, top-k, top-p) and speculative sampling against a one-hot draft.
 *
 * No sort and no cumulative sum: top-k and top-p thresholds are found by bisection over the bit
 * patterns of non-negative f32 values (ordered like their i32 bits), and the inverse CDF by bisection
 * over token indices, each step one masked row sum. Everything is fixed-trip `while` loops, `reduce`,
 * `compare` and `select`, so it runs on every PJRT backend, and the graph evaluator
 * (compiler/ir/graph-eval-sampling.ts) repeats it operation by operation.
 */
import type { FuncBuilder } from "../../../stablehlo/builder.js";
import { tensorType, type ElementType, type Value } from "../../../stablehlo/ir.js";
import { indexSteps, KEY_STEPS, ONE_BITS, U_MAX } from "../../ir/graph-eval-sampling.js";
import { bcast, splat, type StableHloRules } from "./context.js";
import { argmax } from "./tokens.js";

function bitcast(f: FuncBuilder, x: Value, element: ElementType): Value {
  return f.op("stablehlo.bitcast_convert", [x], {}, [], { resultTypes: [tensorType(x.type.shape, element)] })[0];
}

/** Sum of each row of `x[N, V]` (f32, in index order). */
function rowSum(f: FuncBuilder, x: Value): Value {
  return f.reduce(x, splat(f, 0, [], "f32"), [1], "add");
}

/** `x[N]` broadcast along the rows of `[N, V]`. */
function perRow(f: FuncBuilder, x: Value, v: number): Value {
  return bcast(f, x, [x.type.shape[0], v], [0]);
}

/** `cond ? x : 0`, f32. */
function orZero(f: FuncBuilder, cond: Value, x: Value): Value {
  return f.select(cond, x, splat(f, 0, x.type.shape, "f32"));
}

/**
 * Per row, the smallest key `tau` in `[0, ONE_BITS]` with `sum_j w[j] * [bits[j] > tau] < limit`:
 * `KEY_STEPS` bisection steps, each one masked row sum. `bits[N, V]` i32, `w[N, V]` f32, `limit[N]` f32.
 * Only rows where `on[N]` holds use the result; when no row does, the loop does not run at all.
 */
function smallestKey(f: FuncBuilder, bits: Value, w: Value, limit: Value, on: Value): Value {
  const [n, v] = bits.type.shape;
  const any = f.reduce(on, splat(f, 0, [], "i1"), [0], "or");
  const inits = [splat(f, 0, [], "i32"), splat(f, 0, [n], "i32"), splat(f, ONE_BITS, [n], "i32"), bits, w, limit, any];
  const [, lo] = f.while(
    inits,
    (g, [i, , , , , , active]) => g.and(g.compare("LT", i, splat(g, KEY_STEPS, [], "i32")), active),
    (g, [i, lo, hi, b, ww, lim, active]) => {
      const mid = g.divide(g.add(lo, hi), splat(g, 2, [n], "i32"));
      const mass = rowSum(g, orZero(g, g.compare("GT", b, perRow(g, mid, v)), ww));
      const ok = g.compare("LT", mass, lim);
      return [g.add(i, splat(g, 1, [], "i32")), g.select(ok, lo, g.add(mid, splat(g, 1, [n], "i32"))), g.select(ok, mid, hi), b, ww, lim, active];
    },
  );
  return lo;
}

/** Per row of `w[N, V]` (non-negative f32): the smallest `j` whose prefix sum exceeds `u[N] * total`. */
function inverseCdf(f: FuncBuilder, w: Value, u: Value): Value {
  const [n, v] = w.type.shape;
  const target = f.multiply(u, rowSum(f, w));
  const steps = indexSteps(v);
  if (steps === 0) return splat(f, 0, [n], "i32");
  const inits = [splat(f, 0, [], "i32"), splat(f, 0, [n], "i32"), splat(f, v - 1, [n], "i32"), w, target];
  const [, lo] = f.while(
    inits,
    (g, [i]) => g.compare("LT", i, splat(g, steps, [], "i32")),
    (g, [i, lo, hi, ww, tgt]) => {
      const mid = g.divide(g.add(lo, hi), splat(g, 2, [n], "i32"));
      const prefix = rowSum(g, orZero(g, g.compare("LE", g.iota(tensorType([n, v], "i32"), 1), perRow(g, mid, v)), ww));
      const ok = g.compare("GT", prefix, tgt);
      return [g.add(i, splat(g, 1, [], "i32")), g.select(ok, lo, g.add(mid, splat(g, 1, [n], "i32"))), g.select(ok, mid, hi), ww, tgt];
    },
  );
  return lo;
}

/** logits `[R, Q, V]` f32, temperature `[R]` f32, topK `[R]` i32, topP `[R]` f32 → probabilities `[R, Q, V]`. */
function samplingProbs(f: FuncBuilder, logits: Value, temperature: Value, topK: Value, topP: Value): Value {
  const [r, q, v] = logits.type.shape;
  const n = r * q;
  const shape = [n, v];
  const param = (x: Value) => f.reshape(bcast(f, x, [r, q], [0]), [n]);
  const row = (x: Value) => perRow(f, x, v);
  const l = f.reshape(logits, shape);
  const t = param(temperature);
  const k = param(topK);
  const tp = param(topP);
  const sampling = f.compare("GT", t, splat(f, 0, [n], "f32"));
  const tSafe = f.select(sampling, t, splat(f, 1, [n], "f32"));
  const max = f.reduce(l, splat(f, -Infinity, [], "f32"), [1], "maximum");
  const e = f.exp(f.divide(f.subtract(l, row(max)), row(tSafe)));
  // top-k: keep the values >= the k-th largest (ties kept); off unless 0 < k < V.
  const eBits = bitcast(f, e, "i32");
  const kOn = f.and(f.compare("GT", k, splat(f, 0, [n], "i32")), f.compare("LT", k, splat(f, v, [n], "i32")));
  const tauK = smallestKey(f, eBits, splat(f, 1, shape, "f32"), f.convert(k, "f32"), kOn);
  const e1 = orZero(f, f.or(row(f.not(kOn)), f.compare("GE", eBits, row(tauK))), e);
  const p1 = f.divide(e1, row(rowSum(f, e1)));
  // top-p: keep j when the mass strictly more probable than j is < top_p; off unless top_p < 1.
  const pBits = bitcast(f, p1, "i32");
  const pOn = f.compare("LT", tp, splat(f, 1, [n], "f32"));
  const maxBits = f.reduce(pBits, splat(f, 0, [], "i32"), [1], "maximum");
  const tauP = f.minimum(smallestKey(f, pBits, p1, tp, pOn), maxBits);
  const p2 = orZero(f, f.or(row(f.not(pOn)), f.compare("GE", pBits, row(tauP))), p1);
  const p = f.divide(p2, row(rowSum(f, p2)));
  // temperature <= 0: one-hot at the argmax, so the sampling kernels reproduce the greedy ones.
  const greedy = f.compare("EQ", f.iota(tensorType(shape, "i32"), 1), row(argmax(f, l)));
  const oneHot = f.select(greedy, splat(f, 1, shape, "f32"), splat(f, 0, shape, "f32"));
  return f.reshape(f.select(row(sampling), p, oneHot), [r, q, v]);
}

/** block `[R, K]`, probs `[R, K, V]`, uniforms `[R, K]` → accepted `[R]`, tokens `[R, K]`. */
function acceptSample(f: FuncBuilder, block: Value, probs: Value, uniforms: Value): Value[] {
  const [r, k, v] = probs.type.shape;
  const u = f.clamp(splat(f, 0, [], "f32"), uniforms, splat(f, U_MAX, [], "f32"));
  // next[:, j] = block[:, j+1], the draft token row j judges; -1 (none) in the last column.
  const none = splat(f, -1, [r, 1], "i32");
  const next = k === 1 ? none : f.concatenate([f.slice(block, [0, 1], [r, k]), none], 1);
  const shape3 = [r, k, v];
  const isNext = f.compare("EQ", f.iota(tensorType(shape3, "i32"), 2), bcast(f, next, shape3, [0, 1]));
  const pNext = f.reduce(orZero(f, isNext, probs), splat(f, 0, [], "f32"), [2], "maximum");
  // Row j accepts its draft token iff u[j] < p_j(next[j]); the last column never accepts, so the
  // minimum over "K-1 if accepted else j" is the number of leading acceptances.
  const col = f.iota(tensorType([r, k], "i32"), 1);
  const accepts = f.compare("LT", u, pNext);
  const a = f.reduce(f.select(accepts, splat(f, k - 1, [r, k], "i32"), col), splat(f, k - 1, [], "i32"), [1], "minimum");
  // The final token: row a's probabilities without its draft token (the residual of a one-hot draft;
  // the plain distribution when a = K-1), drawn with the last uniform u[K-1]. Row a is picked by a
  // masked sum over the block (exact: one term, the rest +0).
  const aRow = bcast(f, a, [r, k], [0]);
  const atA = f.compare("EQ", col, aRow);
  const residual = f.select(isNext, splat(f, 0, shape3, "f32"), probs);
  const rowA = f.reduce(orZero(f, bcast(f, atA, shape3, [0, 1]), residual), splat(f, 0, [], "f32"), [1], "add");
  const drawn = bcast(f, inverseCdf(f, rowA, f.reshape(f.slice(u, [0, k - 1], [r, k]), [r])), [r, k], [0]);
  const mode = f.reshape(argmax(f, f.reshape(probs, [r * k, v])), [r, k]);
  const tokens = f.select(f.compare("LT", col, aRow), next, f.select(atA, drawn, mode));
  return [a, tokens];
}

export const SAMPLING_RULES: StableHloRules = {
  samplingProbs: (f, [logits, temperature, topK, topP]) => [samplingProbs(f, logits, temperature, topK, topP)],
  acceptSample: (f, [block, probs, uniforms]) => acceptSample(f, block, probs, uniforms),
};
