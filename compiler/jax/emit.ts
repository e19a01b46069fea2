/**
 * The JAX package emitter: renders templates/jax/*.hbs into `jax/<decoder name>/`.
 *
 * Templates only ever splice values through the helpers below: `ident` (a Python identifier, checked),
 * `int`/`float` (finite numbers), `str` (a Python string literal, escaped), `shape`/`ints` (int
 * tuples), `bool`, `params`/`results` (kernel argument lists, every name checked) and `header`. Every
 * template is checked for that before it is compiled, so no value can reach Python source unquoted.
 * A value the helpers refuse is a compiler bug (the frontend rejects bad names with a located
 * diagnostic first), reported as JaxEmitError.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import type { DecoderPlan, KernelName, KernelSig, TensorSig } from "../ir/plan.js";
import { draftWeights, targetWeights } from "../ir/weights.js";
import { packageRoot } from "../package-root.js";

export interface JaxEmitOptions {
  /** The config file as the user named it: it goes into every file's header. */
  readonly source: string;
  /** manifest.json's contentHash: the worker's handshake refuses any other manifest. */
  readonly manifestHash: string;
}

export class JaxEmitError extends Error {
  constructor(message: string) {
    super(`internal error (JAX emitter): ${message}`);
    this.name = "JaxEmitError";
  }
}

const PY_KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

/**
 * Module names a package on the worker's PYTHONPATH must not take: the package folder would shadow
 * the real module for the whole worker process (`numpy`, `jax`, or a standard module it imports).
 */
const SHADOWED_MODULES = new Set([
  "jax", "jaxlib", "numpy", "ml_dtypes", "safetensors", "opt_einsum", "scipy",
  "__future__", "abc", "builtins", "codecs", "collections", "dataclasses", "encodings", "enum", "functools",
  "io", "json", "math", "os", "re", "site", "struct", "sys", "traceback", "types", "typing",
]);

export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isPythonIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !PY_KEYWORDS.has(name);
}

