/**
 * `dflashc import-hf <config.json> [--draft <drafter config.json>] [-o file.ts] [--name id]`:
 * a DSL declaration from Hugging Face configs. Prints the TypeScript to stdout, or writes it atomically
 * (temporary file beside the destination, then rename) with `-o`. Exit 2 with located diagnostics when a
 * file is not JSON or describes a model dflashc cannot honour; nothing is written then. With --json:
 * `{ ok: true, command: "import-hf", out, source, warnings }` (`source`, the declaration's text, only
 * without `-o`; `out` only with it), or `{ ok: false, command, diagnostics }`.
 */
import { dirname, resolve } from "node:path";
import { DiagnosticError, diagnosticForJson, forDisplay, formatDiagnostic, printDiagnostics, userWarning, type Diagnostic } from "../../contract/diagnostics.js";
import { importHf, type HfConfigText } from "../../compiler/import-hf/index.js";
import { findModelText } from "../../compiler/import-hf/text.js";
import { OutputFolderError, writeFileAtomically } from "../../compiler/output.js";
import { BoundedReadError, formatBytes, readFileBounded } from "../../runtime/weights/read-bounded.js";
import { ExitCode, type Io } from "./io.js";
import { displayPath, outJson } from "./json.js";

/** The largest config.json read (published ones are a few KiB); an endless stream stops here too. */
export const MAX_CONFIG_BYTES = 16 * 2 ** 20;

export interface ImportHfOptions {
  readonly draft?: string;
  readonly out?: string;
  /** Decoder name (sanitized); default `<model>_dflash_b<K>` or `<model>_target_only`. */
  readonly name?: string;
  /** Print one JSON document (docs/cli.md). */
  readonly json?: boolean;
}

/** Where an error about a file as a whole (it cannot be read or written) points: its top. */
function topOf(file: string) {
  return { file, line: 1, column: 1, severity: "error" as const };
}

function readConfig(path: string, io: Io): HfConfigText | Diagnostic {
  try {
    // Bounded: at most MAX_CONFIG_BYTES + 1 bytes are read, whatever the path is (a FIFO, /dev/zero).
    return { file: path, text: readFileBounded(resolve(io.cwd, path), MAX_CONFIG_BYTES, "config").toString("utf8") };
  } catch (e) {
    if (!(e instanceof BoundedReadError)) throw e;
    if (e.reason === "too-large") return { ...topOf(path), code: "hf-too-large", message: `the file is larger than ${formatBytes(MAX_CONFIG_BYTES)}, the most import-hf reads of a config.json` };
    if (e.reason === "not-a-file") return { ...topOf(path), code: "hf-unreadable", message: e.message.slice(e.message.indexOf(": ") + 2) };
    return { ...topOf(path), code: "hf-unreadable", message: `cannot read the file (${e.reason})` };
  }
}

export async function importHfCommand(configPath: string, opts: ImportHfOptions, io: Io): Promise<number> {
  const fail = (diagnostics: readonly Diagnostic[]) => {
    printDiagnostics(diagnostics, io, { json: opts.json, command: "import-hf" });
    return ExitCode.userError;
  };
  const target = readConfig(configPath, io);
  if ("code" in target) return fail([target]);
  let draft: HfConfigText | undefined;
  if (opts.draft !== undefined) {
    const d = readConfig(opts.draft, io);
    if ("code" in d) return fail([d]);
    draft = d;
  }
  let result;
  try {
    result = importHf(target, draft, { name: opts.name });
    // The tokenizer and EOS ids beside config.json, written relative to where the declaration goes.
    const declarationDir = opts.out === undefined ? io.cwd : dirname(resolve(io.cwd, opts.out));
    const found = findModelText(resolve(io.cwd, configPath), declarationDir, result.declaration.target.vocabSize);
    for (const w of found.warnings) io.err(formatDiagnostic(userWarning("hf-generation-config", w)));
    if (found.text.tokenizer !== undefined || found.text.eosTokenIds !== undefined) result = importHf(target, draft, { name: opts.name, text: found.text });
  } catch (e) {
    if (e instanceof DiagnosticError) return fail(e.diagnostics);
    throw e;
  }
  const warnings = result.warnings.map((w) => forDisplay(w, io.cwd));
  for (const w of warnings) io.err(formatDiagnostic(w));
  if (opts.out !== undefined) {
    try {
      writeFileAtomically(resolve(io.cwd, opts.out), result.source);
    } catch (e) {
      if (!(e instanceof OutputFolderError)) throw e;
      return fail([{ ...topOf(opts.out), code: "output-unwritable", message: e.message }]);
    }
    io.err(`wrote ${opts.out}`);
  }
  if (opts.json) {
    const written = opts.out !== undefined ? { out: displayPath(io, opts.out) } : { source: result.source };
    outJson(io, "import-hf", true, { ...written, warnings: warnings.map(diagnosticForJson) });
  } else if (opts.out === undefined) {
    io.out(result.source);
  }
  return ExitCode.ok;
}
