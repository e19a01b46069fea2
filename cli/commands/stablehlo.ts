/**
 * `dflashc stablehlo run <file.mlir> [--args ...]` and `dflashc stablehlo check <file.mlir>`. With --json:
 * `{ ok, command: "stablehlo check", file, diagnostics }` and `{ ok, command: "stablehlo run", file,
 * error?, functions }`; user errors as `{ ok: false, command, diagnostics }` (docs/cli.md).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DiagnosticError, diagnosticForJson, printDiagnostics, userError, type AnyDiagnostic } from "../../contract/diagnostics.js";
import { checkStableHlo } from "../../compiler/stablehlo/check-file.js";
import { InterpreterLimitError } from "../../stablehlo/interpreter/errors.js";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_STEPS } from "../../stablehlo/interpreter/interpreter.js";
import { jsonI64 } from "../../stablehlo/interpreter/i64.js";
import { toArray, values, type Tensor } from "../../stablehlo/interpreter/tensor.js";
import { runStableHloText } from "../../compiler/stablehlo/run-file.js";
import { formatType } from "../../stablehlo/ir.js";
import { ExitCode, type Io } from "./io.js";
import { displayPath, outJson, type CommandName } from "./json.js";

/** User errors of either command: on stderr, and as the command's JSON document with --json. */
function fail(diagnostics: readonly AnyDiagnostic[], command: CommandName, opts: { json?: boolean }, io: Io, extra?: Record<string, unknown>): number {
  printDiagnostics(diagnostics, io, { json: opts.json, command, extra });
  return ExitCode.userError;
}

function readSource(file: string, io: Io): { text: string; shown: string } | AnyDiagnostic {
  const shown = displayPath(io, file);
  try {
    return { text: readFileSync(resolve(io.cwd, file), "utf8"), shown };
  } catch (e) {
    return { file: shown, line: 1, column: 1, severity: "error", code: "file-not-readable", message: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
}

export async function stablehloCheckCommand(file: string, opts: { json?: boolean }, io: Io): Promise<number> {
  const src = readSource(file, io);
  if ("code" in src) return fail([src], "stablehlo check", opts, io);
  const diagnostics = checkStableHlo(src.text, src.shown);
  if (diagnostics.length > 0) return fail(diagnostics, "stablehlo check", opts, io, { file: src.shown });
  if (opts.json) outJson(io, "stablehlo check", true, { file: src.shown, diagnostics: diagnostics.map(diagnosticForJson) });
  else io.out(`ok: ${src.shown}`);
  return ExitCode.ok;
}

function summarize(t: Tensor): string {
  const shown = values(t).slice(0, 16);
  const more = t.data.length > 16 ? ", ..." : "";
  return `${formatType(t.type)} [${shown.join(", ")}${more}]`;
}

/** Values for JSON: numbers, and i64 exactly (a string where a number could not hold it). */
function jsonValues(t: Tensor): (number | string)[] {
  return t.data instanceof BigInt64Array ? Array.from(t.data, jsonI64) : toArray(t);
}

/** `--args` is one string of `;`-separated typed dense literals. */
export function splitArgs(args: string): string[] {
  return args.split(";").map((s) => s.trim()).filter((s) => s.length > 0);
}

export interface StablehloRunOptions {
  args?: string;
  json?: boolean;
  /** `--max-steps N`: interpreted ops executed, loop iterations included. */
  maxSteps?: string | number;
  /** `--max-bytes N`: bytes of live tensor data. */
  maxBytes?: string | number;
}

/** A limit flag's value: a positive integer (`1e9`, `4294967296` and `4_000_000` are accepted). */
function parseLimit(flag: string, value: string | number | undefined, fallback: number): number | string {
  if (value === undefined) return fallback;
  const n = typeof value === "number" ? value : Number(value.replaceAll("_", ""));
  if (!Number.isSafeInteger(n) || n <= 0) return `${flag} must be a positive integer, got '${value}'`;
  return n;
}

export async function stablehloRunCommand(file: string, opts: StablehloRunOptions, io: Io): Promise<number> {
  const maxSteps = parseLimit("--max-steps", opts.maxSteps, DEFAULT_MAX_STEPS);
  const maxBytes = parseLimit("--max-bytes", opts.maxBytes, DEFAULT_MAX_BYTES);
  for (const v of [maxSteps, maxBytes]) if (typeof v === "string") return fail([userError("bad-option", v)], "stablehlo run", opts, io);
  const limits = { maxSteps: maxSteps as number, maxBytes: maxBytes as number };
  const src = readSource(file, io);
  if ("code" in src) return fail([src], "stablehlo run", opts, io);
  const diagnostics = checkStableHlo(src.text, src.shown);
  if (diagnostics.length > 0) return fail(diagnostics, "stablehlo run", opts, io, { file: src.shown });
  let result;
  try {
    result = runStableHloText(src.text, src.shown, opts.args === undefined ? limits : { ...limits, args: splitArgs(opts.args) });
  } catch (e) {
    if (e instanceof InterpreterLimitError) {
      const at = e.loc ?? { file: src.shown, line: 1, column: 1 };
      const limit: AnyDiagnostic = { file: at.file, line: at.line, column: at.column, severity: "error", code: "run-limit", message: `stablehlo run: ${e.reason}` };
      return fail([limit], "stablehlo run", opts, io, { file: src.shown, limit: { name: e.limit, value: e.value } });
    }
    if (e instanceof DiagnosticError) return fail(e.diagnostics, "stablehlo run", opts, io, { file: src.shown });
    if (opts.args !== undefined) return fail([userError("bad-args", (e as Error).message)], "stablehlo run", opts, io, { file: src.shown });
    throw e;
  }
  if (opts.json) {
    outJson(io, "stablehlo run", result.ok, {
      file: src.shown,
      error: result.error,
      functions: result.functions.map((f) => ({
        name: f.name,
        module: f.module,
        error: f.error,
        checks: f.checks,
        results: f.results?.map((t) => ({ type: formatType(t.type), values: jsonValues(t) })),
      })),
    });
  } else {
    if (result.error) io.err(`error: ${result.error}`);
    for (const f of result.functions) {
      const failed = f.checks.filter((c) => !c.passed);
      const status = f.error !== undefined || failed.length > 0 ? "FAIL" : "PASS";
      io.out(`${status} @${f.name} (${f.checks.length} checks)`);
      if (f.error !== undefined) io.out(`  error: ${f.error}`);
      for (const c of failed) io.out(`  ${c.loc ? `${c.loc.file}:${c.loc.line}:${c.loc.column}: ` : ""}${c.message}`);
      if (opts.args !== undefined) for (const t of f.results ?? []) io.out(`  ${summarize(t)}`);
    }
  }
  return result.ok ? ExitCode.ok : result.error ? ExitCode.userError : ExitCode.checkFailed;
}