/** Why `name` cannot name the generated Python package, or null. The frontend reports it as a diagnostic. */
export function pythonPackageNameProblem(name: string): string | null {
  if (!isPythonIdentifier(name)) return `"${name}" is not a Python identifier (letters, digits, _; not a keyword)`;
  if (SHADOWED_MODULES.has(name)) return `"${name}" would shadow the Python module of the same name in the JAX worker`;
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Helpers: the only way values reach a template's output.

function ident(v: unknown): string {
  if (typeof v !== "string" || !isPythonIdentifier(v)) throw new JaxEmitError(`not a Python identifier: ${JSON.stringify(v)}`);
  return v;
}

function int(v: unknown): string {
  if (typeof v !== "number" || !Number.isSafeInteger(v)) throw new JaxEmitError(`not an integer: ${String(v)}`);
  return String(v);
}

function float(v: unknown): string {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new JaxEmitError(`not a finite number: ${String(v)}`);
  // JS's shortest round-trip form (`1e-7`, `1.5e+21`, `0.000001`) is a valid Python float literal.
  return Number.isInteger(v) && Math.abs(v) < 1e16 ? `${v}.0` : String(v);
}

/** A Python string literal. JSON's escapes (\" \\ \n \uXXXX ...) are all valid Python escapes. */
function str(v: unknown): string {
  if (typeof v !== "string") throw new JaxEmitError(`not a string: ${String(v)}`);
  return JSON.stringify(v);
}

function bool(v: unknown): string {
  if (typeof v !== "boolean") throw new JaxEmitError(`not a boolean: ${String(v)}`);
  return v ? "True" : "False";
}

function ints(v: unknown): string {
  if (!Array.isArray(v)) throw new JaxEmitError(`not a list of integers: ${String(v)}`);
  const items = v.map(int);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}

const orNone = (f: (v: unknown) => string) => (v: unknown) => (v === null || v === undefined ? "None" : f(v));

/** A comment-safe rendering of the source path: as is when plain, else as an escaped string literal. */
function sourceForComment(source: string): string {
  return /^[A-Za-z0-9_./@+-]+$/.test(source) ? source : JSON.stringify(source);
}

interface KernelCtx {
  readonly params: readonly string[];
  readonly results: readonly string[];
}

function kernelCtx(v: unknown): KernelCtx {
  if (!v || typeof v !== "object" || !Array.isArray((v as KernelCtx).params)) throw new JaxEmitError("params/results need a kernel");
  return v as KernelCtx;
}

type Helper = (...args: unknown[]) => string;

const HELPERS: Record<string, Helper> = {
  ident,
  int,
  float,
  str,
  bool,
  ints,
  shape: ints,
  intOrNone: orNone(int),
  strOrNone: orNone(str),
  params: (k) => kernelCtx(k).params.map(ident).join(", "),
  results: (k) => kernelCtx(k).results.map(ident).join(", "),
  header: (options) => {
    const root = (options as Handlebars.HelperOptions).data.root as { source: string };
    return `# Generated by dflashc from ${sourceForComment(root.source)}. Do not edit.`;
  },
};

const BLOCKS = new Set(["each", "if", "unless", "with"]);

/** Every `{{...}}` of a template must call a helper above; blocks are limited to each/if/unless/with. */
export function checkTemplate(name: string, text: string): void {
  const fail = (what: string, loc: hbs.AST.SourceLocation | undefined) => {
    throw new JaxEmitError(`templates/jax/${name}:${loc?.start.line ?? "?"}: ${what}`);
  };
  const visit = (program: hbs.AST.Program | undefined) => {
    for (const node of program?.body ?? []) {
      if (node.type === "MustacheStatement") {
        const m = node as hbs.AST.MustacheStatement;
        const path = m.path as hbs.AST.PathExpression;
        if (path.type !== "PathExpression" || !(path.original in HELPERS)) fail(`{{${String(path.original)}}} does not go through a helper`, m.loc);
        if (path.original !== "header" && m.params.length === 0) fail(`{{${path.original}}} without an argument`, m.loc);
      } else if (node.type === "BlockStatement") {
        const b = node as hbs.AST.BlockStatement;
        const path = b.path as hbs.AST.PathExpression;
        if (path.type !== "PathExpression" || !BLOCKS.has(path.original)) fail(`block {{#${String(path.original)}}} is not allowed`, b.loc);
        visit(b.program);
        visit(b.inverse);
      } else if (node.type !== "ContentStatement" && node.type !== "CommentStatement") {
        fail(`${node.type} is not allowed`, node.loc);
      }
    }
  };
  visit(Handlebars.parse(text));
}

// ---------------------------------------------------------------------------------------------------
// The context: plain data from the plan, checked against what the templates implement.

/** Non-weight argument names each kernel template implements, per draft-cache kind. */
function expectedArgs(kernel: KernelName, draft: "static" | "paged" | null): string[] {
  const caches = draft === "static" ? ["draft_k", "draft_v"] : draft === "paged" ? ["draft_kv"] : [];
  const locator = draft === "static" ? ["draft_slots"] : draft === "paged" ? ["draft_block_tables"] : [];
  switch (kernel) {
    case "prefill":
      return ["target_kv", ...caches, "tokens", "positions", "token_request", "target_rows", ...(draft ? ["draft_rows"] : []), "block_tables", "last_index"];
    case "draft":
      return [...caches, "last_tokens", "seq_lens", ...locator];
    case "verify":
      return ["target_kv", ...caches, "block_tokens", "seq_lens", "block_tables", ...locator];
    case "decode_step":
      return ["target_kv", ...caches, "last_tokens", "seq_lens", "block_tables", ...locator];
    case "target_step":
      return ["target_kv", "last_tokens", "seq_lens", "block_tables"];
  }
}

const EXPECTED_OUTPUTS: Record<KernelName, readonly string[]> = {
  prefill: ["next_tokens"],
  draft: ["draft_tokens"],
  verify: ["accepted", "target_tokens"],
  decode_step: ["accepted", "target_tokens", "draft_tokens"],
  target_step: ["next_tokens"],
};

const ROLE_ORDER = { weight: 0, cache: 1, input: 2, output: 3 } as const;

function checkSignature(plan: DecoderPlan, sig: KernelSig, weightShapes: ReadonlyMap<string, readonly number[]>): void {
  const where = `${sig.kernel}.${sig.bucketId}`;
  const roles = sig.args.map((a) => ROLE_ORDER[a.role]);
  if (roles.some((r, i) => i > 0 && r < roles[i - 1]!)) throw new JaxEmitError(`${where}: arguments are not weights, caches, inputs in that order`);
  const names = sig.args.filter((a) => a.role !== "weight").map((a) => a.name);
  const want = expectedArgs(sig.kernel, plan.caches.draft?.kind ?? null);
  if (names.join(",") !== want.join(",")) {
    throw new JaxEmitError(`${where}: arguments (${names.join(", ")}) differ from what templates/jax/kernels.py.hbs implements (${want.join(", ")})`);
  }
  const outputs = sig.results.filter((r) => r.role === "output");
  if (outputs.map((o) => o.name).join(",") !== EXPECTED_OUTPUTS[sig.kernel].join(",")) throw new JaxEmitError(`${where}: unexpected outputs`);
  const donated = sig.args.filter((a) => a.donated);
  const resultNames = sig.results.map((r) => r.name).join(",");
  if (resultNames !== [...outputs, ...donated].map((r) => r.name).join(",")) throw new JaxEmitError(`${where}: results are not outputs then donated caches`);
  for (const a of sig.args) {
    if (a.role === "weight") {
      const shape = weightShapes.get(a.name);
      if (!shape || shape.join(",") !== a.shape.join(",") || a.dtype !== plan.target.dtype) throw new JaxEmitError(`${where}: weight ${a.name} disagrees with the checkpoint layout`);
    } else if (a.role === "cache" && a.dtype !== plan.target.dtype) {
      throw new JaxEmitError(`${where}: cache ${a.name} is ${a.dtype}, the model ${plan.target.dtype}`);
    } else if (a.role === "input" && a.dtype !== "i32") {
      throw new JaxEmitError(`${where}: input ${a.name} is ${a.dtype}, not i32`);
    }
  }
  if (outputs.some((o) => o.dtype !== "i32")) throw new JaxEmitError(`${where}: outputs must be i32`);
}

const tensor = (t: TensorSig) => ({ name: t.name, shape: t.shape, dtype: t.dtype, donated: t.donated });

export function jaxContext(plan: DecoderPlan, opts: JaxEmitOptions) {
  const problem = pythonPackageNameProblem(plan.name);
  if (problem) throw new JaxEmitError(`decoder name: ${problem}`);

  const weights = [
    ...targetWeights(plan.target).map((w) => ({ name: `target.${w.name}`, shape: w.shape })),
    ...(plan.draft ? draftWeights(plan.draft).map((w) => ({ name: `draft.${w.name}`, shape: w.shape })) : []),
  ];
  const weightShapes = new Map(weights.map((w) => [w.name, w.shape]));

  const kernelWeights = new Map<KernelName, string[]>();
  const kernels: Partial<Record<KernelName, KernelCtx>> = {};
  for (const sig of plan.kernels) {
    checkSignature(plan, sig, weightShapes);
    const names = sig.args.filter((a) => a.role === "weight").map((a) => a.name);
    const seen = kernelWeights.get(sig.kernel);
    if (seen && seen.join("\n") !== names.join("\n")) throw new JaxEmitError(`${sig.kernel}: buckets disagree on their weights`);
    kernelWeights.set(sig.kernel, names);
    kernels[sig.kernel] = {
      params: sig.args.filter((a) => a.role !== "weight").map((a) => a.name),
      results: sig.results.filter((r) => r.role === "cache").map((r) => r.name),
    };
  }

  const draftCache = plan.caches.draft;
  return {
    source: opts.source,
    name: plan.name,
    manifestHash: opts.manifestHash,
    dtype: plan.target.dtype,
    blockSize: plan.blockSize,
    maxContext: plan.maxContext,
    maxRequests: plan.maxRequests,
    verify: plan.verify,
    hasDraft: plan.draft !== null,
    staticDraft: draftCache?.kind === "static",
    chip: plan.hardware?.chip ?? null,
    chips: plan.hardware?.chips ?? 1,
    target: plan.target,
    draft: plan.draft,
    targetCache: plan.caches.target,
    draftCache: draftCache ? { ...draftCache, static: draftCache.kind === "static" } : null,
    requestBuckets: plan.buckets.requests,
    tokenBuckets: plan.buckets.tokens,
    weights,
    kernelWeights: [...kernelWeights].map(([kernel, names]) => ({ kernel, names })),
    signatures: plan.kernels.map((s) => ({
      kernel: s.kernel,
      bucketId: s.bucketId,
      requests: s.bucket.requests,
      tokens: s.bucket.tokens ?? null,
      caches: s.args.filter((a) => a.role === "cache").map(tensor),
      inputs: s.args.filter((a) => a.role === "input").map(tensor),
      outputs: s.results.filter((r) => r.role === "output").map(tensor),
    })),
    functionNames: [...kernelWeights.keys()],
    kernels,
  };
}

// ---------------------------------------------------------------------------------------------------

/** Package files in the order they are written; draft.py only for decoders with a drafter. */
const FILES = ["__init__.py", "config.py", "ops.py", "model.py", "draft.py", "kernels.py", "weights.py", "sharding.py", "framing.py", "worker.py"];

const compiled = new Map<string, Handlebars.TemplateDelegate>();

function template(file: string): Handlebars.TemplateDelegate {
  let t = compiled.get(file);
  if (!t) {
    const text = readFileSync(join(packageRoot(), "templates", "jax", `${file}.hbs`), "utf8");
    checkTemplate(`${file}.hbs`, text);
    const env = Handlebars.create();
    for (const [name, fn] of Object.entries(HELPERS)) env.registerHelper(name, fn);
    t = env.compile(text, {
      noEscape: true,
      strict: true,
      knownHelpersOnly: true,
      knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((h) => [h, true])),
    });
    compiled.set(file, t);
  }
  return t;
}

/** The files of `jax/<plan.name>/`, keyed by their path in the output folder. */
export function emitJaxPackage(plan: DecoderPlan, opts: JaxEmitOptions): Map<string, string> {
  const ctx = jaxContext(plan, opts);
  const out = new Map<string, string>();
  for (const file of FILES) {
    if (file === "draft.py" && !plan.draft) continue;
    out.set(`jax/${plan.name}/${file}`, template(file)(ctx));
  }
  return out;
}
