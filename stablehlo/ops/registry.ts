/**
 * The StableHLO op registry: one entry per op (ops/types.ts says what an entry holds), gathered from
 * one file per op family. Every consumer reads it: the verifier and the builder (type rules, through
 * shape-rules.ts), the interpreter (evaluation rules, interpreter/op-table.ts), the printer (pretty
 * forms) and the parser (the `word = value` items, bare words and literal types of pretty forms).
 */
import { CHECK_OPS } from "./check.js";
import { CONTROL_FLOW_OPS } from "./control-flow.js";
import { DOT_OPS } from "./dot.js";
import { ELEMENTWISE_OPS } from "./elementwise.js";
import { GATHER_SCATTER_OPS } from "./gather-scatter.js";
import { REDUCTION_OPS } from "./reduction.js";
import { SHAPE_OPS } from "./shape.js";
import type { OpDef } from "./types.js";

export type * from "./types.js";

/** Every op, family by family. */
export const OPS: readonly OpDef[] = [
  ...ELEMENTWISE_OPS,
  ...SHAPE_OPS,
  ...REDUCTION_OPS,
  ...DOT_OPS,
  ...GATHER_SCATTER_OPS,
  ...CONTROL_FLOW_OPS,
  ...CHECK_OPS,
];

const BY_NAME: ReadonlyMap<string, OpDef> = (() => {
  const m = new Map<string, OpDef>();
  for (const def of OPS) {
    if (m.has(def.name)) throw new Error(`StableHLO op registry: ${def.name} is registered twice`);
    m.set(def.name, def);
  }
  return m;
})();

/** The entry of an op by its full name, or undefined. */
export function opDef(name: string): OpDef | undefined {
  return BY_NAME.get(name);
}

/** Ops that end a block (they never produce results). */
export const TERMINATOR_OPS: ReadonlySet<string> = new Set(OPS.filter((d) => d.terminator).map((d) => d.name));
