"""Causal attention of query rows over a paged KV pool (decode, DFlash verify, ragged prefill).

Layout shared by every implementation in this module:

* ``q``: ``[G, Q, nH, D]`` (f32 or bf16): ``G`` groups of ``Q`` query rows.
* ``pool``: ``[L, 2, nKV, numPages, pageSize, D]`` (same dtype as ``q``); ``pool[l, 0]`` holds the keys
  and ``pool[l, 1]`` the values of layer ``l``. Page 0 is a trash page.
* ``layer``: i32 scalar (may be traced), the layer to read.
* ``tables``: ``[R, P]`` i32 block tables: position ``p`` of table row ``r`` lives at page
  ``tables[r, p // pageSize]``, slot ``p % pageSize``.
* ``positions``: ``[G, Q]`` i32: query ``(g, q)`` sees keys ``0 .. positions[g, q]`` (inclusive).
* ``group_table``: ``[G]`` i32 or ``None``: group ``g`` reads table row ``group_table[g]`` (``None``: row ``g``).
* GQA: query head ``h`` reads KV head ``h // (nH // nKV)``. Scores ``q.k / sqrt(D)`` and the softmax are f32;
  the output has ``q``'s dtype. Out-of-range layer / table rows / page ids are clamped.

Implementations:

* :func:`paged_attention_reference`: dense oracle (gathers every page), for tests only.
* :func:`paged_attention_jnp`: CPU/GPU path, a ``fori_loop`` over pages with an online softmax.
* :func:`paged_attention_pallas`: TPU Pallas (Mosaic) kernel, pages DMA'd straight from the pool in HBM.
* :func:`paged_attention`: the dispatcher the generated kernels call.
"""

from __future__ import annotations

import functools
import math
import os

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax
from jax.experimental import pallas as pl
from jax.experimental.pallas import tpu as pltpu

__all__ = [
    "INTERPRET_ENV",
    "paged_attention",
    "paged_attention_jnp",
    "paged_attention_pallas",
    "paged_attention_reference",
    "pallas_smem_bytes",
    "pallas_supported",
    "pallas_vmem_bytes",
]

# Finite "minus infinity": masked scores never produce inf - inf = NaN in the online softmax.
MASK_VALUE = -0.7 * float(np.finfo(np.float32).max)
INTERPRET_ENV = "DFLASHC_PALLAS_INTERPRET"
_DEFAULT_PREFILL_ROWS = 128
_DEFAULT_GROUP_CHUNK = 256


# --------------------------------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------------------------------


def _dims(q, pool, tables, positions, group_table):
    """Validates the argument shapes; returns (G, Q, nH, D, L, nKV, numPages, pageSize, R, P)."""
    if q.ndim != 4:
        raise ValueError(f"q must be [G, Q, nH, D], got shape {q.shape}")
    if pool.ndim != 6 or pool.shape[1] != 2:
        raise ValueError(f"pool must be [L, 2, nKV, numPages, pageSize, D], got shape {pool.shape}")
    G, Q, nH, D = q.shape
    L, _, nKV, NP, ps, Dk = pool.shape
    if Dk != D:
        raise ValueError(f"head_dim mismatch: q has {D}, pool has {Dk}")
    if nH % nKV:
        raise ValueError(f"number of query heads ({nH}) must be a multiple of the KV heads ({nKV})")
    if tables.ndim != 2:
        raise ValueError(f"tables must be [R, P], got shape {tables.shape}")
    R, P = tables.shape
    if positions.shape != (G, Q):
        raise ValueError(f"positions must be [G, Q] = {(G, Q)}, got {positions.shape}")
    if group_table is None:
        if R != G:
            raise ValueError(f"group_table=None needs one table row per group: R={R}, G={G}")
    elif group_table.shape != (G,):
        raise ValueError(f"group_table must be [G] = {(G,)}, got {group_table.shape}")
    return G, Q, nH, D, L, nKV, NP, ps, R, P


def _group_rows(group_table, G: int, R: int):
    """Table row of every group, clamped to [0, R)."""
    if group_table is None:
        return jnp.arange(G, dtype=jnp.int32)
    return jnp.clip(group_table.astype(jnp.int32), 0, R - 1)


