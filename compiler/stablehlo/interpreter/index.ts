/** The StableHLO interpreter's public surface. */
export { Interpreter, runFunction, runModule, type ModuleRun } from "./interpreter.js";
export type { CheckResult, EvalContext, OpRule } from "./context.js";
export { InterpreterError, formatLoc } from "./errors.js";
export { OP_TABLE, lookupRule } from "./op-table.js";
export { roundBf16 } from "./bf16.js";
export {
  allocData,
  formatTensor,
  scalarTensor,
  tensorFromDense,
  tensorFromValues,
  toArray,
  zeros,
  type Tensor,
  type TensorData,
} from "./tensor.js";
