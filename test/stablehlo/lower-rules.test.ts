// FileCheck-style tests of the StableHLO lowering rules (compiler/stablehlo/lower): a one-node graph in,
// the lines its rule must print, in order. The real-size goldens pin the whole modules only by hash.
import { describe, expect, it } from "vitest";
import { lowerGraph } from "../../compiler/stablehlo/lower/graph.js";
import { printModule } from "../../stablehlo/printer.js";
import { verifyModule } from "../../stablehlo/verifier.js";
import { RULE_GRAPHS, expectLines } from "../helpers/one-node-graph.js";
import { Interpreter } from "../../stablehlo/interpreter/index.js";

function lower(graph: keyof typeof RULE_GRAPHS): string {
  const m = lowerGraph(RULE_GRAPHS[graph](), "t");
  expect(verifyModule(m)).toEqual([]);
  return printModule(m);
}

/** Runs a one-node graph's lowering in the interpreter on i32 inputs (in parameter order). */
function interpret(graph: keyof typeof RULE_GRAPHS, inputs: readonly (readonly number[])[]): number[] {
  const g = RULE_GRAPHS[graph]();
  const args = g.sig.args.map((a, i) => ({ type: { shape: [...a.shape], element: "i32" as const }, data: Int32Array.from(inputs[i]) }));
  return Array.from(new Interpreter(lowerGraph(g, "t")).run("main", args)[0].data, Number);
}

