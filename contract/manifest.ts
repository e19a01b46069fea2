/**
 * manifest.json: the only thing (with the artifacts it names) that the runtime reads from a compile.
 * The compiler writes it (cli/commands/compile.ts); this file is its schema and reader.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const MANIFEST_FORMAT = "dflashc.manifest.v1";

export type ManifestDType = "f32" | "bf16" | "i32";

export interface ManifestTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: ManifestDType;
  readonly role: "weight" | "cache" | "input" | "output";
  readonly donated: boolean;
}

export type KernelName =
  | "prefill"
  | "draft"
  | "verify"
  | "decode_step"
  | "target_step"
  // Rejection-sampling kernels, present when decoder.verify is "sampling".
  | "verify_sample"
  | "decode_step_sample"
  | "target_step_sample";

export interface ManifestKernel {
  readonly kernel: KernelName;
  readonly bucket: { readonly requests: number; readonly tokens?: number };
  readonly bucketId: string;
  /** Relative to the output folder: `stablehlo/<kernel>.<bucketId>.mlir`. */
  readonly file: string;
  readonly args: readonly ManifestTensor[];
  readonly results: readonly ManifestTensor[];
}

export interface ManifestCache {
  readonly kind: "paged" | "static";
  readonly shape: readonly number[];
  readonly layout: string;
  /** paged */
  readonly pageSize?: number;
  readonly numPages?: number;
  readonly pagesPerRequest?: number;
  /** static */
  readonly slots?: number;
  readonly capacity?: number;
}

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
    readonly dtype: "f32" | "bf16";
    /** null for a target-only decoder. */
    readonly maskTokenId: number | null;
    readonly hasDraft: boolean;
  };
  readonly caches: { readonly target: ManifestCache; readonly draft: ManifestCache | null };
  readonly buckets: { readonly requests: readonly number[]; readonly tokens: readonly number[] };
  /** Every weight any kernel takes, in canonical order. */
  readonly weights: readonly ManifestTensor[];
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
 * On disk, a kernel's weight arguments are listed once per kernel kind (`kernelWeights`) instead of in
 * every bucket: a 36-layer model has hundreds of weights and a hundred buckets. In memory every
 * `ManifestKernel.args` is the full, ordered argument list.
 */
interface ManifestFile extends Omit<Manifest, "kernels"> {
  readonly kernelWeights: Readonly<Partial<Record<KernelName, readonly string[]>>>;
  readonly kernels: readonly (Omit<ManifestKernel, "args"> & { readonly args: readonly ManifestTensor[] })[];
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
  const weights = new Map(f.weights.map((w) => [w.name, w]));
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

export function readManifest(dir: string): Manifest {
  let raw: string;
  try {
    raw = readFileSync(join(dir, "manifest.json"), "utf8");
  } catch {
    throw new ManifestError(`no manifest.json in ${dir}: compile the decoder first (dflashc compile <config.ts> -o ${dir})`);
  }
  return parseManifest(raw, join(dir, "manifest.json"));
}
