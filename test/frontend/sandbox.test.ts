// Declarations are code: `check`, `compile`, `plan` and `run` evaluate the config in a child process
// that may not write files, start processes or workers, and is stopped past its time and memory
// limits. Whatever the config does, the answer is an exit-2 diagnostic, and nothing comes to be.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCommand } from "../../cli/commands/check.js";
import { compileCommand } from "../../cli/commands/compile.js";
import { memoryIo } from "../../cli/commands/io.js";
import { trustedModules } from "../../compiler/frontend/evaluate.js";
import { loadConfig } from "../../compiler/frontend/load-config.js";
import { parseResult, runInSandbox, type SandboxLimits } from "../../compiler/frontend/sandbox.js";
import { applyEdits, example, REPO, stripMarker, TempDir, type Edit } from "./config-fixture.js";

const TIMEOUT_MS = 2000;
const MEMORY_MB = 64;
const LIMITS: SandboxLimits = { timeoutMs: TIMEOUT_MS, memoryMb: MEMORY_MB };

const dir = new TempDir();
const saved = { timeout: process.env.DFLASHC_CONFIG_TIMEOUT_MS, memory: process.env.DFLASHC_CONFIG_MEMORY_MB };
beforeAll(() => {
  // checkCommand and compileCommand take their limits from the environment (this file's own process).
  process.env.DFLASHC_CONFIG_TIMEOUT_MS = String(TIMEOUT_MS);
  process.env.DFLASHC_CONFIG_MEMORY_MB = String(MEMORY_MB);
});
afterAll(() => {
  for (const [key, value] of [["DFLASHC_CONFIG_TIMEOUT_MS", saved.timeout], ["DFLASHC_CONFIG_MEMORY_MB", saved.memory]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  dir.remove();
});

/** `dflashc check` on the tiny example with edits (and text before / after it); exit code, stderr, time. */
async function check(edits: readonly Edit[], prefix = "", suffix = "") {
  const { text, expected } = stripMarker(prefix + applyEdits(example("tiny"), edits) + suffix);
  const file = dir.write(text);
  const io = memoryIo(dir.path);
  const start = performance.now();
  const code = await checkCommand(file, { json: false }, io);
  return { code, stderr: io.stderr, stdout: io.stdout, ms: performance.now() - start, expected, file };
}

/** The escape the review found: a function from `dflashc` reaches the host realm's Function constructor. */
const HOST_PROCESS = '(defineDecoder as any).constructor("return process")()';

describe("the config runs in a sandboxed child process", () => {
  it("checks the examples as before (one child each, quickly)", async () => {
    const start = performance.now();
    const result = await loadConfig(join(REPO, "examples/tiny.ts"));
    expect(result.ok).toBe(true);
    expect(performance.now() - start).toBeLessThan(TIMEOUT_MS);
  });

  it("a config that writes a file through the host's Function constructor: exit 2, no file", async () => {
    const target = join(dir.path, "written-by-config");
    const run = await check(
      [["maskTokenId: 255", `maskTokenId: (${HOST_PROCESS}.mainModule.require(["node", "fs"].join(":")).writeFileSync(${JSON.stringify(target)}, "x"), 255)`]],
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toEqual([]);
    expect(run.stderr).toEqual([expect.stringMatching(/:\d+:\d+: error config-eval-error: evaluating the config threw: EvalError: Code generation from strings disallowed/)]);
    expect(existsSync(target)).toBe(false);
  });

  it("a config that spawns a process through the escape: exit 2, the process never runs", async () => {
    const target = join(dir.path, "touched-by-config");
    const spawn = `${HOST_PROCESS}.mainModule.require(["node", "child_process"].join(":")).execSync("touch ${target}")`;
    const run = await check([["maskTokenId: 255", `maskTokenId: (${spawn}, 255)`]]);
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([expect.stringMatching(/ error config-eval-error: evaluating the config threw: EvalError: /)]);
    expect(existsSync(target)).toBe(false);
  });

  it.concurrent("an infinite loop at top level: exit 2 within the time limit", async () => {
    const run = await check([], "", "while (Date.now() > 0) {}\n");
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([expect.stringMatching(/^config\d+\.ts:1:1: error config-eval-timeout: evaluating the config did not finish within 2000 ms/)]);
    expect(run.ms).toBeLessThan(TIMEOUT_MS + 3000);
  });

  it.concurrent("an infinite loop in a getter of the default export: exit 2 within the time limit", async () => {
    const run = await check(
      [["export default defineDecoder(", "const decl = defineDecoder("]],
      "",
      "export default { ...decl, get name(): string { for (;;) {} } };\n",
    );
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(/ error config-eval-timeout: /);
    expect(run.ms).toBeLessThan(TIMEOUT_MS + 3000);
  });

  it.concurrent("a thrown value whose message getter loops: exit 2 within the time limit", async () => {
    const run = await check([["maskTokenId: 255", "maskTokenId: boom()"]], "function boom(): number {\n  throw { get message(): string { for (;;) {} } };\n}\n");
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(/ error config-eval-timeout: /);
  });

  it("a thrown value that cannot be printed, or a symbol: exit 2, located at the throw", async () => {
    const proxy = await check(
      [["maskTokenId: 255", "maskTokenId: boom()"]],
      "function boom(): number {\n  throw new Proxy({}, { get() { throw new Error(\"trap\"); } });\n}\n",
    );
    expect(proxy.code).toBe(2);
    expect(proxy.stderr).toEqual([expect.stringMatching(/:1:1: error config-eval-error: evaluating the config threw: threw a value that cannot be printed$/)]);
    const symbol = await check([["maskTokenId: 255", "maskTokenId: boom()"]], 'function boom(): number {\n  throw Symbol("odd");\n}\n');
    expect(symbol.code).toBe(2);
    expect(symbol.stderr).toEqual([expect.stringMatching(/ error config-eval-error: evaluating the config threw: threw Symbol\(odd\)$/)]);
  });

  it("an allocation without bound on the JS heap: exit 2 (memory limit)", async () => {
    const run = await check([], "", "const hoard: number[][] = [];\nwhile (hoard.length >= 0) hoard.push(new Array(100_000).fill(1.5));\n");
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([expect.stringMatching(/ error config-eval-memory: evaluating the config used more than its memory limit \(64 MiB\)/)]);
  });

  it("an allocation without bound outside the JS heap (ArrayBuffers): exit 2", async () => {
    const run = await check([], "", "const hoard: Uint8Array[] = [];\nwhile (hoard.length >= 0) hoard.push(new Uint8Array(50_000_000).fill(1));\n");
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(/ error config-eval-(memory|crashed): /);
  });

  it("source nested 1000 arrays deep: exit 2 at the bracket past the limit", async () => {
    const deep = `${"[".repeat(1000)}${"]".repeat(1000)}`;
    const run = await check([["maskTokenId: 255", `maskTokenId: (${deep} as any)`]]);
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([expect.stringMatching(/^config\d+\.ts:\d+:\d+: error config-too-deep: brackets nested more than 100 deep/)]);
  });

  it("an expression too deep for TypeScript's parser: exit 2, and the next config still checks", async () => {
    const run = await check([["maskTokenId: 255", `maskTokenId: (${"!".repeat(20_000)}true as any)`]]);
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(/ error config-too-deep: /);
    expect((await check([])).code).toBe(0);
  });

  it("data nested deeper than 64 levels built by a loop: exit 2, located", async () => {
    const run = await check(
      [["verify: \"greedy\"", "verify: /*@*/deep as any"]],
      "let deep: unknown = /*@*/1;\nfor (let i = 0; i < 1000; i++) deep = [deep];\n",
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      expect.stringMatching(new RegExp(`:${run.expected!.line}:${run.expected!.column}: error config-not-serializable: data nested deeper than 64 levels is not declaration data$`)),
    ]);
  });

  it("package.json (not a TypeScript config): exit 2 with a clear message, not TypeScript's Debug Failure", async () => {
    const io = memoryIo(REPO);
    expect(await checkCommand("package.json", { json: false }, io)).toBe(2);
    expect(io.stderr).toEqual([
      "package.json:1:1: error config-not-typescript: a config is a TypeScript file (.ts) whose default export is a decoder declaration; package.json is not one",
    ]);
    const dts = memoryIo(REPO);
    expect(await checkCommand("dsl/types.ts".replace(".ts", ".d.ts"), { json: false }, dts)).toBe(2);
  });

  it("a rejection the config leaves unhandled: compile exits 2 and writes nothing", async () => {
    const { text } = stripMarker(example("tiny") + 'Promise.reject(new Error("late failure"));\n');
    const file = dir.write(text, "late.ts");
    const out = join(dir.path, "out-late");
    const io = memoryIo(dir.path);
    expect(await compileCommand(file, { out }, io)).toBe(2);
    expect(io.stderr).toEqual([expect.stringMatching(/^late\.ts:\d+:\d+: error config-eval-error: the config threw after evaluation \(in a callback it scheduled\): late failure$/)]);
    expect(existsSync(out)).toBe(false);
  });
});

describe("the sandbox process itself", () => {
  /** The real child, but with a "dflashc" that hands the config Node's `process` and `require`: as if an escape had worked. */
  function leakyTrusted() {
    const real = trustedModules();
    const dsl = "/leaky/dsl.js";
    return { ...real, dsl, modules: { ...real.modules, [dsl]: { code: "Object.assign(exports, { process, require, setTimeout, setInterval });", imports: {} } } };
  }

  async function runLeaky(body: string) {
    const entry = join(dir.path, "leaky.ts");
    const code = `"use strict";\nconst leak = require("dflashc");\n((process, require, setTimeout, setInterval) => {\n${body}\n})(leak.process, leak.require, leak.setTimeout, leak.setInterval);\nexports.default = { kind: "decoder" };\n`;
    return runInSandbox(leakyTrusted(), { entry, dslSpecifier: "dflashc", files: { [entry]: { code, imports: {} } } }, LIMITS);
  }

  it("refuses file writes, processes, workers and file reads even to code that reaches require", async () => {
    const target = join(dir.path, "leaky-written");
    const cases = {
      write: `require("node:fs").writeFileSync(${JSON.stringify(target)}, "x");`,
      spawn: `require("node:child_process").execSync("touch ${target}");`,
      worker: `new (require("node:worker_threads").Worker)("1", { eval: true });`,
      read: `require("node:fs").readFileSync(${JSON.stringify(join(REPO, "package.json"))});`,
      binding: `process.binding("fs");`,
      addon: `process.dlopen({ exports: {} }, ${JSON.stringify(join(dir.path, "x.node"))});`,
    };
    for (const [what, body] of Object.entries(cases)) {
      const outcome = await runLeaky(body);
      expect(outcome, what).toMatchObject({ kind: "result", result: { kind: "threw", late: false } });
      if (outcome.kind === "result" && outcome.result.kind === "threw") expect(outcome.result.message, what).toMatch(/Access to this API has been restricted|ERR_ACCESS_DENIED|process\.binding|addons is disabled/);
    }
    expect(existsSync(target)).toBe(false);
  });

  it("reports a process.nextTick throw scheduled by the config; timers it leaves never run", async () => {
    const late = await runLeaky('process.nextTick(() => { throw new Error("tick"); });');
    expect(late).toMatchObject({ kind: "result", result: { kind: "threw", late: true, message: "tick" } });
    const timer = await runLeaky('setTimeout(() => { throw new Error("timer"); }, 200);');
    expect(timer).toMatchObject({ kind: "result", result: { kind: "ok" } });
  });

  it("a config that replaces process.exit and keeps the process alive is stopped at the time limit", async () => {
    const start = performance.now();
    const outcome = await runLeaky("process.exit = () => {}; process.reallyExit = () => {}; setInterval(() => {}, 1000);");
    // The child captured the real exit before the config ran, so it still ends at once.
    expect(outcome).toMatchObject({ kind: "result", result: { kind: "ok" } });
    expect(performance.now() - start).toBeLessThan(TIMEOUT_MS);
  });

  it("a forged or malformed result is refused, not trusted", () => {
    expect(parseResult("not json")).toBeUndefined();
    expect(parseResult(JSON.stringify({ kind: "ok", declaration: { kind: "other" }, specials: [] }))).toBeUndefined();
    let deep: unknown = { kind: "decoder" };
    for (let i = 0; i < 100; i++) deep = { kind: "decoder", x: deep };
    expect(parseResult(JSON.stringify({ kind: "ok", declaration: deep, specials: [] }))).toBeUndefined();
    expect(parseResult(JSON.stringify({ kind: "ok", declaration: { kind: "decoder", a: 1 }, specials: [[["a"], "NaN"]] }))).toBeUndefined();
    expect(parseResult(JSON.stringify({ kind: "threw", importError: "yes", late: false, message: "m" }))).toBeUndefined();
    const ok = parseResult(JSON.stringify({ kind: "ok", declaration: { kind: "decoder", a: null, b: [null] }, specials: [[["a"], "NaN"], [["b", 0], "undefined"]] }));
    expect(ok).toMatchObject({ kind: "ok" });
    if (ok?.kind === "ok") {
      const d = ok.declaration as { a: number; b: unknown[] };
      expect(d.a).toBeNaN();
      expect(d.b).toEqual([undefined]);
    }
  });

  it("carries NaN, Infinity, -0 and undefined through to validation", async () => {
    const run = await check([["maskTokenId: 255", "maskTokenId: /*@*/NaN"]]);
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toContain(`:${run.expected!.line}:${run.expected!.column}: error `);
    expect(run.stderr[0]).toMatch(/NaN/);
  });
});
