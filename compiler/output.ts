/**
 * Writing output atomically: every file is rendered in memory first; then a folder (or one file) is
 * written beside its destination and renamed into place, so a failed write leaves nothing behind and
 * a reader never sees half an output. Where the destination cannot be written (a file in the way, no
 * permission, a full disk) the error is an OutputFolderError: the user's input, not a dflashc bug.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
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

/** The file that marks a staging or set-aside folder as dflashc's own (only those are ever cleaned up). */
export const MARKER = ".dflashc-output";

/** Test hooks: run between the steps of a replacement (a throw simulates a crash there). */
export interface WriteHooks {
  /** After the old output was renamed aside, before the new one is renamed in. */
  readonly betweenRenames?: () => void;
}

const isOurs = (dir: string) => existsSync(join(dir, MARKER));

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes `.<name>.lock` beside the output (mkdir is atomic): concurrent writers of one folder
 * serialize by failing cleanly. A lock whose process is gone is stale and taken over.
 */
function lock(target: string): () => void {
  const path = join(dirname(target), `.${basename(target)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, "pid"), String(process.pid));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let pid = NaN;
      try {
        pid = Number(readFileSync(join(path, "pid"), "utf8"));
      } catch {}
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) {
        throw new OutputFolderError(`${target} is being written by another dflashc (process ${pid}); try again when it is done`);
      }
      // A lock without a live owner (killed, or a pid file never written) is stale.
      rmSync(path, { recursive: true, force: true });
    }
  }
  throw new OutputFolderError(`${target} is being written by another dflashc; try again when it is done`);
}

/**
 * Repairs what a killed run left beside `target`: a set-aside old output comes back if no output
 * took its place (else it is deleted); staging folders are deleted. Only folders holding the marker.
 */
export function recoverStale(target: string): void {
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const name = basename(target);
  for (const entry of readdirSync(parent)) {
    const full = join(parent, entry);
    if (entry.startsWith(`.${name}.old-`) && isOurs(full)) {
      if (!existsSync(target)) {
        rmSync(join(full, MARKER), { force: true });
        renameSync(full, target);
      } else rmSync(full, { recursive: true, force: true });
    } else if (entry.startsWith(`.${name}.staging-`) && isOurs(full)) {
      rmSync(full, { recursive: true, force: true });
    }
  }
}

/**
 * Writes `files` as the folder `dir`, replacing an earlier output atomically from the caller's view:
 * the new tree is written to a staging folder beside it, the old output is renamed aside, the new one
 * renamed in, the old one deleted. On a failure the previous output is put back; a crash between the
 * renames is repaired by the next write (recoverStale). Concurrent writers of one folder serialize on
 * a lock and fail cleanly (OutputFolderError: exit 2), never leaving a half-written folder.
 */
export function writeFolderAtomically(dir: string, files: ReadonlyMap<string, string>, hooks: WriteHooks = {}): void {
  const target = resolve(dir);
  const parent = dirname(target);
  let unlock: () => void;
  try {
    mkdirSync(parent, { recursive: true });
    unlock = lock(target);
  } catch (e) {
    throw asOutputError(e, target);
  }
  try {
    recoverStale(target);
    assertReplaceable(target);
    let staging: string;
    try {
      staging = mkdtempSync(join(parent, `.${basename(target)}.staging-`));
      writeFileSync(join(staging, MARKER), "");
    } catch (e) {
      throw asOutputError(e, target);
    }
    let aside: string | null = null;
    try {
      for (const path of [...files.keys()].sort()) {
        const full = join(staging, path);
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, files.get(path)!);
      }
      if (existsSync(target)) {
        aside = staging.replace(".staging-", ".old-");
        // Marked first, so that a crash right after the rename leaves a folder recoverStale knows.
        writeFileSync(join(target, MARKER), "");
        renameSync(target, aside);
        hooks.betweenRenames?.();
      }
      rmSync(join(staging, MARKER), { force: true });
      renameSync(staging, target);
      if (aside) rmSync(aside, { recursive: true, force: true });
    } catch (e) {
      // Put the previous output back where the new one did not arrive.
      if (aside && existsSync(aside) && !existsSync(target)) {
        try {
          rmSync(join(aside, MARKER), { force: true });
          renameSync(aside, target);
        } catch {}
      } else if (existsSync(target)) {
        try {
          rmSync(join(target, MARKER), { force: true });
        } catch {}
      }
      rmSync(staging, { recursive: true, force: true });
      throw asOutputError(e, target);
    }
  } finally {
    unlock();
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
