// Import of real Hugging Face configs. Fixtures under test/fixtures/hf/ reproduce the published
// config.json files (configs are data). Found verbatim in repositories that vendor them: Qwen3-4B,
// Qwen3-8B, Llama-3.1-8B, Llama-3.2-1B (and Qwen3-0.6B's fields). Qwen2.5-7B-Instruct is written from its
// published values (the vendored Qwen2-7B-Instruct file has the same layout and dims; max positions
// 32768, vocab 152064). The z-lab Qwen3-8B/4B DFlash drafters are assembled from vendored excerpts of
// their config.json (block_size 16, num_target_layers 36, dflash_config.mask_token_id 151669,
// target_layer_ids [1, 9, 17, 25, 33], 5 layers of the target's width); bookkeeping fields such as
// transformers_version are filled in. The z-lab LLaMA3.1-8B-Instruct-DFlash-UltraChat config was not
// found: it is reconstructed from the published dimensions (5 Llama-style draft layers over the
// 32-layer target, block size 10, target_layer_ids [1, 8, 15, 22, 29], mask token 128002, the target's
// llama3 RoPE scaling), in the same layout as the z-lab Qwen3 drafters.
import { describe, expect, it } from "vitest";
import llamaExample from "../../examples/llama3.1-8b-dflash.js";
import qwen3_4bExample from "../../examples/qwen3-4b-dflash.js";
import qwen3_8bExample from "../../examples/qwen3-8b-dflash.js";
import type { DecoderDeclaration } from "../../dsl/types.js";
import { DiagnosticError } from "../../contract/diagnostics.js";
import { importHf, sanitizeName, type HfConfigText } from "../../compiler/import-hf/index.js";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import { edited, fixture, valueLoc } from "./helpers.js";

interface Published {
  family: string;
  vocabSize: number;
  hiddenSize: number;
  intermediateSize: number;
  numLayers: number;
  numHeads: number;
  numKvHeads: number;
  headDim: number;
  ropeTheta: number;
  rmsNormEps: number;
  maxPositions: number;
  tie: boolean;
  ropeFactor: number | null;
}

const PUBLISHED: Record<string, Published> = {
  "Qwen3-0.6B": { family: "qwen3", vocabSize: 151_936, hiddenSize: 1024, intermediateSize: 3072, numLayers: 28, numHeads: 16, numKvHeads: 8, headDim: 128, ropeTheta: 1e6, rmsNormEps: 1e-6, maxPositions: 40_960, tie: true, ropeFactor: null },
  "Qwen3-4B": { family: "qwen3", vocabSize: 151_936, hiddenSize: 2560, intermediateSize: 9728, numLayers: 36, numHeads: 32, numKvHeads: 8, headDim: 128, ropeTheta: 1e6, rmsNormEps: 1e-6, maxPositions: 40_960, tie: true, ropeFactor: null },
  "Qwen3-8B": { family: "qwen3", vocabSize: 151_936, hiddenSize: 4096, intermediateSize: 12_288, numLayers: 36, numHeads: 32, numKvHeads: 8, headDim: 128, ropeTheta: 1e6, rmsNormEps: 1e-6, maxPositions: 40_960, tie: false, ropeFactor: null },
  "Llama-3.1-8B": { family: "llama", vocabSize: 128_256, hiddenSize: 4096, intermediateSize: 14_336, numLayers: 32, numHeads: 32, numKvHeads: 8, headDim: 128, ropeTheta: 500_000, rmsNormEps: 1e-5, maxPositions: 131_072, tie: false, ropeFactor: 8 },
  "Llama-3.1-8B-Instruct": { family: "llama", vocabSize: 128_256, hiddenSize: 4096, intermediateSize: 14_336, numLayers: 32, numHeads: 32, numKvHeads: 8, headDim: 128, ropeTheta: 500_000, rmsNormEps: 1e-5, maxPositions: 131_072, tie: false, ropeFactor: 8 },
  "Llama-3.2-1B": { family: "llama", vocabSize: 128_256, hiddenSize: 2048, intermediateSize: 8192, numLayers: 16, numHeads: 32, numKvHeads: 8, headDim: 64, ropeTheta: 500_000, rmsNormEps: 1e-5, maxPositions: 131_072, tie: true, ropeFactor: 32 },
  "Qwen2.5-7B-Instruct": { family: "qwen2", vocabSize: 152_064, hiddenSize: 3584, intermediateSize: 18_944, numLayers: 28, numHeads: 28, numKvHeads: 4, headDim: 128, ropeTheta: 1e6, rmsNormEps: 1e-6, maxPositions: 32_768, tie: false, ropeFactor: null },
};

function diagnosticOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics[0];
    throw e;
  }
  throw new Error("expected a DiagnosticError");
}

const withoutName = <T extends { name: string }>(m: T) => {
  const { name: _n, ...rest } = m;
  return rest;
};

describe("import-hf: published checkpoints, target only", () => {
  for (const [model, p] of Object.entries(PUBLISHED)) {
    it(`${model}: published dims, no draft, and a plan that fits its default hardware`, () => {
      const { declaration: d, warnings } = importHf(fixture(model));
      expect(warnings).toEqual([]);
      const t = d.target;
      expect(t.family).toBe(p.family);
      expect([t.vocabSize, t.hiddenSize, t.intermediateSize, t.numLayers, t.numHeads, t.numKvHeads, t.headDim]).toEqual([
        p.vocabSize, p.hiddenSize, p.intermediateSize, p.numLayers, p.numHeads, p.numKvHeads, p.headDim,
      ]);
      expect([t.ropeTheta, t.rmsNormEps, t.maxPositions, t.dtype]).toEqual([p.ropeTheta, p.rmsNormEps, p.maxPositions, "bf16"]);
      expect(t.tieWordEmbeddings ?? false).toBe(p.tie);
      expect(t.ropeScaling?.factor ?? null).toBe(p.ropeFactor);
      // Target-only: no draft, no block size, no draft cache.
      expect(d.draft).toBeUndefined();
      expect(d.blockSize).toBeUndefined();
      expect(d.cache.draft).toBeUndefined();
      expect(d.name).toBe(`${sanitizeName(model)}_target_only`);
      const plan = buildPlan(d);
      expect(plan.draft).toBeNull();
      expect(plan.memory.perChipBytes).toBeLessThanOrEqual(plan.memory.hbmBytesPerChip!);
    });
  }

  it("Llama-3.1 derives head_dim = hidden_size / num_attention_heads (the file has none)", () => {
    expect(fixture("Llama-3.1-8B").text).not.toContain("head_dim");
    expect(importHf(fixture("Llama-3.1-8B")).declaration.target.headDim).toBe(4096 / 32);
  });

  it("Llama's attention_bias = true becomes attentionBias; qwen2 keeps its implicit q/k/v biases", () => {
    const biased = importHf(edited("Llama-3.2-1B", (c) => (c.attention_bias = true))).declaration;
    expect(biased.target).toMatchObject({ family: "llama", attentionBias: true });
    expect(buildPlan(biased).target).toMatchObject({ qkvBias: true, oBias: true });
    expect(buildPlan(importHf(fixture("Qwen2.5-7B-Instruct")).declaration).target.qkvBias).toBe(true);
  });

  it("architectures alone names the family; float32 is kept; float16 is served as bf16 with a warning", () => {
    const noType = importHf(edited("Qwen3-0.6B", (c) => delete c.model_type)).declaration;
    expect(noType.target.family).toBe("qwen3");
    expect(importHf(edited("Qwen3-0.6B", (c) => (c.torch_dtype = "float32"))).declaration.target.dtype).toBe("f32");
    const f16 = importHf(edited("Qwen3-0.6B", (c) => (c.torch_dtype = "float16")));
    expect(f16.declaration.target.dtype).toBe("bf16");
    expect(f16.warnings.map((w) => [w.severity, w.code])).toEqual([["warning", "hf-float16-as-bf16"]]);
    expect(f16.source).toContain("warning:");
  });

  it("transformers 5's rope_parameters carries rope_theta", () => {
    const cfg = edited("Qwen3-0.6B", (c) => {
      delete c.rope_theta;
      delete c.rope_scaling;
      c.rope_parameters = { rope_theta: 5_000_000, rope_type: "default" };
    });
    const t = importHf(cfg).declaration.target;
    expect(t.ropeTheta).toBe(5_000_000);
    expect(t.ropeScaling).toBeUndefined();
  });
});

