/**
 * The JAX package emitter. `jax/` of an output folder holds:
 *
 * - `dflashc_jax/`: the static support library (python/dflashc_jax of this package, copied verbatim:
 *   ops, paged-attention kernels, weights, sharding, framing, worker), the same for every decoder;
 * - `<decoder>/`: what the declaration decides: `config.py` (dimensions, buckets, signatures, layer
 *   stacks; templates/jax), `kernels.py` (one function per kernel, lowered from the kernel graphs by
 *   lower.ts: no layer math is written anywhere else) and thin `weights`/`sharding`/`worker` modules
 *   binding the library to this config;
 * - `requirements.txt`: the pinned Python dependencies.
 *
 * Templates only ever splice values through the helpers of python.ts; every template is checked for
 * that before it is compiled, so no value can reach Python source unquoted.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import type { KernelGraph } from "../ir/graph.js";
import type { DecoderPlan } from "../ir/plan.js";
import { draftWeights, targetWeights } from "../ir/weights.js";
import { packageRoot } from "../package-root.js";
import { pythonPackageNameProblem } from "../ir/python-names.js";
import { buildKernelGraph } from "../kernels/build-kernels.js";
import { findLayerRuns, scannedStacks, stackOf } from "./layer-scan.js";
import { ConstantPool, lowerKernelGraph } from "./lower.js";
import { bool, float, header, ident, int, ints, JaxEmitError, orNone, str } from "./python.js";
import { pagedAttentionOptions } from "./attention-options.js";
import type { KernelName, KernelSig } from "../../contract/manifest.js";
import { isWeightStack } from "../../contract/weight-stack.js";

export interface JaxEmitOptions {
  /** The config file as the user named it: it goes into every file's header. */
  readonly source: string;
  /** manifest.json's contentHash: the worker's handshake refuses any other manifest. */
  readonly manifestHash: string;
}

export { JaxEmitError, pythonPackageNameProblem };

/** The static library's import name: a decoder may not take it. */
export const LIBRARY = "dflashc_jax";

// ---------------------------------------------------------------------------------------------------
// Templates: the only way values reach them is a helper.

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
  header: (options) => header(((options as Handlebars.HelperOptions).data.root as { source: string }).source),
};

const BLOCKS = new Set(["each", "if", "unless", "with"]);

/** Every `{{...}}` of a template must call a helper above; blocks are limited to each/if/unless/with. Returns the parsed template. */
export function checkTemplate(name: string, text: string): hbs.AST.Program {
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
  const ast = Handlebars.parse(text);
  visit(ast);
  return ast;
}

const compiled = new Map<string, Handlebars.TemplateDelegate>();

function template(file: string): Handlebars.TemplateDelegate {
  let t = compiled.get(file);
  if (!t) {
    const text = readFileSync(join(packageRoot(), "templates", "jax", `${file}.hbs`), "utf8");
    const ast = checkTemplate(`${file}.hbs`, text);
    const env = Handlebars.create();
    for (const [name, fn] of Object.entries(HELPERS)) env.registerHelper(name, fn);
    t = env.compile(ast, {
      noEscape: true,
      strict: true,
      knownHelpersOnly: true,
      knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((h) => [h, true])),
    });
    compiled.set(file, t);
  }
  return t;
}

// ---------------------------------------------------------------------------------------------------
// Signatures: what the worker's wire and the kernel functions can carry.

const ROLE_ORDER = { weight: 0, cache: 1, input: 2, output: 3 } as const;

/** Inputs that are f32 on the wire and in the kernels; every other input is i32. */
const F32_INPUTS: ReadonlySet<string> = new Set(["uniforms", "temperature", "top_p"]);

function checkSignature(plan: DecoderPlan, sig: KernelSig): void {
  const where = `${sig.kernel}.${sig.bucketId}`;
  const roles = sig.args.map((a) => ROLE_ORDER[a.role]);
  if (roles.some((r, i) => i > 0 && r < roles[i - 1]!)) throw new JaxEmitError(`${where}: arguments are not weights, caches, inputs in that order`);
  const outputs = sig.results.filter((r) => r.role === "output");
  const donated = sig.args.filter((a) => a.donated);
  if (sig.results.map((r) => r.name).join(",") !== [...outputs, ...donated].map((r) => r.name).join(",")) {
    throw new JaxEmitError(`${where}: results are not outputs then donated caches`);
  }
  for (const a of sig.args) {
    if (a.role !== "weight") ident(a.name);
    // The device state `seq_state` is the one i32 cache; every other weight and cache is in the model dtype.
    if (a.role === "cache" && a.name === "seq_state") {
      if (a.dtype !== "i32") throw new JaxEmitError(`${where}: seq_state is ${a.dtype}, not i32`);
    } else if ((a.role === "weight" || a.role === "cache") && a.dtype !== plan.target.dtype) throw new JaxEmitError(`${where}: ${a.name} is ${a.dtype}, the model ${plan.target.dtype}`);
    if (a.role === "input") {
      const want = F32_INPUTS.has(a.name) ? "f32" : "i32";
      if (a.dtype !== want) throw new JaxEmitError(`${where}: input ${a.name} is ${a.dtype}, not ${want}`);
    }
  }
  if (outputs.some((o) => o.dtype !== "i32")) throw new JaxEmitError(`${where}: outputs must be i32`);
}

