/**
 * The generated TypeScript runtime: one module per decoder, `runtime/<name>.ts` in the output folder,
 * written as plain text (no formatter pass: it is laid out as written). It holds the decoder's buckets, cache geometry and every kernel signature as
 * typed `as const` constants, and a `createEngine(backend, weights)` bound to the hand-written runtime
 * library (`dflashc/runtime`), which checks the constants against `../manifest.json` before running.
 * Deterministic: no timestamps, stable ordering.
 */
import type { DecoderPlan } from "../ir/plan.js";
import { kernelFile } from "../manifest.js";
import type { DraftCache, KernelSig, PagedCache } from "../../contract/manifest.js";

export interface RuntimeEmitContext {
  /** The config file as the user named it. */
  readonly source: string;
  /** The manifest's content hash: the generated module refuses any other manifest. */
  readonly manifestHash: string;
}

export function runtimeModulePath(plan: DecoderPlan): string {
  return `runtime/${plan.name}.ts`;
}

/** A literal for plain data: numbers, strings, null, arrays and objects (keys in the given order). */
function literal(v: unknown, indent = ""): string {
  if (v === null) return "null";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map((x) => literal(x, indent)).join(", ")}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return "{}";
  const inner = `${indent}  `;
  const key = (k: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : JSON.stringify(k));
  const flat = `{ ${entries.map(([k, x]) => `${key(k)}: ${literal(x, inner)}`).join(", ")} }`;
  if (flat.length <= 100 && !flat.includes("\n")) return flat;
  return `{\n${entries.map(([k, x]) => `${inner}${key(k)}: ${literal(x, inner)},`).join("\n")}\n${indent}}`;
}

function cacheConst(c: PagedCache | DraftCache) {
  return c.kind === "paged"
    ? { kind: c.kind, shape: c.shape, pageSize: c.pageSize, numPages: c.numPages, pagesPerRequest: c.pagesPerRequest }
    : { kind: c.kind, shape: c.shape, slots: c.slots, capacity: c.capacity };
}

function kernelConst(k: KernelSig) {
  const io = (role: "input" | "output", list: KernelSig["args"]) => Object.fromEntries(list.filter((a) => a.role === role).map((a) => [a.name, a.shape]));
  return {
    kernel: k.kernel,
    bucket: k.bucket.tokens === undefined ? { requests: k.bucket.requests } : { requests: k.bucket.requests, tokens: k.bucket.tokens },
    file: kernelFile(k.kernel, k.bucketId),
    inputs: io("input", k.args),
    outputs: io("output", k.results),
  };
}

/**
 * Names of the f32 inputs of any kernel, sorted. A name is one dtype in every kernel (the generated
 * types key on names), which the kernel planner guarantees; anything else is a compiler bug.
 */
function f32Inputs(plan: DecoderPlan): string[] {
  const dtypes = new Map<string, string>();
  for (const k of plan.kernels) {
    for (const a of k.args) {
      if (a.role !== "input") continue;
      const seen = dtypes.get(a.name);
      if (seen !== undefined && seen !== a.dtype) throw new Error(`internal error (runtime emitter): input ${a.name} is ${seen} in one kernel, ${a.dtype} in another`);
      dtypes.set(a.name, a.dtype);
    }
  }
  return [...dtypes].filter(([, d]) => d === "f32").map(([n]) => n).sort();
}

/** `/** doc *\/` above a declaration: one line, or a block when the text has several. */
function docComment(doc: string): string {
  const lines = doc.split("\n");
  return lines.length === 1 ? `/** ${doc} */` : ["/**", ...lines.map((l) => ` * ${l}`), " */"].join("\n");
}

