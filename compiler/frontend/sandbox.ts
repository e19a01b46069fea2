/**
 * The parent's side of the sandbox: evaluating a config runs the user's code, so it runs in one child
 * process per config, under Node's permission model with no grants at all (no file reads or writes, no
 * child processes, no workers, no native addons; the code arrives over stdin), a wall-clock limit
 * (SIGKILL), a V8 heap limit (`--max-old-space-size`) and, where /proc exists, a resident-memory limit
 * that also covers ArrayBuffers. The child writes one JSON document to fd 3 and exits; the parent only
 * parses JSON, bounded in bytes, and checks its shape (kinds, depth, size) before anything uses it.
 *
 * Limits: DFLASHC_CONFIG_TIMEOUT_MS (default 10000) and DFLASHC_CONFIG_MEMORY_MB (default 512), or
 * `SandboxLimits` passed to loadConfig.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { MAX_ARRAY_LENGTH, MAX_DEPTH, type PropertyPath } from "./plain-data.js";
import { RESULT_FD, SPECIALS, type ChildResult, type ConfigPayload, type ShippedModule, type Special } from "./child-main.js";

export interface SandboxLimits {
  /** Wall-clock milliseconds for the whole child, start-up included. */
  readonly timeoutMs: number;
  /** The child's V8 old-space limit in MiB. */
  readonly memoryMb: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { timeoutMs: 10_000, memoryMb: 512 };

function positiveInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  const n = Number(text);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

/** The limits from the environment, defaults where unset or not a positive integer. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): SandboxLimits {
  return {
    timeoutMs: positiveInt(env.DFLASHC_CONFIG_TIMEOUT_MS) ?? DEFAULT_LIMITS.timeoutMs,
    memoryMb: positiveInt(env.DFLASHC_CONFIG_MEMORY_MB) ?? DEFAULT_LIMITS.memoryMb,
  };
}

/** The trusted code the child runs: the bootstrap's modules (child-main.ts, plain-data.ts, the DSL). */
export interface TrustedModules {
  readonly main: string;
  readonly dsl: string;
  readonly modules: Readonly<Record<string, ShippedModule>>;
}

export type SandboxOutcome =
  | { readonly kind: "result"; readonly result: ChildResult }
  | { readonly kind: "timeout" }
  | { readonly kind: "memory" }
  | { readonly kind: "crashed"; readonly detail: string };

/** Largest result document accepted; a declaration is a few kilobytes. */
const MAX_RESULT_BYTES = 16 * 1024 * 1024;
/** Most values (objects, arrays, scalars) in an accepted declaration. */
const MAX_VALUES = 1_000_000;
const MAX_STDERR_BYTES = 64 * 1024;
const RSS_POLL_MS = 50;
/** Resident memory allowed on top of the heap limit: Node itself, code, buffers. */
const RSS_HEADROOM_MB = 256;

// Runs with `node -e`: reads the payload from stdin, loads the shipped CommonJS modules in this realm
// and calls child-main.ts's `main`. It refuses to run if the permission model is not in force.
const BOOTSTRAP = String.raw`"use strict";
const perm = process.permission;
if (!perm || perm.has("fs.write") || perm.has("fs.read") || perm.has("child") || perm.has("worker")) {
  process.stderr.write("dflashc sandbox: the permission model is not in force\n");
  process.exit(70);
}
const vm = require("node:vm");
const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", () => {
  const p = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const cache = new Map();
  const load = (file) => {
    const hit = cache.get(file);
    if (hit) return hit.exports;
    const m = p.trusted.modules[file];
    const module = { exports: {} };
    cache.set(file, module);
    const req = (spec) => {
      if (spec.startsWith("node:")) return require(spec);
      const target = m.imports[spec];
      if (target === undefined) throw new Error("dflashc sandbox: no module " + spec + " for " + file);
      return load(target);
    };
    vm.runInThisContext("(function (exports, require, module) {" + m.code + "\n})", { filename: file })(module.exports, req, module);
    return module.exports;
  };
  load(p.trusted.main).main(p.config, load(p.trusted.dsl));
});
`;

