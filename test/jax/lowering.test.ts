/**
 * The JAX lowering of the kernel graphs (compiler/jax): one function per kernel whatever the bucket,
 * the target's layers as one lax.scan (so kernels.py and its trace do not grow with the layer count),
 * a rule for every graph op, and the Pallas attention tuning per chip. Executing the lowered package is
 * test/jax/package.test.ts.
 */
import { describe, expect, it } from "vitest";
import { emitJaxPackage } from "../../compiler/jax/emit.js";
import { pagedAttentionOptions } from "../../compiler/jax/attention-options.js";
import { JAX_RULES } from "../../compiler/jax/rules.js";
import { OP_NAMES } from "../../compiler/ir/graph.js";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import qwen3_8b from "../../examples/qwen3-8b-dflash.js";
import { pow2Buckets } from "../../dsl/builders.js";
import type { DecoderDeclaration } from "../../dsl/types.js";
import tiny from "../../examples/tiny.js";

const kernelsPy = (decl: DecoderDeclaration) => {
  const plan = buildPlan(decl);
  return emitJaxPackage(plan, { source: "t.ts", manifestHash: "h" }).get(`jax/${plan.name}/kernels.py`)!;
};

describe("the JAX lowering", () => {
  it("has a rule for every graph op", () => {
    for (const op of OP_NAMES) expect(JAX_RULES.rules[op], op).toBeTypeOf("function");
  });

  it("is flat in the layer count: the 8B example's kernels.py has as many lines for 36 target layers as for 6", () => {
    const small = { ...qwen3_8b, target: { ...qwen3_8b.target, numLayers: 6 }, draft: { ...qwen3_8b.draft!, targetLayerIds: [0, 1, 2, 3, 4] } };
    const big = kernelsPy(qwen3_8b);
    expect(big.split("\n").length).toBe(kernelsPy(small).split("\n").length);
    expect(big.match(/^ *def /gm)!.length).toBe(kernelsPy(small).match(/^ *def /gm)!.length);
    expect(big).toMatch(/ops\.scan_layers\(_\w+_target_layer, .*w\["target\.model\.layers\.\$\.mlp\.down_proj\.weight"\]/);
    expect(big).not.toMatch(/target\.model\.layers\.\d+\./);
  });

  it("writes one function per kernel whatever the number of buckets", () => {
    const few = kernelsPy(tiny);
    const many = kernelsPy({ ...tiny, batching: { maxRequests: 4, tokens: pow2Buckets({ min: 16, max: 1024 }) } });
    expect(many).toBe(few);
    for (const k of ["prefill", "draft", "verify", "decode_step", "target_step"]) expect(few).toMatch(new RegExp(`^def ${k}\\(w, `, "m"));
  });

  it("tunes the Pallas attention per chip: ~512 keys per DMA step, megacore on v4 and v5p", () => {
    const plan = (chip: "tpu-v5p" | "tpu-v5e" | "tpu-v4" | "tpu-v6e") => buildPlan({ ...qwen3_8b, hardware: { chip, chips: 1 } });
    expect(pagedAttentionOptions(plan("tpu-v5p"))).toEqual({ pages_per_block: 8, megacore: true });
    expect(pagedAttentionOptions(plan("tpu-v4")).megacore).toBe(true);
    expect(pagedAttentionOptions(plan("tpu-v5e")).megacore).toBe(false);
    expect(pagedAttentionOptions(plan("tpu-v6e")).megacore).toBe(false);
    expect(pagedAttentionOptions(buildPlan(tiny))).toEqual({ pages_per_block: 16, megacore: false });
  });
});
