/**
 * Shared pieces of the sampling tests: a tiny decoder with a small vocabulary (so the exact target
 * distribution can be enumerated), a stand-alone graph of the two sampling ops, an independent f64
 * reference of the sampling distribution (sort-based, not bisection), and chi-square statistics.
 */
import { defineDecoder, dflashDraft, pagedKV, pow2Buckets, qwen3, staticKV } from "../../dsl/builders.js";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { GraphBuilder } from "../../compiler/ir/graph-builder.js";
import type { KernelGraph } from "../../compiler/ir/graph.js";
import { verifyGraph } from "../../compiler/ir/graph-verify.js";
import { evaluateKernel } from "../../compiler/ir/graph-eval.js";
import type { GraphTensor } from "../../compiler/ir/graph-tensor.js";
import { emitGraph } from "../../compiler/stablehlo/emit.js";
import { runFunction } from "../../stablehlo/interpreter/index.js";
import type { KernelSig, TensorSig } from "../../contract/manifest.js";
import type { ModelDType, TensorDType } from "../../contract/dtypes.js";

/**
 * Qwen3-style, vocab 16, hidden 32, 2 layers, a 1-layer DFlash draft, block 4, up to 16 requests,
 * verify "sampling". Small enough that one decode step of 16 requests is about a millisecond in the
 * evaluator and the target's distribution over 3 tokens can be enumerated.
 */
export function tinySamplingPlan(dtype: ModelDType = "f32", vocabSize = 16): DecoderPlan {
  const target = qwen3({
    name: "tiny_sampling_qwen3",
    vocabSize,
    hiddenSize: 16,
    intermediateSize: 32,
    numLayers: 2,
    numHeads: 2,
    numKvHeads: 1,
    headDim: 8,
    ropeTheta: 10_000,
    rmsNormEps: 1e-6,
    maxPositions: 256,
    dtype,
  });
  return buildPlan(
    defineDecoder({
      name: `tiny_sampling_${dtype}`,
      target,
      draft: dflashDraft({ numLayers: 1, targetLayerIds: [0, 1], maskTokenId: vocabSize - 1 }),
      blockSize: 4,
      cache: { target: pagedKV({ pageSize: 8, numPages: 64 }), draft: staticKV({ maxContext: 32 }) },
      batching: { maxRequests: 16, tokens: pow2Buckets({ min: 16, max: 128 }) },
      verify: "sampling",
    }),
  );
}

const input = (name: string, shape: number[], dtype: TensorDType): TensorSig => ({ name, shape, dtype, role: "input", donated: false });
const output = (name: string, shape: number[], dtype: TensorDType): TensorSig => ({ name, shape, dtype, role: "output", donated: false });

/**
 * A graph of just the sampling ops: `probs = samplingProbs(logits, temperature, top_k, top_p)`,
 * `[accepted, tokens] = acceptSample(block, probs, uniforms)`, for `r` requests, block `k`, vocab `v`.
 */
export function samplingOpsGraph(r: number, k: number, v: number): KernelGraph {
  const args = [
    input("logits", [r, k, v], "f32"),
    input("temperature", [r], "f32"),
    input("top_k", [r], "i32"),
    input("top_p", [r], "f32"),
    input("block", [r, k], "i32"),
    input("uniforms", [r, k], "f32"),
  ];
  const results = [output("probs", [r, k, v], "f32"), output("accepted", [r], "i32"), output("tokens", [r, k], "i32")];
  const sig: KernelSig = { kernel: "verify_sample", bucket: { requests: r }, bucketId: `ops_r${r}_k${k}_v${v}`, args, results };
  const g = new GraphBuilder(sig);
  const main = g.func("main", args.map((a) => ({ name: a.name, type: { shape: a.shape, dtype: a.dtype } })));
  const p = main.param.bind(main);
  const probs = main.samplingProbs(p("logits"), p("temperature"), p("top_k"), p("top_p"));
  const [accepted, tokens] = main.acceptSample(p("block"), probs, p("uniforms"));
  main.ret([probs, accepted, tokens]);
  const graph = g.finish();
  verifyGraph(graph);
  return graph;
}

/** Runs a graph's @main in the evaluator and, from its emitted StableHLO, in the interpreter. */
export function runBoth(graph: KernelGraph, args: ReadonlyMap<string, GraphTensor>): { evaluator: Map<string, GraphTensor>; interpreter: Map<string, GraphTensor> } {
  const evaluator = evaluateKernel(graph, args);
  const module = emitGraph(graph);
  const out = runFunction(
    module,
    "main",
    graph.sig.args.map((a) => ({ type: { shape: [...a.shape], element: a.dtype }, data: args.get(a.name)!.data })),
  );
  const interpreter = new Map(graph.sig.results.map((r, i) => [r.name, { dtype: r.dtype, shape: [...r.shape], data: out[i].data as Float32Array | Int32Array }]));
  return { evaluator, interpreter };
}
