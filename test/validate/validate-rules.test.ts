// One generated config per rule: the tiny example (or another) with edits, each asserting the code
// and the exact line and column (the /*@*/ marker) of the only diagnostic.
import { afterAll, describe, expect, it } from "vitest";
import { VALIDATION_CODES } from "../../compiler/validate/validate.js";
import { applyEdits, checkJson, example, stripMarker, TempDir, type Edit } from "../frontend/config-fixture.js";

interface Case {
  readonly code: string;
  readonly title: string;
  readonly base?: string;
  readonly edits: readonly Edit[];
  readonly message?: RegExp;
}

const DRAFT_LINE = "  draft: dflashDraft({ numLayers: 1, targetLayerIds: [0, 1], maskTokenId: 255 }),\n";
const DRAFT_CACHE_LINE = "    draft: staticKV({ maxContext: 240 }),\n";

const CASES: readonly Case[] = [
  // shape
  { code: "wrong-type", title: "a string where a number belongs", edits: [["numHeads: 4", 'numHeads: /*@*/"4" as any']], message: /target\.numHeads must be a number, got the string "4"/ },
  { code: "wrong-type", title: "a target not built with a builder", edits: [["  target,\n", '  target: /*@*/"qwen3" as any,\n']], message: /qwen3\(\{\.\.\.\}\)/ },
  { code: "not-finite", title: "a non-finite number", edits: [["ropeTheta: 10_000", "ropeTheta: /*@*/Infinity"]], message: /Infinity/ },
  { code: "not-finite", title: "NaN", edits: [["rmsNormEps: 1e-6", "rmsNormEps: /*@*/NaN"]] },
  { code: "invalid-option", title: "a dtype that does not exist", edits: [['dtype: "f32"', 'dtype: /*@*/"fp8" as any']], message: /"f32", "bf16", got the string "fp8"/ },
  { code: "missing-property", title: "a required property deleted", edits: [["pagedKV({ pageSize: 16, numPages: 64 })", "pagedKV(/*@*/{ pageSize: 16 } as any)"]], message: /numPages/ },
  { code: "unknown-property", title: "a property the DSL does not know", edits: [["maskTokenId: 255 })", "maskTokenId: 255, temperature: /*@*/0.7 } as any)"]], message: /"temperature"/ },
  // dims
  { code: "dim-not-positive-integer", title: "a fractional dim", edits: [["intermediateSize: 128", "intermediateSize: /*@*/127.5"]] },
  { code: "dim-not-positive-integer", title: "a negative draft dim", edits: [["numLayers: 1,", "numLayers: /*@*/-1,"]], message: /draft\.numLayers = -1/ },
  { code: "dim-not-positive-integer", title: "a zero page count", edits: [["numPages: 64", "numPages: /*@*/0"]] },
  { code: "dim-too-large", title: "a layer count beyond any model", edits: [["numLayers: 2,", "numLayers: /*@*/100_000,"]] },
  { code: "value-not-positive", title: "a negative rmsNormEps", edits: [["rmsNormEps: 1e-6", "rmsNormEps: /*@*/-1e-6"]] },
  // names
  { code: "invalid-identifier", title: "a name with a dash", edits: [['name: "tiny_dflash"', 'name: /*@*/"tiny-dflash"']] },
  { code: "invalid-identifier", title: "a name holding a quote, a newline and code", edits: [['name: "tiny_dflash"', 'name: /*@*/"x\\"; import os\\nos.system(1)"']] },
  { code: "invalid-identifier", title: "a reserved word", edits: [['name: "tiny_qwen3"', 'name: /*@*/"class"']], message: /reserved/ },
  { code: "invalid-identifier", title: "a package named threading", edits: [['name: "tiny_dflash"', 'name: /*@*/"threading"']], message: /name = "threading": would shadow the Python standard library module/ },
  { code: "invalid-identifier", title: "a package named socket", edits: [['name: "tiny_dflash"', 'name: /*@*/"socket"']], message: /standard library/ },
  { code: "invalid-identifier", title: "a package named logging", edits: [['name: "tiny_dflash"', 'name: /*@*/"logging"']], message: /standard library/ },
  { code: "invalid-identifier", title: "a dunder package name", edits: [['name: "tiny_dflash"', 'name: /*@*/"__init__"']], message: /dunder/ },
  { code: "invalid-identifier", title: "a package named like a dependency", edits: [['name: "tiny_dflash"', 'name: /*@*/"opt_einsum"']], message: /dependency/ },
  { code: "invalid-identifier", title: "a package named like the support library", edits: [['name: "tiny_dflash"', 'name: /*@*/"dflashc_jax"']], message: /support library/ },
  // heads and dims
  { code: "heads-not-divisible", title: "numHeads % numKvHeads != 0", edits: [["numKvHeads: 2", "numKvHeads: /*@*/3"]], message: /numHeads = 4 is not a multiple of numKvHeads = 3/ },
  { code: "heads-not-divisible", title: "the draft's own numKvHeads", edits: [["maskTokenId: 255 }", "maskTokenId: 255, numKvHeads: /*@*/3 }"]] },
  {
    code: "hidden-size-not-divisible",
    title: "hiddenSize != numHeads * headDim without an explicit headDim",
    edits: [["  headDim: 16,\n", ""], ["numHeads: 4", "numHeads: 6"], ["hiddenSize: 64", "hiddenSize: /*@*/64"]],
  },
  { code: "draft-dims-mismatch", title: "draft numHeads that does not divide the shared hidden size", edits: [["maskTokenId: 255 }", "maskTokenId: 255, numHeads: /*@*/6 }"]] },
  { code: "head-dim-odd", title: "an odd head dim (RoPE rotates pairs)", edits: [["headDim: 16", "headDim: /*@*/15"]] },
  // layer ids
  {
    code: "draft-layer-out-of-range",
    title: "a target layer id past the last layer",
    edits: [["targetLayerIds: [0, 1]", "targetLayerIds: [0, /*@*/2]"]],
    message: /^targetLayerIds\[1\] = 2, but the target has 2 layers \(0\.\.1\)$/,
  },
  { code: "draft-layer-out-of-range", title: "a default layer id out of range", edits: [["dflashDraft({ numLayers: 1, targetLayerIds: [0, 1], maskTokenId: 255 })", "dflashDraft(/*@*/{ numLayers: 2, maskTokenId: 255 })"]], message: /default/ },
  { code: "draft-layer-duplicate", title: "a repeated layer id", edits: [["targetLayerIds: [0, 1]", "targetLayerIds: [1, /*@*/1]"]] },
  { code: "draft-layers-not-ascending", title: "layer ids out of order", edits: [["targetLayerIds: [0, 1]", "targetLayerIds: [1, /*@*/0]"]] },
  { code: "draft-layer-not-integer", title: "a fractional layer id", edits: [["targetLayerIds: [0, 1]", "targetLayerIds: [0, /*@*/0.5]"]] },
  { code: "draft-layers-empty", title: "no layer ids", edits: [["targetLayerIds: [0, 1]", "targetLayerIds: /*@*/[]"]] },
  // tokens and blocks
  { code: "mask-token-out-of-range", title: "maskTokenId >= vocabSize", edits: [["maskTokenId: 255", "maskTokenId: /*@*/256"]], message: /vocabulary has 256 tokens \(0\.\.255\)/ },
  {
    code: "tokenizer-vocab",
    title: "the byte-level tokenizer with a vocabulary under 256",
    edits: [["vocabSize: 256", "vocabSize: 200"], ["maskTokenId: 255", "maskTokenId: 199"], ['tokenizer: "byte"', 'tokenizer: /*@*/"byte"']],
    message: /the byte-level tokenizer has 256 ids, but the vocabulary has 200 tokens/,
  },
  { code: "tokenizer-path", title: "an empty tokenizer", edits: [['tokenizer: "byte"', 'tokenizer: /*@*/""']] },
  { code: "eos-token-out-of-range", title: "an EOS id past the vocabulary", edits: [['tokenizer: "byte",', 'tokenizer: "byte",\n  eosTokenIds: [1, /*@*/256],']], message: /^eosTokenIds\[1\] = 256, but the vocabulary has 256 tokens \(0\.\.255\)$/ },
  { code: "block-size-out-of-range", title: "blockSize 1", edits: [["blockSize: 4", "blockSize: /*@*/1"]] },
  { code: "block-size-out-of-range", title: "blockSize past 1024", edits: [["blockSize: 4", "blockSize: /*@*/1025"]] },
  { code: "block-size-missing", title: "a draft without blockSize", edits: [["  blockSize: 4,\n", ""], ["defineDecoder({", "defineDecoder(/*@*/{"]] },
  { code: "block-size-without-draft", title: "blockSize without a draft", edits: [[DRAFT_LINE, ""], [DRAFT_CACHE_LINE, ""], ["blockSize: 4", "blockSize: /*@*/4"]] },
  // cycles per dispatch
  { code: "invalid-cycles-per-dispatch", title: "a cycle count past 64", edits: [['verify: "greedy",', 'verify: "greedy",\n  cyclesPerDispatch: [1, /*@*/65],']], message: /cyclesPerDispatch\[1\] = 65 must be an integer in 1\.\.64/ },
  { code: "invalid-cycles-per-dispatch", title: "cycle counts out of order", edits: [['verify: "greedy",', 'verify: "greedy",\n  cyclesPerDispatch: [1, 4, /*@*/2],']], message: /ascend/ },
  { code: "invalid-cycles-per-dispatch", title: "cycle counts without 1", edits: [['verify: "greedy",', 'verify: "greedy",\n  cyclesPerDispatch: /*@*/[4],']], message: /must include 1/ },
  {
    code: "invalid-cycles-per-dispatch",
    title: "several cycles without a draft",
    edits: [[DRAFT_LINE, ""], [DRAFT_CACHE_LINE, ""], ["  blockSize: 4,\n", ""], ['verify: "greedy",', 'verify: "greedy",\n  cyclesPerDispatch: /*@*/[1, 4],']],
    message: /needs a draft/,
  },
  // caches
  { code: "draft-cache-missing", title: "a draft without a draft cache", edits: [[DRAFT_CACHE_LINE, ""], ["cache: {", "cache: /*@*/{"]] },
  { code: "draft-cache-without-draft", title: "a draft cache without a draft", edits: [[DRAFT_LINE, ""], ["  blockSize: 4,\n", ""], ["draft: staticKV(", "draft: /*@*/staticKV("]] },
  { code: "page-size-not-power-of-two", title: "target pageSize 24", edits: [["pageSize: 16", "pageSize: /*@*/24"]] },
  { code: "page-size-not-power-of-two", title: "a paged draft cache's pageSize", edits: [["staticKV({ maxContext: 240 })", "pagedKV({ pageSize: /*@*/12, numPages: 64 })"]] },
  { code: "not-enough-pages", title: "fewer pages than one block per request plus the trash page", edits: [["numPages: 64", "numPages: /*@*/4"]], message: /need 5$/ },
  { code: "max-context-exceeds-positions", title: "draft maxContext > maxPositions", edits: [["maxContext: 240", "maxContext: /*@*/2000"]] },
  // buckets
  { code: "bucket-min-exceeds-max", title: "min > max", edits: [["min: 16, max: 256", "min: /*@*/512, max: 256"]] },
  { code: "bucket-not-power-of-two", title: "max 300", edits: [["max: 256", "max: /*@*/300"]] },
  { code: "bucket-below-one", title: "token bucket min 0", edits: [["min: 16", "min: /*@*/0"]] },
  { code: "request-bucket-too-small", title: "request buckets below maxRequests", edits: [["maxRequests: 4,", "maxRequests: 4, requests: pow2Buckets({ min: 1, max: /*@*/2 }),"]] },
  {
    code: "token-bucket-too-small",
    title: "token buckets smaller than the smallest request bucket",
    edits: [["maxRequests: 4, tokens: pow2Buckets({ min: 16, max: 256 })", "maxRequests: 4, requests: pow2Buckets({ min: 4, max: 4 }), tokens: pow2Buckets({ min: 1, max: /*@*/2 })"]],
  },
  // draft layers
  { code: "layer-types-length", title: "two layer types for one layer", edits: [["maskTokenId: 255 }", 'maskTokenId: 255, layerTypes: /*@*/["full_attention", "full_attention"] }']] },
  { code: "sliding-window-missing", title: "a sliding layer without a window", edits: [["maskTokenId: 255 }", 'maskTokenId: 255, layerTypes: [/*@*/"sliding_attention"] }']] },
  { code: "sliding-window-unused", title: "a window without a sliding layer", edits: [["maskTokenId: 255 }", "maskTokenId: 255, slidingWindow: /*@*/64 }"]] },
  // rope, hardware, memory
  {
    code: "rope-scaling-invalid",
    title: "highFreqFactor below lowFreqFactor",
    edits: [['dtype: "f32",', 'dtype: "f32",\n  ropeScaling: { type: "llama3", factor: 8, lowFreqFactor: 4, highFreqFactor: /*@*/1, originalMaxPositions: 512 },']],
  },
  { code: "chips-not-positive-integer", title: "a fractional chip count", edits: [['verify: "greedy",', 'verify: "greedy",\n  hardware: { chip: "tpu-v5e", chips: /*@*/1.5 },']] },
  {
    code: "memory-exceeds-hbm",
    title: "a page pool larger than HBM",
    base: "qwen3-8b-dflash",
    edits: [["numPages: 4096", "numPages: /*@*/100_000"]],
    message: /tpu-v5p has [\d.]+ GiB of HBM: at most \d+ pages would fit \(numPages = 100000\), or \d+ requests at full context \(maxRequests = 64\)/,
  },
  // sizes no backend can allocate, without hardware
  { code: "tensor-too-large", title: "a vocabulary of 2^31 - 1", edits: [["vocabSize: 256", "vocabSize: /*@*/2_147_483_647"]], message: /embed_tokens.*beyond 2\^31 - 1.*lower vocabSize/ },
  { code: "tensor-too-large", title: "a page of 2^30 rows", edits: [["pageSize: 16, numPages: 64", "pageSize: /*@*/1_073_741_824, numPages: 64"]], message: /the target cache holds 64 pages of 1073741824 rows.*int32.*lower pageSize/ },
  { code: "tensor-too-large", title: "a page pool beyond 2^31 rows", edits: [["numPages: 64", "numPages: /*@*/200_000_000"]], message: /lower numPages/ },
  {
    code: "memory-too-large",
    title: "caches beyond 1 TiB",
    edits: [["numPages: 64", "numPages: /*@*/1_000_000"], ["numLayers: 2,", "numLayers: 512,"]],
    message: /weights and caches need [\d.]+ GiB .*beyond the 1024 GiB any backend could allocate: lower numPages/,
  },
];

const dir = new TempDir();
afterAll(() => dir.remove());

describe("validation rules: one located diagnostic each", () => {
  it.each(CASES.map((c) => [`${c.code}: ${c.title}`, c] as const))("%s", async (_, c) => {
    const { text, expected } = stripMarker(applyEdits(example(c.base ?? "tiny"), c.edits));
    const file = dir.write(text);
    const run = await checkJson(file, dir.path);
    expect(run.code).toBe(2);
    expect(run.diagnostics.map((d) => d.code)).toEqual([c.code]);
    const [d] = run.diagnostics;
    expect({ file: d.file, line: d.line, column: d.column }).toEqual({ file: file.slice(dir.path.length + 1), ...expected });
    expect(d.message).not.toContain("\n");
    if (c.message) expect(d.message).toMatch(c.message);
  });

  it("has a case for every code validation may report", () => {
    const tested = new Set(CASES.map((c) => c.code));
    expect(VALIDATION_CODES.filter((code) => !tested.has(code))).toEqual([]);
    for (const code of VALIDATION_CODES) expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
  });
});
