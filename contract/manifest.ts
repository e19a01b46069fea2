/**
 * manifest.json: the only thing (with the artifacts it names) that the runtime reads from a compile.
 * The compiler writes it (cli/commands/compile.ts); this file is its schema and reader.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ModelDType, TensorDType } from "./dtypes.js";
import { LAYER_WILDCARD, weightMembers } from "./weight-stack.js";

export const MANIFEST_FORMAT = "dflashc.manifest.v2";

export type TensorRole = "weight" | "cache" | "input" | "output";

/** One argument or result of a kernel. */
export interface TensorSig {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: TensorDType;
  readonly role: TensorRole;
  /** Donated buffers are updated in place and returned as a result of the same name. */
  readonly donated: boolean;
}

export type KernelName =
  | "prefill"
  | "draft"
  | "verify"
  | "decode_step"
  | "target_step"
  // Rejection-sampling kernels, planned only when `verify` is "sampling" (docs/kernels.md, "Sampling").
  | "verify_sample"
  | "decode_step_sample"
  | "target_step_sample"
  // C draft → verify → commit cycles in one call, one kernel per declared C > 1 (docs/kernels.md, "decode_loop_c<C>").
  | DecodeLoopName;

/** The kernel that runs `C` decode cycles per call. */
export type DecodeLoopName = `decode_loop_c${number}`;

export const decodeLoopName = (cycles: number): DecodeLoopName => `decode_loop_c${cycles}`;

/** C of a `decode_loop_c<C>` kernel name; null for every other kernel. */
export function decodeLoopCycles(kernel: string): number | null {
  const m = /^decode_loop_c([1-9][0-9]*)$/.exec(kernel);
  return m ? Number(m[1]) : null;
}

export interface KernelBucket {
  readonly requests: number;
  /** Only prefill has a token bucket. */
  readonly tokens?: number;
}

/** One kernel at one shape bucket, as the compiler plans it. */
export interface KernelSig {
  readonly kernel: KernelName;
  readonly bucket: KernelBucket;
  /** `r4` or `r4.t64`: names the artifact `stablehlo/<kernel>.<bucketId>.mlir`. */
  readonly bucketId: string;
  readonly args: readonly TensorSig[];
  readonly results: readonly TensorSig[];
}

/**
 * A kernel weight argument made of one checkpoint tensor per layer: `name` is the checkpoint name with
 * `$` where the layer index stands (`target.model.layers.$.mlp.up_proj.weight`, a valid StableHLO argument name), its shape is
 * `[layers, ...]` and layer `i` is the tensor `name` with `$` replaced by `i` (a name in `weights`).
 * Kernels take one such argument per weight role and loop over the layers (docs/kernels.md).
 */
export interface WeightStack {
  readonly name: string;
  readonly layers: number;
}

export interface ManifestKernel extends KernelSig {
  /** Relative to the output folder: `stablehlo/<kernel>.<bucketId>.mlir`. */
  readonly file: string;
}

/**
 * A paged KV pool (the target's, or a paged draft cache) `[layers, 2, kvHeads, numPages, pageSize, headDim]`
 * (`[l, 0]` K, `[l, 1]` V): `pool[l, kv, h, page]` is one contiguous `[pageSize, headDim]` tile. Page 0
 * is the trash page.
 */
export interface PagedCache {
  readonly kind: "paged";
  readonly pageSize: number;
  readonly numPages: number;
  /** Width of a block table: pages one request can hold at `maxContext` plus one padded block write. */
  readonly pagesPerRequest: number;
  readonly shape: readonly number[];
  readonly layout: "layer,kv,head,page,slot,dim";
}

/** Draft static cache: K and V each `[draftLayers, slots, capacity, kvHeads, headDim]`; slot 0 is the trash slot. */
export interface StaticCache {
  readonly kind: "static";
  /** `maxRequests + 1`: slot 0 takes the writes of padded request rows. */
  readonly slots: number;
  /** `maxContext + blockSize` rounded up to a multiple of 128 rows, so no write of a live request ever clamps. */
  readonly capacity: number;
  readonly shape: readonly number[];
  readonly layout: "layer,slot,position,head,dim";
}

