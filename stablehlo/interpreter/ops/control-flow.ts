/** while, if, case, func.call and optimization_barrier. */
import { symbolAttr } from "../attrs.js";
import type { OpRule } from "../context.js";
import { InterpreterError } from "../errors.js";
import type { Tensor } from "../tensor.js";

export const whileRule: OpRule = (op, operands, ctx) => {
  const [cond, body] = op.regions;
  if (!cond || !body) throw new InterpreterError(`${op.name}: needs a cond and a body region`, op.loc);
  let values: Tensor[] = [...operands];
  for (;;) {
    const [pred] = ctx.runRegion(cond, values);
    if (!pred || pred.data.length !== 1) throw new InterpreterError(`${op.name}: cond must return one tensor<i1>`, op.loc);
    if (!pred.data[0]) return values;
    values = ctx.runRegion(body, values);
  }
};

/** `if %pred` runs the first region when true, the second otherwise. */
export const ifRule: OpRule = (op, [pred], ctx) => ctx.runRegion(op.regions[pred.data[0] ? 0 : 1], []);

/** `case %index`: an index outside [0, n) runs the last branch, per the spec. */
export const caseRule: OpRule = (op, [index], ctx) => {
  const n = op.regions.length;
  const i = Number(index.data[0]);
  return ctx.runRegion(op.regions[i >= 0 && i < n ? i : n - 1], []);
};

export const callRule: OpRule = (op, operands, ctx) => ctx.callFunction(symbolAttr(op, "callee"), operands);
