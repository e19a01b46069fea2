"""The ops of docs/kernels.md, one function each, in plain JAX.

Names follow the kernel graph IR (`rmsNorm` → `rms_norm`, `pagedAttention` → `paged_attention`, ...).
Every op computes what the StableHLO kernels compute: norms, softmax and matmul accumulation in f32,
results cast back to the model dtype. f32 models are checked against the reference interpreter to a
relative error of 1e-5, so f32 matmuls ask for full precision (XLA would otherwise use TF32 on GPUs).
"""

from __future__ import annotations

import math

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

F32 = jnp.float32


def precision(dtype) -> lax.Precision:
    return lax.Precision.HIGHEST if jnp.dtype(dtype) == jnp.float32 else lax.Precision.DEFAULT


# ---------------------------------------------------------------------------------------------------
# Dense ops


def embed(table: jax.Array, ids: jax.Array) -> jax.Array:
    """Rows of `table[V, H]` at `ids[...]` (ids clamped, as XLA's gather does)."""
    return jnp.take(table, ids, axis=0, mode="clip")


def gather_rows(table: jax.Array, idx: jax.Array) -> jax.Array:
    """Rows `table[idx[n]]` of any `table[R, ...]` → `[N, ...]` (indices clamped)."""
    return jnp.take(table, idx, axis=0, mode="clip")


def scatter_rows(table: jax.Array, idx: jax.Array, rows: jax.Array) -> jax.Array:
    """`table[S, ...]` with row `idx[n]` replaced by `rows[n]`; an index outside 0..S-1 drops its row.

    `lax.scatter` directly: `table.at[idx]` would wrap a negative index (a padded row's slot -1) to the
    last row instead of dropping it.
    """
    rest = tuple(range(1, table.ndim))
    dims = lax.ScatterDimensionNumbers(
        update_window_dims=rest, inserted_window_dims=(0,), scatter_dims_to_operand_dims=(0,)
    )
    return lax.scatter(table, idx[:, None], rows.astype(table.dtype), dims, mode=lax.GatherScatterMode.FILL_OR_DROP)


def state_rows(next_tokens: jax.Array, held: jax.Array, lens: jax.Array) -> jax.Array:
    """Prefill's state rows `[R, 2]`: `(held >= 0 ? held : next, lens)`."""
    return jnp.stack([jnp.where(held >= 0, held, next_tokens), lens], axis=1).astype(jnp.int32)


def advance_state(state: jax.Array, tokens: jax.Array, accepted: jax.Array | None) -> jax.Array:
    """A step's new state rows: `(tokens[r, a], state[r, 1] + a + 1)`, `a = clip(accepted, 0, K-1)` (0 without)."""
    r, k = tokens.shape
    a = jnp.zeros((r,), jnp.int32) if accepted is None else jnp.clip(accepted, 0, k - 1)
    last = jnp.take_along_axis(tokens, a[:, None], axis=1)[:, 0]
    return jnp.stack([last, state[:, 1] + a + 1], axis=1).astype(jnp.int32)


def rms_norm(x: jax.Array, w: jax.Array, eps: float) -> jax.Array:
    """`x * rsqrt(mean(x^2) + eps) * w` over the last axis, in f32."""
    xf = x.astype(F32)
    inv = lax.rsqrt(jnp.mean(xf * xf, axis=-1, keepdims=True) + F32(eps))
    return (xf * inv * w.astype(F32)).astype(x.dtype)


# q_norm / k_norm: the same RMSNorm over each head's D values (x is [..., heads, D], w is [D]).
head_norm = rms_norm


def linear(x: jax.Array, w: jax.Array, b: jax.Array | None = None) -> jax.Array:
    """`x @ w^T (+ b)` with `w[out, in]` as stored in the checkpoint; f32 accumulation."""
    y = jnp.einsum("...i,oi->...o", x, w, preferred_element_type=F32, precision=precision(x.dtype))
    if b is not None:
        y = y + b.astype(F32)
    return y.astype(x.dtype)


def swiglu(gate: jax.Array, up: jax.Array) -> jax.Array:
    """`silu(gate) * up` with `silu(x) = x * logistic(x)`."""
    g = gate.astype(F32)
    return (g * jax.nn.sigmoid(g) * up.astype(F32)).astype(gate.dtype)


