/**
 * `dflashc check <config.ts>`: the pipeline's load and plan steps (compiler/pipeline.ts `loadAndPlan`:
 * type-check, evaluate and validate a declaration, then plan it). Exit 0 with a one-line summary (or
 * the resolved plan with --json), 2 with located diagnostics.
 */
import { isAbsolute, relative, resolve } from "node:path";
import { formatDiagnostic, type Diagnostic } from "../../contract/diagnostics.js";
import { loadAndPlan } from "../../compiler/pipeline.js";
import { ExitCode, type Io } from "./io.js";

/** A path as the user wants to read it: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

/**
 * The diagnostics of `loadAndPlan` as the user reads them (paths relative to the working directory) on
 * stderr and, with --json, as one `{ ok: false, diagnostics }` document on stdout. Returns exit code 2.
 */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], json: boolean | undefined, io: Io): number {
  const shown = diagnostics.map((d) => ({ ...d, file: displayPath(d.file, io.cwd) }));
  if (json) {
    const list = shown.map(({ file, line, column, code, message }) => ({ file, line, column, code, message }));
    io.out(JSON.stringify({ ok: false, diagnostics: list }));
  }
  for (const d of shown) io.err(formatDiagnostic(d));
  return ExitCode.userError;
}

export async function checkCommand(file: string, opts: { json: boolean }, io: Io): Promise<number> {
  const result = await loadAndPlan(resolve(io.cwd, file));
  if (!result.ok) return reportDiagnostics(result.diagnostics, opts.json, io);
  const { plan } = result;
  if (opts.json) io.out(JSON.stringify({ ok: true, plan }));
  else io.out(`ok: ${plan.name} (${plan.kernels.length} kernels, ${plan.buckets.requests.length + plan.buckets.tokens.length} buckets)`);
  return ExitCode.ok;
}
