/**
 * `dflashc import-hf <config.json> [--draft <drafter config.json>] [-o file.ts] [--name id]`:
 * a DSL declaration from Hugging Face configs. Prints the TypeScript to stdout, or writes it atomically
 * (temporary file beside the destination, then rename) with `-o`. Exit 2 with located diagnostics when a
 * file is not JSON or describes a model dflashc cannot honour; nothing is written then.
 */
import { dirname, resolve } from "node:path";
import { DiagnosticError, formatDiagnostic, userWarning } from "../../contract/diagnostics.js";
import { importHf, type HfConfigText } from "../../compiler/import-hf/index.js";
import { findModelText } from "../../compiler/import-hf/text.js";
import { OutputFolderError, writeFileAtomically } from "../../compiler/output.js";
import { BoundedReadError, formatBytes, readFileBounded } from "../../runtime/weights/read-bounded.js";
import { ExitCode, type Io } from "./io.js";

/** The largest config.json read (published ones are a few KiB); an endless stream stops here too. */
export const MAX_CONFIG_BYTES = 16 * 2 ** 20;

export interface ImportHfOptions {
  readonly draft?: string;
  readonly out?: string;
  /** Decoder name (sanitized); default `<model>_dflash_b<K>` or `<model>_target_only`. */
  readonly name?: string;
}

function readConfig(path: string, io: Io): HfConfigText | number {
  try {
    // Bounded: at most MAX_CONFIG_BYTES + 1 bytes are read, whatever the path is (a FIFO, /dev/zero).
    return { file: path, text: readFileBounded(resolve(io.cwd, path), MAX_CONFIG_BYTES, "config").toString("utf8") };
  } catch (e) {
    if (!(e instanceof BoundedReadError)) throw e;
    if (e.reason === "too-large") io.err(`${path}:1:1: error hf-too-large: the file is larger than ${formatBytes(MAX_CONFIG_BYTES)}, the most import-hf reads of a config.json`);
    else if (e.reason === "not-a-file") io.err(`${path}:1:1: error hf-unreadable: ${e.message.slice(e.message.indexOf(": ") + 2)}`);
    else io.err(`${path}:1:1: error hf-unreadable: cannot read the file (${e.reason})`);
    return ExitCode.userError;
  }
}

export async function importHfCommand(configPath: string, opts: ImportHfOptions, io: Io): Promise<number> {
  const target = readConfig(configPath, io);
  if (typeof target === "number") return target;
  let draft: HfConfigText | undefined;
  if (opts.draft !== undefined) {
    const d = readConfig(opts.draft, io);
    if (typeof d === "number") return d;
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
    if (e instanceof DiagnosticError) {
      for (const d of e.diagnostics) io.err(formatDiagnostic(d));
      return ExitCode.userError;
    }
    throw e;
  }
  for (const w of result.warnings) io.err(formatDiagnostic(w));
  if (opts.out === undefined) {
    io.out(result.source);
    return ExitCode.ok;
  }
  try {
    writeFileAtomically(resolve(io.cwd, opts.out), result.source);
  } catch (e) {
    if (!(e instanceof OutputFolderError)) throw e;
    io.err(`${opts.out}:1:1: error output-unwritable: ${e.message}`);
    return ExitCode.userError;
  }
  io.err(`wrote ${opts.out}`);
  return ExitCode.ok;
}