/** The draft's cache: static slots, or a paged pool of its own. The target's cache is always paged. */
export type DraftCache = StaticCache | PagedCache;

/**
 * How text becomes token ids: the byte-level tokenizer (one id per UTF-8 byte), or a Hugging Face
 * tokenizer folder. In a plan the folder is relative to the config file; in a manifest, relative to
 * the output folder (`compile` copies the files into its tokenizer/).
 */
export type TokenizerRef = { readonly kind: "byte" } | { readonly kind: "hf"; readonly path: string };

/** The folder inside a compiled output that holds the copied tokenizer files. */
export const TOKENIZER_DIR = "tokenizer";

/** The tokenizer files `compile` copies (the first is required, the others when present). */
export const TOKENIZER_FILES = ["tokenizer.json", "tokenizer_config.json", "generation_config.json", "chat_template.jinja", "special_tokens_map.json"] as const;

export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  /** `dflashc <version>`; no timestamps anywhere, so output is byte-identical for the same input. */
  readonly generator: string;
  readonly name: string;
  /** The config file it was compiled from, as given on the command line (relative when possible). */
  readonly source: string;
  /** sha256 over the plan and every artifact's bytes; the JAX worker's handshake checks it. */
  readonly contentHash: string;
  readonly decoder: {
    readonly blockSize: number;
    readonly maxContext: number;
    readonly maxRequests: number;
    readonly verify: "greedy" | "sampling";
    readonly vocabSize: number;
    readonly dtype: ModelDType;
    /** null for a target-only decoder. */
    readonly maskTokenId: number | null;
    readonly hasDraft: boolean;
  };
  /** The tokenizer `run` uses for text (the folder relative to this manifest's folder); null: ids only. */
  readonly tokenizer: TokenizerRef | null;
  /** Ids that end a request; null: the tokenizer's (generation_config.json, else its eos_token). */
  readonly eosTokenIds: readonly number[] | null;
  readonly caches: { readonly target: PagedCache; readonly draft: DraftCache | null };
  readonly buckets: { readonly requests: readonly number[]; readonly tokens: readonly number[] };
  /** Every checkpoint tensor any kernel reads, by its Hugging Face name (`target.`/`draft.` prefixed), in canonical order. */
  readonly weights: readonly TensorSig[];
  /** The stacked kernel weight arguments and how each is built from `weights` (see WeightStack). */
  readonly weightStacks: readonly WeightStack[];
  readonly kernels: readonly ManifestKernel[];
  /** The full resolved plan (dims under the DSL's own names), for tools and humans. */
  readonly plan: unknown;
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ManifestError";
  }
}

/**
 * On disk, a kernel's weight arguments are listed once per kernel kind (`kernelWeights`: names from
 * `weights` or `weightStacks`) instead of in every bucket. In memory every `ManifestKernel.args` is the
 * full, ordered argument list, a stack as one TensorSig of shape `[layers, ...member shape]`.
 */
interface ManifestFile extends Omit<Manifest, "kernels"> {
  readonly kernelWeights: Readonly<Partial<Record<KernelName, readonly string[]>>>;
  readonly kernels: readonly (Omit<ManifestKernel, "args"> & { readonly args: readonly TensorSig[] })[];
}

export function serializeManifest(m: Manifest): string {
  const kernelWeights: Partial<Record<KernelName, string[]>> = {};
  for (const k of m.kernels) {
    const names = k.args.filter((a) => a.role === "weight").map((a) => a.name);
    const seen = kernelWeights[k.kernel];
    if (seen && seen.join("\n") !== names.join("\n")) throw new ManifestError(`${k.kernel}: buckets disagree on weight arguments`);
    kernelWeights[k.kernel] = names;
  }
  const { kernels, plan, ...head } = m;
  const file: ManifestFile = {
    ...head,
    kernelWeights,
    kernels: kernels.map((k) => ({ ...k, args: k.args.filter((a) => a.role !== "weight") })),
    plan,
  };
  return `${compactJson(file, "")}\n`;
}

