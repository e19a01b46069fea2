/**
 * StableHLO lowering of the cache ops. Writes by flat row are scatters (out-of-range rows are dropped,
 * as XLA does); the static draft cache's block writes are one scatter whose starts are clamped first,
 * as `dynamic_update_slice` clamps them (the runtime keeps clamping impossible); reads are gathers.
 */
import type { FuncBuilder } from "../../../stablehlo/builder.js";
import type { Value } from "../../../stablehlo/ir.js";
import { bcast, splat, type StableHloRules } from "./context.js";

/** A layer index, static (an attribute) or dynamic (an i32 scalar operand of a shared layer function). */
export type Layer = number | Value;

/** `layer` broadcast to an i32 index tensor of `shape`. */
function layerIndices(f: FuncBuilder, layer: Layer, shape: readonly number[]): Value {
  return typeof layer === "number" ? splat(f, layer, shape, "i32") : bcast(f, layer, shape, []);
}

/** `[N, 2]` scatter/gather indices `(layer, row)`. */
function layerAndRow(f: FuncBuilder, layer: Layer, rows: Value): Value {
  const n = rows.type.shape[0];
  return f.concatenate([layerIndices(f, layer, [n, 1]), f.reshape(rows, [n, 1])], 1);
}

/**
 * K and V `[N, kvHeads, D]` into pool `[L, 2, kvHeads, pages, pageSize, D]` at flat rows
 * `page*pageSize + slot`: the pool viewed as `[L, 2, kvHeads, pages*pageSize, D]` takes one
 * `[2, kvHeads, D]` window per row, at `(layer, row)` on axes 0 and 3.
 */
function writePagedRows(f: FuncBuilder, pool: Value, k: Value, v: Value, rows: Value, layer: Layer): Value {
  const [l, two, h, pages, ps, d] = pool.type.shape;
  const n = rows.type.shape[0];
  const flat = f.reshape(pool, [l, two, h, pages * ps, d]);
  const kv = f.concatenate([f.reshape(k, [n, 1, h, d]), f.reshape(v, [n, 1, h, d])], 1);
  const written = f.scatter(
    flat,
    layerAndRow(f, layer, rows),
    kv,
    { updateWindowDims: [1, 2, 3], insertedWindowDims: [0, 3], scatterDimsToOperandDims: [0, 3], indexVectorDim: 1 },
    "replace",
  );
  return f.reshape(written, pool.type.shape);
}

/** `x[N, kvHeads, D]` into a static cache `[L, slots, capacity, kvHeads, D]` at flat rows `slot*capacity + position`. */
function writeStaticRows(f: FuncBuilder, cache: Value, x: Value, rows: Value, layer: number): Value {
  const [l, slots, cap, h, d] = cache.type.shape;
  const flat = f.reshape(cache, [l, slots * cap, h, d]);
  const written = f.scatter(
    flat,
    layerAndRow(f, layer, rows),
    x,
    { updateWindowDims: [1, 2], insertedWindowDims: [0, 1], scatterDimsToOperandDims: [0, 1], indexVectorDim: 1 },
    "replace",
  );
  return f.reshape(written, cache.type.shape);
}

/**
 * Each request's K rows `x[r]` into its slot at row `starts[r]`, with dynamic_update_slice's semantics
 * (slot and start clamped so the block fits) but as one scatter of R windows: a dynamic_update_slice
 * per request would unroll R ops per layer and copy the cache each time.
 */
function writeStaticBlock(f: FuncBuilder, cache: Value, x: Value, slots: Value, starts: Value, layer: number): Value {
  const [, numSlots, cap] = cache.type.shape;
  const [r, k] = x.type.shape;
  const clampTo = (t: Value, hi: number) => f.minimum(f.maximum(t, splat(f, 0, [r], "i32")), splat(f, hi, [r], "i32"));
  const column = (t: Value) => f.reshape(t, [r, 1]);
  const idx = f.concatenate([splat(f, layer, [r, 1], "i32"), column(clampTo(slots, numSlots - 1)), column(clampTo(starts, cap - k))], 1);
  return f.scatter(
    cache,
    idx,
    x,
    { updateWindowDims: [1, 2, 3], insertedWindowDims: [0, 1], scatterDimsToOperandDims: [0, 1, 2], indexVectorDim: 1 },
    "replace",
  );
}

export const CACHE_RULES: StableHloRules = {
  writePagedRows: (f, [pool, k, v, rows, layer]) => [writePagedRows(f, pool, k, v, rows, layer)],
  writeStaticRows: (f, [cache, x, rows], { layer }) => [writeStaticRows(f, cache, x, rows, layer)],
  writeStaticBlock: (f, [cache, x, slots, starts], { layer }) => [writeStaticBlock(f, cache, x, slots, starts, layer)],
  readStaticCache: (f, [cache, slots], { layer }) => {
    const [, , cap, h, d] = cache.type.shape;
    return [
      f.gather(
        cache,
        layerAndRow(f, layer, slots),
        { offsetDims: [1, 2, 3], collapsedSliceDims: [0, 1], startIndexMap: [0, 1], indexVectorDim: 1 },
        [1, 1, cap, h, d],
      ),
    ];
  },
  readPagedCache: (f, [pool, tables], { layer, kv }) => [readPagedCache(f, pool, tables, layer, kv)],
};

/**
 * A pool's K (kv 0) or V (1) rows through `tables[G, P]` → `[G, P*pageSize, kvHeads, D]`: one gather
 * of `[kvHeads, pageSize, D]` per table entry at `(layer, kv, page)` (page clamped, as XLA does), then
 * positions before heads.
 */
export function readPagedCache(f: FuncBuilder, pool: Value, tables: Value, layer: Layer, kv: 0 | 1): Value {
  const [, , h, , ps, d] = pool.type.shape;
  const [g, p] = tables.type.shape;
  const idx = f.concatenate(
    [layerIndices(f, layer, [g, p, 1]), splat(f, kv, [g, p, 1], "i32"), f.reshape(tables, [g, p, 1])],
    2,
  );
  const pages = f.gather(
    pool,
    idx,
    { offsetDims: [2, 3, 4], collapsedSliceDims: [0, 1, 3], startIndexMap: [0, 1, 3], indexVectorDim: 2 },
    [1, 1, h, 1, ps, d],
  );
  // [G, P, kvHeads, pageSize, D] → [G, P, pageSize, kvHeads, D] → [G, P*pageSize, kvHeads, D].
  return f.reshape(f.transpose(pages, [0, 1, 3, 2, 4]), [g, p * ps, h, d]);
}