def lm_head(x: jax.Array, w: jax.Array) -> jax.Array:
    """f32 logits `x @ w^T`: argmax never sees bf16-rounded ties."""
    return jnp.einsum("...h,vh->...v", x, w, preferred_element_type=F32, precision=precision(x.dtype))


def argmax(logits: jax.Array) -> jax.Array:
    """Index of the largest logit; `jnp.argmax` returns the lowest index among equal maxima."""
    return jnp.argmax(logits, axis=-1).astype(jnp.int32)


# ---------------------------------------------------------------------------------------------------
# Rotary position embedding


def rope_inv_freq(theta: float, head_dim: int, scaling=None) -> np.ndarray:
    """`theta^(-2i/D)`, rewritten by Hugging Face's `llama3` rule when the model declares it.

    Computed in float64 and rounded once to float32, as the compiler does for the StableHLO kernels,
    so both start from the same constants. `scaling` is the package's `config.Llama3Scaling`, or None.
    """
    half = head_dim // 2
    out = np.empty(half, dtype=np.float64)
    for i in range(half):
        f = 1.0 / math.pow(theta, (2 * i) / head_dim)
        if scaling is not None:
            low_wavelen = scaling.original_max_positions / scaling.low_freq_factor
            high_wavelen = scaling.original_max_positions / scaling.high_freq_factor
            wavelen = 2 * math.pi / f
            if wavelen < high_wavelen:
                pass  # high frequencies are kept
            elif wavelen > low_wavelen:
                f = f / scaling.factor
            else:
                smooth = (scaling.original_max_positions / wavelen - scaling.low_freq_factor) / (
                    scaling.high_freq_factor - scaling.low_freq_factor
                )
                f = (1 - smooth) * (f / scaling.factor) + smooth * f
        out[i] = f
    return out.astype(np.float32)


def rope(x: jax.Array, positions: jax.Array, inv_freq: np.ndarray) -> jax.Array:
    """Rotate-half RoPE of `x[..., heads, D]` at `positions[...]`:
    `x * cos + rotate_half(x) * sin`, `rotate_half([x1, x2]) = [-x2, x1]`."""
    angle = positions.astype(F32)[..., None] * jnp.asarray(inv_freq)  # [..., D/2]
    cos = jnp.concatenate([jnp.cos(angle)] * 2, axis=-1)[..., None, :]  # broadcast over heads
    sin = jnp.concatenate([jnp.sin(angle)] * 2, axis=-1)[..., None, :]
    xf = x.astype(F32)
    x1, x2 = jnp.split(xf, 2, axis=-1)
    rotated = jnp.concatenate([-x2, x1], axis=-1)
    return (xf * cos + rotated * sin).astype(x.dtype)


# ---------------------------------------------------------------------------------------------------
# Attention


