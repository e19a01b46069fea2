// Inputs the fuzz suite found (docs/fuzzing.md, "Findings"), kept as focused regression tests.
import { describe, expect, it } from "vitest";
import { validateDeclaration } from "../../compiler/validate/validate.js";
import { checkStableHlo } from "../../compiler/stablehlo/check-file.js";

describe("fuzz findings", () => {
  it("a result count of 2^64 (`%r:18446744073709551616 = ...`) is a located syntax error, not gigabytes of result names", () => {
    const text = [
      "func.func @f() {",
      "  %x = stablehlo.constant dense<[1, 2, 3]> : tensor<3xi64>",
      "  %z = stablehlo.constant dense<0> : tensor<i64>",
      "  %r:18446744073709551616 = stablehlo.reduce(%x init: %z), (%x init: %z) across dimensions = [0] : (tensor<3xi64>, tensor<3xi64>, tensor<i64>, tensor<i64>) -> (tensor<i64>, tensor<i64>)",
      "   reducer(%a: tensor<i64>, %b: tensor<i64>) (%ai: tensor<i64>, %bi: tensor<i64>) {",
      "    stablehlo.return %a, %ai : tensor<i64>, tensor<i64>",
      "  }",
      "  func.return",
      "}",
    ].join("\n");
    const rss = process.memoryUsage.rss();
    const t0 = performance.now();
    const diagnostics = checkStableHlo(text, "counted.mlir");
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(process.memoryUsage.rss() - rss).toBeLessThan(256 * 2 ** 20);
    expect(diagnostics).toMatchObject([{ file: "counted.mlir", line: 4, column: text.split("\n")[3].indexOf(" = ") + 2, code: "stablehlo-syntax" }]);
    expect(diagnostics[0].message).toMatch(/an op with \d+ results: at most 65536/);
    // The same count on an op with a single result, and a count that agrees, still parse as before.
    expect(checkStableHlo("func.func @g() {\n  %c:4294967296 = stablehlo.constant dense<0> : tensor<i32>\n  func.return\n}\n", "c.mlir")[0]?.code).toBe("stablehlo-syntax");
  });
});

describe("fuzz findings: declarations", () => {
  const tiny = (over: Record<string, unknown> = {}, draft: Record<string, unknown> = {}) => ({
    name: "tiny_dflash_hd128",
    target: { name: "tiny_qwen3_hd128", vocabSize: 256, hiddenSize: 64, intermediateSize: 128, numLayers: 2, numHeads: 4, numKvHeads: 2, headDim: 16, ropeTheta: 10_000, rmsNormEps: 1e-6, maxPositions: 1024, dtype: "f32", family: "qwen3", ...over },
    draft: { numLayers: 1, targetLayerIds: [0, 1], maskTokenId: 255, kind: "dflash", ...draft },
    blockSize: 4,
    cache: { target: { pageSize: 16, numPages: 10, kind: "paged" }, draft: { maxContext: 60, kind: "static" } },
    batching: { maxRequests: 2, tokens: { kind: "pow2", min: 16, max: 64 } },
    verify: "greedy",
    kind: "decoder",
  });

  it("an odd head dim is refused by validation (head-dim-odd), not accepted and then a GraphError in compile", () => {
    expect(validateDeclaration(tiny()).ok).toBe(true);
    // The fuzz counterexample (headDim 8221), a derived odd head dim (hiddenSize / numHeads = 9), and the draft's own.
    for (const [decl, path] of [
      [tiny({ headDim: 8221 }), ["target", "headDim"]],
      [tiny({ hiddenSize: 36, headDim: undefined }), ["target", "hiddenSize"]],
      [tiny({}, { headDim: 7 }), ["draft", "headDim"]],
      [tiny({ hiddenSize: 72, headDim: undefined, numHeads: 8, numKvHeads: 2 }, { numHeads: 24, numKvHeads: 2 }), ["draft", "numHeads"]],
    ] as const) {
      const r = validateDeclaration(JSON.parse(JSON.stringify(decl)));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues).toContainEqual(expect.objectContaining({ code: "head-dim-odd", path }));
    }
  });
});
