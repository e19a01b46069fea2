/**
 * What a command needs from the outside world, so that tests run commands in-process.
 * Commands return their exit code: 0 ok, 1 a bug, 2 the user's input is wrong, 3 a requested check failed.
 */
export interface Io {
  /** Standard output (one machine-readable JSON document with --json). */
  out(text: string): void;
  /** Standard error (diagnostics, progress). */
  err(text: string): void;
  /** Working directory that relative paths resolve against. */
  readonly cwd: string;
  /** Standard output as is, no newline added (text streamed as it is generated). Absent: `out`. */
  write?(text: string): void;
  /** Draws a progress line on stderr, overwriting the previous one; "" clears it. Absent: no progress. */
  progress?(line: string): void;
  /** Standard output is a terminal (streamed text and progress share it). */
  readonly outIsTty?: boolean;
}

export const ExitCode = { ok: 0, bug: 1, userError: 2, checkFailed: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  cwd: process.cwd(),
  write: (text) => process.stdout.write(text),
  // Progress only when a person watches stderr; piped or redirected, it would be noise in a log.
  ...(process.stderr.isTTY ? { progress: (line: string) => process.stderr.write(`\r\x1b[2K${line}`) } : {}),
  outIsTty: process.stdout.isTTY === true,
};

/** Collects output in memory (tests). */
export function memoryIo(cwd: string = process.cwd()): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, cwd, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t), write: (t) => void stdout.push(t) };
}
