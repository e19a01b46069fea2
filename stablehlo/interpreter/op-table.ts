/**
 * One evaluation rule per op name, read from the op registry (ops/registry.ts: each entry's `evaluate`).
 * Anything not here is an error naming the op (interpreter.ts).
 */
import { OPS, TERMINATOR_OPS } from "../ops/registry.js";
import type { OpRule } from "./context.js";

export const OP_TABLE: Readonly<Record<string, OpRule>> = Object.fromEntries(
  OPS.flatMap((d) => (d.evaluate ? [[d.name, d.evaluate] as const] : [])),
);

/** Terminators end a block; their operands are the block's results (`return` is JAX's bare spelling). */
export const TERMINATORS: ReadonlySet<string> = new Set([...TERMINATOR_OPS, "return"]);

/** Looks up an op's rule; the bare forms JAX prints (`call`) resolve to their `func.` op. */
export function lookupRule(name: string): OpRule | undefined {
  if (Object.hasOwn(OP_TABLE, name)) return OP_TABLE[name];
  const full = `func.${name}`;
  return !name.includes(".") && Object.hasOwn(OP_TABLE, full) ? OP_TABLE[full] : undefined;
}
