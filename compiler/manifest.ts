/**
 * Build manifest.json from a plan and the kernel artifacts. The content hash covers the plan and the
 * StableHLO artifacts; the JAX package and the generated runtime embed the hash (the worker's
 * handshake checks it), so they are outside it.
 */
import { createHash } from "node:crypto";
import type { DecoderPlan } from "./ir/plan.js";
import { isWeightStack, weightMembers } from "../contract/weight-stack.js";
import { MANIFEST_FORMAT, TOKENIZER_DIR, type DraftCache, type Manifest, type PagedCache, type TensorSig, type WeightStack } from "../contract/manifest.js";
import { VERSION } from "./version.js";
import { planWeights } from "./ir/weights.js";

export function kernelFile(kernel: string, bucketId: string): string {
  return `stablehlo/${kernel}.${bucketId}.mlir`;
}

/** The plan as JSON-safe data, without the kernel list (the manifest lists kernels itself). */
export function planForJson(plan: DecoderPlan): unknown {
  const { kernels: _kernels, ...rest } = plan;
  return rest;
}

export function contentHash(plan: DecoderPlan, artifacts: ReadonlyMap<string, string>): string {
  const h = createHash("sha256");
  h.update(JSON.stringify(planForJson(plan)));
  for (const path of [...artifacts.keys()].sort()) {
    h.update(`\0${path}\0`);
    h.update(artifacts.get(path)!);
  }
  return `sha256:${h.digest("hex")}`;
}

/** The plan's cache, with kind, shape and layout first: the manifest's key order is part of its byte-identical text. */
function cache(c: PagedCache): PagedCache;
function cache(c: DraftCache): DraftCache;
function cache(c: DraftCache): DraftCache {
  return c.kind === "paged"
    ? { kind: "paged", shape: c.shape, layout: c.layout, pageSize: c.pageSize, numPages: c.numPages, pagesPerRequest: c.pagesPerRequest }
    : { kind: "static", shape: c.shape, layout: c.layout, slots: c.slots, capacity: c.capacity };
}

/** `stablehloArtifacts`: path → text of every kernel module (may be empty when not emitted). */
export function buildManifest(plan: DecoderPlan, source: string, stablehloArtifacts: ReadonlyMap<string, string>): Manifest {
  // The checkpoint tensors the kernels read: plain weight arguments, and every member of a stack.
  const used = new Set<string>();
  const stacks = new Map<string, WeightStack>();
  for (const k of plan.kernels) {
    for (const a of k.args) {
      if (a.role !== "weight") continue;
      for (const n of weightMembers(a)) used.add(n);
      if (isWeightStack(a.name)) stacks.set(a.name, { name: a.name, layers: a.shape[0] });
    }
  }
  return {
    format: MANIFEST_FORMAT,
    generator: `dflashc ${VERSION}`,
    name: plan.name,
    source,
    contentHash: contentHash(plan, stablehloArtifacts),
    decoder: {
      blockSize: plan.blockSize,
      maxContext: plan.maxContext,
      maxRequests: plan.maxRequests,
      verify: plan.verify,
      vocabSize: plan.target.vocabSize,
      dtype: plan.target.dtype,
      maskTokenId: plan.draft?.maskTokenId ?? null,
      hasDraft: plan.draft !== null,
    },
    tokenizer: plan.tokenizer?.kind === "hf" ? { kind: "hf", path: TOKENIZER_DIR } : plan.tokenizer,
    eosTokenIds: plan.eosTokenIds,
    caches: { target: cache(plan.caches.target), draft: plan.caches.draft ? cache(plan.caches.draft) : null },
    buckets: plan.buckets,
    weights: planWeights(plan).filter((w) => used.has(w.name)).map((w): TensorSig => ({ ...w, role: "weight", donated: false })),
    weightStacks: [...stacks.values()],
    kernels: plan.kernels.map((k) => ({
      kernel: k.kernel,
      bucket: k.bucket,
      bucketId: k.bucketId,
      file: kernelFile(k.kernel, k.bucketId),
      args: k.args,
      results: k.results,
    })),
    plan: planForJson(plan),
  };
}
