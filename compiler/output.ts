/**
 * Writing output atomically: every file is rendered in memory first; then a folder (or one file) is
 * written beside its destination and renamed into place, so a failed write leaves nothing behind and
 * a reader never sees half an output. Where the destination cannot be written (a file in the way, no
 * permission, a full disk) the error is an OutputFolderError: the user's input, not a dflashc bug.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputFolderError";
  }
}

/** A file system error (it has an errno code such as ENOTDIR or EACCES) as an OutputFolderError. */
function asOutputError(e: unknown, what: string): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" ? new OutputFolderError(`cannot write ${what} (${code})`) : e;
}

/** A folder we may replace: absent, empty, or an earlier dflashc output (it has a manifest.json). */
export function assertReplaceable(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new OutputFolderError(`${dir} exists and is not a folder`);
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes("manifest.json")) {
    throw new OutputFolderError(`${dir} is not empty and holds no manifest.json: refusing to replace a folder dflashc did not write`);
  }
}

export function writeFolderAtomically(dir: string, files: ReadonlyMap<string, string>): void {
  const target = resolve(dir);
  assertReplaceable(target);
  const parent = dirname(target);
  let staging: string;
  try {
    mkdirSync(parent, { recursive: true });
    staging = mkdtempSync(join(parent, `.${basename(target)}.staging-`));
  } catch (e) {
    throw asOutputError(e, target);
  }
  try {
    for (const path of [...files.keys()].sort()) {
      const full = join(staging, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, files.get(path)!);
    }
    if (existsSync(target)) {
      const old = `${staging}.old`;
      renameSync(target, old);
      renameSync(staging, target);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(staging, target);
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw asOutputError(e, target);
  }
}

/** One file, written beside `path` and renamed over it. */
export function writeFileAtomically(path: string, text: string): void {
  const target = resolve(path);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (e) {
    // The temporary file may not exist (its folder does not); that is no new error.
    try {
      rmSync(tmp, { force: true });
    } catch {}
    throw asOutputError(e, target);
  }
}
