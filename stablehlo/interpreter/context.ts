/** What an op's evaluation rule receives besides its operands. */
import type { Op, Region, SourceLoc } from "../ir.js";
import type { Tensor } from "./tensor.js";

/** The outcome of one `check.*` op. */
export interface CheckResult {
  readonly passed: boolean;
  readonly loc?: SourceLoc;
  readonly message: string;
}

export interface EvalContext {
  /** Runs the first block of a region with the given block arguments; returns its terminator's operands. */
  runRegion(region: Region, args: readonly Tensor[]): Tensor[];
  /** Calls a function of the current module by name. */
  callFunction(name: string, args: readonly Tensor[]): Tensor[];
  /** Records the outcome of a `check.*` op. */
  recordCheck(check: CheckResult): void;
}

/** One op's evaluation rule: operands in, results out (in the order of `op.results`). */
export type OpRule = (op: Op, operands: readonly Tensor[], ctx: EvalContext) => Tensor[];
