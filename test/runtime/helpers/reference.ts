/**
 * Real decoders for the lossless tests: the tiny example (or a variant) planned, its manifest, and a
 * reference backend that emits each StableHLO module on first use and runs it in the interpreter.
 */
import { buildManifest, kernelFile } from "../../../compiler/manifest.js";
import type { DecoderPlan } from "../../../compiler/ir/plan.js";
import { buildPlan } from "../../../compiler/plan/build-plan.js";
import { emitKernelText } from "../../../compiler/stablehlo/emit.js";
import type { DecoderDeclaration } from "../../../dsl/types.js";
import { pagedKV, pow2Buckets, staticKV } from "../../../dsl/index.js";
import tiny from "../../../examples/tiny.js";
import { ReferenceBackend } from "../../../runtime/backends/reference.js";
import type { Manifest } from "../../../contract/manifest.js";
import type { Weights } from "../../../runtime/backend.js";
import { Engine, type EngineOptions, type GenerateRequest, type GenerateResult } from "../../../runtime/engine.js";
import { SplitMix32 } from "../../../runtime/weights/random.js";
import { naiveGreedy } from "../../helpers/naive-model.js";
import { expect } from "vitest";
import type { ModelDType } from "../../../contract/dtypes.js";

export interface TinyVariant {
  blockSize?: number;
  draftLayout?: "static" | "paged";
  maxRequests?: number;
  numPages?: number;
  dtype?: ModelDType;
  maxContext?: number;
  /** Largest prefill token bucket (smaller forces chunked prefill). */
  maxTokens?: number;
}

export function tinyVariant(v: TinyVariant = {}): DecoderDeclaration {
  const maxContext = v.maxContext ?? 240;
  return {
    ...tiny,
    name: `tiny_b${v.blockSize ?? tiny.blockSize}_${v.draftLayout ?? "static"}`,
    target: { ...tiny.target, dtype: v.dtype ?? tiny.target.dtype },
    blockSize: v.blockSize ?? tiny.blockSize,
    cache: {
      target: pagedKV({ pageSize: 16, numPages: v.numPages ?? 64, maxContext }),
      draft: v.draftLayout === "paged" ? pagedKV({ pageSize: 16, numPages: v.numPages ?? 64, maxContext }) : staticKV({ maxContext }),
    },
    batching: {
      ...tiny.batching,
      maxRequests: v.maxRequests ?? tiny.batching.maxRequests,
      tokens: pow2Buckets({ min: 16, max: v.maxTokens ?? tiny.batching.tokens.max }),
    },
  };
}

export interface Compiled {
  readonly plan: DecoderPlan;
  readonly manifest: Manifest;
  /** A fresh backend that renders modules lazily (shared render cache across backends of this decoder). */
  backend(): ReferenceBackend;
  /** Modules rendered so far. */
  readonly rendered: Map<string, string>;
}

export function compileTiny(decl: DecoderDeclaration): Compiled {
  const plan = buildPlan(decl);
  const manifest = buildManifest(plan, "examples/tiny.ts", new Map());
  const byFile = new Map(plan.kernels.map((k) => [kernelFile(k.kernel, k.bucketId), k]));
  const rendered = new Map<string, string>();
  const render = (file: string) => {
    let t = rendered.get(file);
    if (t === undefined) {
      const sig = byFile.get(file);
      if (!sig) return undefined;
      rendered.set(file, (t = emitKernelText(plan, sig)));
    }
    return t;
  };
  return { plan, manifest, rendered, backend: () => new ReferenceBackend({ render }) };
}

/** Random requests for a lossless case: `n` requests joining at different steps, prompts from a seeded stream. */
export function randomRequests(seed: number, n: number, promptLens: readonly number[], maxNewTokens: number, vocab = 255): GenerateRequest[] {
  const rng = new SplitMix32(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    promptIds: Array.from({ length: promptLens[i % promptLens.length] }, () => rng.int(vocab)),
    maxNewTokens,
    arrivalStep: i === 0 ? 0 : rng.int(4),
  }));
}

/** Speculative decoding through the engine and reference backend vs the naive autoregressive model. */
export async function expectLossless(c: Compiled, weights: Weights, reqs: readonly GenerateRequest[], options: EngineOptions = {}): Promise<GenerateResult[]> {
  const engine = await Engine.create(c.manifest, c.backend(), weights, options);
  const res = await engine.generate(reqs);
  for (let i = 0; i < reqs.length; i++) {
    const want = naiveGreedy(weights, c.plan, reqs[i].promptIds, reqs[i].maxNewTokens);
    expect(res[i].tokens, `request ${reqs[i].id} (prompt ${reqs[i].promptIds.length})`).toEqual(want);
  }
  return res;
}
