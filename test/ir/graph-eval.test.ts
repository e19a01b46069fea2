// Reference implementations of single graph ops on hand-made inputs: the sharp edges every backend
// must share (tie-breaks, clamping, dropped writes, bf16 rounding).
import { describe, expect, it } from "vitest";
import { EVAL_RULES, type EvalRule } from "../../compiler/ir/graph-eval-ops.js";
import { inferTypes } from "../../compiler/ir/graph-ops.js";
import { fromData, type GraphTensor } from "../../compiler/ir/graph-tensor.js";
import { roundBf16 } from "../../contract/bf16.js";
import type { OpAttrMap, OpName } from "../../compiler/ir/graph.js";
import type { TensorDType } from "../../contract/dtypes.js";
import { evalFunc } from "../../compiler/ir/graph-eval.js";
import { RULE_GRAPHS } from "../helpers/one-node-graph.js";

function run<K extends OpName>(op: K, inputs: GraphTensor[], attrs: OpAttrMap[K]): GraphTensor {
  const out = inferTypes(op, inputs.map((t) => ({ shape: t.shape, dtype: t.dtype })), attrs, () => undefined);
  const rule = EVAL_RULES[op] as EvalRule<K>;
  return rule(inputs, attrs, out, { call: () => [] })[0];
}
const t = (dtype: TensorDType, shape: number[], data: number[]) => fromData(dtype, shape, data);
const vals = (x: GraphTensor) => [...x.data];
const NONE = {} as Record<string, never>;

/** Evaluates a one-node graph of test/helpers/one-node-graph.ts on i32 inputs (in parameter order). */
function evalGraph(graph: keyof typeof RULE_GRAPHS, inputs: readonly (readonly number[])[]): number[] {
  const g = RULE_GRAPHS[graph]();
  const out = evalFunc(g, "main", g.sig.args.map((a, i) => t("i32", [...a.shape], [...inputs[i]])));
  return vals(out[0]);
}

