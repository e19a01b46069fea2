/**
 * StableHLO lowering of attention: masks from iota/compare, then one shared softmax-attention core
 * (f32 scores, `-inf` where masked, max-subtracted softmax, GQA by splitting query heads into
 * `[kvHeads, rep]` and batching over KV heads in dot_general).
 */
import type { FuncBuilder } from "../builder.js";
import { tensorType, type Value } from "../ir.js";
import { bcast, fromF32, splat, toF32, withScalar, type StableHloRules } from "./context.js";
import { readPagedCache } from "./cache.js";

/** `q[G, Q, heads, D]` over `k, v[G, S, kvHeads, D]` where `valid[G, Q, S]` → `[G, Q, heads, D]` in q's dtype. */
function attend(f: FuncBuilder, q: Value, k: Value, v: Value, valid: Value): Value {
  const [g, nq, heads, d] = q.type.shape;
  const [, s, kvHeads] = k.type.shape;
  const rep = heads / kvHeads;
  const q5 = f.reshape(toF32(f, q), [g, nq, kvHeads, rep, d]);
  // [G, kvHeads, Q, rep, S]: batch (G, kvHeads), then q's free dims, then k's.
  const raw = f.dotGeneral(q5, toF32(f, k), { lhsBatch: [0, 2], rhsBatch: [0, 2], lhsContract: [4], rhsContract: [3] });
  const scores = withScalar(f, "multiply", raw, 1 / Math.sqrt(d));
  const shape = scores.type.shape;
  const masked = f.select(bcast(f, valid, shape, [0, 2, 4]), scores, splat(f, -Infinity, shape, "f32"));
  const rowDims = [0, 1, 2, 3];
  const max = f.reduce(masked, splat(f, -Infinity, [], "f32"), [4], "maximum");
  const e = f.exp(f.subtract(masked, bcast(f, max, shape, rowDims)));
  const sum = f.reduce(e, splat(f, 0, [], "f32"), [4], "add");
  const p = f.divide(e, bcast(f, sum, shape, rowDims));
  // [G, kvHeads, Q, rep, D] → [G, Q, kvHeads, rep, D] → [G, Q, heads, D].
  const o = f.dotGeneral(p, toF32(f, v), { lhsBatch: [0, 1], rhsBatch: [0, 2], lhsContract: [4], rhsContract: [1] });
  return fromF32(f, f.reshape(f.transpose(o, [0, 2, 1, 3, 4]), [g, nq, heads, d]), q.type.element);
}

export const ATTENTION_RULES: StableHloRules = {
  pagedAttention: (f, [q, pool, tables, positions, layer]) => {
    const k = readPagedCache(f, pool, tables, layer, 0);
    const v = readPagedCache(f, pool, tables, layer, 1);
    const [g, nq] = positions.type.shape;
    const s = k.type.shape[1];
    const shape = [g, nq, s];
    const valid = f.compare("LE", f.iota(tensorType(shape, "i32"), 2), bcast(f, positions, shape, [0, 1]));
    return [attend(f, q, k, v, valid)];
  },
  blockAttention: (f, [q, kCtx, vCtx, kBlk, vBlk, seqLens], { window }) => {
    const [r, k] = q.type.shape;
    const c = kCtx.type.shape[1];
    const shape = [r, k, c + k];
    const key = f.iota(tensorType(shape, "i32"), 2);
    const len = bcast(f, seqLens, shape, [0]);
    let ctxValid = f.compare("LT", key, len);
    if (window !== null) {
      // Block row i sits at position seq_len + i; a context row p is in its window when p > that - window.
      const lowest = withScalar(f, "subtract", f.add(len, f.iota(tensorType(shape, "i32"), 1)), window);
      ctxValid = f.and(ctxValid, f.compare("GT", key, lowest));
    }
    const valid = f.or(f.compare("GE", key, splat(f, c, shape, "i32")), ctxValid);
    return [attend(f, q, f.concatenate([kCtx, kBlk], 1), f.concatenate([vCtx, vBlk], 1), valid)];
  },
};
