/**
 * The config's side of the sandbox: this module runs only inside the child process that sandbox.ts
 * starts (under Node's permission model: no file writes, no processes, no workers), never in dflashc's
 * own process. The parent ships it, plain-data.ts and the DSL as transpiled CommonJS over stdin; the
 * config's own files come transpiled too. Each config file runs in a fresh V8 context with a `require`
 * that serves `dflashc` (the DSL, loaded in this process's main realm) and the config's own relative
 * files, and refuses everything else.
 *
 * The result goes back as one JSON document on fd 3, built here, so that the parent only ever parses
 * JSON: getters, proxies and loops in the config's values run (and hang, or throw) here, under the
 * parent's clock. Numbers JSON cannot carry (NaN, ±Infinity, -0) and `undefined` are sent as a list of
 * paths beside the data. Then the process exits at once: nothing the config scheduled runs later.
 */
import { writeSync } from "node:fs";
import { dirname } from "node:path";
import vm from "node:vm";
import { NotPlainDataError, toPlainData, type PropertyPath } from "./plain-data.js";

/** One transpiled module: its CommonJS code and, per relative specifier, the file it resolved to. */
export interface ShippedModule {
  readonly code: string;
  readonly imports: Readonly<Record<string, string>>;
}

export interface ConfigPayload {
  readonly entry: string;
  /** The module name that is the DSL (`dflashc`). */
  readonly dslSpecifier: string;
  readonly files: Readonly<Record<string, ShippedModule>>;
}

export type Special = "undefined" | "NaN" | "Infinity" | "-Infinity" | "-0";
export const SPECIALS: readonly Special[] = ["undefined", "NaN", "Infinity", "-Infinity", "-0"];

export type ChildResult =
  | { readonly kind: "ok"; readonly declaration: unknown; readonly specials: readonly (readonly [PropertyPath, Special])[] }
  | { readonly kind: "no-default-export"; readonly got: string }
  | { readonly kind: "not-plain"; readonly path: PropertyPath; readonly message: string }
  | { readonly kind: "threw"; readonly importError: boolean; readonly late: boolean; readonly message: string; readonly stack: string | undefined };

/** The file descriptor the result is written to (stdout is the config's, and discarded). */
export const RESULT_FD = 3;

class ConfigImportError extends Error {
  constructor(dsl: string, specifier: string) {
    super(`a config may import only "${dsl}" and relative .ts files of its project, not "${specifier}"`);
    this.name = "ConfigImportError";
  }
}

interface CommonJsModule {
  exports: Record<string, unknown>;
}

function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (typeof v === "object") {
    const kind = (v as { kind?: unknown }).kind;
    if (typeof (v as { then?: unknown }).then === "function") return "a Promise (a config must be synchronous)";
    return typeof kind === "string" ? `an object of kind "${kind}"` : Array.isArray(v) ? "an array" : "an object without a kind";
  }
  return `a ${typeof v}`;
}

function errorText(thrown: unknown): string {
  if (typeof thrown === "object" && thrown !== null && "message" in thrown) {
    const name = (thrown as { name?: unknown }).name;
    const message = String((thrown as { message: unknown }).message);
    return typeof name === "string" && name !== "Error" ? `${name}: ${message}` : message;
  }
  return `threw ${String(thrown)}`;
}

function threw(thrown: unknown, late: boolean): ChildResult {
  let message: string;
  let stack: string | undefined;
  try {
    message = thrown instanceof ConfigImportError ? thrown.message : errorText(thrown);
  } catch {
    message = "threw a value that cannot be printed";
  }
  try {
    const s = typeof thrown === "object" && thrown !== null ? (thrown as { stack?: unknown }).stack : undefined;
    stack = typeof s === "string" ? s : undefined;
  } catch {
    stack = undefined;
  }
  return { kind: "threw", importError: thrown instanceof ConfigImportError, late, message: String(message), stack };
}

