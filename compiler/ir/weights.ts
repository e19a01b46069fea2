/**
 * Weight tensors by their Hugging Face names, in the canonical order kernels take them.
 * Target names are a `*ForCausalLM` checkpoint's; draft names are as DFlash drafters publish them
 * (`fc.weight`, `hidden_norm.weight`, `layers.N...`, `norm.weight`). Kernel arguments prefix them
 * with `target.` / `draft.` so the two never collide.
 */
import type { DecoderPlan, ResolvedDraft, ResolvedModel } from "./plan.js";
import { LAYER_WILDCARD } from "../../contract/weight-stack.js";

export interface WeightSpec {
  /** The checkpoint's own tensor name, without the `target.`/`draft.` prefix. */
  readonly name: string;
  /** HF layout: linear weights are `[out, in]`. */
  readonly shape: readonly number[];
}

/** One decoder layer's tensors under `prefix` (`model.layers.3.` or `layers.3.`). */
export function layerWeights(m: ResolvedModel, prefix: string): WeightSpec[] {
  const q = m.numHeads * m.headDim;
  const kv = m.numKvHeads * m.headDim;
  const h = m.hiddenSize;
  const out: WeightSpec[] = [{ name: `${prefix}input_layernorm.weight`, shape: [h] }];
  const proj = (p: string, rows: number, bias: boolean) => {
    out.push({ name: `${prefix}self_attn.${p}.weight`, shape: [rows, h] });
    if (bias) out.push({ name: `${prefix}self_attn.${p}.bias`, shape: [rows] });
  };
  proj("q_proj", q, m.qkvBias);
  proj("k_proj", kv, m.qkvBias);
  proj("v_proj", kv, m.qkvBias);
  out.push({ name: `${prefix}self_attn.o_proj.weight`, shape: [h, q] });
  if (m.oBias) out.push({ name: `${prefix}self_attn.o_proj.bias`, shape: [h] });
  if (m.qkNorm) {
    out.push({ name: `${prefix}self_attn.q_norm.weight`, shape: [m.headDim] });
    out.push({ name: `${prefix}self_attn.k_norm.weight`, shape: [m.headDim] });
  }
  out.push({ name: `${prefix}post_attention_layernorm.weight`, shape: [h] });
  out.push({ name: `${prefix}mlp.gate_proj.weight`, shape: [m.intermediateSize, h] });
  out.push({ name: `${prefix}mlp.up_proj.weight`, shape: [m.intermediateSize, h] });
  out.push({ name: `${prefix}mlp.down_proj.weight`, shape: [h, m.intermediateSize] });
  return out;
}

/** The prefix of target layer `i`'s tensors; LAYER_WILDCARD stands for every layer in a stack's name. */
export const targetLayerPrefix = (i: number | typeof LAYER_WILDCARD) => `model.layers.${i}.`;

/**
 * The target's tensors as its kernels take them: the decoder layers as one stack per weight role
 * (`model.layers.*.mlp.up_proj.weight`, `[numLayers, ...]`; contract/manifest.ts, WeightStack), the
 * rest as in the checkpoint, in canonical order.
 */
export function targetKernelWeights(m: ResolvedModel): WeightSpec[] {
  const all = targetWeights(m);
  const stacks = layerWeights(m, targetLayerPrefix(LAYER_WILDCARD)).map((w) => ({ name: w.name, shape: [m.numLayers, ...w.shape] }));
  return [all[0], ...stacks, ...all.slice(1 + m.numLayers * stacks.length)];
}

export function targetWeights(m: ResolvedModel): WeightSpec[] {
  const out: WeightSpec[] = [{ name: "model.embed_tokens.weight", shape: [m.vocabSize, m.hiddenSize] }];
  for (let i = 0; i < m.numLayers; i++) out.push(...layerWeights(m, targetLayerPrefix(i)));
  out.push({ name: "model.norm.weight", shape: [m.hiddenSize] });
  if (!m.tieWordEmbeddings) out.push({ name: "lm_head.weight", shape: [m.vocabSize, m.hiddenSize] });
  return out;
}

export function draftWeights(d: ResolvedDraft): WeightSpec[] {
  const h = d.model.hiddenSize;
  const out: WeightSpec[] = [
    { name: "fc.weight", shape: [h, d.targetLayerIds.length * h] },
    { name: "hidden_norm.weight", shape: [h] },
  ];
  for (let i = 0; i < d.model.numLayers; i++) out.push(...layerWeights(d.model, `layers.${i}.`));
  out.push({ name: "norm.weight", shape: [h] });
  return out;
}

/** The draft tensors that turn target features into draft-cache rows (used by prefill and verify). */
export function isDraftContextWeight(name: string): boolean {
  return (
    name === "fc.weight" ||
    name === "hidden_norm.weight" ||
    /^layers\.\d+\.self_attn\.(k_proj|v_proj)\.(weight|bias)$/.test(name) ||
    /^layers\.\d+\.self_attn\.k_norm\.weight$/.test(name)
  );
}

/** The target tensors the drafter shares: the embedding and the LM head (the embedding when tied). */
export function isSharedTargetWeight(name: string): boolean {
  return name === "model.embed_tokens.weight" || name === "lm_head.weight";
}

/** Every checkpoint tensor of the plan by its manifest name (`target.<hf>`, then `draft.<hf>`), with its dtype. */
export function planWeights(plan: DecoderPlan): { name: string; shape: readonly number[]; dtype: DecoderPlan["target"]["dtype"] }[] {
  const dtype = plan.target.dtype;
  return [
    ...targetWeights(plan.target).map((w) => ({ name: `target.${w.name}`, shape: w.shape, dtype })),
    ...(plan.draft ? draftWeights(plan.draft).map((w) => ({ name: `draft.${w.name}`, shape: w.shape, dtype })) : []),
  ];
}
