/**
 * The per-layer functions of a kernel graph: a target decoder layer (paged causal attention, writes its
 * K/V), a draft decoder layer (non-causal block attention over given context rows) and a draft layer's
 * context projection (K/V rows for the draft cache from the projected target features). Each is built
 * once per kernel; its weight parameters are named by the part of the checkpoint name after the layer
 * prefix (`self_attn.q_proj.weight`). The target layer runs in a `scanLayers` loop over stacked weights
 * and takes its layer index, the row of the pool it reads and writes; the draft's few layers are
 * called once each with that layer's weights.
 */
import type { FuncBuilder, GraphBuilder, GVal } from "../ir/graph-builder.js";
import type { GType } from "../ir/graph.js";
import type { ResolvedModel } from "../ir/plan.js";
import { isDraftContextWeight, targetLayerPrefix } from "../ir/weights.js";
import type { TensorSig } from "../../contract/manifest.js";
import { LAYER_WILDCARD } from "../../contract/weight-stack.js";

const f = (shape: readonly number[], dtype: GType["dtype"]): GType => ({ shape, dtype });
const i32 = (shape: readonly number[]): GType => ({ shape, dtype: "i32" });

/** A shared layer function, and the kernel weight arguments one call binds to its weight parameters, in order. */
export interface LayerCall {
  readonly fn: string;
  readonly weights: readonly TensorSig[];
}

/** Kernel weight arguments whose names start with `prefix`, as function parameters named without it. */
export function weightParams(weights: readonly TensorSig[], prefix: string): { name: string; type: GType }[] {
  return weights.filter((w) => w.name.startsWith(prefix)).map((w) => ({ name: w.name.slice(prefix.length), type: f(w.shape, w.dtype as GType["dtype"]) }));
}

interface Proj {
  readonly q: GVal;
  readonly k: GVal;
  readonly v: GVal;
}

/** `input_layernorm`, q/k/v projections split into heads, q/k norm, RoPE at `pos[N]`. */
function attnInputs(b: FuncBuilder, m: ResolvedModel, x: GVal, pos: GVal, n: number): Proj {
  const w = (name: string) => b.param(name);
  const bias = (name: string) => (m.qkvBias ? w(`self_attn.${name}.bias`) : undefined);
  const h = b.rmsNorm(x, w("input_layernorm.weight"), m.rmsNormEps);
  let q = b.reshape(b.linear(h, w("self_attn.q_proj.weight"), bias("q_proj")), [n, m.numHeads, m.headDim]);
  let k = b.reshape(b.linear(h, w("self_attn.k_proj.weight"), bias("k_proj")), [n, m.numKvHeads, m.headDim]);
  const v = b.reshape(b.linear(h, w("self_attn.v_proj.weight"), bias("v_proj")), [n, m.numKvHeads, m.headDim]);
  if (m.qkNorm) {
    q = b.headNorm(q, w("self_attn.q_norm.weight"), m.rmsNormEps);
    k = b.headNorm(k, w("self_attn.k_norm.weight"), m.rmsNormEps);
  }
  return { q: b.rope(q, pos, m.ropeTheta, m.ropeScaling), k: b.rope(k, pos, m.ropeTheta, m.ropeScaling), v };
}

/** `o_proj`, residual, post-attention norm, SwiGLU MLP, residual. */
function attnOutputAndMlp(b: FuncBuilder, m: ResolvedModel, x: GVal, attn: GVal, n: number): GVal {
  const w = (name: string) => b.param(name);
  const flat = b.reshape(attn, [n, m.numHeads * m.headDim]);
  const o = b.linear(flat, w("self_attn.o_proj.weight"), m.oBias ? w("self_attn.o_proj.bias") : undefined);
  const h = b.add(x, o);
  const n2 = b.rmsNorm(h, w("post_attention_layernorm.weight"), m.rmsNormEps);
  const mlp = b.linear(b.swiglu(b.linear(n2, w("mlp.gate_proj.weight")), b.linear(n2, w("mlp.up_proj.weight"))), w("mlp.down_proj.weight"));
  return b.add(h, mlp);
}

/**
 * `@target_layer(x[N,H], target_kv, positions[G,Q], tables[G,P], rows[N], layer, weights...) -> (x', target_kv')`:
 * writes the layer's K/V at `rows` of pool layer `layer`, then attends causally, group `g` through
 * row `g` of `tables`. The whole pool goes in and out (donated, updated in place by XLA), not a
 * copied slice of it. The carried values (x and the pool) come first and the layer's weights last, as
 * `scanLayers` passes them: the kernel runs every target layer as one loop over this function, with
 * the stacked weight arguments (`target.model.layers.$.<role>`) sliced at the layer index.
 *
 * With `groupTable` (prefill: `tables` is the kernel's `block_tables[R,P]`, `group_table[G]` its
 * `token_request`), the function is `@target_layer_grouped(x, target_kv, positions, tables[R,P],
 * group_table[G], rows, layer, weights...)`: group `g` reads its pages through row `group_table[g]`, so
 * no per-token copy of the block tables is ever made.
 */