/** The module's declarations, in order, each with its doc comment. */
function declarations(plan: DecoderPlan, ctx: RuntimeEmitContext): string[] {
  const out: string[] = [];
  const constant = (name: string, value: string, doc: string) => out.push(`${docComment(doc)}\nexport const ${name} = ${value};`);
  const alias = (text: string, doc?: string) => out.push(doc ? `${docComment(doc)}\n${text}` : text);

  constant("DECODER_NAME", `${literal(plan.name)} as const`, "The decoder's name (names the JAX package and this module).");
  constant("MANIFEST_HASH", `${literal(ctx.manifestHash)} as const`, "Content hash of the manifest this module was generated with.");
  constant("BLOCK_SIZE", `${plan.blockSize} as const`, "K: tokens per verify block (b0 and K-1 drafts).");
  constant("MAX_CONTEXT", `${plan.maxContext} as const`, "Longest request in tokens (prompt plus generated).");
  constant("MAX_REQUESTS", `${plan.maxRequests} as const`, "Requests decoded together at most.");
  constant("VOCAB_SIZE", `${plan.target.vocabSize} as const`, "Vocabulary size of the target.");
  constant("MASK_TOKEN_ID", plan.draft ? `${plan.draft.maskTokenId} as const` : "null", "The draft's mask token; null for a target-only decoder.");
  constant("REQUEST_BUCKETS", `${literal(plan.buckets.requests)} as const`, "Request-count buckets R (every decode call pads to one).");
  constant("TOKEN_BUCKETS", `${literal(plan.buckets.tokens)} as const`, "Prefill token buckets T.");
  constant("TARGET_CACHE", `${literal(cacheConst(plan.caches.target))} as const`, "Target paged KV pool; page 0 is the trash page.");
  constant(
    "DRAFT_CACHE",
    plan.caches.draft ? `${literal(cacheConst(plan.caches.draft))} as const` : "null",
    plan.caches.draft?.kind === "static" ? "Draft static cache; slot 0 is the trash slot." : "Draft cache geometry (null without a draft).",
  );
  constant(
    "CYCLES_PER_DISPATCH",
    `${literal(plan.cyclesPerDispatch)} as const`,
    "Draft → verify → commit cycles one decode call may run (`decode_loop_c<C>` for each C > 1); the engine picks one per step.",
  );
  const kernels = Object.fromEntries(plan.kernels.map((k) => [`${k.kernel}.${k.bucketId}`, kernelConst(k)]));
  constant("KERNELS", `${literal(kernels)} as const`, "Every kernel bucket: inputs and outputs by name with their shapes.");
  out.push("");
  alias(
    [
      "export type RequestBucket = (typeof REQUEST_BUCKETS)[number];",
      "export type TokenBucket = (typeof TOKEN_BUCKETS)[number];",
      `${docComment("`decode_step.r4`, `prefill.r2.t32`, ...")}\nexport type KernelId = keyof typeof KERNELS;`,
      `${docComment("Inputs that are f32 (the sampling kernels' parameters); every other input and every output is int32.")}\nexport type F32Input = ${f32Inputs(plan).map((n) => literal(n)).join(" | ") || "never"};`,
      'export type KernelInputs<K extends KernelId> = { readonly [N in keyof (typeof KERNELS)[K]["inputs"]]: N extends F32Input ? Float32Array : Int32Array };',
      'export type KernelOutputs<K extends KernelId> = { readonly [N in keyof (typeof KERNELS)[K]["outputs"]]: Int32Array };',
    ].join("\n"),
  );
  out.push("");
  constant(
    "DECODER",
    `{
  name: DECODER_NAME,
  manifestHash: MANIFEST_HASH,
  blockSize: BLOCK_SIZE,
  maxContext: MAX_CONTEXT,
  maxRequests: MAX_REQUESTS,
  vocabSize: VOCAB_SIZE,
  maskTokenId: MASK_TOKEN_ID,
  requestBuckets: REQUEST_BUCKETS,
  tokenBuckets: TOKEN_BUCKETS,
  targetCache: TARGET_CACHE,
  draftCache: DRAFT_CACHE,
  kernels: KERNELS,
} as const satisfies GeneratedDecoder`,
    "All of the above, as the runtime library checks it against the manifest.",
  );
  out.push("");
  alias(
    "export function manifestDir(): string {\n  return outputFolderOf(import.meta.url);\n}",
    "The output folder this module lives in (its manifest.json and stablehlo/).",
  );
  out.push("");
  alias(
    "export function createEngine(backend: Backend, weights: Weights | string, options: EngineOptions & { readonly manifestDir?: string } = {}): Promise<Engine> {\n" +
      "  return createGeneratedEngine(DECODER, options.manifestDir ?? manifestDir(), backend, weights, options);\n}",
    "An engine for this decoder on `backend`. `weights`: tensors by kernel argument name, or `random:SEED` /\n" +
      "a checkpoint folder. Throws if `manifest.json` is not the one this module was generated with.",
  );
  return out;
}

/** The generated module's text, laid out as the formatter of the project's tools would (tests type-check it). */
export function emitRuntimeModule(plan: DecoderPlan, ctx: RuntimeEmitContext): string {
  const head = [
    `// Generated by dflashc from ${ctx.source.replace(/[\r\n\u2028\u2029]/g, " ")}. Do not edit: recompile instead.`,
    `// Decoder ${plan.name}; manifest ${ctx.manifestHash}.`,
    // Only "dflashc/runtime" is imported (no node: modules), so the module type-checks without @types/node.
    'import { createGeneratedEngine, outputFolderOf, type Backend, type Engine, type EngineOptions, type GeneratedDecoder, type Weights } from "dflashc/runtime";',
    "",
  ];
  return `${[...head, ...declarations(plan, ctx)].join("\n")}\n`;
}

/** Output folder files of the runtime emitter: `runtime/<name>.ts`. */
export function emitRuntime(plan: DecoderPlan, ctx: RuntimeEmitContext): Map<string, string> {
  return new Map([[runtimeModulePath(plan), emitRuntimeModule(plan, ctx)]]);
}
