/**
 * `dflashc compile <config.ts> [-o DIR] [--emit stablehlo,jax,runtime] [--json]`: the whole pipeline
 * (compiler/pipeline.ts `compileFile`), then the folder written atomically (compiler/output.ts).
 */
import { basename, join, resolve } from "node:path";
import { OutputFolderError, writeFolderAtomically } from "../../compiler/output.js";
import { EMIT_KINDS, compileFile, type EmitKind } from "../../compiler/pipeline.js";
import { displayPath, reportDiagnostics } from "./check.js";
import { ExitCode, type Io } from "./io.js";
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
    io.err(`error usage: ${emit}`);
    return ExitCode.userError;
  }
  const path = resolve(io.cwd, file);
  // Rendering errors are compiler bugs: let them propagate to the CLI's exit-1 handler.
  // Progress (a terminal only, not --quiet): the kernel graphs, then the StableHLO modules.
  const progress = new ProgressLine(io, !opts.quiet);
  const name = basename(path, ".ts");
  const compiled = await compileFile(path, { source: displayPath(path, io.cwd), emit, onProgress: (stage, done, total) => progress.update(() => formatCompileProgress(name, stage, done, total)) });
  progress.done();
  if (!compiled.ok) return reportDiagnostics(compiled.diagnostics, opts.json, io);
  const { plan, files } = compiled;
  const out = resolve(io.cwd, opts.out ?? join("out", plan.name));
  try {
    writeFolderAtomically(out, files);
  } catch (e) {
    if (e instanceof OutputFolderError) {
      io.err(`error output-folder: ${e.message}`);
      return ExitCode.userError;
    }
    throw e;
  }
  const manifest = JSON.parse(files.get("manifest.json")!) as { contentHash: string };
  if (opts.json) {
    io.out(JSON.stringify({ ok: true, out: displayPath(out, io.cwd), contentHash: manifest.contentHash, files: [...files.keys()] }));
  } else {
    io.out(`wrote ${displayPath(out, io.cwd)}: ${files.size} files, ${plan.kernels.length} kernel buckets, ${manifest.contentHash}`);
  }
  return ExitCode.ok;
}