def block_attention(
    q: jax.Array,
    k_ctx: jax.Array,
    v_ctx: jax.Array,
    k_blk: jax.Array,
    v_blk: jax.Array,
    seq_lens: jax.Array,
    *,
    window: int | None = None,
) -> jax.Array:
    """DFlash block attention, non-causal. `q[R, K, nH, D]` sees the context rows `k_ctx/v_ctx[R, C, nKV, D]`
    (row c valid iff `c < seq_lens[r]`; a sliding-window layer also needs `c > seq_lens[r] + i - window`)
    and all K block rows `k_blk/v_blk[R, K, nKV, D]`.

    Scores against context and block are computed separately and share one softmax, so the (large)
    context is never copied next to the block.
    """
    r, nblk, nh, d = q.shape
    c, nkv = k_ctx.shape[1], k_ctx.shape[2]
    qg = q.reshape(r, nblk, nkv, nh // nkv, d)
    scale = np.float32(1.0 / math.sqrt(d))
    prec = precision(q.dtype)
    s_ctx = jnp.einsum("bqkgd,bskd->bkgqs", qg, k_ctx, preferred_element_type=F32, precision=prec) * scale
    s_blk = jnp.einsum("bqkgd,bskd->bkgqs", qg, k_blk, preferred_element_type=F32, precision=prec) * scale

    row = jnp.arange(c, dtype=jnp.int32)
    valid = jnp.broadcast_to(row[None, None, :] < seq_lens[:, None, None], (r, nblk, c))
    if window is not None:
        block_pos = seq_lens[:, None] + jnp.arange(nblk, dtype=jnp.int32)[None, :]
        valid = valid & (row[None, None, :] > block_pos[:, :, None] - window)
    s_ctx = jnp.where(valid[:, None, None], s_ctx, -jnp.inf)

    probs = jax.nn.softmax(jnp.concatenate([s_ctx, s_blk], axis=-1), axis=-1)
    p_ctx, p_blk = probs[..., :c], probs[..., c:]
    out = jnp.einsum("bkgqs,bskd->bqkgd", p_ctx.astype(v_ctx.dtype), v_ctx, preferred_element_type=F32, precision=prec)
    out = out + jnp.einsum(
        "bkgqs,bskd->bqkgd", p_blk.astype(v_blk.dtype), v_blk, preferred_element_type=F32, precision=prec
    )
    return out.reshape(r, nblk, nh, d).astype(q.dtype)


# ---------------------------------------------------------------------------------------------------
# Cache reads and writes. Every write returns the updated cache: under jit with the cache donated,
# XLA performs the scatter in place.


def write_paged_rows(pool: jax.Array, k: jax.Array, v: jax.Array, rows: jax.Array, layer) -> jax.Array:
    """K and V `[N, nKV, D]` at flat rows `page * pageSize + slot` of layer `layer` (an int or a traced
    i32 scalar) of pool `[L, 2, nKV, pages, pageSize, D]`. Out-of-range rows are dropped, as XLA's
    scatter does; padding rows all point at row 0 of the trash page, and which of them lands there
    does not matter."""
    nl, two, nkv, pages, page_size, d = pool.shape
    flat = pool.reshape(nl, two, nkv, pages * page_size, d)
    # Indices (layer, :, :, rows): the advanced indices are apart, so the update is [N, 2, nKV, D].
    update = jnp.stack([k, v], axis=1).astype(pool.dtype)
    flat = flat.at[layer, :, :, rows].set(update, mode="drop")
    return flat.reshape(pool.shape)


def read_paged_cache(pool: jax.Array, tables: jax.Array, layer: int, kv: int) -> jax.Array:
    """K (`kv` 0) or V (1) of pool `[L, 2, nKV, pages, pageSize, D]` through block tables `[R, P]`:
    `[R, P * pageSize, nKV, D]`, row p holding position p of the request."""
    pages = jnp.take(pool[layer, kv], tables, axis=1, mode="clip")  # [nKV, R, P, pageSize, D]
    nkv, r, p, page_size, d = pages.shape
    return pages.transpose(1, 2, 3, 0, 4).reshape(r, p * page_size, nkv, d)


def paged_rows(tables: jax.Array, positions: jax.Array, page_size: int) -> jax.Array:
    """Flat pool rows `tables[g, p // pageSize] * pageSize + p % pageSize` of `positions[G, Q]`."""
    pages = jnp.take_along_axis(tables, positions // page_size, axis=1, mode="clip")
    return pages * page_size + positions % page_size


def read_static_cache(cache: jax.Array, layer: int, slots: jax.Array) -> jax.Array:
    """Rows of the requests' slots: `[R, capacity, nKV, D]` from cache `[L, slots, capacity, nKV, D]`."""
    return cache[layer][slots]


def write_static_rows(cache: jax.Array, layer: int, rows: jax.Array, x: jax.Array) -> jax.Array:
    """`x[N, nKV, D]` at flat rows `slot * capacity + position` of layer `layer`."""
    nl, slots, capacity = cache.shape[:3]
    flat = cache.reshape(nl, slots * capacity, *cache.shape[3:])
    return flat.at[layer, rows].set(x.astype(cache.dtype)).reshape(cache.shape)


def write_static_block(cache: jax.Array, layer: int, slots: jax.Array, starts: jax.Array, x: jax.Array) -> jax.Array:
    """`x[R, K, nKV, D]` into slot `slots[r]` from row `starts[r]`, as `dynamic_update_slice` does it:
    a start that would run past the capacity is clamped (the runtime makes that impossible)."""
    capacity = cache.shape[2]
    r, nblk = x.shape[:2]
    start = jnp.clip(starts, 0, capacity - nblk)
    rows = slots[:, None] * capacity + start[:, None] + jnp.arange(nblk, dtype=jnp.int32)[None, :]
    return write_static_rows(cache, layer, rows.reshape(-1), x.reshape(r * nblk, *x.shape[2:]))


# ---------------------------------------------------------------------------------------------------
# Blocks and acceptance


def block_positions(seq_lens: jax.Array, block_size: int) -> jax.Array:
    """`seq_lens[r] + i` for i in 0..K-1 → `[R, K]`."""
    return seq_lens[:, None] + jnp.arange(block_size, dtype=jnp.int32)[None, :]


def mask_block(last_tokens: jax.Array, block_size: int, mask_token_id: int) -> jax.Array:
    """The drafter's input block `[b0, M, ..., M]` → `[R, K]`."""
    fill = jnp.full((last_tokens.shape[0], block_size - 1), mask_token_id, jnp.int32)
    return make_block(last_tokens, fill)


def make_block(last_tokens: jax.Array, fill: jax.Array) -> jax.Array:
    """`[b0, fill...]` → `[R, K]`: `fill[R, K-1]` is all mask tokens (drafting) or the drafts (verifying)."""
    return jnp.concatenate([last_tokens[:, None], fill.astype(jnp.int32)], axis=1)


def accept_greedy(block: jax.Array, target: jax.Array) -> jax.Array:
    """`a` = the number of leading i in 1..K-1 with `block[i] == target[i-1]` → `[R]`."""
    matches = (block[:, 1:] == target[:, :-1]).astype(jnp.int32)
    return jnp.sum(jnp.cumprod(matches, axis=1), axis=1).astype(jnp.int32)


# ---------------------------------------------------------------------------------------------------
# Sampling (docs/kernels.md, "Sampling"). No sort and no cumulative sum, exactly as the StableHLO
# kernels: the top-k and top-p thresholds are bisections over the bit patterns of non-negative f32
# values (which order like their int32 bits), the inverse CDF a bisection over token indices, each
# step one masked row sum. Fixed trip counts, so every backend runs the same steps.

ONE_BITS = 0x3F800000  # bits of f32 1.0: every probability, and every exp(z - max), has a key <= this
KEY_STEPS = 30  # bisection steps over the keys [0, ONE_BITS] (2^30 > ONE_BITS)
U_MAX = 1.0 - 2.0**-24  # the largest f32 below 1: uniforms are clamped to [0, U_MAX]


def _smallest_key(keys: jax.Array, weights: jax.Array, limit: jax.Array, active: jax.Array) -> jax.Array:
    """Per row of `keys[N, V]` (int32 bits of non-negative f32), the smallest `tau` in `[0, ONE_BITS]`
    with `sum_j weights[j] * [keys[j] > tau] < limit[N]`: KEY_STEPS steps of bisection. Only rows
    where `active[N]` holds use the result; when none does, the loop does not run."""

    def step(_, bounds):
        lo, hi = bounds
        mid = (lo + hi) // 2
        mass = jnp.sum(jnp.where(keys > mid[:, None], weights, 0), axis=-1)
        below = mass < limit
        return jnp.where(below, lo, mid + 1), jnp.where(below, mid, hi)

    n = keys.shape[0]
    init = (jnp.zeros(n, jnp.int32), jnp.full(n, ONE_BITS, jnp.int32))
    lo, _ = lax.fori_loop(0, jnp.where(jnp.any(active), KEY_STEPS, 0), step, init)
    return lo


def sampling_probs(logits: jax.Array, temperature: jax.Array, top_k: jax.Array, top_p: jax.Array) -> jax.Array:
    """The sampling distribution of each row of f32 `logits[R, Q, V]` under request r's
    `temperature[R]`, `top_k[R]` and `top_p[R]` → `[R, Q, V]`.

    `exp((l - max) / T)`; top-k (on iff `0 < k < V`) keeps the values `>=` the k-th largest, ties
    included; normalize; top-p (on iff `top_p < 1`) keeps each token whose strictly-more-probable mass is
    `< top_p`, ties at the boundary included (so the most probable tokens always stay); normalize.
    `temperature <= 0` (or NaN): one-hot at the argmax, which makes the sampling kernels reproduce
    the greedy ones.
    """
    r, q, v = logits.shape
    l = logits.reshape(r * q, v)
    t, k, tp = (jnp.repeat(x, q) for x in (temperature, top_k, top_p))  # per request → per row
    sampling = t > 0
    e = jnp.exp((l - jnp.max(l, axis=-1, keepdims=True)) / jnp.where(sampling, t, 1)[:, None])

    k_on = (k > 0) & (k < v)
    e_keys = lax.bitcast_convert_type(e, jnp.int32)
    tau_k = _smallest_key(e_keys, jnp.ones_like(e), k.astype(F32), k_on)
    e = jnp.where(~k_on[:, None] | (e_keys >= tau_k[:, None]), e, 0)
    p = e / jnp.sum(e, axis=-1, keepdims=True)

    p_on = tp < 1
    p_keys = lax.bitcast_convert_type(p, jnp.int32)
    tau_p = jnp.minimum(_smallest_key(p_keys, p, tp, p_on), jnp.max(p_keys, axis=-1))
    p = jnp.where(~p_on[:, None] | (p_keys >= tau_p[:, None]), p, 0)
    p = p / jnp.sum(p, axis=-1, keepdims=True)

    greedy = jax.nn.one_hot(argmax(l), v, dtype=F32)
    return jnp.where(sampling[:, None], p, greedy).reshape(r, q, v)


def inverse_cdf(w: jax.Array, u: jax.Array) -> jax.Array:
    """Per row of non-negative `w[N, V]`, the smallest `j` whose prefix sum exceeds `u[N] * sum(w)`
    (`V - 1` when none does): `ceil(log2 V)` steps of bisection over j, each one masked row sum."""
    n, v = w.shape
    target = u * jnp.sum(w, axis=-1)
    index = jnp.arange(v, dtype=jnp.int32)

    def step(_, bounds):
        lo, hi = bounds
        mid = (lo + hi) // 2
        prefix = jnp.sum(jnp.where(index[None, :] <= mid[:, None], w, 0), axis=-1)
        past = prefix > target
        return jnp.where(past, lo, mid + 1), jnp.where(past, mid, hi)

    init = (jnp.zeros(n, jnp.int32), jnp.full(n, v - 1, jnp.int32))
    lo, _ = lax.fori_loop(0, (v - 1).bit_length(), step, init)
    return lo


def accept_sample(block: jax.Array, p: jax.Array, uniforms: jax.Array) -> tuple[jax.Array, jax.Array]:
    """Speculative sampling of blocks `[b0, d1..d(K-1)]` (`block[R, K]`) against a one-hot draft:
    row i accepts `d(i+1)` iff `u[i] < p[i, d(i+1)]`; `accepted[R]` counts the leading acceptances.
    Row `a = accepted` draws the final token with `u[K-1]` by inverse CDF from its distribution
    without `d(a+1)` (the residual `max(0, p - q)`), or from `p` itself for the bonus row `K-1`.

    Returns `accepted[R]` and `tokens[R, K]`: the accepted drafts, the drawn token at column `a`, and
    the argmax of p after it (never committed; temperature-0 rows equal the greedy kernels' outputs).
    """
    r, k, v = p.shape
    u = jnp.clip(uniforms, 0, U_MAX)
    # proposed[:, i] = block[:, i+1], the draft token row i judges; -1 (none) for the last row.
    proposed = jnp.concatenate([block[:, 1:], jnp.full((r, 1), -1, jnp.int32)], axis=1)
    is_proposed = jnp.arange(v, dtype=jnp.int32)[None, None, :] == proposed[:, :, None]
    p_proposed = jnp.max(jnp.where(is_proposed, p, 0), axis=-1)
    accepts = (u[:, : k - 1] < p_proposed[:, : k - 1]).astype(jnp.int32)
    accepted = jnp.sum(jnp.cumprod(accepts, axis=1), axis=1).astype(jnp.int32)

    residual = jnp.where(is_proposed, 0, p)
    drawn = inverse_cdf(jnp.take_along_axis(residual, accepted[:, None, None], axis=1)[:, 0], u[:, k - 1])
    col = jnp.arange(k, dtype=jnp.int32)[None, :]
    a = accepted[:, None]
    tokens = jnp.where(col < a, proposed, jnp.where(col == a, drawn[:, None], argmax(p)))
    return accepted, tokens


# ---------------------------------------------------------------------------------------------------
# Layer stacks


def scan_layers(layer, carries: tuple, invariants: tuple, stacked: tuple, collect: tuple[int, ...] = ()) -> tuple:
    """`scanLayers`: `layer(*carries, *invariants, i, *(s[i] for s in stacked))` for every layer `i` of
    the stacked weights `[L, ...]`, in one `lax.scan` (traced and compiled once, whatever L); its results
    are the next carries. Returns the final carries, then carry 0 as it is after each layer of
    `collect`, gathered into a buffer whose extra last row takes every other layer's write."""
    layers = stacked[0].shape[0]
    kept = sorted(set(collect))
    steps = jnp.arange(layers, dtype=jnp.int32)
    if not kept:

        def step(values, xs):
            i, weights = xs
            return tuple(layer(*values, *invariants, i, *weights)), None

        final, _ = lax.scan(step, tuple(carries), (steps, tuple(stacked)))
        return tuple(final)
    slots = np.array([kept.index(i) if i in kept else len(kept) for i in range(layers)], np.int32)
    buffer = jnp.zeros((len(kept) + 1, *carries[0].shape), carries[0].dtype)

    def body(carry, xs):
        values, buf = carry
        i, slot, weights = xs
        nxt = layer(*values, *invariants, i, *weights)
        return (tuple(nxt), buf.at[slot].set(nxt[0])), None

    (final, buf), _ = lax.scan(body, (tuple(carries), buffer), (steps, slots, tuple(stacked)))
    return (*final, *(buf[kept.index(i)] for i in collect))


# ---------------------------------------------------------------------------------------------------
# The decode loop (docs/kernels.md, "decode_loop_c<C>")


def cycle_loop(body, carries: tuple, invariants: tuple, cycles: int) -> tuple:
    """`cycleLoop`: `body(*carries, *invariants, i)` for `i = 0, 1, ...` while `i < cycles` and some
    row of carry 0 (`remaining[R]`) is above 0, in one `lax.while_loop`; returns the final carries."""

    def cond(state):
        i, values = state
        return (i < cycles) & jnp.any(values[0] > 0)

    def step(state):
        i, values = state
        out = body(*values, *invariants, i)
        return i + 1, tuple(out) if isinstance(out, tuple) else (out,)

    _, final = lax.while_loop(cond, step, (jnp.int32(0), tuple(carries)))
    return final


def mask_rows(x: jax.Array, live: jax.Array, fill: int) -> jax.Array:
    """`x[R, ...]` with the rows whose `live` is not above 0 set to `fill` (a stopped row becomes padding)."""
    keep = (live > 0).reshape((-1,) + (1,) * (x.ndim - 1))
    return jnp.where(keep, x, jnp.int32(fill)).astype(x.dtype)


def remaining_after(remaining: jax.Array, tokens: jax.Array, accepted: jax.Array, stop_ids: jax.Array) -> jax.Array:
    """A cycle's budget update: a live row (`remaining > 0`) that committed `tokens[r, 0..a]` goes to 0 on
    a stop id, else to `max(remaining - (a + 1), 0)`; other rows keep their value."""
    k = tokens.shape[1]
    a = jnp.clip(accepted, 0, k - 1)
    committed = jnp.arange(k, dtype=jnp.int32)[None, :] <= a[:, None]
    is_stop = jnp.any(tokens[:, :, None] == stop_ids[:, None, :], axis=2)
    hit = jnp.any(is_stop & committed, axis=1)
    spent = jnp.maximum(remaining - (a + 1), 0)
    return jnp.where(remaining > 0, jnp.where(hit, 0, spent), remaining).astype(jnp.int32)


def write_cycle(buf: jax.Array, x: jax.Array, i: jax.Array) -> jax.Array:
    """`buf[C, ...]` with row `i` (clamped) replaced by `x`."""
    return lax.dynamic_update_slice(buf, x[None].astype(buf.dtype), (i,) + (jnp.int32(0),) * x.ndim)


def cycle_buffer(rows: jax.Array, cycles: int, row_shape: tuple[int, ...], value: int) -> jax.Array:
    """A per-cycle output buffer `[cycles, R, *row_shape]` of `value` (R from `rows[R]`)."""
    return jnp.full((cycles, rows.shape[0], *row_shape), value, jnp.int32)