describe("import-hf: with the DFlash drafter", () => {
  const pairs: [string, string, DecoderDeclaration][] = [
    ["Qwen3-8B", "Qwen3-8B-DFlash-b16", qwen3_8bExample],
    ["Qwen3-4B", "Qwen3-4B-DFlash-b16", qwen3_4bExample],
    ["Llama-3.1-8B-Instruct", "LLaMA3.1-8B-Instruct-DFlash-UltraChat", llamaExample],
  ];
  for (const [target, draft, example] of pairs) {
    it(`${target} + ${draft}: the same model, draft, block size and verify mode as the hand-written example`, () => {
      const { declaration: d } = importHf(fixture(target), fixture(draft));
      // Names are identifiers a person picks; every other model field must match.
      expect(withoutName(d.target)).toEqual(withoutName(example.target));
      // A Llama-style drafter (model_type "llama") has no q/k norm: the import says so with qkNorm: false,
      // which the hand-written Llama example does not declare.
      expect(d.draft).toEqual(draft.startsWith("LLaMA") ? { ...example.draft, qkNorm: false } : example.draft);
      expect(d.blockSize).toBe(example.blockSize);
      expect(d.verify).toBe(example.verify);
      const plan = buildPlan(d);
      expect(plan.draft!.targetLayerIds).toEqual(example.draft!.targetLayerIds);
      expect(plan.memory.perChipBytes).toBeLessThanOrEqual(plan.memory.hbmBytesPerChip!);
    });
  }

  it("the import's serving defaults are the 8B examples' (v5p, 4096 pages of 64, 64 requests, 8192-token requests)", () => {
    for (const [target, draft, example] of [pairs[0], pairs[2]]) {
      const { declaration: d } = importHf(fixture(target), fixture(draft));
      expect([d.cache, d.batching, d.hardware]).toEqual([example.cache, example.batching, example.hardware]);
    }
  });

  it("block_size under dflash_config, target_layer_ids at the top level, sliding-window layers", () => {
    const cfg = edited("Qwen3-8B-DFlash-b16", (c) => {
      delete c.block_size;
      c.dflash_config = { block_size: 8, mask_token_id: 151_669 };
      c.target_layer_ids = [2, 10, 18, 26, 34];
      c.layer_types = ["sliding_attention", "sliding_attention", "sliding_attention", "sliding_attention", "full_attention"];
      c.sliding_window = 2048;
    });
    const { declaration: d } = importHf(fixture("Qwen3-8B"), cfg);
    expect(d.blockSize).toBe(8);
    expect(d.draft).toMatchObject({ targetLayerIds: [2, 10, 18, 26, 34], slidingWindow: 2048 });
    expect(d.draft!.layerTypes).toHaveLength(5);
    expect(buildPlan(d).draft!.slidingWindow).toBe(2048);
  });

  it("draft dimensions that differ from the target's are declared; absent layer ids take the default (layers 1 .. L-3, evenly spread)", () => {
    const cfg = edited("Qwen3-8B-DFlash-b16", (c) => {
      c.intermediate_size = 6144;
      c.num_key_value_heads = 4;
      c.dflash_config = { mask_token_id: 151_669 };
    });
    const { declaration: d } = importHf(fixture("Qwen3-8B"), cfg);
    expect(d.draft).toMatchObject({ intermediateSize: 6144, numKvHeads: 4, targetLayerIds: [1, 9, 17, 25, 33] });
    expect(buildPlan(d).draft!.model.numKvHeads).toBe(4);
  });
});

