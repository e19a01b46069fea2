/** `dflashc stablehlo run <file.mlir> [--args ...]` and `dflashc stablehlo check <file.mlir>`. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DiagnosticError, formatDiagnostic } from "../../contract/diagnostics.js";
import { checkStableHlo } from "../../compiler/stablehlo/check-file.js";
import { formatLoc, InterpreterLimitError } from "../../stablehlo/interpreter/errors.js";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_STEPS } from "../../stablehlo/interpreter/interpreter.js";
import { jsonI64 } from "../../stablehlo/interpreter/i64.js";
import { toArray, values, type Tensor } from "../../stablehlo/interpreter/tensor.js";
import { runStableHloText } from "../../compiler/stablehlo/run-file.js";
import { formatType } from "../../stablehlo/ir.js";
import { displayPath } from "./check.js";
import { ExitCode, type Io } from "./io.js";

function readSource(file: string, io: Io): { text: string; shown: string } | undefined {
  const shown = displayPath(resolve(io.cwd, file), io.cwd);
  try {
    return { text: readFileSync(resolve(io.cwd, file), "utf8"), shown };
  } catch (e) {
    io.err(`${shown}:1:1: error file-not-readable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return undefined;
  }
}

export async function stablehloCheckCommand(file: string, opts: { json?: boolean }, io: Io): Promise<number> {
  const src = readSource(file, io);
  if (!src) return ExitCode.userError;
  const diagnostics = checkStableHlo(src.text, src.shown);
  if (opts.json) io.out(JSON.stringify({ ok: diagnostics.length === 0, diagnostics }));
  for (const d of diagnostics) io.err(formatDiagnostic(d));
  if (diagnostics.length > 0) return ExitCode.userError;
  if (!opts.json) io.out(`ok: ${src.shown}`);
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
  if (!Number.isSafeInteger(n) || n <= 0) return `error bad-option: ${flag} must be a positive integer, got '${value}'`;
  return n;
}

export async function stablehloRunCommand(file: string, opts: StablehloRunOptions, io: Io): Promise<number> {
  const maxSteps = parseLimit("--max-steps", opts.maxSteps, DEFAULT_MAX_STEPS);
  const maxBytes = parseLimit("--max-bytes", opts.maxBytes, DEFAULT_MAX_BYTES);
  for (const v of [maxSteps, maxBytes]) {
    if (typeof v === "string") {
      io.err(v);
      return ExitCode.userError;
    }
  }
  const limits = { maxSteps: maxSteps as number, maxBytes: maxBytes as number };
  const src = readSource(file, io);
  if (!src) return ExitCode.userError;
  const diagnostics = checkStableHlo(src.text, src.shown);
  if (diagnostics.length > 0) {
    for (const d of diagnostics) io.err(formatDiagnostic(d));
    return ExitCode.userError;
  }
  let result;
  try {
    result = runStableHloText(src.text, src.shown, opts.args === undefined ? limits : { ...limits, args: splitArgs(opts.args) });
  } catch (e) {
    if (e instanceof InterpreterLimitError) {
      const message = `${e.loc ? formatLoc(e.loc) : src.shown}: error run-limit: stablehlo run: ${e.reason}`;
      if (opts.json) io.out(JSON.stringify({ ok: false, error: message, limit: { name: e.limit, value: e.value } }));
      io.err(message);
      return ExitCode.userError;
    }
    if (e instanceof DiagnosticError) {
      for (const d of e.diagnostics) io.err(formatDiagnostic(d));
      return ExitCode.userError;
    }
    if (opts.args !== undefined) {
      io.err(`error bad-args: ${(e as Error).message}`);
      return ExitCode.userError;
    }
    throw e;
  }
  if (opts.json) {
    io.out(
      JSON.stringify({
        ok: result.ok,
        error: result.error,
        functions: result.functions.map((f) => ({
          name: f.name,
          module: f.module,
          error: f.error,
          checks: f.checks,
          results: f.results?.map((t) => ({ type: formatType(t.type), values: jsonValues(t) })),
        })),
      }),
    );
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
