/**
 * Prints the StableHLO op IR in the pretty textual form JAX prints (`stablehlo.add %a, %b : tensor<4xf32>`),
 * falling back to MLIR's generic form where JAX does (gather, scatter) or where an op carries more than
 * its pretty form can say. Each op's pretty form is its registry entry's (ops/); literals, attributes
 * and type lists print with printer/format.ts. Output is deterministic, and floats print so they
 * re-parse to the same value.
 */
import { type Block, type Func, type Module, type Op, formatType } from "./ir.js";
import { opDef } from "./ops/registry.js";
import type { PrintContext } from "./ops/types.js";
import { blockArgs, formatAttrDict, formatSymbol, functionalType, lhs, names, resultTypes } from "./printer/format.js";

export { formatAttrDict, formatAttribute, formatDense, formatFloat } from "./printer/format.js";

function printRegionOps(block: Block, ind: string): string {
  return block.ops.map((o) => `${printOp(o, ind)}\n`).join("");
}

const CONTEXT: PrintContext = { block: printRegionOps };

function printGeneric(op: Op, ind: string): string {
  const props = Object.keys(op.attrs).length > 0 ? ` <${formatAttrDict(op.attrs)}>` : "";
  let regions = "";
  if (op.regions.length > 0) {
    const rs = op.regions.map((r) => {
      const b = r.blocks[0];
      const label = b.args.length > 0 ? `${ind}^bb0(${blockArgs(b.args)}):\n` : "";
      return `{\n${label}${printRegionOps(b, `${ind}  `)}${ind}}`;
    });
    regions = ` (${rs.join(", ")})`;
  }
  return `"${op.name}"(${names(op.operands)})${props}${regions} : ${functionalType(op)}`;
}

/** One op (and its regions) at an indentation, without a trailing newline. */
export function printOp(op: Op, ind = ""): string {
  if (op.regions.some((r) => r.blocks.length !== 1)) throw new Error(`cannot print ${op.name}: regions must hold exactly one block`);
  const pretty = opDef(op.name)?.form?.print?.(op, ind, CONTEXT);
  return `${ind}${lhs(op.results)}${pretty ?? printGeneric(op, ind)}`;
}

function printFunc(f: Func, ind: string): string {
  const args = f.args
    .map((a) => `${a.name}: ${formatType(a.type)}${Object.keys(a.attrs).length > 0 ? ` ${formatAttrDict(a.attrs)}` : ""}`)
    .join(", ");
  const results = f.resultTypes.length === 0 ? "" : ` -> ${resultTypes(f.resultTypes)}`;
  return `${ind}func.func ${f.visibility} ${formatSymbol(f.name)}(${args})${results} {\n${printRegionOps(f.body, `${ind}  `)}${ind}}\n`;
}

export function printModule(m: Module): string {
  const name = m.name !== undefined ? ` ${formatSymbol(m.name)}` : "";
  const attrs = Object.keys(m.attrs).length > 0 ? ` attributes ${formatAttrDict(m.attrs)}` : "";
  return `module${name}${attrs} {\n${m.funcs.map((f) => printFunc(f, "  ")).join("")}}\n`;
}

/** Several modules as one file, split the way the parser splits (`// -----`). */
export function printModules(ms: readonly Module[]): string {
  return ms.map(printModule).join("\n// -----\n\n");
}
