/**
 * The library function behind `dflashc stablehlo run FILE.mlir [--args ...]`. It parses the text,
 * runs functions in the interpreter and returns what happened; it prints nothing (the CLI formats).
 *
 * - Without args (the spec's interpreter-test format): every public zero-argument function of every
 *   module (`// -----` parts included) runs, and each `check.*` op it executes is reported.
 * - With args: `@main` (or `opts.entry`) of each module that has it runs on those arguments.
 *   An argument is a Tensor, or a typed dense literal string exactly as MLIR writes a constant:
 *   `dense<[1.0, 2.0]> : tensor<2xf32>`, `dense<3> : tensor<i32>`, `dense<true> : tensor<2xi1>`.
 *   The CLI passes one `--args` value per argument.
 * Parse errors throw the parser's DiagnosticError (exit 2 in the CLI); a failure while running a
 * function is reported in that function's `error`, and the other functions still run. A resource
 * limit (`maxSteps`, `maxBytes`) stops the whole run: it throws InterpreterLimitError (exit 2).
 */
import { formatType, sameType, type Module, type SourceLoc } from "../../stablehlo/ir.js";
import type { CheckResult } from "../../stablehlo/interpreter/context.js";
import { InterpreterLimitError } from "../../stablehlo/interpreter/errors.js";
import { recoverExactI64 } from "../../stablehlo/interpreter/exact-literals.js";
import { Interpreter, type InterpreterOptions } from "../../stablehlo/interpreter/interpreter.js";
import type { Tensor } from "../../stablehlo/interpreter/tensor.js";
import { parseModules } from "../../stablehlo/parser.js";

export interface FunctionRun {
  /** Function name, without `@`. */
  readonly name: string;
  /** Index of the module (or `// -----` part) in the file. */
  readonly module: number;
  readonly loc?: SourceLoc;
  readonly checks: CheckResult[];
  /** The function's return values, when it finished. */
  readonly results?: Tensor[];
  /** Why it stopped, when it did not finish. */
  readonly error?: string;
}

export interface StableHloRun {
  readonly functions: FunctionRun[];
  /** True when at least one function ran, none failed, and every check passed. */
  readonly ok: boolean;
  /** Set when there was nothing to run. */
  readonly error?: string;
}

export interface RunOptions extends InterpreterOptions {
  /** Arguments for the entry function; giving any (even `[]`) selects entry mode. */
  readonly args?: readonly (string | Tensor)[];
  /** Entry function for args mode; default `main`. */
  readonly entry?: string;
}

/** Parses typed dense literals (`dense<...> : tensor<...>`) into tensors via the module parser. */
export function parseArgLiterals(literals: readonly string[], limits: InterpreterOptions = {}): Tensor[] {
  if (literals.length === 0) return [];
  const parts = literals.map((lit, i) => {
    const at = lit.lastIndexOf(":");
    if (at < 0) throw new Error(`argument ${i}: expected 'dense<...> : tensor<...>', got '${lit}'`);
    return { value: lit.slice(0, at).trim(), type: lit.slice(at + 1).trim() };
  });
  const body = parts.map((p, i) => `  %a${i} = stablehlo.constant ${p.value} : ${p.type}`).join("\n");
  const types = parts.map((p) => p.type).join(", ");
  const names = parts.map((_, i) => `%a${i}`).join(", ");
  const text = `func.func @args() -> (${types}) {\n${body}\n  func.return ${names} : ${types}\n}\n`;
  const [module] = parseModules(text, "<args>");
  recoverExactI64([module], text);
  return new Interpreter(module, limits).run("args", []);
}

function runOne(module: Module, index: number, name: string, args: readonly Tensor[], limits: InterpreterOptions): FunctionRun {
  const interp = new Interpreter(module, limits);
  const loc = module.funcs.find((f) => f.name === name)?.loc;
  try {
    const results = interp.run(name, args);
    return { name, module: index, loc, checks: interp.checks, results };
  } catch (e) {
    if (e instanceof InterpreterLimitError) throw e;
    return { name, module: index, loc, checks: interp.checks, error: e instanceof Error ? e.message : String(e) };
  }
}

export function runStableHloText(text: string, file: string, opts: RunOptions = {}): StableHloRun {
  const modules = parseModules(text, file);
  recoverExactI64(modules, text);
  const functions: FunctionRun[] = [];
  const limits: InterpreterOptions = { maxSteps: opts.maxSteps, maxBytes: opts.maxBytes };
  if (opts.args) {
    const entry = opts.entry ?? "main";
    const literals = opts.args.filter((a): a is string => typeof a === "string");
    const parsed = parseArgLiterals(literals, limits);
    let next = 0;
    const args = opts.args.map((a) => (typeof a === "string" ? parsed[next++] : a));
    modules.forEach((m, i) => {
      const f = m.funcs.find((fn) => fn.name === entry);
      if (!f) return;
      // Wrong arguments are the caller's mistake, not a failed check: refuse before running.
      if (f.args.length !== args.length) throw new Error(`@${entry} takes ${f.args.length} arguments, got ${args.length}`);
      f.args.forEach((a, j) => {
        if (!sameType(a.type, args[j].type)) throw new Error(`argument ${j} of @${entry} is ${formatType(a.type)}, got ${formatType(args[j].type)}`);
      });
      functions.push(runOne(m, i, entry, args, limits));
    });
    if (functions.length === 0) return { functions, ok: false, error: `${file}: no function @${entry}` };
  } else {
    modules.forEach((m, i) => {
      for (const f of m.funcs) {
        if (f.visibility === "public" && f.args.length === 0) functions.push(runOne(m, i, f.name, [], limits));
      }
    });
    if (functions.length === 0) return { functions, ok: false, error: `${file}: no public zero-argument function to run` };
  }
  const ok = functions.every((f) => f.error === undefined && f.checks.every((c) => c.passed));
  return { functions, ok };
}
