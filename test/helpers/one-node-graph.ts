/**
 * FileCheck-style helpers for the lowering-rule tests (test/stablehlo/lower-rules.test.ts,
 * test/jax/lower-rules.test.ts): a kernel graph of one node over named parameters, and `expectLines`,
 * which checks that expected lines appear in a lowered text in order.
 */
import { GraphBuilder, type FuncBuilder, type GVal } from "../../compiler/ir/graph-builder.js";
import type { KernelGraph } from "../../compiler/ir/graph.js";
import type { TensorDType } from "../../contract/dtypes.js";
import type { KernelSig, TensorRole, TensorSig } from "../../contract/manifest.js";

export interface Param {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: TensorDType;
  /** Default "input"; "weight" parameters are read from the params dict in JAX. */
  readonly role?: TensorRole;
  readonly donated?: boolean;
}

/** A kernel graph whose @main takes `params` and returns what `body` builds from them (one node, usually). */
export function oneNodeGraph(params: readonly Param[], body: (m: FuncBuilder, p: Record<string, GVal>) => GVal | GVal[]): KernelGraph {
  const args: TensorSig[] = params.map((p) => ({ name: p.name, shape: [...p.shape], dtype: p.dtype, role: p.role ?? "input", donated: p.donated ?? false }));
  const sig0: KernelSig = { kernel: "target_step", bucket: { requests: 1 }, bucketId: "r1", args, results: [] };
  const g = new GraphBuilder(sig0);
  const m = g.func("main", args.map((a) => ({ name: a.name, type: { shape: a.shape, dtype: a.dtype } })));
  const p = Object.fromEntries(args.map((a) => [a.name, m.param(a.name)]));
  const out = body(m, p);
  m.ret(Array.isArray(out) ? out : [out]);
  const graph = g.finish();
  const main = graph.funcs[0];
  const results: TensorSig[] = main.results.map((id, i) => {
    const t = main.values[id];
    return { name: `out${i}`, shape: [...t.shape], dtype: t.dtype, role: "output", donated: false };
  });
  return { ...graph, sig: { ...sig0, results } };
}

/**
 * Each expected line must occur in `text`, in order, each on a later line than the one before (a
 * string matches as a substring, a RegExp by test). On failure, says which expectation was not found
 * and prints the text.
 */
export function expectLines(text: string, expected: readonly (string | RegExp)[]): void {
  const lines = text.split("\n");
  let at = 0;
  for (const e of expected) {
    const i = lines.findIndex((line, k) => k >= at && (typeof e === "string" ? line.includes(e) : e.test(line)));
    if (i < 0) {
      throw new Error(`expected line not found after line ${at}: ${String(e)}\n--- in ---\n${lines.map((l, k) => `${String(k + 1).padStart(4)}  ${l}`).join("\n")}`);
    }
    at = i + 1;
  }
}

const f32 = (name: string, shape: readonly number[], role?: TensorRole, donated?: boolean): Param => ({ name, shape, dtype: "f32", role, donated });
const i32 = (name: string, shape: readonly number[]): Param => ({ name, shape, dtype: "i32" });

/**
 * One-node graphs of the ops whose lowering rules test/stablehlo/lower-rules.test.ts and
 * test/jax/lower-rules.test.ts pin: small shapes (pool `[L=2, kv=2, kvHeads=2, pages=5, pageSize=4, D=8]`,
 * 4 query heads over 2 KV heads), so each lowered text is a screenful.
 */
export const RULE_GRAPHS = {
  rmsNorm: () =>
    oneNodeGraph([{ name: "x", shape: [2, 8], dtype: "bf16" }, { name: "w", shape: [8], dtype: "bf16", role: "weight" }], (m, p) => m.rmsNorm(p.x, p.w, 1e-6)),
  linear: () => oneNodeGraph([f32("x", [2, 8]), f32("w", [4, 8], "weight"), f32("b", [4], "weight")], (m, p) => m.linear(p.x, p.w, p.b)),
  rope: () => oneNodeGraph([f32("x", [3, 2, 4]), i32("positions", [3])], (m, p) => m.rope(p.x, p.positions, 10_000, null)),
  pagedAttention: () =>
    oneNodeGraph([f32("q", [2, 1, 4, 8]), f32("pool", [2, 2, 2, 5, 4, 8], "cache"), i32("tables", [2, 3]), i32("positions", [2, 1])], (m, p) =>
      m.pagedAttention(p.q, p.pool, p.tables, p.positions, m.constI32(1)),
    ),
  writePagedRows: () =>
    oneNodeGraph([f32("pool", [2, 2, 2, 5, 4, 8], "cache", true), f32("k", [3, 2, 8]), f32("v", [3, 2, 8]), i32("rows", [3])], (m, p) =>
      m.writePagedRows(p.pool, p.k, p.v, p.rows, m.constI32(0)),
    ),
  blockAttention: () =>
    oneNodeGraph(
      [f32("q", [2, 4, 4, 8]), f32("k_ctx", [2, 16, 2, 8]), f32("v_ctx", [2, 16, 2, 8]), f32("k_blk", [2, 4, 2, 8]), f32("v_blk", [2, 4, 2, 8]), i32("seq_lens", [2])],
      (m, p) => m.blockAttention(p.q, p.k_ctx, p.v_ctx, p.k_blk, p.v_blk, p.seq_lens, null),
    ),
  acceptGreedy: () => oneNodeGraph([i32("block", [2, 4]), i32("target", [2, 4])], (m, p) => m.acceptGreedy(p.block, p.target)),
  argmax: () => oneNodeGraph([f32("logits", [2, 16])], (m, p) => m.argmax(p.logits)),
  makeBlock: () => oneNodeGraph([i32("last", [2]), i32("drafts", [2, 3])], (m, p) => m.makeBlock(p.last, p.drafts, 4, 255)),
  scatterRows: () => oneNodeGraph([i32("state", [5, 2]), i32("slots", [2]), i32("rows", [2, 2])], (m, p) => m.scatterRows(p.state, p.slots, p.rows)),
  stateRows: () => oneNodeGraph([i32("next", [2]), i32("held", [2]), i32("lens", [2])], (m, p) => m.stateRows(p.next, p.held, p.lens)),
  advanceState: () => oneNodeGraph([i32("state", [2, 2]), i32("tokens", [2, 4]), i32("accepted", [2])], (m, p) => m.advanceState(p.state, p.tokens, p.accepted)),
  maskRows: () => oneNodeGraph([i32("x", [3, 2]), i32("live", [3])], (m, p) => m.maskRows(p.x, p.live, -1)),
  remainingAfter: () =>
    oneNodeGraph([i32("remaining", [3]), i32("tokens", [3, 3]), i32("accepted", [3]), i32("stop_ids", [3, 2])], (m, p) => m.remainingAfter(p.remaining, p.tokens, p.accepted, p.stop_ids)),
  writeCycle: () => oneNodeGraph([i32("buf", [3, 2]), i32("x", [2]), i32("i", [])], (m, p) => m.writeCycle(p.buf, p.x, p.i)),
  cycleBuffer: () => oneNodeGraph([i32("slots", [2])], (m, p) => m.cycleBuffer(p.slots, 3, [], -1)),
  advanceOne: () => oneNodeGraph([i32("state", [2, 2]), i32("tokens", [2, 1])], (m, p) => m.advanceState(p.state, p.tokens, null)),
  maskBlock: () => oneNodeGraph([i32("last", [2])], (m, p) => m.makeBlock(p.last, null, 4, 255)),
} satisfies Record<string, () => KernelGraph>;
