/**
 * The decode loop (docs/kernels.md, "decode_loop_c<C>"): `cycleLoop` as one `stablehlo.while` whose
 * condition stops at `cycles` iterations or once no row of `remaining` is above 0, the cycle function
 * called once in its body; and the small ops a cycle needs: masking a stopped row's inputs, the budget
 * update, and the per-cycle output buffers.
 */
import type { FuncBuilder } from "../../../stablehlo/builder.js";
import { tensorType, type Value } from "../../../stablehlo/ir.js";
import { bcast, splat, withScalar, type StableHloRules } from "./context.js";

/** `x > 0` elementwise (i1). */
const positive = (f: FuncBuilder, x: Value) => f.compare("GT", x, splat(f, 0, x.type.shape, "i32"));

export const CYCLE_RULES: StableHloRules = {
  cycleLoop: (f, x, { callee, cycles, carries }) => {
    const carried = x.slice(0, carries);
    const fixed = x.slice(carries);
    const [, ...out] = f.while(
      [splat(f, 0, [], "i32"), ...carried],
      (w, [i, remaining]) => {
        const anyLive = w.compare("GT", w.reduce(remaining, splat(w, 0, [], "i32"), [0], "maximum"), splat(w, 0, [], "i32"));
        return w.and(w.compare("LT", i, splat(w, cycles, [], "i32")), anyLive);
      },
      (w, [i, ...vals]) => [withScalar(w, "add", i, 1), ...w.call(callee, [...vals, ...fixed, i])],
    );
    return out;
  },
  maskRows: (f, [x, live], { fill }) => {
    const keep = bcast(f, positive(f, live), x.type.shape, [0]);
    return [f.select(keep, x, splat(f, fill, x.type.shape, "i32"))];
  },
  remainingAfter: (f, [remaining, tokens, accepted, stopIds]) => {
    const [r, k] = tokens.type.shape;
    const s = stopIds.type.shape[1];
    const cube = [r, k, s];
    const a = f.minimum(f.maximum(accepted, splat(f, 0, [r], "i32")), splat(f, k - 1, [r], "i32"));
    const isStop = f.compare("EQ", bcast(f, tokens, cube, [0, 1]), bcast(f, stopIds, cube, [0, 2]));
    const committed = f.compare("LE", f.iota(tensorType(cube, "i32"), 1), bcast(f, a, cube, [0]));
    const hits = f.select(f.and(isStop, committed), splat(f, 1, cube, "i32"), splat(f, 0, cube, "i32"));
    const hit = positive(f, f.reduce(hits, splat(f, 0, [], "i32"), [1, 2], "maximum"));
    const spent = f.maximum(f.subtract(remaining, withScalar(f, "add", a, 1)), splat(f, 0, [r], "i32"));
    const next = f.select(hit, splat(f, 0, [r], "i32"), spent);
    return [f.select(positive(f, remaining), next, remaining)];
  },
  writeCycle: (f, [buf, x, i]) => {
    const zero = splat(f, 0, [], "i32");
    return [f.dynamicUpdateSlice(buf, f.reshape(x, [1, ...x.type.shape]), [i, ...x.type.shape.map(() => zero)])];
  },
  cycleBuffer: (f, [rows], { cycles, rowShape, value }) => [splat(f, value, [cycles, rows.type.shape[0], ...rowShape], "i32")],
};
