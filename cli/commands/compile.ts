/**
 * `dflashc compile <config.ts> [-o DIR] [--emit stablehlo,jax,runtime] [--json]`: the whole pipeline
 * (compiler/pipeline.ts `compileFile`), then the folder written atomically (compiler/output.ts).
 * With --json: `{ ok: true, command: "compile", out, contentHash, files }`.
 */
import { basename, join, resolve } from "node:path";
import { printDiagnostics, userError } from "../../contract/diagnostics.js";
import { OutputFolderError, writeFolderAtomically } from "../../compiler/output.js";
import { EMIT_KINDS, compileFile, type EmitKind } from "../../compiler/pipeline.js";
import { reportDiagnostics } from "./check.js";
import { ExitCode, type Io } from "./io.js";
import { displayPath, outJson } from "./json.js";
import { formatCompileProgress, ProgressLine } from "./progress.js";

export interface CompileCommandOptions {
  readonly out?: string;
  /** Comma-separated subset of stablehlo,jax,runtime; default all. */
  readonly emit?: string;
  readonly json?: boolean;
  /** No progress line on stderr. */
  readonly quiet?: boolean;
}

export function parseEmitList(list: string | undefined): Set<EmitKind> | string {
  if (list === undefined) return new Set(EMIT_KINDS);
  const kinds = list.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  const bad = kinds.filter((k) => !(EMIT_KINDS as readonly string[]).includes(k));
  if (bad.length > 0 || kinds.length === 0) return `--emit takes a comma-separated list of ${EMIT_KINDS.join(", ")}; got '${list}'`;
  return new Set(kinds as EmitKind[]);
}

export async function compileCommand(file: string, opts: CompileCommandOptions, io: Io): Promise<number> {
  const emit = parseEmitList(opts.emit);
  if (typeof emit === "string") {
    printDiagnostics([userError("usage", emit)], io, { json: opts.json, command: "compile" });
    return ExitCode.userError;
  }
  const path = resolve(io.cwd, file);
  // Rendering errors are compiler bugs: let them propagate to the CLI's exit-1 handler.
  // Progress (a terminal only, not --quiet): the kernel graphs, then the StableHLO modules.
  const progress = new ProgressLine(io, !opts.quiet);
  const name = basename(path, ".ts");
  const compiled = await compileFile(path, { source: displayPath(io, path), emit, onProgress: (stage, done, total) => progress.update(() => formatCompileProgress(name, stage, done, total)) });
  progress.done();
  if (!compiled.ok) return reportDiagnostics(compiled.diagnostics, opts.json, io, "compile");
  const { plan, files } = compiled;
  const out = resolve(io.cwd, opts.out ?? join("out", plan.name));
  try {
    writeFolderAtomically(out, files);
  } catch (e) {
    if (e instanceof OutputFolderError) {
      printDiagnostics([userError("output-folder", e.message)], io, { json: opts.json, command: "compile" });
      return ExitCode.userError;
    }
    throw e;
  }
  const manifest = JSON.parse(files.get("manifest.json")!) as { contentHash: string };
  if (opts.json) outJson(io, "compile", true, { out: displayPath(io, out), contentHash: manifest.contentHash, files: [...files.keys()] });
  else io.out(`wrote ${displayPath(io, out)}: ${files.size} files, ${plan.kernels.length} kernel buckets, ${manifest.contentHash}`);
  return ExitCode.ok;
}