let trustedCache: { modules: TrustedModules; json: string } | undefined;

/** The trusted modules as JSON, serialized once per process (they are the same for every config). */
function trustedJson(modules: TrustedModules): string {
  if (trustedCache?.modules !== modules) trustedCache = { modules, json: JSON.stringify(modules) };
  return trustedCache.json;
}

function permissionFlag(): string {
  const [major, minor] = process.versions.node.split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 13) ? "--permission" : "--experimental-permission";
}

/** Resident bytes of a process (Linux /proc), or undefined where that cannot be read. */
function residentBytes(pid: number): number | undefined {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    return Number.isFinite(pages) ? pages * 4096 : undefined;
  } catch {
    return undefined;
  }
}

/** Run the config in a child; resolves when the child is gone (never rejects for anything the config does). */
export function runInSandbox(trusted: TrustedModules, config: ConfigPayload, limits: SandboxLimits): Promise<SandboxOutcome> {
  const args = [permissionFlag(), "--no-warnings", `--max-old-space-size=${limits.memoryMb}`, "--disallow-code-generation-from-strings", "-e", BOOTSTRAP];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["pipe", "ignore", "pipe", "pipe"], env: {}, windowsHide: true });
    const result: Buffer[] = [];
    let resultBytes = 0;
    let stderr = "";
    let stopped: "timeout" | "memory" | "too-much-output" | undefined;
    const stop = (why: typeof stopped) => {
      stopped ??= why;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => stop("timeout"), limits.timeoutMs);
    const rssLimit = (limits.memoryMb + RSS_HEADROOM_MB) * 1024 * 1024;
    const poll = setInterval(() => {
      const rss = child.pid === undefined ? undefined : residentBytes(child.pid);
      if (rss !== undefined && rss > rssLimit) stop("memory");
    }, RSS_POLL_MS);
    const done = () => {
      clearTimeout(timer);
      clearInterval(poll);
    };
    child.on("error", (e) => {
      done();
      reject(e);
    });
    child.stdin!.on("error", () => {}); // the child may be gone before it read everything
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (s: string) => {
      stderr = (stderr + s).slice(-MAX_STDERR_BYTES);
    });
    const fd3 = child.stdio[RESULT_FD] as NodeJS.ReadableStream;
    fd3.on("data", (b: Buffer) => {
      resultBytes += b.length;
      if (resultBytes > MAX_RESULT_BYTES) stop("too-much-output");
      else result.push(b);
    });
    child.on("close", (code, signal) => {
      done();
      if (code === 70 && stderr.includes("dflashc sandbox: the permission model is not in force")) {
        reject(new Error(`cannot sandbox the config: ${stderr.trim()}`));
        return;
      }
      if (stopped === "timeout") return resolvePromise({ kind: "timeout" });
      if (stopped === "memory" || /heap out of memory|Reached heap limit|allocation failed/i.test(stderr)) return resolvePromise({ kind: "memory" });
      if (stopped === "too-much-output") return resolvePromise({ kind: "crashed", detail: `it wrote more than ${MAX_RESULT_BYTES} bytes of result` });
      if (code !== 0) return resolvePromise({ kind: "crashed", detail: crashDetail(code, signal, stderr) });
      const parsed = parseResult(Buffer.concat(result).toString("utf8"));
      resolvePromise(parsed === undefined ? { kind: "crashed", detail: "it did not send a well-formed result" } : { kind: "result", result: parsed });
    });
    child.stdin!.end(`{"trusted":${trustedJson(trusted)},"config":${JSON.stringify(config)}}`);
  });
}

function crashDetail(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const how = signal !== null ? `was killed by ${signal}` : `exited with code ${code}`;
  const last = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith("at "))
    .slice(-1)[0];
  return last === undefined ? how : `${how}: ${last.slice(0, 300)}`;
}

