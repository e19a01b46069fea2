/**
 * StableHLO lowering of the device-resident request state ops (docs/kernels.md, "Device-resident
 * request state"): the row write by slot is a scatter (out-of-range slots dropped, as XLA does), the
 * state rows are selects, a per-row gather and an add.
 */
import type { FuncBuilder } from "../../../stablehlo/builder.js";
import { tensorType, type Value } from "../../../stablehlo/ir.js";
import { splat, withScalar, type StableHloRules } from "./context.js";

/** `table[S, ...]` with row `idx[n]` replaced by `rows[n]`; rows at an index outside `0..S-1` are dropped. */
function scatterRows(f: FuncBuilder, table: Value, idx: Value, rows: Value): Value {
  const rest = table.type.shape.slice(1);
  const n = idx.type.shape[0];
  return f.scatter(
    table,
    f.reshape(idx, [n, 1]),
    rows,
    { updateWindowDims: rest.map((_, i) => i + 1), insertedWindowDims: [0], scatterDimsToOperandDims: [0], indexVectorDim: 1 },
    "replace",
  );
}

/** Two `[R]` columns side by side → `[R, 2]`. */
function columns(f: FuncBuilder, a: Value, b: Value): Value {
  const r = a.type.shape[0];
  return f.concatenate([f.reshape(a, [r, 1]), f.reshape(b, [r, 1])], 1);
}

/** `tokens[r, a[r]]` of `tokens[R, K]`: one gather at `(r, a[r])`. */
function pickColumn(f: FuncBuilder, tokens: Value, a: Value): Value {
  const r = tokens.type.shape[0];
  const row = f.reshape(f.iota(tensorType([r], "i32"), 0), [r, 1]);
  return f.gather(
    tokens,
    f.concatenate([row, f.reshape(a, [r, 1])], 1),
    { offsetDims: [], collapsedSliceDims: [0, 1], startIndexMap: [0, 1], indexVectorDim: 1 },
    [1, 1],
  );
}

export const STATE_RULES: StableHloRules = {
  scatterRows: (f, [table, idx, rows]) => [scatterRows(f, table, idx, rows)],
  stateRows: (f, [next, held, lens]) => {
    const r = next.type.shape[0];
    const token = f.select(f.compare("GE", held, splat(f, 0, [r], "i32")), held, next);
    return [columns(f, token, lens)];
  },
  advanceState: (f, [state, tokens, accepted]) => {
    const [r, k] = tokens.type.shape;
    const a = accepted ? f.minimum(f.maximum(accepted, splat(f, 0, [r], "i32")), splat(f, k - 1, [r], "i32")) : splat(f, 0, [r], "i32");
    const len = f.reshape(f.slice(state, [0, 1], [r, 2]), [r]);
    return [columns(f, pickColumn(f, tokens, a), f.add(withScalar(f, "add", len, 1), a))];
  },
};
