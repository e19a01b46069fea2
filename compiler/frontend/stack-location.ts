/**
 * Where in the user's TypeScript an exception was thrown: the innermost stack frame in one of the
 * config's files, mapped from the transpiled JavaScript back through its source map.
 */
import { type SourceMap } from "node:module";
import type { Position } from "./location.js";

export interface ThrowSite {
  readonly file: string;
  readonly at: Position;
}

// `    at fn (/abs/file.ts:12:5)` or `    at /abs/file.ts:12:5`
const FRAME = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/;

export function throwSite(stack: string, maps: ReadonlyMap<string, SourceMap>): ThrowSite | undefined {
  for (const line of stack.split("\n")) {
    const m = FRAME.exec(line);
    if (!m) continue;
    const map = maps.get(m[1]);
    if (!map) continue;
    const entry = map.findEntry(Number(m[2]) - 1, Number(m[3]) - 1) as Partial<{ originalLine: number; originalColumn: number }>;
    if (entry.originalLine === undefined || entry.originalColumn === undefined) return { file: m[1], at: { line: 1, column: 1 } };
    return { file: m[1], at: { line: entry.originalLine + 1, column: entry.originalColumn + 1 } };
  }
  return undefined;
}