export function targetLayerFunc(
  g: GraphBuilder, m: ResolvedModel, weights: readonly TensorSig[], pool: TensorSig,
  groups: number, perGroup: number, tables: GType, groupTable: boolean,
): LayerCall {
  const n = groups * perGroup;
  const p = `target.${targetLayerPrefix(LAYER_WILDCARD)}`;
  const stacked = weights.filter((w) => w.name.startsWith(p));
  const params = [
    { name: "x", type: f([n, m.hiddenSize], m.dtype) },
    { name: pool.name, type: f(pool.shape, m.dtype) },
    { name: "positions", type: i32([groups, perGroup]) },
    { name: "tables", type: tables },
    ...(groupTable ? [{ name: "group_table", type: i32([groups]) }] : []),
    { name: "rows", type: i32([n]) },
    { name: "layer", type: i32([]) },
    ...stacked.map((w) => ({ name: w.name.slice(p.length), type: f(w.shape.slice(1), w.dtype as GType["dtype"]) })),
  ];
  const fn = g.shared(groupTable ? "target_layer_grouped" : "target_layer", params, (b) => {
    const x = b.param("x");
    const { q, k, v } = attnInputs(b, m, x, b.reshape(b.param("positions"), [n]), n);
    const kv = b.writePagedRows(b.param(pool.name), k, v, b.param("rows"), b.param("layer"));
    const qg = b.reshape(q, [groups, perGroup, m.numHeads, m.headDim]);
    const attn = b.pagedAttention(qg, kv, b.param("tables"), b.param("positions"), b.param("layer"), groupTable ? b.param("group_table") : undefined);
    return [attnOutputAndMlp(b, m, x, attn, n), kv];
  });
  return { fn, weights: stacked };
}

/**
 * `@draft_layer(x[R*K,H], positions[R*K], seq_lens[R], k_ctx, v_ctx, weights...) -> x'`: the block's
 * queries attend to the valid context rows and to every block row (non-causal). Sliding-window layers
 * mask differently, so they share `@draft_layer_sliding` instead.
 */
export function draftLayerFunc(g: GraphBuilder, m: ResolvedModel, weights: readonly TensorSig[], layer: number, requests: number, blockSize: number, ctxRows: number, window: number | null): LayerCall {
  const n = requests * blockSize;
  const p = `draft.layers.${layer}.`;
  const ctx = f([requests, ctxRows, m.numKvHeads, m.headDim], m.dtype);
  const params = [
    { name: "x", type: f([n, m.hiddenSize], m.dtype) },
    { name: "positions", type: i32([n]) },
    { name: "seq_lens", type: i32([requests]) },
    { name: "k_ctx", type: ctx },
    { name: "v_ctx", type: ctx },
    ...weightParams(weights, p),
  ];
  const fn = g.shared(window === null ? "draft_layer" : "draft_layer_sliding", params, (b) => {
    const x = b.param("x");
    const { q, k, v } = attnInputs(b, m, x, b.param("positions"), n);
    const blk = (t: GVal, heads: number) => b.reshape(t, [requests, blockSize, heads, m.headDim]);
    const attn = b.blockAttention(blk(q, m.numHeads), b.param("k_ctx"), b.param("v_ctx"), blk(k, m.numKvHeads), blk(v, m.numKvHeads), b.param("seq_lens"), window);
    return [attnOutputAndMlp(b, m, x, attn, n)];
  });
  return { fn, weights: weights.filter((w) => w.name.startsWith(p)) };
}

/** The draft tensors a context projection reads (decode_step's argument list holds all of them). */
export function contextWeights(weights: readonly TensorSig[]): TensorSig[] {
  return weights.filter((w) => w.name.startsWith("draft.") && isDraftContextWeight(w.name.slice("draft.".length)));
}

/** `@draft_context(ctx[N,H], positions[N], weights...) -> (k[N,kvHeads,D], v[N,kvHeads,D])`: k_norm and RoPE on k. */
export function draftContextFunc(g: GraphBuilder, m: ResolvedModel, weights: readonly TensorSig[], layer: number, rows: number): LayerCall {
  const p = `draft.layers.${layer}.`;
  const params = [
    { name: "ctx", type: f([rows, m.hiddenSize], m.dtype) },
    { name: "positions", type: i32([rows]) },
    ...weightParams(contextWeights(weights), p),
  ];
  const fn = g.shared("draft_context", params, (b) => {
    const w = (s: string) => b.param(s);
    const bias = (s: string) => (m.qkvBias ? w(`self_attn.${s}.bias`) : undefined);
    let k = b.reshape(b.linear(b.param("ctx"), w("self_attn.k_proj.weight"), bias("k_proj")), [rows, m.numKvHeads, m.headDim]);
    const v = b.reshape(b.linear(b.param("ctx"), w("self_attn.v_proj.weight"), bias("v_proj")), [rows, m.numKvHeads, m.headDim]);
    if (m.qkNorm) k = b.headNorm(k, w("self_attn.k_norm.weight"), m.rmsNormEps);
    return [b.rope(k, b.param("positions"), m.ropeTheta, m.ropeScaling), v];
  });
  return { fn, weights: contextWeights(weights).filter((w) => w.name.startsWith(p)) };
}
