/**
 * Where each value of a block dies: the index of the op that reads it last (nested regions' reads
 * count), so that the interpreter can drop it there. Kernels update their layer-stacked caches once per
 * layer (a scatter into `[L, ...]`); keeping every intermediate cache until the block returned made
 * one call hold L copies of an L-layer cache: memory quadratic in the layers.
 */
import type { Block, Op } from "../ir.js";

export interface Liveness {
  /** Per op: the op results of this block whose last use is that op (or, never used, their definition). */
  readonly dying: readonly (readonly string[])[];
}

const CACHE = new WeakMap<Block, Liveness>();

/** Every value name an op reads, its nested regions included. */
function reads(op: Op, into: Set<string>): Set<string> {
  for (const v of op.operands) into.add(v.name);
  for (const r of op.regions) for (const b of r.blocks) for (const o of b.ops) reads(o, into);
  return into;
}

export function liveness(block: Block): Liveness {
  let l = CACHE.get(block);
  if (l) return l;
  const last = new Map<string, number>();
  const results: string[] = [];
  block.ops.forEach((op, i) => {
    for (const name of reads(op, new Set())) last.set(name, i);
    for (const r of op.results) {
      results.push(r.name);
      if (!last.has(r.name)) last.set(r.name, i);
    }
  });
  const dying: string[][] = block.ops.map(() => []);
  for (const name of results) dying[last.get(name)!].push(name);
  l = { dying };
  CACHE.set(block, l);
  return l;
}
