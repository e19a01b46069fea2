// FileCheck-style tests of the JAX lowering rules (compiler/jax/rules.ts via lowerKernelGraph): a
// one-node graph in, the Python lines its rule must write. The real-size goldens pin kernels.py only by hash.
import { describe, it } from "vitest";
import { ConstantPool, lowerKernelGraph } from "../../compiler/jax/lower.js";
import { RULE_GRAPHS, expectLines } from "../helpers/one-node-graph.js";

function lower(graph: keyof typeof RULE_GRAPHS): string {
  const consts = new ConstantPool();
  const k = lowerKernelGraph(RULE_GRAPHS[graph](), consts, new Set());
  return [...consts.lines(), k.text].join("\n");
}

describe("JAX lowering rules", () => {
  it("rmsNorm and linear read weights from the params dict", () => {
    expectLines(lower("rmsNorm"), ["def target_step(w, x):", '    v0 = ops.rms_norm(x, w["w"], 0.000001)', "    return (v0,)"]);
    expectLines(lower("linear"), ["def target_step(w, x):", '    v0 = ops.linear(x, w["w"], w["b"])']);
  });

  it("rope: inverse frequencies as a module constant", () => {
    expectLines(lower("rope"), ["_CONST_0 = ops.rope_inv_freq(10000.0, 4, None)", "def target_step(w, x, positions):", "    v0 = ops.rope(x, positions, _CONST_0)"]);
  });

  it("pagedAttention: the Pallas kernel, layer third, no group table, the mesh and the per-chip tuning", () => {
    expectLines(lower("pagedAttention"), [
      "    v0 = paged_attention(q, pool, jnp.int32(1), tables, positions, None, mesh=sharding.current_mesh(), **config.PAGED_ATTENTION)",
    ]);
  });

  it("writePagedRows, blockAttention, acceptGreedy, argmax: one library call each", () => {
    expectLines(lower("writePagedRows"), ["def target_step(w, pool, k, v, rows):", "    v0 = ops.write_paged_rows(pool, k, v, rows, jnp.int32(0))"]);
    expectLines(lower("blockAttention"), ["    v0 = ops.block_attention(q, k_ctx, v_ctx, k_blk, v_blk, seq_lens, window=None)"]);
    expectLines(lower("acceptGreedy"), ["    v0 = ops.accept_greedy(block, target)"]);
    expectLines(lower("argmax"), ["    v0 = ops.argmax(logits)"]);
  });

  it("the device state ops: one library call each (advance_state gets None without accepted)", () => {
    expectLines(lower("scatterRows"), ["    v0 = ops.scatter_rows(state, slots, rows)"]);
    expectLines(lower("stateRows"), ["    v0 = ops.state_rows(next, held, lens)"]);
    expectLines(lower("advanceState"), ["    v0 = ops.advance_state(state, tokens, accepted)"]);
    expectLines(lower("advanceOne"), ["    v0 = ops.advance_state(state, tokens, None)"]);
  });

  it("the decode-loop ops: one library call each, the buffer's R from its operand", () => {
    expectLines(lower("maskRows"), ["    v0 = ops.mask_rows(x, live, -1)"]);
    expectLines(lower("remainingAfter"), ["    v0 = ops.remaining_after(remaining, tokens, accepted, stop_ids)"]);
    expectLines(lower("writeCycle"), ["    v0 = ops.write_cycle(buf, x, i)"]);
    expectLines(lower("cycleBuffer"), ["    v0 = ops.cycle_buffer(slots, 3, (), -1)"]);
  });

  it("makeBlock: make_block with drafts, mask_block(last, K, mask id) without", () => {
    expectLines(lower("makeBlock"), ["    v0 = ops.make_block(last, drafts)"]);
    expectLines(lower("maskBlock"), ["    v0 = ops.mask_block(last, 4, 255)"]);
  });
});