describe("graph evaluator ops", () => {
  it("argmax takes the lowest index among equal maxima", () => {
    expect(vals(run("argmax", [t("f32", [2, 4], [1, 3, 3, 0, 5, 5, 5, 5])], NONE))).toEqual([1, 0]);
  });

  it("acceptGreedy counts leading matches of block[i] against target[i-1]", () => {
    const block = t("i32", [3, 4], [9, 1, 2, 3, 9, 1, 7, 3, 9, 8, 2, 3]);
    const target = t("i32", [3, 4], [1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4]);
    expect(vals(run("acceptGreedy", [block, target], NONE))).toEqual([3, 1, 0]);
  });

  it("makeBlock and blockPositions lay out a block", () => {
    expect(vals(run("makeBlock", [t("i32", [2], [5, 6])], { blockSize: 3, maskTokenId: 99 }))).toEqual([5, 99, 99, 6, 99, 99]);
    expect(vals(run("makeBlock", [t("i32", [1], [5]), t("i32", [1, 2], [7, 8])], { blockSize: 3, maskTokenId: 99 }))).toEqual([5, 7, 8]);
    expect(vals(run("blockPositions", [t("i32", [2], [0, 10])], { blockSize: 3 }))).toEqual([0, 1, 2, 10, 11, 12]);
  });

  it("the device state ops: scatterRows drops out-of-range slots, stateRows picks held tokens, advanceState commits a+1", () => {
    const table = t("i32", [3, 2], [0, 0, 1, 1, 2, 2]);
    // Slot -1 (a padded row) and 3 (past the end) write nothing.
    expect(vals(run("scatterRows", [table, t("i32", [3], [2, -1, 3]), t("i32", [3, 2], [7, 8, 9, 9, 9, 9])], NONE))).toEqual([0, 0, 1, 1, 7, 8]);
    expect(vals(run("stateRows", [t("i32", [2], [5, 6]), t("i32", [2], [-1, 42]), t("i32", [2], [10, 11])], NONE))).toEqual([5, 10, 42, 11]);
    const state = t("i32", [2, 2], [3, 10, 4, 20]);
    const tokens = t("i32", [2, 3], [1, 2, 3, 4, 5, 6]);
    // a = 2 and a clamped from 9 to K-1 = 2; without accepted, a = 0.
    expect(vals(run("advanceState", [state, tokens, t("i32", [2], [2, 9])], NONE))).toEqual([3, 13, 6, 23]);
    expect(vals(run("advanceState", [state, t("i32", [2, 1], [7, 8])], NONE))).toEqual([7, 11, 8, 21]);
  });

  it("the decode-loop ops: maskRows pads stopped rows, remainingAfter spends a+1 or stops, writeCycle clamps its row, cycleBuffer fills", () => {
    expect(evalGraph("maskRows", [[1, 2, 3, 4, 5, 6], [2, 0, -1]])).toEqual([1, 2, -1, -1, -1, -1]);
    // Row 0 commits 2 tokens of 9; row 1 commits its stop id 7 (column 1 <= a = 1); row 2 is done already.
    // A stop id past the committed tokens (row 0's 3, at column 2 > a) does not count.
    expect(evalGraph("remainingAfter", [[9, 5, 0], [1, 2, 3, 4, 7, 8, 7, 7, 7], [1, 1, 2], [3, -1, 7, -1, -1, -1]])).toEqual([7, 0, 0]);
    expect(evalGraph("remainingAfter", [[1, 6, 4], [1, 2, 3, 4, 5, 6, 7, 8, 9], [2, 9, 0], [-1, -1, -1, -1, -1, -1]])).toEqual([0, 3, 3]);
    expect(evalGraph("writeCycle", [[0, 0, 0, 0, 0, 0], [7, 8], [1]])).toEqual([0, 0, 7, 8, 0, 0]);
    expect(evalGraph("writeCycle", [[0, 0, 0, 0, 0, 0], [7, 8], [5]])).toEqual([0, 0, 0, 0, 7, 8]);
    expect(evalGraph("cycleBuffer", [[3, 4]])).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it("pagedRows maps positions through the block table", () => {
    const tables = t("i32", [2, 3], [4, 2, 7, 0, 0, 0]);
    expect(vals(run("pagedRows", [tables, t("i32", [2, 2], [3, 4, 0, 1])], { pageSize: 4 }))).toEqual([19, 8, 0, 1]);
  });

  it("writeStaticBlock clamps its start like dynamic_update_slice; scatters drop out-of-range rows", () => {
    const cache = t("f32", [1, 2, 4, 1, 1], [0, 0, 0, 0, 0, 0, 0, 0]);
    const x = t("f32", [1, 2, 1, 1], [1, 2]);
    const out = run("writeStaticBlock", [cache, x, t("i32", [1], [1]), t("i32", [1], [3])], { layer: 0 });
    expect(vals(out)).toEqual([0, 0, 0, 0, 0, 0, 1, 2]);
    const rows = run("writeStaticRows", [cache, t("f32", [2, 1, 1], [5, 6]), t("i32", [2], [8, 2])], { layer: 0 });
    expect(vals(rows)).toEqual([0, 0, 6, 0, 0, 0, 0, 0]);
    expect(vals(cache)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("the layer operand of the paged ops: writes to an out-of-range layer are dropped, reads clamp it", () => {
    // Pool [L, 2, kvHeads, pages, pageSize, D] of 2 layers x (K, V) x 1 head x 1 page x 1 slot, D = 1.
    const pool = t("f32", [2, 2, 1, 1, 1, 1], [1, 2, 3, 4]);
    const kv = (k: number, v: number) => [t("f32", [1, 1, 1], [k]), t("f32", [1, 1, 1], [v])];
    const write = (layer: number) => vals(run("writePagedRows", [pool, ...kv(7, 8), t("i32", [1], [0]), t("i32", [], [layer])], NONE));
    expect(write(1)).toEqual([1, 2, 7, 8]);
    expect(write(2)).toEqual([1, 2, 3, 4]);
    expect(write(-1)).toEqual([1, 2, 3, 4]);
    const attend = (layer: number) => vals(run("pagedAttention", [t("f32", [1, 1, 1, 1], [1]), pool, t("i32", [1, 1], [0]), t("i32", [1, 1], [0]), t("i32", [], [layer])], NONE))[0];
    expect([attend(0), attend(1), attend(5), attend(-3)]).toEqual([2, 4, 4, 2]);
    expect(vals(run("constI32", [], { value: -7 }))).toEqual([-7]);
  });

  it("rope is the identity at position 0 and rotates pairs (i, i + D/2)", () => {
    const x = t("f32", [1, 1, 4], [1, 2, 3, 4]);
    expect(vals(run("rope", [x, t("i32", [1], [0])], { theta: 10_000, scaling: null }))).toEqual([1, 2, 3, 4]);
    const r = vals(run("rope", [x, t("i32", [1], [1])], { theta: 10_000, scaling: null }));
    // i = 0 has inv_freq 1: (1, 3) rotated by 1 radian.
    expect(r[0]).toBeCloseTo(Math.cos(1) - 3 * Math.sin(1), 6);
    expect(r[2]).toBeCloseTo(3 * Math.cos(1) + Math.sin(1), 6);
  });

  it("rmsNorm normalizes each row and scales by the weight", () => {
    const y = vals(run("rmsNorm", [t("f32", [1, 2], [3, 4]), t("f32", [2], [1, 2])], { eps: 1e-12 }));
    const inv = 1 / Math.sqrt(12.5);
    expect(y[0]).toBeCloseTo(3 * inv, 6);
    expect(y[1]).toBeCloseTo(8 * inv, 6);
  });

  it("bf16 results are rounded once per op, ties to even", () => {
    const a = t("bf16", [2], [1, 1]);
    const b = t("bf16", [2], [2 ** -8, 3 * 2 ** -8]);
    // 1 + 2^-8 is a tie between 1 and 1 + 2^-7: even mantissa wins (1); 1 + 3*2^-8 rounds up.
    expect(vals(run("add", [a, b], NONE))).toEqual([1, 1 + 2 ** -6]);
    expect(roundBf16(1 + 2 ** -8)).toBe(1);
  });

  it("pagedAttention sees keys up to its position only; blockAttention masks context by seq_len and window", () => {
    // One KV head, D = 2, pool [1, 2, 1, 2, 2, 2] of 2 pages x 2 slots; the request's table is [1].
    const pool = t("f32", [1, 2, 1, 2, 2, 2], [
      /* K page 0 */ 0, 0, 0, 0, /* K page 1 */ 1, 0, 1, 0,
      /* V page 0 */ 0, 0, 0, 0, /* V page 1 */ 10, 10, 20, 20,
    ]);
    const q = t("f32", [1, 2, 1, 2], [1, 0, 1, 0]);
    const out = vals(run("pagedAttention", [q, pool, t("i32", [1, 1], [1]), t("i32", [1, 2], [0, 1]), t("i32", [], [0])], NONE));
    expect(out.slice(0, 2)).toEqual([10, 10]);
    expect(out[2]).toBeCloseTo(15, 5);
    // Through a groupTable: tables [[0], [1]], groups read rows [1, 5 → clamped to 1] and [0].
    const q3 = t("f32", [3, 1, 1, 2], [1, 0, 1, 0, 1, 0]);
    const grouped = vals(run("pagedAttention", [q3, pool, t("i32", [2, 1], [0, 1]), t("i32", [3, 1], [1, 1, 1]), t("i32", [], [0]), t("i32", [3], [1, 5, 0])], NONE));
    expect(grouped[0]).toBeCloseTo(15, 5);
    expect(grouped[2]).toBeCloseTo(15, 5);
    expect(grouped.slice(4)).toEqual([0, 0]);

    const kCtx = t("f32", [1, 3, 1, 2], [0, 0, 0, 0, 0, 0]);
    const vCtx = t("f32", [1, 3, 1, 2], [30, 30, 60, 60, 90, 90]);
    const kBlk = t("f32", [1, 1, 1, 2], [0, 0]);
    const vBlk = t("f32", [1, 1, 1, 2], [0, 0]);
    const qb = t("f32", [1, 1, 1, 2], [1, 0]);
    // seq_len 2: context rows 0, 1 valid (mean with the block row: (30 + 60 + 0) / 3).
    expect(vals(run("blockAttention", [qb, kCtx, vCtx, kBlk, vBlk, t("i32", [1], [2])], { window: null }))[0]).toBeCloseTo(30, 5);
    // window 2 at block position 2: only context row 1 (> 2 - 2) survives.
    expect(vals(run("blockAttention", [qb, kCtx, vCtx, kBlk, vBlk, t("i32", [1], [2])], { window: 2 }))[0]).toBeCloseTo(30, 5);
    expect(vals(run("blockAttention", [qb, kCtx, vCtx, kBlk, vBlk, t("i32", [1], [0])], { window: null }))[0]).toBe(0);
  });
});
