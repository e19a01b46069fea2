import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { emitJaxPackage } from "../../compiler/jax/emit.js";
import { buildPlan } from "../../compiler/passes/build-plan.js";
import type { DecoderDeclaration } from "../../dsl/types.js";
import tiny from "../../examples/tiny.js";

/** The system Python with numpy (CI installs python3-numpy for it). */
export const PYTHON = "/usr/bin/python3";

/** Fails — never skips — when numpy is missing: the framing and weights tests need it. */
export function requireNumpy(): void {
  const r = spawnSync(PYTHON, ["-c", "import numpy"], { encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error(`${PYTHON} cannot import numpy (${(r.stderr || r.error?.message || "").trim()}): install it with 'apt-get install -y python3-numpy', as .ci/run does`);
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `dflashc-${prefix}-`));
}

export function tinyPlan(overrides: Partial<DecoderDeclaration> = {}): DecoderPlan {
  return buildPlan({ ...tiny, ...overrides });
}

/** Writes the package of `plan` under `dir` (as `jax/<name>/...`); returns the package folder. */
export function writePackage(dir: string, plan: DecoderPlan, manifestHash = "sha256:test"): string {
  for (const [path, text] of emitJaxPackage(plan, { source: "examples/tiny.ts", manifestHash })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return join(dir, "jax", plan.name);
}

/** Runs a Python snippet with `jaxDir` on sys.path; returns stdout. */
export function python(jaxDir: string, code: string): string {
  return execFileSync(PYTHON, ["-c", code], { encoding: "utf8", env: { ...process.env, PYTHONPATH: jaxDir }, maxBuffer: 64 << 20, stdio: ["pipe", "pipe", "pipe"] });
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