/** Replace what JSON cannot carry by `null`, recording its path (the data is a fresh plain tree). */
function extractSpecials(value: unknown, path: (string | number)[], out: [PropertyPath, Special][]): unknown {
  if (value === undefined) return out.push([[...path], "undefined"]), null;
  if (typeof value === "number") {
    const special: Special | undefined = Number.isNaN(value)
      ? "NaN"
      : value === Infinity
        ? "Infinity"
        : value === -Infinity
          ? "-Infinity"
          : Object.is(value, -0)
            ? "-0"
            : undefined;
    if (special) return out.push([[...path], special]), null;
    return value;
  }
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      value[i] = extractSpecials(value[i], path, out);
      path.pop();
    }
    return value;
  }
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    path.push(key);
    obj[key] = extractSpecials(obj[key], path, out);
    path.pop();
  }
  return value;
}

/** Evaluate the config and turn its default export into the result. Synchronous. */
export function runConfig(payload: ConfigPayload, dsl: unknown): ChildResult {
  const modules = new Map<string, CommonJsModule>();
  const context = vm.createContext({});
  const load = (file: string): Record<string, unknown> => {
    const cached = modules.get(file);
    if (cached) return cached.exports;
    const shipped = payload.files[file];
    const module: CommonJsModule = { exports: {} };
    modules.set(file, module);
    const require = (spec: string): unknown => {
      if (spec === payload.dslSpecifier) return dsl;
      const target = Object.prototype.hasOwnProperty.call(shipped.imports, spec) ? shipped.imports[spec] : undefined;
      if (target === undefined || !Object.prototype.hasOwnProperty.call(payload.files, target)) throw new ConfigImportError(payload.dslSpecifier, spec);
      return load(target);
    };
    // The wrapper sits on line 0 so that stack lines are the transpiled file's own.
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {\n${shipped.code}\n})`, {
      filename: file,
      lineOffset: -1,
    });
    const fn = script.runInContext(context) as (...args: unknown[]) => void;
    fn.call(module.exports, module.exports, require, module, file, dirname(file));
    return module.exports;
  };

  let exported: unknown;
  let declaration: unknown;
  try {
    exported = load(payload.entry).default;
    declaration = toPlainData(exported);
  } catch (thrown) {
    if (thrown instanceof NotPlainDataError) return { kind: "not-plain", path: thrown.path, message: thrown.message };
    return threw(thrown, false);
  }
  const kind = typeof declaration === "object" && declaration !== null ? (declaration as { kind?: unknown }).kind : undefined;
  if (kind !== "decoder") return { kind: "no-default-export", got: describeValue(exported) };
  const specials: [PropertyPath, Special][] = [];
  const data = extractSpecials(declaration, [], specials);
  return { kind: "ok", declaration: data, specials };
}

function send(text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(RESULT_FD, bytes, offset);
    } catch (e) {
      if ((e as { code?: unknown }).code !== "EAGAIN") throw e;
    }
  }
}

/**
 * The child's entry (called by the bootstrap with the payload and the loaded DSL): evaluate, wait one
 * turn of the event loop so that errors the config scheduled (a rejected promise, a `nextTick` throw)
 * are caught and reported, write the result, exit. Timers and everything else the config left behind
 * never run.
 */
export function main(payload: ConfigPayload, dsl: unknown): void {
  // Taken before the config runs: it may replace process.exit or add exit handlers.
  const proc = process as unknown as { reallyExit?: (code: number) => never };
  const exit: (code: number) => never = typeof proc.reallyExit === "function" ? proc.reallyExit.bind(process) : process.exit.bind(process);
  const stringify = JSON.stringify;
  const late: unknown[] = [];
  process.on("uncaughtException", (e) => void late.push(e));
  process.on("unhandledRejection", (e) => void late.push(e));
  let result = runConfig(payload, dsl);
  setImmediate(() => {
    if (late.length > 0 && result.kind !== "threw") result = threw(late[0], true);
    send(stringify(result));
    exit(0);
  });
}
