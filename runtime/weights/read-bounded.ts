/**
 * Reading user files without trusting them: at most `maxBytes + 1` bytes are ever read (a FIFO or an
 * endless device such as /dev/zero ends the read instead of filling memory), and every file-system
 * failure (missing, a folder, a symlink loop, no permission) becomes a `BoundedReadError` that names
 * the file and says what is wrong, for the caller to report as the user's input.
 */
import { closeSync, constants, openSync, readSync, statSync, type Stats } from "node:fs";

export class BoundedReadError extends Error {
  constructor(
    message: string,
    /** `too-large`, `not-a-file` or the errno code (`ENOENT`, `ELOOP`, ...). */
    readonly reason: string,
  ) {
    super(message);
    this.name = "BoundedReadError";
  }
}

/** What an errno code means, in words. */
export function describeErrno(e: unknown): { code: string; words: string } {
  const code = (e as NodeJS.ErrnoException)?.code ?? "EIO";
  const words: Record<string, string> = {
    ENOENT: "no such file or folder",
    ELOOP: "a symbolic link loop (too many levels of symbolic links)",
    EISDIR: "a folder, not a file",
    ENOTDIR: "a path through something that is not a folder",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    ENAMETOOLONG: "the name is too long",
  };
  return { code, words: words[code] ?? (e instanceof Error ? e.message : String(e)) };
}

/** `statSync` whose failures are `BoundedReadError`s naming `path`. */
export function statOrFail(path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    const { code, words } = describeErrno(e);
    throw new BoundedReadError(`${path}: cannot read it: ${words} (${code})`, code);
  }
}

/** Human size: `16 MiB`, `100 MB` style, for messages. */
export function formatBytes(n: number): string {
  if (n >= 2 ** 20 && n % 2 ** 20 === 0) return `${n / 2 ** 20} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/**
 * The bytes of `path`, refusing anything larger than `maxBytes` (read up to `maxBytes + 1` bytes to
 * tell). Folders and other non-files are refused by name; FIFOs and character devices are read as
 * streams, bounded the same way.
 */
export function readFileBounded(path: string, maxBytes: number, what = "the file"): Buffer {
  const st = statOrFail(path);
  if (st.isDirectory()) throw new BoundedReadError(`${path}: ${what} is a folder, not a file`, "not-a-file");
  if (!st.isFile() && !st.isFIFO() && !st.isCharacterDevice()) throw new BoundedReadError(`${path}: ${what} is not a regular file`, "not-a-file");
  const tooLarge = () => new BoundedReadError(`${path}: ${what} is larger than ${formatBytes(maxBytes)}, the most dflashc reads`, "too-large");
  if (st.isFile() && st.size > maxBytes) throw tooLarge();
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY);
  } catch (e) {
    const { code, words } = describeErrno(e);
    throw new BoundedReadError(`${path}: cannot read it: ${words} (${code})`, code);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const buf = Buffer.alloc(Math.min(1 << 20, maxBytes + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        const d = describeErrno(e);
        throw new BoundedReadError(`${path}: cannot read it: ${d.words} (${d.code})`, d.code);
      }
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
    }
    if (total > maxBytes) throw tooLarge();
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
