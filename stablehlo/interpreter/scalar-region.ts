/**
 * Compiles a region whose ops all work on rank-0 tensors (the bodies of reduce, scatter, sort)
 * into a closure over plain numbers, so a reduction runs its body per element pair without
 * allocating tensors. Regions using anything else return undefined and run through the general
 * interpreter instead.
 */
import type { ComparisonDirection, ComparisonType, Op, Region } from "../ir.js";
import { denseAttr, enumAttr } from "./attrs.js";
import { binaryKernel, compareKernel, convertKernel, defaultComparisonType, unaryKernel } from "./scalar.js";
import { rounder, tensorFromDense, type Scalar } from "./tensor.js";

/** Reads `args` (the block arguments), writes the terminator's operands into `out`; bigints for i64. */
export type ScalarFn = (args: ArrayLike<Scalar>, out: Scalar[]) => void;

type Step = (slots: Float64Array) => void;

const cache = new WeakMap<Region, ScalarFn | null>();

export function compileScalarRegion(region: Region): ScalarFn | undefined {
  let fn = cache.get(region);
  if (fn === undefined) {
    fn = compile(region) ?? null;
    cache.set(region, fn);
  }
  return fn ?? undefined;
}

function opSuffix(op: Op): string {
  const dot = op.name.indexOf(".");
  return dot < 0 ? op.name : op.name.slice(dot + 1);
}

function compile(region: Region): ScalarFn | undefined {
  if (region.blocks.length !== 1) return undefined;
  const block = region.blocks[0];
  const slotOf = new Map<string, number>();
  const slot = (name: string) => {
    let s = slotOf.get(name);
    if (s === undefined) {
      s = slotOf.size;
      slotOf.set(name, s);
    }
    return s;
  };
  for (const a of block.args) {
    // i64 regions run interpreted (exact, on BigInt64Array tensors); compiled slots are doubles.
    if (a.type.shape.length !== 0 || a.type.element === "i64") return undefined;
    slot(a.name);
  }
  const nArgs = block.args.length;
  const steps: Step[] = [];
  let returns: number[] | undefined;
  for (const op of block.ops) {
    if (op.regions.length > 0 || op.results.length > 1) return undefined;
    if (op.operands.some((v) => v.type.shape.length !== 0 || !slotOf.has(v.name))) return undefined;
    const ins = op.operands.map((v) => slotOf.get(v.name)!);
    const name = opSuffix(op);
    if (name === "return" && (op.name === "stablehlo.return" || op.name === "func.return" || op.name === "return")) {
      returns = ins;
      break;
    }
    const result = op.results[0];
    if (!result || result.type.shape.length !== 0 || result.type.element === "i64") return undefined;
    const r = slot(result.name);
    const round = rounder(result.type.element);
    const element = op.operands[0]?.type.element;
    const step = makeStep(op, name, ins, r, round, element);
    if (!step) return undefined;
    steps.push(step);
  }
  if (!returns) return undefined;
  const ret = returns;
  const nSlots = slotOf.size;
  const slots = new Float64Array(nSlots);
  return (args, out) => {
    for (let i = 0; i < nArgs; i++) slots[i] = args[i] as number;
    for (let i = 0; i < steps.length; i++) steps[i](slots);
    for (let i = 0; i < ret.length; i++) out[i] = slots[ret[i]];
  };
}

function makeStep(
  op: Op,
  name: string,
  ins: number[],
  r: number,
  round: (x: number) => number,
  element: Op["results"][number]["type"]["element"] | undefined,
): Step | undefined {
  if (op.name === "stablehlo.constant") {
    const v = tensorFromDense(denseAttr(op, "value"), op.results[0].type).data[0] as number;
    return (s) => {
      s[r] = v;
    };
  }
  if (!op.name.startsWith("stablehlo.") || element === undefined) return undefined;
  const [a, b, c] = ins;
  if (name === "compare") {
    const direction = enumAttr(op, "comparison_direction") as ComparisonDirection;
    const ctype = (enumAttr(op, "compare_type") ?? enumAttr(op, "comparison_type") ?? defaultComparisonType(element)) as ComparisonType;
    const k = compareKernel(direction, ctype, element);
    return (s) => {
      s[r] = k(s[a], s[b]);
    };
  }
  if (name === "select") {
    return (s) => {
      s[r] = s[a] ? s[b] : s[c];
    };
  }
  if (name === "clamp") {
    return (s) => {
      s[r] = Math.min(Math.max(s[b], s[a]), s[c]);
    };
  }
  if (name === "convert") {
    const k = convertKernel(element, op.results[0].type.element);
    return (s) => {
      s[r] = round(k(s[a]));
    };
  }
  if (ins.length === 2) {
    const k = binaryKernel(name, element);
    if (!k) return undefined;
    return (s) => {
      s[r] = round(k(s[a], s[b]));
    };
  }
  if (ins.length === 1) {
    const k = unaryKernel(name, element);
    if (!k) return undefined;
    return (s) => {
      s[r] = round(k(s[a]));
    };
  }
  return undefined;
}