/**
 * JSON for a reviewer: indented like `JSON.stringify(v, null, 2)`, except that a flat object (at most
 * 8 keys, each a primitive or a one-line array: a tensor signature, a bucket, a cache) is one line, an
 * array of numbers (a shape) or a short array of primitives is one line, and a long array of strings
 * has one string per line. Keys keep their insertion order, so the text is deterministic; it is plain
 * JSON (`parseManifest` is `JSON.parse`).
 */
function compactJson(v: unknown, indent: string): string {
  if (v === undefined) return "null";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    if (isShortArray(v)) return JSON.stringify(v);
    return `[\n${v.map((x) => `${inner}${compactJson(x, inner)}`).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(v).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return "{}";
  if (isFlatObject(v)) return JSON.stringify(v);
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${compactJson(x, inner)}`).join(",\n")}\n${indent}}`;
}

function isPrimitive(x: unknown): boolean {
  return x === null || typeof x !== "object";
}

/** Numbers (a shape, a bucket list), or a few primitives. */
function isShortArray(x: unknown): boolean {
  return Array.isArray(x) && (x.every((y) => typeof y === "number") || (x.every(isPrimitive) && JSON.stringify(x).length <= 120));
}

function isFlatObject(x: unknown): boolean {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return false;
  const values = Object.values(x).filter((y) => y !== undefined);
  return values.length <= 8 && values.every((y) => isPrimitive(y) || isShortArray(y));
}

export function parseManifest(text: string, where = "manifest.json"): Manifest {
  let f: ManifestFile;
  try {
    f = JSON.parse(text) as ManifestFile;
  } catch (e) {
    throw new ManifestError(`${where}: not JSON (${(e as Error).message})`);
  }
  if (f.format !== MANIFEST_FORMAT) throw new ManifestError(`${where}: format ${String(f.format)}, expected ${MANIFEST_FORMAT}`);
  if (!Array.isArray(f.weights) || !Array.isArray(f.weightStacks)) throw new ManifestError(`${where}: weights and weightStacks must be arrays`);
  const weights = new Map<string, TensorSig>(f.weights.map((w) => [w.name, w]));
  for (const s of f.weightStacks) weights.set(s.name, stackSig(s, weights, where));
  const { kernelWeights, ...head } = f;
  return {
    ...head,
    kernels: f.kernels.map((k) => ({
      ...k,
      args: [
        ...(kernelWeights[k.kernel] ?? []).map((n) => {
          const w = weights.get(n);
          if (!w) throw new ManifestError(`${where}: kernel ${k.kernel} takes unknown weight ${n}`);
          return w;
        }),
        ...k.args,
      ],
    })),
  };
}

/** The kernel argument of a stack: its members must all be in `weights`, of one shape and dtype. */
function stackSig(s: WeightStack, weights: ReadonlyMap<string, TensorSig>, where: string): TensorSig {
  if (typeof s.name !== "string" || s.name.split(LAYER_WILDCARD).length !== 2 || !Number.isInteger(s.layers) || s.layers < 1) {
    throw new ManifestError(`${where}: weight stack ${JSON.stringify(s)} needs a name with one '$' and layers >= 1`);
  }
  const members = weightMembers({ name: s.name, shape: [s.layers] }).map((n) => {
    const w = weights.get(n);
    if (!w) throw new ManifestError(`${where}: weight stack ${s.name} needs ${n}, which is not in weights`);
    return w;
  });
  const first = members[0];
  const bad = members.find((w) => w.dtype !== first.dtype || w.shape.join() !== first.shape.join());
  if (bad) throw new ManifestError(`${where}: weight stack ${s.name}: ${bad.name} differs from ${first.name} in shape or dtype`);
  return { name: s.name, shape: [s.layers, ...first.shape], dtype: first.dtype, role: "weight", donated: false };
}

export function readManifest(dir: string): Manifest {
  let raw: string;
  try {
    raw = readFileSync(join(dir, "manifest.json"), "utf8");
  } catch {
    throw new ManifestError(`no manifest.json in ${dir}: compile the decoder first (dflashc compile <config.ts> -o ${dir})`);
  }
  return parseManifest(raw, join(dir, "manifest.json"));
}
