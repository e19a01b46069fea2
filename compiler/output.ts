/**
 * Writing an output folder atomically: every file is rendered in memory first; then the folder is
 * written beside its destination and renamed into place, so a failed compile leaves nothing behind
 * and a reader never sees half a folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputFolderError";
  }
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
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(target)}.staging-`));
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
    throw e;
  }
}
