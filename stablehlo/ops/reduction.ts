/** reduce: N inputs and N init values, one body region. */
import { type Op, sameType } from "../ir.js";
import { reduceRule } from "../interpreter/ops/reduce.js";
import { blockArgs, formatAttrDict, functionalType, ints as printInts } from "../printer/format.js";
import { checkDims, checkRegion, fail, ints, sameShape, t, tensor } from "./rule-helpers.js";
import type { OpDef, PrettyPrinter, TypeRule } from "./types.js";

const reduce: TypeRule = (ops, attrs, regions) => {
  if (ops.length === 0 || ops.length % 2 !== 0) fail("expects N inputs followed by N init values");
  const n = ops.length / 2;
  const inputs = ops.slice(0, n);
  const inits = ops.slice(n);
  const dims = ints(attrs, "dimensions");
  for (const x of inputs) {
    if (!sameShape(x.shape, inputs[0].shape)) fail(`inputs must share one shape: ${t(inputs[0])} vs ${t(x)}`);
  }
  checkDims(dims, inputs[0].shape.length, "reduced dimension");
  inits.forEach((init, i) => {
    if (init.shape.length !== 0) fail(`init value ${i} must be a scalar, got ${t(init)}`);
    if (init.element !== inputs[i].element) fail(`init value ${i} ${t(init)} must have the element type of input ${t(inputs[i])}`);
  });
  if (regions.length !== 1) fail("expects one body region");
  checkRegion(regions[0], "the reduce body", [...inits, ...inits], inits);
  const shape = inputs[0].shape.filter((_, i) => !dims.includes(i));
  return inits.map((init) => tensor(shape, init.element));
};

/** `applies stablehlo.add` when the body is one binary op on the two block arguments, as MLIR prints it. */
function compactReducer(op: Op): string | undefined {
  if (op.operands.length !== 2 || op.regions.length !== 1 || op.regions[0].blocks.length !== 1) return undefined;
  const init = op.operands[1].type;
  const b = op.regions[0].blocks[0];
  if (init.shape.length !== 0 || b.args.length !== 2 || b.ops.length !== 2) return undefined;
  const [inner, ret] = b.ops;
  const ok =
    b.args.every((a) => sameType(a.type, init)) &&
    inner.name.startsWith("stablehlo.") &&
    inner.operands.length === 2 &&
    inner.operands[0].name === b.args[0].name &&
    inner.operands[1].name === b.args[1].name &&
    inner.results.length === 1 &&
    sameType(inner.results[0].type, init) &&
    inner.regions.length === 0 &&
    Object.keys(inner.attrs).length === 0 &&
    ret.name === "stablehlo.return" &&
    ret.operands.length === 1 &&
    ret.operands[0].name === inner.results[0].name &&
    Object.keys(ret.attrs).length === 0;
  return ok ? inner.name : undefined;
}

const printReduce: PrettyPrinter = (op, ind, ctx) => {
  const dims = op.attrs.dimensions;
  const n = op.operands.length / 2;
  if (dims?.kind !== "ints" || !Number.isInteger(n) || n < 1 || op.regions.length !== 1 || op.regions[0].blocks.length !== 1) return undefined;
  const block = op.regions[0].blocks[0];
  if (block.args.length !== 2 * n) return undefined;
  const rest = Object.fromEntries(Object.entries(op.attrs).filter(([k]) => k !== "dimensions"));
  const pairs = Array.from({ length: n }, (_, i) => `(${op.operands[i].name} init: ${op.operands[n + i].name})`).join(", ");
  const extra = Object.keys(rest).length > 0 ? ` ${formatAttrDict(rest)}` : "";
  const head = `stablehlo.reduce${pairs}`;
  const applies = compactReducer(op);
  if (applies) return `${head} applies ${applies} across dimensions = ${printInts(dims.values)}${extra} : ${functionalType(op)}`;
  const groups = Array.from({ length: n }, (_, i) => `(${blockArgs([block.args[i], block.args[n + i]])})`).join(" ");
  return (
    `${head} across dimensions = ${printInts(dims.values)}${extra} : ${functionalType(op)}\n` +
    `${ind}  reducer${groups} {\n${ctx.block(block, `${ind}    `)}${ind}  }`
  );
};

export const REDUCTION_OPS: readonly OpDef[] = [
  // The pretty form (`applies` or `reducer(...) {...}`) has its own grammar rule (parser/grammar-ops.ts).
  { name: "stablehlo.reduce", family: "reduction", regions: 1, type: reduce, evaluate: reduceRule, form: { print: printReduce } },
];