describe("StableHLO lowering rules", () => {
  it("the device state ops: a scatter that drops slot -1 and past-the-end slots, a select, a per-row gather", () => {
    expect(interpret("scatterRows", [[0, 0, 1, 1, 2, 2, 3, 3, 4, 4], [3, -1], [7, 8, 9, 9]])).toEqual([0, 0, 1, 1, 2, 2, 7, 8, 4, 4]);
    expect(interpret("scatterRows", [[0, 0, 1, 1, 2, 2, 3, 3, 4, 4], [5, 0], [9, 9, 6, 6]])).toEqual([6, 6, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(interpret("stateRows", [[5, 6], [-1, 42], [10, 11]])).toEqual([5, 10, 42, 11]);
    expect(interpret("advanceState", [[3, 10, 4, 20], [1, 2, 3, 4, 5, 6, 7, 8], [2, 9]])).toEqual([3, 13, 8, 24]);
    expect(interpret("advanceOne", [[3, 10, 4, 20], [7, 8]])).toEqual([7, 11, 8, 21]);
  });

  it("the decode-loop ops: maskRows pads stopped rows, remainingAfter spends a+1 or stops, writeCycle clamps its row, cycleBuffer fills", () => {
    expect(interpret("maskRows", [[1, 2, 3, 4, 5, 6], [2, 0, -1]])).toEqual([1, 2, -1, -1, -1, -1]);
    // Row 0 commits 2 tokens of 9; row 1 commits its stop id 7 (column 1 <= a = 1); row 2 is done already.
    // A stop id past the committed tokens (row 0's 3, at column 2 > a) does not count.
    expect(interpret("remainingAfter", [[9, 5, 0], [1, 2, 3, 4, 7, 8, 7, 7, 7], [1, 1, 2], [3, -1, 7, -1, -1, -1]])).toEqual([7, 0, 0]);
    expect(interpret("remainingAfter", [[1, 6, 4], [1, 2, 3, 4, 5, 6, 7, 8, 9], [2, 9, 0], [-1, -1, -1, -1, -1, -1]])).toEqual([0, 3, 3]);
    expect(interpret("writeCycle", [[0, 0, 0, 0, 0, 0], [7, 8], [1]])).toEqual([0, 0, 7, 8, 0, 0]);
    expect(interpret("writeCycle", [[0, 0, 0, 0, 0, 0], [7, 8], [5]])).toEqual([0, 0, 0, 0, 7, 8]);
    expect(interpret("cycleBuffer", [[3, 4]])).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it("rmsNorm: bf16 in, f32 mean of squares, rsqrt(+eps), times w, bf16 out", () => {
    expectLines(lower("rmsNorm"), [
      "func.func public @main(%x: tensor<2x8xbf16>, %w: tensor<8xbf16>) -> tensor<2x8xbf16>",
      "stablehlo.convert %x : (tensor<2x8xbf16>) -> tensor<2x8xf32>",
      "applies stablehlo.add across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>",
      "stablehlo.constant dense<8.000000e+00> : tensor<2xf32>",
      "stablehlo.constant dense<1.000000e-06> : tensor<2xf32>",
      "stablehlo.rsqrt",
      "stablehlo.convert %w : (tensor<8xbf16>) -> tensor<8xf32>",
      /stablehlo\.convert %\d+ : \(tensor<2x8xf32>\) -> tensor<2x8xbf16>/,
    ]);
  });

  it("linear: x @ W^T contracting the input axis of both, bias broadcast over rows", () => {
    expectLines(lower("linear"), [
      "stablehlo.dot_general %x, %w, contracting_dims = [1] x [1] : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>",
      "stablehlo.broadcast_in_dim %b, dims = [1] : (tensor<4xf32>) -> tensor<2x4xf32>",
      "stablehlo.add",
    ]);
  });

  it("rope: inv_freq constant, angle = pos * inv_freq, cos/sin over both halves, rotate_half = [-x2, x1]", () => {
    expectLines(lower("rope"), [
      "stablehlo.constant dense<[1.000000e+00, 1.000000e-02]> : tensor<2xf32>",
      "stablehlo.convert %positions : (tensor<3xi32>) -> tensor<3xf32>",
      "stablehlo.cosine",
      "stablehlo.sine",
      "stablehlo.slice %x [0:3, 0:2, 0:2]",
      "stablehlo.slice %x [0:3, 0:2, 2:4]",
      "stablehlo.negate",
      /stablehlo\.concatenate %\d+, %\d+, dim = 2 : .* -> tensor<3x2x4xf32>/,
    ]);
  });

  it("pagedAttention: gathers K then V pages of the layer through the block table, causal mask by position, GQA dot", () => {
    expectLines(lower("pagedAttention"), [
      "stablehlo.constant dense<1> : tensor<i32>",
      /"stablehlo\.gather"\(%pool, %\d+\) .*slice_sizes = array<i64: 1, 1, 2, 1, 4, 8>.* -> tensor<2x3x2x4x8xf32>/,
      "-> tensor<2x12x2x8xf32>",
      /"stablehlo\.gather"\(%pool, %\d+\)/,
      "stablehlo.iota dim = 2 : tensor<2x1x12xi32>",
      "stablehlo.compare  LE,",
      "stablehlo.reshape %q : (tensor<2x1x4x8xf32>) -> tensor<2x1x2x2x8xf32>",
      "batching_dims = [0, 2] x [0, 2], contracting_dims = [4] x [3]",
      "stablehlo.constant dense<3.5355338e-01>",
      "applies stablehlo.maximum across dimensions = [4]",
      "stablehlo.exponential",
      "-> tensor<2x1x4x8xf32>",
    ]);
  });

  it("writePagedRows: K and V rows scattered into the flat [page*pageSize+slot] rows of the donated pool", () => {
    expectLines(lower("writePagedRows"), [
      "%pool: tensor<2x2x2x5x4x8xf32> {jax.buffer_donor = true}",
      "stablehlo.reshape %pool : (tensor<2x2x2x5x4x8xf32>) -> tensor<2x2x2x20x8xf32>",
      /stablehlo\.concatenate %\d+, %\d+, dim = 1 : .* -> tensor<3x2x2x8xf32>/,
      "stablehlo.reshape %rows : (tensor<3xi32>) -> tensor<3x1xi32>",
      /"stablehlo\.scatter"\(%\d+, %\d+, %\d+\) .*inserted_window_dims = \[0, 3\], scatter_dims_to_operand_dims = \[0, 3\]/,
      "-> tensor<2x2x2x5x4x8xf32>",
    ]);
  });

  it("blockAttention: context rows below seq_len or any block row, keys = context ++ block", () => {
    expectLines(lower("blockAttention"), [
      "stablehlo.iota dim = 2 : tensor<2x4x20xi32>",
      "stablehlo.compare  LT,",
      "stablehlo.constant dense<16> : tensor<2x4x20xi32>",
      "stablehlo.compare  GE,",
      "stablehlo.or",
      "stablehlo.concatenate %k_ctx, %k_blk, dim = 1",
      "stablehlo.concatenate %v_ctx, %v_blk, dim = 1",
      "stablehlo.constant dense<0xFF800000> : tensor<2x2x4x2x20xf32>",
      "-> tensor<2x4x4x8xf32>",
    ]);
  });

  it("acceptGreedy: the first i where block[i] != target[i-1], else K-1", () => {
    expectLines(lower("acceptGreedy"), [
      "stablehlo.slice %block [0:2, 1:4]",
      "stablehlo.slice %target [0:2, 0:3]",
      "stablehlo.compare  EQ,",
      "stablehlo.constant dense<3> : tensor<2x3xi32>",
      "applies stablehlo.minimum across dimensions = [1] : (tensor<2x3xi32>, tensor<i32>) -> tensor<2xi32>",
    ]);
  });

  it("argmax: a two-operand reduce keeping the lowest index among equal maxima", () => {
    expectLines(lower("argmax"), [
      "stablehlo.iota dim = 1 : tensor<2x16xi32>",
      /%\d+:2 = stablehlo\.reduce\(%logits init: %\d+\), \(%\d+ init: %\d+\) across dimensions = \[1\]/,
      "stablehlo.compare  GT,",
      "stablehlo.compare  EQ,",
      "stablehlo.compare  LT,",
      /return %\d+#1 : tensor<2xi32>/,
    ]);
  });

  it("makeBlock: [b0, drafts] from the drafter, [b0, mask...] without one", () => {
    expectLines(lower("makeBlock"), [
      "stablehlo.reshape %last : (tensor<2xi32>) -> tensor<2x1xi32>",
      /stablehlo\.concatenate %\d+, %drafts, dim = 1 : .* -> tensor<2x4xi32>/,
    ]);
    expectLines(lower("maskBlock"), [
      "stablehlo.reshape %last : (tensor<2xi32>) -> tensor<2x1xi32>",
      "stablehlo.constant dense<255> : tensor<2x3xi32>",
      "dim = 1 : (tensor<2x1xi32>, tensor<2x3xi32>) -> tensor<2x4xi32>",
    ]);
  });

  it("expectLines fails on a line that is missing or out of order", () => {
    const text = lower("linear");
    expect(() => expectLines(text, ["stablehlo.add", "stablehlo.dot_general"])).toThrow(/expected line not found.*stablehlo\.dot_general/);
    expect(() => expectLines(text, ["stablehlo.multiply"])).toThrow(/expected line not found/);
  });
});
