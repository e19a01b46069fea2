/**
 * The interpreter's test ops. Each records a pass or a failure with the op's location instead of
 * throwing, so a test file reports all of its checks.
 * - check.expect_eq(%a, %b), check.expect_eq_const(%a, dense<...>): exact (bitwise for floats: NaN
 *   equals NaN, -0 differs from +0).
 * - check.expect_almost_eq(%a, %b), check.expect_almost_eq_const(%a, dense<...>): |a - b| <= tolerance
 *   (attribute `tolerance`, default 1e-4 as the reference interpreter's).
 * - check.expect_close(%actual, %expected): within `max_ulp_difference` ULPs (default 3) and at least
 *   `min_ulp_difference` (default 0).
 * `stablehlo.custom_call @check.*(...)` is routed to the same rules.
 */
import type { Attribute, Op } from "../../ir.js";
import { formatType, isFloat } from "../../ir.js";
import { optFloatAttr } from "../attrs.js";
import type { EvalContext, OpRule } from "../context.js";
import { InterpreterError } from "../errors.js";
import { roundBf16 } from "../bf16.js";
import { formatTensor, tensorFromDense, type Scalar, type Tensor } from "../tensor.js";

export const DEFAULT_TOLERANCE = 1e-4;

/** The expected tensor of a `_const` check: its first dense attribute. */
function constOperand(op: Op): Tensor {
  const dense = (op.attrs["value"] ?? Object.values(op.attrs).find((a: Attribute) => a.kind === "dense")) as Attribute | undefined;
  if (dense?.kind !== "dense") throw new InterpreterError(`${op.name}: missing the expected dense<...> value`, op.loc);
  return tensorFromDense(dense.value);
}

type Compare = (a: Scalar, b: Scalar) => boolean;

function compareAll(op: Op, ctx: EvalContext, actual: Tensor, expected: Tensor, same: Compare, how: string): void {
  const shapeOk =
    actual.type.shape.length === expected.type.shape.length && actual.type.shape.every((d, i) => d === expected.type.shape[i]);
  if (!shapeOk || actual.type.element !== expected.type.element) {
    ctx.recordCheck({
      passed: false,
      loc: op.loc,
      message: `${op.name}: type mismatch: got ${formatType(actual.type)}, expected ${formatType(expected.type)}`,
    });
    return;
  }
  let bad = 0;
  let first = -1;
  for (let i = 0; i < actual.data.length; i++) {
    if (!same(actual.data[i], expected.data[i])) {
      if (first < 0) first = i;
      bad++;
    }
  }
  if (bad === 0) {
    ctx.recordCheck({ passed: true, loc: op.loc, message: `${op.name}: ok` });
    return;
  }
  ctx.recordCheck({
    passed: false,
    loc: op.loc,
    message:
      `${op.name}: ${bad} of ${actual.data.length} elements differ (${how}); first at flat index ${first}: ` +
      `got ${actual.data[first]}, expected ${expected.data[first]}\n  got:      ${formatTensor(actual)}\n  expected: ${formatTensor(expected)}`,
  });
}

const exact: Compare = (a, b) => Object.is(a, b);

function almost(tolerance: number): Compare {
  return (a, b) => Object.is(a, b) || a === b || (typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= tolerance);
}

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** Position of a float on the line of representable values of its type (ULP distance = difference). */
function ulpKey(element: string, x: number): number {
  if (element === "f64") {
    f64[0] = x;
    const b = i64[0];
    return Number(b < 0n ? -(b & 0x7fffffffffffffffn) : b);
  }
  f32[0] = element === "bf16" ? roundBf16(x) : x;
  const b = i32[0];
  const key = b < 0 ? -(b & 0x7fffffff) : b;
  return element === "bf16" ? key / 65536 : key;
}

function close(op: Op, element: string): Compare {
  const maxUlp = optFloatAttr(op, "max_ulp_difference") ?? 3;
  const minUlp = optFloatAttr(op, "min_ulp_difference") ?? 0;
  return (a, b) => {
    if (typeof a === "bigint" || typeof b === "bigint") return a === b && minUlp === 0;
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) && minUlp === 0;
    if (!isFloat(element as Tensor["type"]["element"])) return a === b && minUlp === 0;
    const d = Math.abs(ulpKey(element, a) - ulpKey(element, b));
    return d <= maxUlp && d >= minUlp;
  };
}

export const expectEqRule: OpRule = (op, [a, b], ctx) => {
  compareAll(op, ctx, a, b, exact, "exact");
  return [];
};

export const expectEqConstRule: OpRule = (op, [a], ctx) => {
  compareAll(op, ctx, a, constOperand(op), exact, "exact");
  return [];
};

export const expectAlmostEqRule: OpRule = (op, [a, b], ctx) => {
  const tol = optFloatAttr(op, "tolerance") ?? DEFAULT_TOLERANCE;
  compareAll(op, ctx, a, b, almost(tol), `tolerance ${tol}`);
  return [];
};

export const expectAlmostEqConstRule: OpRule = (op, [a], ctx) => {
  const tol = optFloatAttr(op, "tolerance") ?? DEFAULT_TOLERANCE;
  compareAll(op, ctx, a, constOperand(op), almost(tol), `tolerance ${tol}`);
  return [];
};

export const expectCloseRule: OpRule = (op, [a, b], ctx) => {
  compareAll(op, ctx, a, b, close(op, a.type.element), "ulp distance");
  return [];
};

const CHECK_TARGETS: Record<string, OpRule> = {
  "check.expect_eq": expectEqRule,
  "check.expect_eq_const": expectEqConstRule,
  "check.expect_almost_eq": expectAlmostEqRule,
  "check.expect_almost_eq_const": expectAlmostEqConstRule,
  "check.expect_close": expectCloseRule,
};

/** `stablehlo.custom_call @check.expect_*(...)`: only check targets are interpretable. */
export const customCallRule: OpRule = (op, operands, ctx) => {
  const target = op.attrs["call_target_name"];
  const name = target && (target.kind === "symbol" || target.kind === "string") ? target.value : undefined;
  const rule = name ? CHECK_TARGETS[name] : undefined;
  if (!rule) throw new InterpreterError(`stablehlo.custom_call: unsupported call target '${name ?? "?"}'`, op.loc);
  return rule(op, operands, ctx);
};