describe("import-hf: what dflashc cannot honour is a located error naming the field", () => {
  const cases: [string, () => HfConfigText, string, string, RegExp][] = [
    ["unknown model_type", () => edited("Qwen3-8B", (c) => (c.model_type = "mistral")), "model_type", "hf-unsupported-model", /"mistral".*supported: qwen3, qwen2, llama/],
    ["yarn RoPE scaling", () => edited("Qwen3-8B", (c) => (c.rope_scaling = { rope_type: "yarn", factor: 4, original_max_position_embeddings: 32_768 })), "rope_type", "hf-unsupported-rope-scaling", /rope_scaling\.rope_type "yarn".*supported RoPE scaling: llama3/],
    ["dynamic RoPE scaling (old `type` key)", () => edited("Llama-3.2-1B", (c) => (c.rope_scaling = { type: "dynamic", factor: 2 })), "type", "hf-unsupported-rope-scaling", /"dynamic"/],
    ["num_experts (Qwen MoE)", () => edited("Qwen3-8B", (c) => (c.num_experts = 128)), "num_experts", "hf-unsupported-moe", /num_experts = 128: mixture-of-experts/],
    ["num_local_experts (Mixtral)", () => edited("Llama-3.1-8B", (c) => (c.num_local_experts = 8)), "num_local_experts", "hf-unsupported-moe", /num_local_experts/],
    ["a MoE model_type", () => edited("Qwen3-8B", (c) => (c.model_type = "qwen3_moe")), "model_type", "hf-unsupported-model", /qwen3_moe/],
    ["an unknown architecture", () => edited("Qwen3-8B", (c) => (c.architectures = ["Qwen3MoeForCausalLM"])), "architectures", "hf-unsupported-model", /Qwen3MoeForCausalLM/],
    ["a non-SiLU MLP", () => edited("Qwen3-8B", (c) => (c.hidden_act = "gelu")), "hidden_act", "hf-unsupported-field", /gelu/],
    ["a sliding-window target", () => edited("Qwen2.5-7B-Instruct", (c) => (c.use_sliding_window = true)), "use_sliding_window", "hf-unsupported-field", /target/],
    ["a quantized checkpoint", () => edited("Qwen3-8B", (c) => (c.quantization_config = { bits: 4 })), "quantization_config", "hf-unsupported-field", /quantized/],
    ["an unsupported dtype", () => edited("Qwen3-8B", (c) => (c.torch_dtype = "float8_e4m3fn")), "torch_dtype", "hf-invalid-field", /float8_e4m3fn/],
    ["a string where a number belongs", () => edited("Qwen3-8B", (c) => (c.hidden_size = "4096")), "hidden_size", "hf-invalid-field", /hidden_size must be an integer/],
  ];
  for (const [what, make, key, code, message] of cases) {
    it(`${what} -> ${code} at the field`, () => {
      const cfg = make();
      const d = diagnosticOf(() => importHf(cfg));
      expect(d.code).toBe(code);
      expect(d.message).toMatch(message);
      expect(d.file).toBe(cfg.file);
      expect({ line: d.line, column: d.column }).toEqual(valueLoc(cfg.text, key));
    });
  }

  it("a missing required field is reported at the object that lacks it", () => {
    const d = diagnosticOf(() => importHf(edited("Qwen3-8B", (c) => delete c.hidden_size)));
    expect([d.code, d.line, d.column]).toEqual(["hf-missing-field", 1, 1]);
    expect(d.message).toMatch(/hidden_size is required/);
  });

  it("the drafter of another target: num_target_layers disagrees", () => {
    const draft = fixture("Qwen3-8B-DFlash-b16");
    const d = diagnosticOf(() => importHf(fixture("Qwen3-0.6B"), draft));
    // Qwen3-0.6B has hidden 1024 and 28 layers; the first disagreement checked is the layer count.
    expect(d.code).toBe("hf-draft-mismatch");
    expect(d.message).toMatch(/num_target_layers = 36, but the target has 28 layers/);
    expect({ line: d.line, column: d.column }).toEqual(valueLoc(draft.text, "num_target_layers"));
  });

  it("drafter errors: hidden size, missing mask token, layer id out of range, conflicting spellings", () => {
    expect(diagnosticOf(() => importHf(fixture("Qwen3-4B"), edited("Qwen3-8B-DFlash-b16", () => {}))).message).toMatch(/hidden_size = 4096, but the target's is 2560/);
    expect(diagnosticOf(() => importHf(fixture("Qwen3-8B"), edited("Qwen3-8B-DFlash-b16", (c) => (c.dflash_config = { target_layer_ids: [1, 9, 17, 25, 33] })))).code).toBe("hf-missing-field");
    const out = diagnosticOf(() => importHf(fixture("Qwen3-8B"), edited("Qwen3-8B-DFlash-b16", (c) => (c.dflash_config = { mask_token_id: 151_669, target_layer_ids: [1, 9, 17, 25, 36] }))));
    expect([out.code, out.message]).toEqual(["hf-draft-mismatch", "target_layer_ids[4] = 36, but the target has 36 layers (0..35)"]);
    const both = diagnosticOf(() => importHf(fixture("Qwen3-8B"), edited("Qwen3-8B-DFlash-b16", (c) => (c.mask_token_id = 7))));
    expect(both.message).toMatch(/mask_token_id = 7 disagrees with dflash_config\.mask_token_id = 151669/);
    expect(diagnosticOf(() => importHf(fixture("Qwen3-8B"), edited("Qwen3-8B-DFlash-b16", (c) => (c.rope_scaling = { rope_type: "yarn", factor: 2 })))).code).toBe("hf-unsupported-rope-scaling");
  });

  it("a drafter passed as the target is refused", () => {
    expect(diagnosticOf(() => importHf(fixture("Qwen3-8B-DFlash-b16"))).message).toMatch(/is a DFlash drafter.*--draft/);
  });

  it("bad JSON: located syntax errors", () => {
    const at = (text: string) => {
      const d = diagnosticOf(() => importHf({ file: "cfg.json", text }));
      return [d.code, d.line, d.column, d.message];
    };
    expect(at('{\n  "a": 1,\n}\n')).toEqual(["hf-invalid-json", 3, 1, "expected a property name, found '}'"]);
    expect(at('{\n  "a": tru\n}')).toEqual(["hf-invalid-json", 2, 8, "unexpected 't'"]);
    expect(at('{"a": "x')).toEqual(["hf-invalid-json", 1, 7, "unterminated string"]);
    expect(at('{"a": 1, "a": 2}')[3]).toBe('duplicate key "a"');
    expect(at('{"a": NaN}')[0]).toBe("hf-invalid-json");
    expect(at("[1, 2]")[0]).toBe("hf-invalid-field");
    // Nesting deep enough to overflow a recursive parser is a located error, not a crash.
    expect(at(`{"a": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`)).toEqual(["hf-invalid-json", 1, 71, "nesting deeper than 64 levels"]);
    // "__proto__" is a key like any other (an own property, not the object's prototype).
    expect(at('{"__proto__": {}, "__proto__": {}}')[3]).toBe('duplicate key "__proto__"');
  });
});

describe("names", () => {
  it("sanitizes HF names into [a-z_][a-z0-9_]*", () => {
    expect(sanitizeName("Qwen/Qwen3-8B")).toBe("qwen3_8b");
    expect(sanitizeName("meta-llama/Llama-3.1-8B-Instruct")).toBe("llama_3_1_8b_instruct");
    expect(sanitizeName("Qwen2.5-7B-Instruct")).toBe("qwen2_5_7b_instruct");
    expect(sanitizeName("/models/01-ai/Yi--6B/")).toBe("yi_6b");
    expect(sanitizeName("7b-model")).toBe("m_7b_model");
    expect(sanitizeName("---")).toBe("model");
    for (const n of ["Qwen/Qwen3-8B", "7b", "ÄÖ/ü"]) expect(sanitizeName(n)).toMatch(/^[a-z_][a-z0-9_]*$/);
  });

  it("takes _name_or_path when the file records it", () => {
    const d = importHf(edited("Qwen3-0.6B", (c) => (c._name_or_path = "Qwen/Qwen3-0.6B"))).declaration;
    expect(d.target.name).toBe("qwen3_0_6b");
  });
});