// ---------------------------------------------------------------------------------------------------
// kernels.py: every kernel lowered from its graphs.

/** One function text per kernel: every bucket's graph must lower to the same Python. */
function lowerKernels(plan: DecoderPlan, graphs: readonly KernelGraph[]) {
  const stacked = scannedStacks(graphs.flatMap(findLayerRuns));
  const consts = new ConstantPool();
  const byKernel = new Map<KernelName, { text: string; params: readonly string[]; bucket: string }>();
  const planSigs = new Map(plan.kernels.map((s) => [`${s.kernel}.${s.bucketId}`, JSON.stringify(s)]));
  for (const g of graphs) {
    // Kernel functions take their arguments by position, in the order config.SIGNATURES lists them.
    if (planSigs.get(`${g.sig.kernel}.${g.sig.bucketId}`) !== JSON.stringify(g.sig)) {
      throw new JaxEmitError(`${g.sig.kernel}.${g.sig.bucketId}: the kernel graph's signature is not the plan's`);
    }
    const lowered = lowerKernelGraph(g, consts, stacked);
    const seen = byKernel.get(g.sig.kernel);
    if (!seen) byKernel.set(g.sig.kernel, { text: lowered.text, params: lowered.params, bucket: g.sig.bucketId });
    else if (seen.text !== lowered.text || seen.params.join() !== lowered.params.join()) {
      throw new JaxEmitError(`${g.sig.kernel}: buckets ${seen.bucket} and ${g.sig.bucketId} lower to different Python`);
    }
  }
  const weightNames = plan.kernels.flatMap((s) => s.args.filter((a) => a.role === "weight").map((a) => a.name));
  // Stacks are the kernels' stacked weight arguments (scanLayers) and the runs of draft layers found by layer-scan.ts.
  const argStacks = new Map(plan.kernels.flatMap((s) => s.args.filter((a) => a.role === "weight" && isWeightStack(a.name)).map((a) => [a.name, a.shape[0]] as const)));
  const found = [...stacked].map((name) => [name, new Set(weightNames.filter((n) => stackOf(n)?.stack === name)).size] as const);
  const stacks = [...new Map([...argStacks, ...found])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, layers]) => ({ name, layers }));
  return { byKernel, consts, stacks };
}

function kernelsModule(plan: DecoderPlan, source: string, lowered: ReturnType<typeof lowerKernels>): string {
  const bodies = [...lowered.byKernel.values()].map((k) => k.text);
  const code = [...lowered.consts.lines(), ...bodies].join("\n");
  const uses = (prefix: string) => new RegExp(`(^|[^A-Za-z0-9_.])${prefix.replace(".", "\\.")}`, "m").test(code);
  // In isort's order (ruff's I001): plain imports, then from-imports by module; the package last.
  const imports = [
    ...(uses("jnp.") ? ["import jax.numpy as jnp"] : []),
    "from dflashc_jax import ops, sharding",
    "from dflashc_jax.kernel import kernels_of",
    "from dflashc_jax.paged_attention import paged_attention",
    ...(uses("lax.") ? ["from jax import lax"] : []),
    "",
    "from . import config",
  ];
  const consts = lowered.consts.lines();
  const out = [
    header(source),
    `"""The kernels of decoder ${str(plan.name)}, lowered from dflashc's kernel graphs (docs/kernels.md).`,
    "",
    "One function per kernel; every shape bucket of a kernel runs the same function (KERNELS jits and",
    "compiles it once per bucket, caches donated). Each takes the params dict (decoder-layer tensors",
    "stacked on a leading layer axis: the target's layers run in one lax.scan), then the kernel's caches",
    "and inputs in manifest order, and returns its outputs followed by the donated caches.",
    '"""',
    "",
    "from __future__ import annotations",
    "",
    ...imports,
    ...(consts.length ? ["", ...consts] : []),
    "",
    "",
    bodies.join("\n\n\n"),
    "",
    "",
    "FUNCTIONS = {",
    ...[...lowered.byKernel.keys()].map((k) => `    ${str(k)}: ${ident(k)},`),
    "}",
    "",
    "KERNELS = kernels_of(config, FUNCTIONS)",
    "",
  ];
  return out.join("\n").replace(/\n{4,}/g, "\n\n\n");
}

