/**
 * The one `--json` convention of every command (docs/cli.md): stdout carries exactly one JSON document,
 * pretty-printed with two-space indentation and a final newline; its first keys are `ok` (boolean) and
 * `command` (the command's name); keys are camelCase and stable; paths are relative to the working folder
 * (forward slashes), so a document is the same on every machine that runs the same command. A command
 * that fails on the user's input prints `{ ok: false, command, diagnostics }` the same way
 * (contract/diagnostics.ts `printDiagnostics` with `command`).
 */
import { relative, resolve, sep } from "node:path";
import { displayPath as diagnosticPath } from "../../contract/diagnostics.js";
import type { Io } from "./io.js";

export type CommandName = "check" | "compile" | "demo" | "import-hf" | "plan" | "run" | "serve" | "stablehlo check" | "stablehlo run";

/** Prints `{ ok, command, ...body }` as the command's one JSON document. */
export function outJson(io: Io, command: CommandName, ok: boolean, body: Record<string, unknown>): void {
  io.out(`${JSON.stringify({ ok, command, ...body }, null, 2)}\n`);
}

/**
 * `p` as shown in output: relative to the working folder when inside it (`.` for the folder itself),
 * else absolute; forward slashes. The same rule as diagnostics' paths (contract/diagnostics.ts).
 */
export function displayPath(io: Pick<Io, "cwd">, p: string): string {
  const abs = resolve(io.cwd, p);
  const shown = relative(io.cwd, abs) === "" ? "." : diagnosticPath(abs, io.cwd);
  return shown.split(sep).join("/");
}