const isPath = (v: unknown): v is PropertyPath =>
  Array.isArray(v) && v.length <= MAX_DEPTH + 1 && v.every((k) => typeof k === "string" || (typeof k === "number" && Number.isInteger(k) && k >= 0));
const isString = (v: unknown, max: number): v is string => typeof v === "string" && v.length <= max;

/** Plain JSON data no deeper than MAX_DEPTH, arrays no longer than MAX_ARRAY_LENGTH, at most MAX_VALUES values. Iterative. */
function isBoundedData(root: unknown): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  let values = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++values > MAX_VALUES) return false;
    if (v === null || typeof v !== "object") continue;
    if (depth >= MAX_DEPTH + 1) return false;
    if (Array.isArray(v)) {
      if (v.length > MAX_ARRAY_LENGTH) return false;
      for (const e of v) stack.push([e, depth + 1]);
    } else {
      for (const k of Object.keys(v)) stack.push([(v as Record<string, unknown>)[k], depth + 1]);
    }
  }
  return true;
}

const SPECIAL_VALUES: Record<Special, unknown> = { undefined: undefined, NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity, "-0": -0 };

/** Put the values JSON cannot carry back at their paths; false when a path does not lead into the data. */
function restoreSpecials(root: unknown, specials: readonly (readonly [PropertyPath, Special])[]): boolean {
  for (const [path, special] of specials) {
    if (path.length === 0) return false;
    let container: unknown = root;
    for (const key of path.slice(0, -1)) {
      if (container === null || typeof container !== "object" || !Object.prototype.hasOwnProperty.call(container, key)) return false;
      container = (container as Record<string | number, unknown>)[key];
    }
    const last = path[path.length - 1];
    if (container === null || typeof container !== "object" || !Object.prototype.hasOwnProperty.call(container, last)) return false;
    if ((container as Record<string | number, unknown>)[last] !== null) return false;
    Object.defineProperty(container, last, { value: SPECIAL_VALUES[special], enumerable: true, writable: true, configurable: true });
  }
  return true;
}

/** The child's document, if it is one of the result shapes; nothing in it is trusted before this. */
export function parseResult(text: string): ChildResult | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return undefined;
  const d = doc as Record<string, unknown>;
  switch (d.kind) {
    case "ok": {
      const specials = d.specials;
      if (!Array.isArray(specials) || specials.length > MAX_VALUES) return undefined;
      const pairs = specials.filter((s): s is [PropertyPath, Special] => Array.isArray(s) && s.length === 2 && isPath(s[0]) && SPECIALS.includes(s[1] as Special));
      if (pairs.length !== specials.length) return undefined;
      const decl = d.declaration;
      if (decl === null || typeof decl !== "object" || Array.isArray(decl) || !isBoundedData(decl)) return undefined;
      if ((decl as { kind?: unknown }).kind !== "decoder" || !restoreSpecials(decl, pairs)) return undefined;
      return { kind: "ok", declaration: decl, specials: pairs };
    }
    case "no-default-export":
      return isString(d.got, 200) ? { kind: "no-default-export", got: d.got } : undefined;
    case "not-plain":
      return isPath(d.path) && isString(d.message, 1000) ? { kind: "not-plain", path: d.path, message: d.message } : undefined;
    case "threw": {
      if (typeof d.importError !== "boolean" || typeof d.late !== "boolean" || typeof d.message !== "string") return undefined;
      if (d.stack !== undefined && typeof d.stack !== "string") return undefined;
      const message = d.message.length > 2000 ? `${d.message.slice(0, 2000)}…` : d.message;
      const stack = d.stack === undefined ? undefined : d.stack.slice(0, 64 * 1024);
      return { kind: "threw", importError: d.importError, late: d.late, message, stack };
    }
    default:
      return undefined;
  }
}
