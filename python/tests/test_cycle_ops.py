"""The decode loop's ops (docs/kernels.md, "decode_loop_c<C>"): the same traces as the TS evaluator and
the StableHLO interpreter (test/ir/cycle-loop.test.ts), here under jit."""

import jax
import jax.numpy as jnp
import numpy as np
from dflashc_jax import ops

CYCLES = 5


@jax.jit
def _loop(budgets, tokens, stop_ids):
    def cycle(remaining, trace, tokens, stop_ids, i):
        nxt = ops.remaining_after(remaining, tokens.reshape(-1, 1), tokens, stop_ids)
        return nxt, ops.write_cycle(trace, remaining, i)

    trace = ops.cycle_buffer(budgets, CYCLES, (), -1)
    return ops.cycle_loop(cycle, (budgets, trace), (tokens, stop_ids), CYCLES)


def _run(budgets, stops):
    i32 = lambda x: jnp.asarray(x, jnp.int32)
    remaining, trace = _loop(i32(budgets), i32([7, 8, 9]), i32(stops).reshape(3, 1))
    return np.asarray(remaining).tolist(), np.asarray(trace).reshape(-1).tolist()


def test_stops_once_every_budget_is_spent():
    assert _run([3, 1, 0], [-1, -1, -1]) == ([0, 0, 0], [3, 1, 0, 2, 0, 0, 1, 0, 0] + [-1] * 6)


def test_a_stop_id_ends_its_row():
    assert _run([3, 2, 0], [7, -1, 8]) == ([0, 0, 0], [3, 2, 0, 0, 1, 0] + [-1] * 9)


def test_runs_at_most_c_cycles():
    assert _run([9, 9, 9], [-1, -1, -1]) == ([4, 4, 4], [9, 9, 9, 8, 8, 8, 7, 7, 7, 6, 6, 6, 5, 5, 5])


def test_mask_rows_and_remaining_after():
    x = jnp.arange(1, 7, dtype=jnp.int32).reshape(3, 2)
    assert np.asarray(ops.mask_rows(x, jnp.asarray([2, 0, -1], jnp.int32), -1)).tolist() == [[1, 2], [-1, -1], [-1, -1]]
    tokens = jnp.asarray([[1, 2, 3], [4, 7, 8], [7, 7, 7]], jnp.int32)
    stops = jnp.asarray([[3, -1], [7, -1], [-1, -1]], jnp.int32)
    got = ops.remaining_after(jnp.asarray([9, 5, 0], jnp.int32), tokens, jnp.asarray([1, 1, 2], jnp.int32), stops)
    assert np.asarray(got).tolist() == [7, 0, 0]
