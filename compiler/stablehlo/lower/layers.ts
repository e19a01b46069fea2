/**
 * The layer loop: `scanLayers` as one `stablehlo.while` over the layer index, the layer function
 * called once in its body. Each stacked weight `[L, ...]` is sliced at the index (`dynamic_slice`);
 * carries are loop values. Collected layers (the drafter's target features) go to a buffer
 * `[U + 1, ...]` through a constant layer → slot table, slot U taking every other layer's write (a
 * trash row, as `dynamic_update_slice` clamps rather than drops), then come out by static slices.
 */
import type { StableHloRules } from "./context.js";
import { splat, withScalar } from "./context.js";
import { tensorType, type Value } from "../../../stablehlo/ir.js";
import type { FuncBuilder } from "../../../stablehlo/builder.js";

/** Row `i` (an i32 scalar) of `x[L, ...]`, without its leading axis; `zero` is an i32 scalar 0. */
function layerRow(f: FuncBuilder, x: Value, i: Value, zero: Value): Value {
  const rest = x.type.shape.slice(1);
  return f.reshape(f.dynamicSlice(x, [i, ...rest.map(() => zero)], [1, ...rest]), rest);
}

export const LAYER_RULES: StableHloRules = {
  scanLayers: (f, x, { callee, layers, carries, invariants, collect }) => {
    const carried = x.slice(0, carries);
    const fixed = x.slice(carries, carries + invariants);
    const stacked = x.slice(carries + invariants);
    const kept = [...new Set(collect)].sort((a, b) => a - b);
    const shape = carried[0].type.shape;
    const element = carried[0].type.element;
    const slotOf = new Map(kept.map((l, s) => [l, s]));
    const buffer = kept.length > 0 ? [splat(f, 0, [kept.length + 1, ...shape], element)] : [];
    const slots = kept.length > 0 ? f.constant(tensorType([layers], "i32"), Array.from({ length: layers }, (_, l) => slotOf.get(l) ?? kept.length)) : null;
    const [, ...out] = f.while(
      [splat(f, 0, [], "i32"), ...carried, ...buffer],
      (w, [i]) => w.compare("LT", i, splat(w, layers, [], "i32")),
      (w, [i, ...vals]) => {
        const zero = splat(w, 0, [], "i32");
        const next = w.call(callee, [...vals.slice(0, carries), ...fixed, i, ...stacked.map((s) => layerRow(w, s, i, zero))]);
        if (!slots) return [withScalar(w, "add", i, 1), ...next];
        const row = w.reshape(next[0], [1, ...shape]);
        const buf = w.dynamicUpdateSlice(vals[carries], row, [layerRow(w, slots, i, zero), ...shape.map(() => zero)]);
        return [withScalar(w, "add", i, 1), ...next, buf];
      },
    );
    const finals = out.slice(0, carries);
    const collected = collect.map((l) => {
      const s = slotOf.get(l)!;
      return f.reshape(f.slice(out[carries], [s, ...shape.map(() => 0)], [s + 1, ...shape]), shape);
    });
    return [...finals, ...collected];
  },
};
