/**
 * Diagnostics: every error the user can cause carries a stable kebab-case code (the catalog is
 * contract/diagnostic-codes.ts, documented in docs/diagnostics.md) and, where it has one, a location.
 * Printed `file:line:col: error <code>: <message>`, or `error <code>: <message>` when nothing in a
 * file is at fault (a flag, a weights folder, the machine's memory). Every command prints them through
 * `formatDiagnostic`, with paths relative to the working folder (`printDiagnostics`).
 */
import { isAbsolute, relative, sep } from "node:path";
import type { DiagnosticCode } from "./diagnostic-codes.js";

export interface Diagnostic {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly severity: "error" | "warning";
  readonly code: string;
  readonly message: string;
}

/** A diagnostic with no place in a file: about a flag, a weights folder, a request, the machine. */
export interface UnlocatedDiagnostic {
  readonly file?: undefined;
  readonly severity: "error" | "warning";
  readonly code: string;
  readonly message: string;
}

export type AnyDiagnostic = Diagnostic | UnlocatedDiagnostic;

export function formatDiagnostic(d: AnyDiagnostic): string {
  const at = d.file === undefined ? "" : `${d.file}:${d.line}:${d.column}: `;
  return `${at}${d.severity} ${d.code}: ${d.message}`;
}

/** An error about no file in particular (the catalog's code, so a typo does not compile). */
export function userError(code: DiagnosticCode, message: string): UnlocatedDiagnostic {
  return { severity: "error", code, message };
}

/** A warning about no file in particular. */
export function userWarning(code: DiagnosticCode, message: string): UnlocatedDiagnostic {
  return { severity: "warning", code, message };
}

/** A path as the user wants to read it: relative to the working folder when inside it (a relative path stays as it is). */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

/** `text` with every absolute path inside `cwd` written relative to it (messages name files too). */
export function relativizePaths(text: string, cwd: string): string {
  const prefix = cwd.endsWith(sep) ? cwd : cwd + sep;
  return prefix === sep ? text : text.split(prefix).join("");
}

/** A diagnostic as the user reads it: its file and the paths in its message relative to `cwd`. */
export function forDisplay<D extends AnyDiagnostic>(d: D, cwd: string): D {
  const message = relativizePaths(d.message, cwd);
  return d.file === undefined ? { ...d, message } : { ...d, file: displayPath(d.file, cwd), message };
}

/** Where `printDiagnostics` writes: a command's Io. */
export interface DiagnosticOutput {
  out(text: string): void;
  err(text: string): void;
  readonly cwd: string;
}

/** A diagnostic in a `--json` document: `file`, `line`, `column` (when located), `code`, `message`. */
export function diagnosticForJson(d: AnyDiagnostic): Record<string, unknown> {
  const { file, code, message } = d;
  return file === undefined ? { code, message } : { file, line: d.line, column: d.column, code, message };
}

/**
 * Prints diagnostics the one way every command does: each on stderr through `formatDiagnostic`, paths
 * relative to the working folder; with `json`, also the command's one `--json` document on stdout,
 * `{ ok: false, command, diagnostics, ...extra }`, pretty-printed like every other (docs/cli.md; the
 * commands' own documents come from cli/commands/json.ts `outJson`). The caller returns exit code 2
 * (or 1 where the input was dflashc's own).
 */
export function printDiagnostics(
  diagnostics: readonly AnyDiagnostic[],
  io: DiagnosticOutput,
  opts: { json?: boolean; command?: string; extra?: Record<string, unknown> } = {},
): void {
  const shown = diagnostics.map((d) => forDisplay(d, io.cwd));
  if (opts.json) io.out(`${JSON.stringify({ ok: false, command: opts.command, diagnostics: shown.map(diagnosticForJson), ...opts.extra }, null, 2)}\n`);
  for (const d of shown) io.err(formatDiagnostic(d));
}

/** Thrown for the user's input errors; the CLI prints them and exits 2. */
export class DiagnosticError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "DiagnosticError";
    this.diagnostics = diagnostics;
  }
}
