/**
 * `dflashc check <config.ts> [--json]`: the pipeline's load and plan steps (compiler/pipeline.ts
 * `loadAndPlan`: type-check, evaluate and validate a declaration, then plan it). Exit 0 with a one-line
 * summary (or `{ ok: true, command: "check", plan }` with --json), 2 with located diagnostics.
 */
import { resolve } from "node:path";
import { printDiagnostics, type Diagnostic } from "../../contract/diagnostics.js";
import { loadAndPlan } from "../../compiler/pipeline.js";
import { ExitCode, type Io } from "./io.js";
import { outJson, type CommandName } from "./json.js";

/**
 * The diagnostics of `loadAndPlan` as the user reads them (paths relative to the working directory) on
 * stderr and, with --json, as the command's one `{ ok: false, command, diagnostics }` document on
 * stdout. Returns exit code 2.
 */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], json: boolean | undefined, io: Io, command?: CommandName): number {
  printDiagnostics(diagnostics, io, { json, command });
  return ExitCode.userError;
}

export async function checkCommand(file: string, opts: { json: boolean }, io: Io): Promise<number> {
  const result = await loadAndPlan(resolve(io.cwd, file));
  if (!result.ok) return reportDiagnostics(result.diagnostics, opts.json, io, "check");
  const { plan } = result;
  if (opts.json) outJson(io, "check", true, { plan });
  else io.out(`ok: ${plan.name} (${plan.kernels.length} kernels, ${plan.buckets.requests.length + plan.buckets.tokens.length} buckets)`);
  return ExitCode.ok;
}
