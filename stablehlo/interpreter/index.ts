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
export { recoverExactI64 } from "./exact-literals.js";
export { binaryKernel64, compareKernel64, fromI64, jsonI64, toI64, unaryKernel64 } from "./i64.js";
export {
  allocData,
  formatTensor,
  scalarTensor,
  tensorFromDense,
  tensorFromValues,
  toArray,
  values,
  zeros,
  exactI64Values,
  type Tensor,
  type TensorData,
  type NumberData,
  type Scalar,
} from "./tensor.js";