def _clamp_layer(layer, L: int):
    return jnp.clip(jnp.asarray(layer, jnp.int32), 0, L - 1)


def _round_up(x: int, m: int) -> int:
    return -(-x // m) * m


# --------------------------------------------------------------------------------------------------------------------
# Dense oracle
# --------------------------------------------------------------------------------------------------------------------


def paged_attention_reference(q, pool, layer, tables, positions, group_table=None):
    """Dense oracle: gathers every page of every group, masks, softmax. Tests only (memory O(G * P * pageSize))."""
    G, Q, nH, D, L, nKV, NP, ps, R, P = _dims(q, pool, tables, positions, group_table)
    gq = nH // nKV
    rows = _group_rows(group_table, G, R)
    pids = jnp.clip(tables.astype(jnp.int32)[rows], 0, NP - 1)  # [G, P]
    kv = pool[_clamp_layer(layer, L)][:, :, pids]  # [2, nKV, G, P, ps, D]
    kv = kv.reshape(2, nKV, G, P * ps, D).astype(jnp.float32)
    qf = q.astype(jnp.float32).reshape(G, Q, nKV, gq, D)
    hi = lax.Precision.HIGHEST
    s = jnp.einsum("gqhjd,hgtd->gqhjt", qf, kv[0], precision=hi) / math.sqrt(D)
    kpos = jnp.arange(P * ps, dtype=jnp.int32)
    mask = kpos <= positions.astype(jnp.int32)[:, :, None, None, None]
    s = jnp.where(mask, s, -jnp.inf)
    p = jax.nn.softmax(s, axis=-1)
    o = jnp.einsum("gqhjt,hgtd->gqhjd", p, kv[1], precision=hi)
    return o.reshape(G, Q, nH, D).astype(q.dtype)


# --------------------------------------------------------------------------------------------------------------------
# jnp path (CPU / GPU)
# --------------------------------------------------------------------------------------------------------------------


def _jnp_chunk(q, pool, layer, tables, positions, rows):
    """Online-softmax attention of one chunk of groups; loops only up to this chunk's last needed page."""
    Gc, Q, nH, D = q.shape
    _, _, nKV, NP, ps, _ = pool.shape
    P = tables.shape[1]
    gq = nH // nKV
    scale = 1.0 / math.sqrt(D)
    qg = q.reshape(Gc, Q, nKV, gq, D)
    pos = positions[:, :, None, None, None]  # [Gc, Q, 1, 1, 1]
    n_pages = jnp.minimum(jnp.max(jnp.maximum(positions, 0)) // ps + 1, P)
    row_tables = tables[rows]  # [Gc, P]: one small i32 gather, not the pages
    kslot = jnp.arange(ps, dtype=jnp.int32)

    def body(p, carry):
        m, l, acc = carry
        pids = jnp.clip(lax.dynamic_index_in_dim(row_tables, p, axis=1, keepdims=False), 0, NP - 1)  # [Gc]
        kv = pool[layer, :, :, pids]  # [Gc, 2, nKV, ps, D]: one page per group
        k, v = kv[:, 0], kv[:, 1]
        s = jnp.einsum("gqhjd,ghtd->gqhjt", qg, k, preferred_element_type=jnp.float32) * scale
        valid = (p * ps + kslot) <= pos  # [Gc, Q, 1, 1, ps]
        s = jnp.where(valid, s, MASK_VALUE)
        m_new = jnp.maximum(m, jnp.max(s, axis=-1, keepdims=True))
        alpha = jnp.exp(m - m_new)
        pr = jnp.where(valid, jnp.exp(s - m_new), 0.0)
        l = alpha * l + jnp.sum(pr, axis=-1, keepdims=True)
        acc = alpha * acc + jnp.einsum("gqhjt,ghtd->gqhjd", pr, v.astype(jnp.float32))
        return m_new, l, acc

    init = (
        jnp.full((Gc, Q, nKV, gq, 1), MASK_VALUE, jnp.float32),
        jnp.zeros((Gc, Q, nKV, gq, 1), jnp.float32),
        jnp.zeros((Gc, Q, nKV, gq, D), jnp.float32),
    )
    _, l, acc = lax.fori_loop(0, n_pages, body, init)
    out = acc / jnp.where(l == 0.0, 1.0, l)
    return out.reshape(Gc, Q, nH, D).astype(q.dtype)


def paged_attention_jnp(q, pool, layer, tables, positions, group_table=None, *, group_chunk=_DEFAULT_GROUP_CHUNK):
    """Paged attention in plain jnp (the CPU/GPU path).

    A ``fori_loop`` over page indices up to ``max(positions) // pageSize + 1`` (a traced trip count); each step
    gathers one page per group (``[G, 2, nKV, pageSize, D]`` through the block table) and updates a running
    max / sum / accumulator in f32. With more than ``group_chunk`` groups (ragged prefill), the groups are processed
    in chunks by ``lax.map``, each chunk looping only to its own last page, so temporaries stay bounded.
    """
    G, Q, nH, D, L, _, _, _, R, _ = _dims(q, pool, tables, positions, group_table)
    rows = _group_rows(group_table, G, R)
    layer = _clamp_layer(layer, L)
    tables = tables.astype(jnp.int32)
    positions = positions.astype(jnp.int32)
    if G <= group_chunk:
        return _jnp_chunk(q, pool, layer, tables, positions, rows)
    n_chunks = -(-G // group_chunk)
    pad = n_chunks * group_chunk - G
    # Padding groups: table row 0, position 0 (one page), zero queries; sliced off below.
    qc = jnp.pad(q, ((0, pad), (0, 0), (0, 0), (0, 0))).reshape(n_chunks, group_chunk, Q, nH, D)
    pc = jnp.pad(positions, ((0, pad), (0, 0))).reshape(n_chunks, group_chunk, Q)
    rc = jnp.pad(rows, (0, pad)).reshape(n_chunks, group_chunk)
    out = lax.map(lambda a: _jnp_chunk(a[0], pool, layer, tables, a[1], a[2]), (qc, pc, rc))
    return out.reshape(n_chunks * group_chunk, Q, nH, D)[:G]


# --------------------------------------------------------------------------------------------------------------------
# Pallas TPU kernel
# --------------------------------------------------------------------------------------------------------------------


def _sublanes(dtype) -> int:
    """Rows of one native VMEM tile: 8 for 32-bit, 16 for 16-bit (packed) dtypes."""
    return 8 * (4 // jnp.dtype(dtype).itemsize)


# TPU vreg lanes. Per-row statistics (m, l) and the per-row positions are kept lane-replicated, [rows, LANES],
# as JAX's own TPU attention kernels do (flash_attention: MIN_BLOCK_SIZE / NUM_LANES; ragged_paged_attention:
# m_ref / l_ref [rows, 128]), and every score tile is a whole number of lane tiles wide.
LANES = 128


def _unsupported_reason(q, pool) -> str | None:
    if q.ndim != 4 or pool.ndim != 6:
        return "q must be [G, Q, nH, D] and pool [L, 2, nKV, numPages, pageSize, D]"
    if q.dtype != pool.dtype:
        return f"q ({q.dtype}) and pool ({pool.dtype}) must have the same dtype"
    if jnp.dtype(q.dtype) not in (jnp.dtype(jnp.float32), jnp.dtype(jnp.bfloat16)):
        return f"dtype {q.dtype} not supported (f32 or bf16 only)"
    D = q.shape[-1]
    if pool.shape[-1] != D or D % LANES:
        return f"head_dim must be a multiple of 128 (TPU lanes), got {D}"
    ps = pool.shape[4]
    sub = _sublanes(q.dtype)
    if ps % sub:
        return f"pageSize must be a multiple of {sub} for {q.dtype} (TPU sublane tiling), got {ps}"
    if q.shape[2] % pool.shape[2]:
        return f"query heads ({q.shape[2]}) must be a multiple of KV heads ({pool.shape[2]})"
    return None


def pallas_supported(q, pool) -> bool:
    """Whether :func:`paged_attention_pallas` accepts these q / pool shapes and dtypes."""
    return _unsupported_reason(q, pool) is None


def pallas_smem_bytes(R: int, P: int, G: int, Q: int) -> int:
    """Scalar-prefetched SMEM of one call: tables [R*P] + group_table [G] + positions [G*Q] + layer, all i32."""
    return 4 * (R * P + G + G * Q + 1)


def _step_pages(pages_per_block: int, page_size: int, pages_per_row: int) -> int:
    """Pages one DMA step of the kernel loads: at least 128 keys (``ceil(128 / pageSize)`` pages), rounded up to
    whole 128-key lane tiles when the page size divides 128, capped by the pages of a table row."""
    ppb = max(pages_per_block, -(-LANES // page_size))
    if LANES % page_size == 0:
        ppb = _round_up(ppb, LANES // page_size)
    return max(1, min(ppb, pages_per_row))


def pallas_vmem_bytes(rows: int, D: int, itemsize: int, page_tokens: int) -> int:
    """VMEM footprint of one grid step: ``rows`` = rows_per_block * (nH // nKV), ``page_tokens`` = keys of one DMA
    step (pages per step * pageSize; the K/V buffers and score tiles are ``page_tokens`` rounded up to 128).

    Pipeline buffers (two each): the q and out blocks [rows, D] and the lane-replicated positions block
    [rows, 128] i32. Scratch: K and V [2 slots, keys, D], m and l [rows, 128] f32, the f32 accumulator [rows, D].
    Temporaries (estimate): ~5 f32/i32 score-sized tiles [rows, keys] (scores, probabilities, key positions,
    tiled positions / max, mask), the probabilities cast to the KV dtype, and ~2 f32 [rows, D] (p @ v, tiled alpha).
    """
    keys = max(_round_up(page_tokens, LANES), LANES)
    return (
        2 * 2 * rows * D * itemsize  # q block + out block, two pipeline buffers each
        + 2 * rows * LANES * 4  # positions block [rows, 128] i32, two pipeline buffers
        + 2 * 2 * keys * D * itemsize  # K and V, two slots
        + 2 * rows * LANES * 4  # m, l [rows, 128] f32
        + rows * D * 4  # acc
        + 5 * rows * keys * 4  # score-sized f32 / i32 temporaries
        + rows * keys * itemsize  # probabilities in the KV dtype (MXU operand)
        + 2 * rows * D * 4  # p @ v, alpha tiled to D
    )


def _tile_lanes(x, width: int):
    """[rows, 128] lane-replicated -> [rows, width] (width a multiple of 128), as flash_attention's jnp.tile."""
    return x if width == LANES else jnp.tile(x, (1, width // LANES))


def _pallas_kernel(
    # scalar prefetch (SMEM)
    layer_ref,  # [1]
    tables_ref,  # [R * P]
    gtab_ref,  # [G]
    pos_ref,  # [G * Q]
    # inputs
    q_ref,  # VMEM [rows, D]: rows_per_block query rows x heads_per_kv heads of KV head h
    posv_ref,  # VMEM [rows, 128] i32: position of each row, lane-replicated (-1 for padding rows)
    pool_ref,  # HBM (ANY) [L, 2, nKV, numPages, pageSize, D]
    # output
    o_ref,  # VMEM [rows, D]
    # scratch
    k_buf,  # VMEM [2, keys, D]; rows [tk, keys) (lane padding of the score tile) stay zero
    v_buf,  # VMEM [2, keys, D]
    sems,  # DMA semaphores [2 (k/v), 2 (slot)]
    m_ref,  # VMEM f32 [rows, 128], lane-replicated
    l_ref,  # VMEM f32 [rows, 128], lane-replicated
    acc_ref,  # VMEM f32 [rows, D]
    *,
    num_groups: int,
    q_len: int,
    q_pad: int,
    rows_per_block: int,
    heads_per_kv: int,
    pages_per_block: int,
    page_size: int,
    pages_per_row: int,
    num_pages: int,
    num_table_rows: int,
    scale: float,
):
    h = pl.program_id(0)
    blk = pl.program_id(1)
    gq = heads_per_kv
    ps = page_size
    ppb = pages_per_block
    tk = ppb * ps  # keys one step loads
    keys, D = k_buf.shape[1], k_buf.shape[2]  # keys = tk rounded up to 128 lanes
    groups_per_block = rows_per_block // q_pad
    g_start = blk * groups_per_block
    g_end = jnp.minimum(g_start + groups_per_block, num_groups)
    layer = layer_ref[0]

    m_ref[...] = jnp.full(m_ref.shape, MASK_VALUE, jnp.float32)
    l_ref[...] = jnp.zeros(l_ref.shape, jnp.float32)
    acc_ref[...] = jnp.zeros(acc_ref.shape, jnp.float32)
    if keys > tk:
        # Lane padding of the score tile: never a DMA target; finite zeros (masked, but 0 * garbage could be NaN).
        pad = jnp.zeros((2, keys - tk, D), k_buf.dtype)
        k_buf[:, pl.ds(tk, keys - tk), :] = pad
        v_buf[:, pl.ds(tk, keys - tk), :] = pad

    def table_row(g):
        """Table row of group g (g < num_groups), clamped."""
        return jnp.clip(gtab_ref[g], 0, num_table_rows - 1)

    def max_position(g):
        """Largest position of group g's q_len query rows (scalar SMEM reads, no division)."""
        base = g * q_len
        if q_len == 1:
            return pos_ref[base]
        return lax.fori_loop(1, q_len, lambda i, mx: jnp.maximum(mx, pos_ref[base + i]), pos_ref[base])

    def attend_run(tr, lo, hi, max_pos):
        """Block rows [lo, hi) share table row tr: load each of its pages once (K and V of KV head h)."""
        n_pages = jnp.minimum(pl.cdiv(jnp.maximum(max_pos, 0) + 1, ps), pages_per_row)
        n_steps = pl.cdiv(n_pages, ppb)

        def copies(step, slot):
            out = []
            for j in range(ppb):
                p = step * ppb + j
                pid = jnp.clip(tables_ref[tr * pages_per_row + jnp.minimum(p, pages_per_row - 1)], 0, num_pages - 1)
                dst = pl.ds(j * ps, ps)
                ck = pltpu.make_async_copy(pool_ref.at[layer, 0, h, pid], k_buf.at[slot, dst], sems.at[0, slot])
                cv = pltpu.make_async_copy(pool_ref.at[layer, 1, h, pid], v_buf.at[slot, dst], sems.at[1, slot])
                out.append((j, p, ck, cv))
            return out

        def start_page(j, p, ck, cv, slot):
            if ppb == 1:
                ck.start()
                cv.start()
                return

            @pl.when(p < n_pages)
            def _():
                ck.start()
                cv.start()

            @pl.when(p >= n_pages)
            def _():
                # Unloaded tail of a multi-page step: finite zeros (masked anyway, but 0 * garbage could be NaN).
                k_buf[slot, pl.ds(j * ps, ps), :] = jnp.zeros((ps, D), k_buf.dtype)
                v_buf[slot, pl.ds(j * ps, ps), :] = jnp.zeros((ps, D), v_buf.dtype)

        def wait_page(p, ck, cv):
            if ppb == 1:
                ck.wait()
                cv.wait()
                return

            @pl.when(p < n_pages)
            def _():
                ck.wait()
                cv.wait()

        def start(step, slot):
            for j, p, ck, cv in copies(step, slot):
                start_page(j, p, ck, cv, slot)

        def wait(step, slot):
            for _, p, ck, cv in copies(step, slot):
                wait_page(p, ck, cv)

        start(0, 0)

        def step_body(step, slot):
            next_slot = 1 - slot

            @pl.when(step + 1 < n_steps)
            def _():
                start(step + 1, next_slot)  # double buffering: next page(s) fly while this one is used

            wait(step, slot)
            k = k_buf[slot]  # [keys, D]
            v = v_buf[slot]
            s = lax.dot_general(q_ref[...], k, (((1,), (1,)), ((), ())), preferred_element_type=jnp.float32) * scale
            r_i = lax.broadcasted_iota(jnp.int32, s.shape, 0)
            col = lax.broadcasted_iota(jnp.int32, s.shape, 1)
            # Key position step * tk + col <= the row's position; rows outside the run; lanes past tk (padding).
            mask = (r_i >= lo * gq) & (r_i < hi * gq) & (col <= _tile_lanes(posv_ref[...], keys) - step * tk)
            if keys > tk:
                mask = mask & (col < tk)
            s = jnp.where(mask, s, MASK_VALUE)
            m_prev = m_ref[...]  # [rows, 128]
            m_new = jnp.maximum(m_prev, jnp.max(s, axis=1, keepdims=True))  # [rows, 128]
            alpha = jnp.exp(m_prev - m_new)  # [rows, 128]
            p = jnp.where(mask, jnp.exp(s - _tile_lanes(m_new, keys)), 0.0)
            l_ref[...] = alpha * l_ref[...] + jnp.sum(p, axis=1, keepdims=True)
            pv = lax.dot_general(p.astype(v.dtype), v, (((1,), (0,)), ((), ())), preferred_element_type=jnp.float32)
            acc_ref[...] = _tile_lanes(alpha, D) * acc_ref[...] + pv
            m_ref[...] = m_new
            return next_slot

        lax.fori_loop(0, n_steps, step_body, 0)

    # Walk the block's groups in runs of consecutive groups sharing a table row (a verify block is one group; a
    # prefill block is mostly one request's consecutive tokens). Rows of a group share its table row, so runs never
    # split a group: no row -> group division is needed.
    def run_cond(g):
        return g < g_end

    def run_body(g0):
        tr = table_row(g0)

        def scan_cond(c):
            g, _ = c
            return (g < g_end) & (table_row(jnp.minimum(g, num_groups - 1)) == tr)

        def scan_body(c):
            g, mx = c
            return g + 1, jnp.maximum(mx, max_position(g))

        g1, max_pos = lax.while_loop(scan_cond, scan_body, (g0 + 1, max_position(g0)))
        attend_run(tr, (g0 - g_start) * q_pad, (g1 - g_start) * q_pad, max_pos)
        return g1

    lax.while_loop(run_cond, run_body, g_start)

    l = l_ref[...]
    o_ref[...] = (acc_ref[...] / _tile_lanes(jnp.where(l == 0.0, 1.0, l), D)).astype(o_ref.dtype)


def paged_attention_pallas(
    q,
    pool,
    layer,
    tables,
    positions,
    group_table=None,
    *,
    interpret=False,
    rows_per_block=None,
    pages_per_block=1,
    megacore=False,
):
    """Paged attention as a Pallas TPU kernel.

    Structure:

    * Query rows are flattened to ``G * Qp`` rows (``Qp`` = ``Q`` for ``Q == 1``, else ``Q`` rounded up to the
      sublane tile: 8 for f32, 16 for bf16; padding rows have position -1 and are sliced off). Per KV head the
      kernel sees a 2-D tile ``[rows_per_block * (nH // nKV), D]`` (row-major over (query row, head of the group)).
    * Grid ``(nKV, blocks of rows_per_block rows)``. Default ``rows_per_block``: ``Qp`` for ``Q > 1`` (verify: one
      group, i.e. one request, per block, so its pages are read once per KV head, not once per query row), and
      ``min(128, G rounded up to the sublane tile)`` for ``Q == 1`` (decode / ragged prefill).
    * Inside a block the kernel walks the "runs" of consecutive groups sharing a table row; for each run it loops
      over that table row's pages up to the run's max position (pages past it are never loaded), DMAs the K and V
      tiles ``pool.at[layer, 0|1, h, page]`` (contiguous ``[pageSize, D]``) from HBM (``memory_space=ANY``) into a
      two-slot VMEM buffer (the next step's pages are in flight while the current ones are used), and updates an
      online softmax in f32 VMEM scratch (m, l, acc), masking rows outside the run and keys past each row's
      position (finite mask value: fully-masked tiles leave the state unchanged, no NaN).
    * Keys per DMA step: ``pages_per_block`` is raised to at least ``ceil(128 / pageSize)`` pages (rounded up to
      whole 128-key tiles when the page size divides 128) and capped by ``P``, so a step covers at least 128 keys
      whenever a table row has them; the K/V buffers and the ``[rows, keys]`` score tiles are rounded up to a
      multiple of 128 lanes (a zero, masked tail when ``P * pageSize < 128`` or the page size does not divide 128).
      Lane-dense score tiles, as JAX's flash_attention requires of its ``block_k``.
    * TPU tiling, as in JAX's own kernels: every VMEM block / scratch has its last two dims multiples of (8, 128)
      ((16, 128) for bf16 rows): q / out ``[rows, D]``, the positions block ``[rows, 128]`` i32 (lane-replicated),
      K / V ``[keys, D]``, m / l ``[rows, 128]`` f32 (lane-replicated, like flash_attention's and
      ragged_paged_attention's m / l scratch; tiled to the score / head width with ``jnp.tile``), acc ``[rows, D]``.
      Scalars (SMEM) only use ``+ - *``, min / max, compares and ``pl.cdiv`` (``lax.div`` of non-negative values by
      a constant, as JAX's paged_attention kernel bounds its page loop); the DMA slot is a loop carry.
    * Scalar prefetch (SMEM), bounded by construction: layer [1], tables [R*P], group_table [G], positions [G*Q]:
      ``4 * (R*P + G + G*Q + 1)`` bytes (:func:`pallas_smem_bytes`). VMEM: see :func:`pallas_vmem_bytes`.

    ``megacore=True`` marks the KV-head grid axis "parallel" (two TensorCores on v4 / v5p). ``interpret=True`` runs
    the kernel in Pallas's TPU interpret mode (CPU). Raises ``ValueError`` for shapes the kernel cannot take.
    """
    reason = _unsupported_reason(q, pool)
    if reason is not None:
        raise ValueError(f"paged_attention_pallas: {reason}")
    G, Q, nH, D, L, nKV, NP, ps, R, P = _dims(q, pool, tables, positions, group_table)
    if pages_per_block < 1:
        raise ValueError(f"pages_per_block must be >= 1, got {pages_per_block}")
    gq = nH // nKV
    sub = _sublanes(q.dtype)
    q_pad = Q if Q == 1 else _round_up(Q, sub)
    if rows_per_block is None:
        rows_per_block = q_pad if Q > 1 else min(_DEFAULT_PREFILL_ROWS, _round_up(G, sub))
    B = int(rows_per_block)
    if B < 1 or B % q_pad:
        raise ValueError(f"rows_per_block ({B}) must be a positive multiple of the padded group size {q_pad}")
    if (B * gq) % sub:
        raise ValueError(f"rows_per_block * (nH // nKV) = {B * gq} must be a multiple of {sub} for {q.dtype}")
    n_rows = G * q_pad
    n_blocks = -(-n_rows // B)
    n_pad = n_blocks * B
    rows = B * gq
    ppb = _step_pages(pages_per_block, ps, P)
    tk = ppb * ps
    keys = _round_up(tk, LANES)

    # Queries: [G, Q, nH, D] -> [nKV, n_pad * gq, D] (only q moves; the pool is never touched outside the kernel).
    qp = jnp.pad(q, ((0, 0), (0, q_pad - Q), (0, 0), (0, 0))).reshape(n_rows, nKV, gq, D)
    qp = jnp.pad(qp, ((0, n_pad - n_rows), (0, 0), (0, 0), (0, 0)))
    q3 = qp.transpose(1, 0, 2, 3).reshape(nKV, n_pad * gq, D)
    positions = positions.astype(jnp.int32)
    posv = jnp.pad(positions, ((0, 0), (0, q_pad - Q)), constant_values=-1).reshape(n_rows)
    posv = jnp.pad(posv, (0, n_pad - n_rows), constant_values=-1)
    posv = jnp.broadcast_to(jnp.repeat(posv, gq)[:, None], (n_pad * gq, LANES))  # lane-replicated

    layer_arr = _clamp_layer(layer, L).reshape(1)
    tables_flat = tables.astype(jnp.int32).reshape(R * P)
    gtab = jnp.arange(G, dtype=jnp.int32) if group_table is None else group_table.astype(jnp.int32)
    pos_flat = positions.reshape(G * Q)

    kernel = functools.partial(
        _pallas_kernel,
        num_groups=G,
        q_len=Q,
        q_pad=q_pad,
        rows_per_block=B,
        heads_per_kv=gq,
        pages_per_block=ppb,
        page_size=ps,
        pages_per_row=P,
        num_pages=NP,
        num_table_rows=R,
        scale=1.0 / math.sqrt(D),
    )
    block = pl.BlockSpec((None, rows, D), lambda h, i, *_: (h, i, 0))
    grid_spec = pltpu.PrefetchScalarGridSpec(
        num_scalar_prefetch=4,
        grid=(nKV, n_blocks),
        in_specs=[
            block,
            pl.BlockSpec((rows, LANES), lambda h, i, *_: (i, 0)),
            pl.BlockSpec(memory_space=pl.ANY),
        ],
        out_specs=block,
        scratch_shapes=[
            pltpu.VMEM((2, keys, D), pool.dtype),
            pltpu.VMEM((2, keys, D), pool.dtype),
            pltpu.SemaphoreType.DMA((2, 2)),
            pltpu.VMEM((rows, LANES), jnp.float32),
            pltpu.VMEM((rows, LANES), jnp.float32),
            pltpu.VMEM((rows, D), jnp.float32),
        ],
    )
    vmem = pallas_vmem_bytes(rows, D, jnp.dtype(q.dtype).itemsize, tk)
    compiler_params = pltpu.CompilerParams(
        dimension_semantics=("parallel" if megacore else "arbitrary", "arbitrary"),
        vmem_limit_bytes=min(2 * vmem, 100 * 2**20) if vmem > 12 * 2**20 else None,
    )
    out = pl.pallas_call(
        kernel,
        grid_spec=grid_spec,
        out_shape=jax.ShapeDtypeStruct((nKV, n_pad * gq, D), q.dtype),
        compiler_params=compiler_params,
        interpret=pltpu.InterpretParams() if interpret else False,
        name="dflashc_paged_attention",
    )(layer_arr, tables_flat, gtab, pos_flat, q3, posv, pool)
    out = out.reshape(nKV, n_pad, gq, D)[:, :n_rows].transpose(1, 0, 2, 3)
    return out.reshape(G, q_pad, nH, D)[:, :Q]


# --------------------------------------------------------------------------------------------------------------------
# Dispatcher
# --------------------------------------------------------------------------------------------------------------------


def _interpret_requested() -> bool:
    return os.environ.get(INTERPRET_ENV, "") == "1"


def paged_attention(
    q, pool, layer, tables, positions, group_table=None, *, mesh=None, kv_axis="model", **pallas_options
):
    """Dispatcher: the Pallas kernel where a TPU would take it (a TPU backend and shapes the kernel takes), else
    :func:`paged_attention_jnp`. ``DFLASHC_PALLAS_INTERPRET=1`` makes any backend decide as a TPU does and run the
    kernel in Pallas's TPU interpret mode, so the TPU path of a whole package can be exercised on a CPU.

    ``mesh``: a ``jax.sharding.Mesh`` whose axis ``kv_axis`` shards the KV heads (pool axis 2, q axis 2). The Pallas
    call then runs per shard inside ``shard_map`` (Mosaic kernels cannot be auto-partitioned); when the mesh does not
    divide the heads (the caches are then replicated) every device runs it on all heads. The jnp path is left to
    XLA's partitioner.
    """
    interpret = _interpret_requested()
    use_pallas = (interpret or jax.default_backend() == "tpu") and pallas_supported(q, pool)
    if not use_pallas:
        return paged_attention_jnp(q, pool, layer, tables, positions, group_table)

    fn = functools.partial(paged_attention_pallas, interpret=interpret, **pallas_options)
    if mesh is None:
        return fn(q, pool, layer, tables, positions, group_table)

    from jax.sharding import PartitionSpec as PS

    n_shards = mesh.shape[kv_axis]
    split = pool.shape[2] % n_shards == 0 and q.shape[2] % n_shards == 0
    q_spec = PS(None, None, kv_axis, None) if split else PS()
    pool_spec = PS(None, None, kv_axis, None, None, None) if split else PS()
    layer = jnp.asarray(layer, jnp.int32)
    if group_table is None:
        group_table = jnp.arange(q.shape[0], dtype=jnp.int32)
    sharded = jax.shard_map(
        fn,
        mesh=mesh,
        in_specs=(q_spec, pool_spec, PS(), PS(), PS(), PS()),
        out_specs=q_spec,
        check_vma=False,
    )
    return sharded(q, pool, layer, tables, positions, group_table)
