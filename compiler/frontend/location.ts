import type { Diagnostic } from "../../contract/diagnostics.js";

/** 1-based line and column of a character offset, as every diagnostic reports them. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** An error diagnostic at a 1-based position of `file`. */
export function errorAt(file: string, at: Position, code: string, message: string): Diagnostic {
  return { file, line: at.line, column: at.column, severity: "error", code, message };
}
