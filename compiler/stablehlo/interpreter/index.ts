/** The StableHLO interpreter's public surface. */
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_STEPS,
  Interpreter,
  runFunction,
  runModule,
  type InterpreterOptions,
  type ModuleRun,
} from "./interpreter.js";
export type { CheckResult, EvalContext, OpRule } from "./context.js";
export { InterpreterError, InterpreterLimitError, formatBytes, formatLoc, type LimitKind } from "./errors.js";
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
