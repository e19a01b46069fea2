/**
 * manifest.json: the only thing (with the artifacts it names) that the runtime reads from a compile.
 * The compiler writes it (compiler/commands/compile.ts); this file is its schema and reader.
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

export type KernelName = "prefill" | "draft" | "verify" | "decode_step" | "target_step";

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

export function readManifest(dir: string): Manifest {
  let raw: string;
  try {
    raw = readFileSync(join(dir, "manifest.json"), "utf8");
  } catch {
    throw new ManifestError(`no manifest.json in ${dir}: compile the decoder first (dflashc compile <config.ts> -o ${dir})`);
  }
  const m = JSON.parse(raw) as Manifest;
  if (m.format !== MANIFEST_FORMAT) throw new ManifestError(`${dir}/manifest.json: format ${String(m.format)}, expected ${MANIFEST_FORMAT}`);
  return m;
}

/** The kernel signature for a kernel and bucket id, or a clear error: the runtime never asks for a shape outside the manifest. */
export function findKernel(m: Manifest, kernel: KernelName, bucketId: string): ManifestKernel {
  const k = m.kernels.find((x) => x.kernel === kernel && x.bucketId === bucketId);
  if (!k) throw new ManifestError(`no kernel ${kernel}.${bucketId} in the manifest of ${m.name}`);
  return k;
}