// ---------------------------------------------------------------------------------------------------
// config.py and the other generated files.

const tensor = (t: { name: string; shape: readonly number[]; dtype: string; donated: boolean }) => ({ name: t.name, shape: t.shape, dtype: t.dtype, donated: t.donated });

function jaxContext(plan: DecoderPlan, opts: JaxEmitOptions, lowered: ReturnType<typeof lowerKernels>) {
  const weights = [
    ...targetWeights(plan.target).map((w) => ({ name: `target.${w.name}`, shape: w.shape })),
    ...(plan.draft ? draftWeights(plan.draft).map((w) => ({ name: `draft.${w.name}`, shape: w.shape })) : []),
  ];
  const kernelWeights = new Map<KernelName, string[]>();
  for (const sig of plan.kernels) {
    const names = sig.args.filter((a) => a.role === "weight").map((a) => a.name);
    const seen = kernelWeights.get(sig.kernel);
    if (seen && seen.join("\n") !== names.join("\n")) throw new JaxEmitError(`${sig.kernel}: buckets disagree on their weights`);
    kernelWeights.set(sig.kernel, names);
  }
  const draftCache = plan.caches.draft;
  return {
    source: opts.source,
    name: plan.name,
    library: LIBRARY,
    manifestHash: opts.manifestHash,
    dtype: plan.target.dtype,
    blockSize: plan.blockSize,
    maxContext: plan.maxContext,
    maxRequests: plan.maxRequests,
    verify: plan.verify,
    hasDraft: plan.draft !== null,
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
    kernelParams: [...lowered.byKernel].map(([kernel, k]) => ({ kernel, names: k.params })),
    stacks: lowered.stacks,
    pagedAttention: pagedAttentionOptions(plan),
    signatures: plan.kernels.map((s) => ({
      kernel: s.kernel,
      bucketId: s.bucketId,
      requests: s.bucket.requests,
      tokens: s.bucket.tokens ?? null,
      caches: s.args.filter((a) => a.role === "cache").map(tensor),
      inputs: s.args.filter((a) => a.role === "input").map(tensor),
      outputs: s.results.filter((r) => r.role === "output").map(tensor),
    })),
  };
}

/** Generated files of `jax/<decoder>/`, from templates/jax. */
const TEMPLATED = ["__init__.py", "config.py", "weights.py", "sharding.py", "worker.py"];

/** The static library's files (python/dflashc_jax/*.py), in name order. */
function libraryFiles(): Map<string, string> {
  const dir = join(packageRoot(), "python", LIBRARY);
  const files = readdirSync(dir).filter((f) => f.endsWith(".py")).sort();
  return new Map(files.map((f) => [`jax/${LIBRARY}/${f}`, readFileSync(join(dir, f), "utf8")]));
}

/** The files of `jax/`, keyed by their path in the output folder. `graphs`: every kernel graph of the plan (built here when absent). */
export function emitJaxPackage(plan: DecoderPlan, opts: JaxEmitOptions, graphs?: readonly KernelGraph[]): Map<string, string> {
  const problem = pythonPackageNameProblem(plan.name) ?? (plan.name === LIBRARY ? `"${LIBRARY}" is the name of dflashc's JAX support library` : null);
  if (problem) throw new JaxEmitError(`decoder name: ${problem}`);
  for (const sig of plan.kernels) checkSignature(plan, sig);
  const built = graphs ?? plan.kernels.map((s) => buildKernelGraph(plan, s));
  const missing = [...new Set(plan.kernels.map((s) => s.kernel))].filter((k) => !built.some((g) => g.sig.kernel === k));
  if (missing.length > 0) throw new JaxEmitError(`no kernel graph for ${missing.join(", ")}`);
  const lowered = lowerKernels(plan, built);
  const ctx = jaxContext(plan, opts, lowered);
  const out = new Map<string, string>();
  out.set("jax/requirements.txt", readFileSync(join(packageRoot(), "python", "requirements.txt"), "utf8"));
  for (const [path, text] of libraryFiles()) out.set(path, text);
  for (const file of TEMPLATED) out.set(`jax/${plan.name}/${file}`, template(file)(ctx));
  out.set(`jax/${plan.name}/kernels.py`, kernelsModule(plan, opts.source, lowered));
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
