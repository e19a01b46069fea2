/**
 * Test helpers: config files generated from an example's text with edits, written to a temp folder
 * outside the repository. A `/*@*\/` marker in the edited text says where the diagnostic must point;
 * it is removed before the file is written.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkCommand } from "../../cli/commands/check.js";
import { memoryIo } from "../../cli/commands/io.js";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const MARKER = "/*@*/";

export const example = (name: string) => readFileSync(join(REPO, "examples", `${name}.ts`), "utf8");

export type Edit = readonly [from: string, to: string];

/** Apply literal edits; each `from` must occur exactly once, so a fixture never edits the wrong place. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const [from, to] of edits) {
    const first = out.indexOf(from);
    if (first < 0 || out.indexOf(from, first + 1) >= 0) throw new Error(`edit target must occur exactly once: ${JSON.stringify(from)}`);
    out = out.slice(0, first) + to + out.slice(first + from.length);
  }
  return out;
}

export interface Marked {
  readonly text: string;
  /** 1-based position of the marker, or undefined when there is none. */
  readonly expected: { line: number; column: number } | undefined;
}

export function stripMarker(text: string): Marked {
  const at = text.indexOf(MARKER);
  if (at < 0) return { text, expected: undefined };
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const column = at - before.lastIndexOf("\n");
  return { text: before + text.slice(at + MARKER.length), expected: { line, column } };
}

export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), "dflashc-test-"));
  private n = 0;
  write(text: string, name = `config${this.n++}.ts`): string {
    const file = join(this.path, name);
    writeFileSync(file, text);
    return file;
  }
  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

export interface CheckRun {
  code: number;
  stdout: string[];
  stderr: string[];
  diagnostics: JsonDiagnostic[];
}

/** `dflashc check --json` in-process, from `cwd`. */
export async function checkJson(file: string, cwd: string): Promise<CheckRun> {
  const io = memoryIo(cwd);
  const code = await checkCommand(file, { json: true }, io);
  const doc = JSON.parse(io.stdout.join("")) as { ok: boolean; diagnostics?: JsonDiagnostic[] };
  return { code, stdout: io.stdout, stderr: io.stderr, diagnostics: doc.diagnostics ?? [] };
}
