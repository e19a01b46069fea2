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
