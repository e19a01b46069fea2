/**
 * What a generated runtime module (`runtime/<name>.ts` in an output folder) binds to: the shape of
 * its typed constants, and `createGeneratedEngine`, which checks those constants against the
 * manifest they were generated with before anything runs (a stale module is a clear error, not
 * wrong numbers).
 */
import { fileURLToPath } from "node:url";
import type { Backend, Weights } from "./backend.js";
import { createEngine, type Engine, type EngineOptions } from "./engine.js";
import { readManifest, type KernelName, type Manifest } from "../contract/manifest.js";
import { loadWeights, parseWeightSource } from "./weights/source.js";

/** One kernel bucket as a generated module lists it: int32 inputs and outputs only (weights and caches live in the backend). */
export interface GeneratedKernel {
  readonly kernel: KernelName;
  readonly bucket: { readonly requests: number; readonly tokens?: number };
  readonly file: string;
  readonly inputs: Readonly<Record<string, readonly number[]>>;
  readonly outputs: Readonly<Record<string, readonly number[]>>;
}

export interface GeneratedCache {
  readonly kind: "paged" | "static";
  readonly shape: readonly number[];
  readonly pageSize?: number;
  readonly numPages?: number;
  readonly pagesPerRequest?: number;
  readonly slots?: number;
  readonly capacity?: number;
}

export interface GeneratedDecoder {
  readonly name: string;
  readonly manifestHash: string;
  readonly blockSize: number;
  readonly maxContext: number;
  readonly maxRequests: number;
  readonly vocabSize: number;
  readonly maskTokenId: number | null;
  readonly requestBuckets: readonly number[];
  readonly tokenBuckets: readonly number[];
  readonly targetCache: GeneratedCache;
  readonly draftCache: GeneratedCache | null;
  readonly kernels: Readonly<Record<string, GeneratedKernel>>;
}

export class GeneratedModuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GeneratedModuleError";
  }
}

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Throws unless the generated constants describe exactly this manifest. */
export function checkGenerated(d: GeneratedDecoder, m: Manifest): void {
  const stale = (what: string) => {
    throw new GeneratedModuleError(`the generated runtime for ${d.name} does not match ${m.name}'s manifest (${what}): recompile with --emit runtime`);
  };
  if (d.name !== m.name) stale(`name ${m.name}`);
  if (d.manifestHash !== m.contentHash) stale(`hash ${m.contentHash}, generated for ${d.manifestHash}`);
  if (d.blockSize !== m.decoder.blockSize || d.maxContext !== m.decoder.maxContext || d.maxRequests !== m.decoder.maxRequests) stale("decoder dims");
  if (!same(d.requestBuckets, m.buckets.requests) || !same(d.tokenBuckets, m.buckets.tokens)) stale("buckets");
  const ids = new Set(m.kernels.map((k) => `${k.kernel}.${k.bucketId}`));
  if (Object.keys(d.kernels).length !== ids.size) stale("kernel count");
  for (const k of m.kernels) {
    const g = d.kernels[`${k.kernel}.${k.bucketId}`];
    if (!g) stale(`kernel ${k.kernel}.${k.bucketId}`);
    for (const a of k.args) if (a.role === "input" && !(g.inputs[a.name] && same(g.inputs[a.name], a.shape))) stale(`${k.kernel}.${k.bucketId} input ${a.name}`);
    for (const r of k.results) if (r.role === "output" && !(g.outputs[r.name] && same(g.outputs[r.name], r.shape))) stale(`${k.kernel}.${k.bucketId} output ${r.name}`);
  }
}

/**
 * An engine for a generated decoder: reads `manifestDir/manifest.json`, checks it against the
 * generated constants, loads weights (a map by kernel argument name, or a source string
 * `random:SEED` / `DIR[,DRAFT_DIR]`), and initializes the backend.
 */
/** The output folder of a generated module (`<out>/runtime/<name>.ts`) from its `import.meta.url`: `<out>`. */
export function outputFolderOf(moduleUrl: string): string {
  return fileURLToPath(new URL("..", moduleUrl));
}

export async function createGeneratedEngine(
  decoder: GeneratedDecoder,
  manifestDir: string,
  backend: Backend,
  weights: Weights | string,
  options: EngineOptions = {},
): Promise<Engine> {
  const manifest = readManifest(manifestDir);
  checkGenerated(decoder, manifest);
  const w = typeof weights === "string" ? loadWeights(parseWeightSource(weights), manifest) : weights;
  return createEngine(manifest, backend, w, options);
}
