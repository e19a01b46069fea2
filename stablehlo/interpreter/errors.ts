import type { SourceLoc } from "../ir.js";

export function formatLoc(loc: SourceLoc | undefined): string {
  return loc ? `${loc.file}:${loc.line}:${loc.column}` : "<unknown location>";
}

/** A failure while interpreting: names the op and where it stands in the source. */
export class InterpreterError extends Error {
  constructor(
    message: string,
    readonly loc?: SourceLoc,
  ) {
    super(loc ? `${formatLoc(loc)}: ${message}` : message);
    this.name = "InterpreterError";
  }
}

/** Which resource limit a run hit: interpreted ops executed, or bytes of live tensor data. */
export type LimitKind = "maxSteps" | "maxBytes";

/** The CLI flag that raises each limit (`dflashc stablehlo run`). */
export const LIMIT_FLAGS: Readonly<Record<LimitKind, string>> = { maxSteps: "--max-steps", maxBytes: "--max-bytes" };

/**
 * A run stopped by a resource limit (not a bug, not a failed check): the input asks for more than
 * the interpreter was allowed. The CLI maps it to exit 2.
 */
export class InterpreterLimitError extends InterpreterError {
  /** The message without the location. */
  readonly reason: string;
  constructor(
    readonly limit: LimitKind,
    readonly value: number,
    readonly detail: string,
    loc?: SourceLoc,
  ) {
    const reason = `the module needs more than ${LIMIT_FLAGS[limit]}=${value} (${detail}); raise ${LIMIT_FLAGS[limit]}`;
    super(reason, loc);
    this.reason = reason;
    this.name = "InterpreterLimitError";
  }
}

/** Bytes as people read them: 14.4 GB, 512 MB, 12 KB, 100 B (decimal units). */
export function formatBytes(n: number): string {
  const units = ["B", "KB", "MB", "GB", "TB", "PB"];
  let u = 0;
  let v = n;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}
