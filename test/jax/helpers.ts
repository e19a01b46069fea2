import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { emitJaxPackage } from "../../compiler/jax/emit.js";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import type { DecoderDeclaration } from "../../dsl/types.js";
import tiny from "../../examples/tiny.js";
import { JAX_PYTHON, requireJax } from "../helpers/jax-python.js";

/**
 * The project's JAX Python (`$DFLASHC_PYTHON`, else `.venv/bin/python` made by `scripts/python-env`):
 * numpy, ml_dtypes and JAX, pinned by python/requirements.txt.
 */
export const PYTHON = JAX_PYTHON;

/**
 * Fails — never skips — when PYTHON cannot import JAX and numpy, naming the fix (`scripts/python-env`).
 * Every test here that runs Python calls it first, even the ones that only need numpy: a machine
 * without the venv must say so, not pass by running nothing.
 */
export function requirePython(): void {
  requireJax();
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `dflashc-${prefix}-`));
}

/** The environment for a Python run: its byte code goes to a temporary folder, never next to the sources. */
export function pythonEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PYTHONPYCACHEPREFIX: tempDir("pycache"), ...extra };
}

export function tinyPlan(overrides: Partial<DecoderDeclaration> = {}): DecoderPlan {
  return buildPlan({ ...tiny, ...overrides });
}

/** Writes the `jax/` folder of `plan` under `dir` (`jax/<name>/`, `jax/dflashc_jax/`, ...); returns the package folder. */
export function writePackage(dir: string, plan: DecoderPlan, manifestHash = "sha256:test"): string {
  writeFiles(dir, emitJaxPackage(plan, { source: "examples/tiny.ts", manifestHash }));
  return join(dir, "jax", plan.name);
}

/** Writes emitted files (path → text) under `dir`. */
export function writeFiles(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Every `.py` file under `dir`, recursively, sorted. */
export function pythonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".py"))
    .map((f) => join(dir, f))
    .sort();
}

/** Byte-compiles every file (with PYTHON; byte code in a temporary folder); throws with Python's message on a syntax error. */
export function pyCompile(files: readonly string[]): void {
  execFileSync(PYTHON, ["-m", "py_compile", ...files], { env: pythonEnv(), stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * Runs a Python snippet with `jaxDir` (an output folder's `jax/`) on sys.path and as the working
 * directory, so that `dflashc_jax` can only come from the emitted copy; returns stdout.
 */
export function python(jaxDir: string, code: string): string {
  return execFileSync(PYTHON, ["-c", code], {
    encoding: "utf8",
    cwd: jaxDir,
    env: pythonEnv({ PYTHONPATH: jaxDir }),
    maxBuffer: 64 << 20,
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** config.SIGNATURES as Python reads them, and the plan's kernel signatures, in one comparable shape. */
export function configSignatures(dir: string, plan: DecoderPlan): { got: unknown; want: unknown } {
  const out = python(
    join(dir, "jax"),
    `import json; from ${plan.name} import config
print(json.dumps([{"kernel": s.kernel, "bucketId": s.bucket_id, "args": [[t.name, list(t.shape), t.dtype, t.role, t.donated] for t in s.args],
  "results": [[t.name, list(t.shape), t.dtype, t.role, t.donated] for t in s.results]} for s in config.SIGNATURES.values()]))`,
  );
  const want = plan.kernels.map((k) => ({
    kernel: k.kernel,
    bucketId: k.bucketId,
    args: k.args.map((a) => [a.name, a.shape, a.dtype, a.role, a.donated]),
    results: k.results.map((a) => [a.name, a.shape, a.dtype, a.role, a.donated]),
  }));
  return { got: JSON.parse(out), want: JSON.parse(JSON.stringify(want)) };
}

/** One top-level function of a kernels.py, as Python's ast sees it. */
export interface PyFunction {
  /** Positional parameter names. */
  readonly args: string[];
  /** The number of values of each `return` of the function itself (nested functions excluded). */
  readonly returns: number[];
  /** Every `w["..."]` key read anywhere in the function, nested scan bodies included, sorted. */
  readonly params: string[];
  /** Every `ops.<name>` the function refers to, sorted. */
  readonly ops: string[];
}

const AST_SCRIPT = `
import ast, json, sys
tree = ast.parse(sys.stdin.read())

def own_returns(fn):
    out, todo = [], list(fn.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Return):
            out.append(len(node.value.elts) if isinstance(node.value, ast.Tuple) else (0 if node.value is None else 1))
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            todo.extend(ast.iter_child_nodes(node))
    return out

fns = {}
for fn in tree.body:
    if not isinstance(fn, ast.FunctionDef):
        continue
    params, ops = set(), set()
    for node in ast.walk(fn):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "w":
            params.add(node.slice.value if isinstance(node.slice, ast.Constant) else "<not a constant>")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "ops":
            ops.add(node.attr)
    fns[fn.name] = {"args": [a.arg for a in fn.args.args], "returns": own_returns(fn), "params": sorted(params), "ops": sorted(ops)}
print(json.dumps(fns))
`;

/** The top-level functions of a kernels.py source (parsed by Python's ast; no import, no JAX). */
export function kernelFunctions(kernelsPy: string): Record<string, PyFunction> {
  return JSON.parse(execFileSync(PYTHON, ["-c", AST_SCRIPT], { input: kernelsPy, encoding: "utf8", maxBuffer: 64 << 20 })) as Record<string, PyFunction>;
}
