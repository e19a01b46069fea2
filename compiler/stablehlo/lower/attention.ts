/**
 * StableHLO lowering of attention: masks from iota/compare, then one shared softmax-attention core
 * (f32 scores, `-inf` where masked, max-subtracted softmax, GQA by splitting query heads into
 * `[kvHeads, rep]` and batching over KV heads in dot_general). Paged attention gathers every key of
 * each group's pages, so a large bucket (prefill's T groups) runs it over chunks of groups in a
 * `while` loop to bound the temporaries.
 */
import type { FuncBuilder } from "../../../stablehlo/builder.js";
import { tensorType, type Value } from "../../../stablehlo/ir.js";
import { bcast, fromF32, splat, toF32, withScalar, type StableHloRules } from "./context.js";
import { readPagedCache, type Layer } from "./cache.js";
import { gatherRows } from "./dense.js";

/** `q[G, Q, heads, D]` over `k, v[G, S, kvHeads, D]` where `valid[G, Q, S]` → `[G, Q, heads, D]` in q's dtype. */
function attend(f: FuncBuilder, q: Value, k: Value, v: Value, valid: Value): Value {
  const [g, nq, heads, d] = q.type.shape;
  const kvHeads = k.type.shape[2];
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

/** What one pagedAttention may hold at once: gathered K/V, their f32 copies and the f32 scores. */
export const PAGED_ATTENTION_BUDGET_BYTES = 1 << 30;

/**
 * Groups per chunk: the largest divisor of G whose temporaries fit `budget` (at least 1). Without it,
 * an 8B prefill at T=8192 would gather `[T, P*pageSize, kvHeads, D]` — over 100 GB.
 */
export function pagedAttentionChunk(q: Value, pool: Value, tables: Value, budget: number): number {
  const [g, nq, heads] = q.type.shape;
  const [, , kvHeads, , ps, d] = pool.type.shape;
  const keys = tables.type.shape[1] * ps;
  const elem = pool.type.element === "f32" ? 4 : 2;
  const perGroup = keys * (kvHeads * d * 2 * (elem + 4) + nq * heads * 4 * 4);
  let c = Math.max(1, Math.min(g, Math.floor(budget / perGroup)));
  while (g % c !== 0) c--;
  return c;
}

/** Causal paged attention of all groups at once (see OpAttrMap.pagedAttention). */
function pagedAttentionAll(f: FuncBuilder, q: Value, pool: Value, tables: Value, positions: Value, layer: Layer): Value {
  const k = readPagedCache(f, pool, tables, layer, 0);
  const v = readPagedCache(f, pool, tables, layer, 1);
  const [g, nq] = positions.type.shape;
  const s = k.type.shape[1];
  const shape = [g, nq, s];
  const valid = f.compare("LE", f.iota(tensorType(shape, "i32"), 2), bcast(f, positions, shape, [0, 1]));
  return attend(f, q, k, v, valid);
}

/**
 * Paged attention in chunks of groups that fit `budget`: one chunk is the plain form; more run in a
 * `while` over group offsets (dynamic_slice in, dynamic_update_slice out). Each group's math is the
 * same either way, so the results are bit-identical.
 */
export function pagedAttention(f: FuncBuilder, q: Value, pool: Value, tables: Value, positions: Value, layer: Layer, budget = PAGED_ATTENTION_BUDGET_BYTES): Value {
  const [g, nq, heads, d] = q.type.shape;
  const c = pagedAttentionChunk(q, pool, tables, budget);
  if (c === g) return pagedAttentionAll(f, q, pool, tables, positions, layer);
  const p = tables.type.shape[1];
  const [, out] = f.while(
    [splat(f, 0, [], "i32"), splat(f, 0, q.type.shape, q.type.element)],
    (w, [i]) => w.compare("LT", i, splat(w, g, [], "i32")),
    (w, [i, acc]) => {
      const zero = splat(w, 0, [], "i32");
      const at = (t: Value, sizes: number[]) => w.dynamicSlice(t, [i, ...sizes.slice(1).map(() => zero)], sizes);
      const o = pagedAttentionAll(w, at(q, [c, nq, heads, d]), pool, at(tables, [c, p]), at(positions, [c, nq]), layer);
      return [withScalar(w, "add", i, c), w.dynamicUpdateSlice(acc, o, [i, zero, zero, zero])];
    },
  );
  return out;
}

export const ATTENTION_RULES: StableHloRules = {
  // With a groupTable, each group's row of the block tables first (`[R, P]` → `[G, P]`, clamped like XLA).
  pagedAttention: (f, [q, pool, tables, positions, layer, groupTable]) => [
    pagedAttention(f, q, pool, groupTable ? gatherRows(f, tables, groupTable) : tables, positions, layer),
  ],
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
