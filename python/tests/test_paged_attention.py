"""Tests of dflashc_jax.paged_attention: jnp path and Pallas kernel (TPU interpret mode) against the dense oracle,
TPU (Mosaic) lowering without a TPU, the dispatcher, and KV-head sharding over a multi-device CPU mesh."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import jax
import jax.extend.core
import jax.numpy as jnp
import numpy as np
import pytest
from dflashc_jax import paged_attention as pa

PYTHON_DIR = Path(__file__).resolve().parents[1]
TOL = {jnp.float32: 1e-5, jnp.bfloat16: 2e-2}


def rel_err(out, ref):
    out = np.asarray(jnp.asarray(out, jnp.float32))
    ref = np.asarray(jnp.asarray(ref, jnp.float32))
    assert out.shape == ref.shape
    assert np.all(np.isfinite(out))
    return float(np.max(np.abs(out - ref)) / max(np.max(np.abs(ref)), 1e-30))


def make_pool(rng, tokens_per_row, *, L, nKV, D, ps, dtype, extra_rows=0):
    """Random pool + block tables with pages scattered over the pool (page 0 = trash page, never in a table)."""
    P = max(-(-t // ps) for t in tokens_per_row) + 1
    R = len(tokens_per_row)
    NP = 1 + R * P + 3
    pool = rng.standard_normal((L, 2, nKV, NP, ps, D)).astype(np.float32)
    tables = rng.permutation(np.arange(1, NP))[: R * P].reshape(R, P).astype(np.int32)
    tables = np.concatenate([tables, np.zeros((extra_rows, P), np.int32)])  # rows of zeros (padding groups)
    return jnp.asarray(pool, dtype), jnp.asarray(tables)


def decode_case(rng, *, nH=4, nKV=2, D=128, ps=16, L=3, dtype=jnp.float32):
    # A length-1 request, one whose last position sits exactly on a page boundary (pos 16 = first slot of page 1),
    # one that fills a page exactly (pos 31), and a longer one.
    lens = [1, 17, 32, 45]
    pool, tables = make_pool(rng, lens, L=L, nKV=nKV, D=D, ps=ps, dtype=dtype)
    q = jnp.asarray(rng.standard_normal((len(lens), 1, nH, D)), dtype)
    positions = jnp.asarray([[n - 1] for n in lens], jnp.int32)
    return q, pool, tables, positions, None


def verify_case(rng, *, K=16, nH=4, nKV=2, D=128, ps=16, L=3, dtype=jnp.float32):
    seq = [5, 16, 40]
    pool, tables = make_pool(rng, [s + K for s in seq], L=L, nKV=nKV, D=D, ps=ps, dtype=dtype)
    q = jnp.asarray(rng.standard_normal((len(seq), K, nH, D)), dtype)
    positions = jnp.asarray([[s + i for i in range(K)] for s in seq], jnp.int32)
    return q, pool, tables, positions, None


def prefill_case(rng, *, nH=4, nKV=2, D=128, ps=16, L=3, dtype=jnp.float32):
    # Ragged chunk: request 0 continues at position 10, request 1 starts at 0, request 2 continues at 30; padding
    # groups point at table row 3 (all zeros -> trash page) with position 0, one pair in the middle, four at the end.
    spans = [(0, 10, 12), (1, 0, 13), (2, 30, 7)]
    pool, tables = make_pool(rng, [22, 13, 37], L=L, nKV=nKV, D=D, ps=ps, dtype=dtype, extra_rows=1)
    group_rows, positions = [], []
    for k, (row, start, n) in enumerate(spans):
        group_rows += [row] * n
        positions += list(range(start, start + n))
        if k == 0:
            group_rows += [3, 3]
            positions += [0, 0]
    group_rows += [3] * 4
    positions += [0] * 4
    G = len(group_rows)
    q = jnp.asarray(rng.standard_normal((G, 1, nH, D)), dtype)
    return q, pool, tables, jnp.asarray(positions, jnp.int32)[:, None], jnp.asarray(group_rows, jnp.int32)


def poison_unread_pages(pool, tables, positions, group_table):
    """NaN in every page the kernel must never load (past each table row's last needed page): 0 * NaN = NaN would
    show any such load in the output. Page 0 (read by padding groups) stays finite."""
    ps = pool.shape[4]
    tables, positions = np.asarray(tables), np.asarray(positions)
    rows = np.arange(len(positions)) if group_table is None else np.asarray(group_table)
    used = {0}
    for g, r in enumerate(rows):
        used.update(int(p) for p in tables[r, : positions[g].max() // ps + 1])
    unread = [p for p in range(pool.shape[3]) if p not in used]
    assert unread
    return pool.at[:, :, :, np.asarray(unread)].set(jnp.nan)


CASES = {"decode": decode_case, "verify": verify_case, "prefill": prefill_case}


# ----------------------------------------------------------------------------------------------------------------
# jnp path == dense oracle
# ----------------------------------------------------------------------------------------------------------------


JNP_CASES = [(kind, (4, 2), dtype) for kind in CASES for dtype in (jnp.float32, jnp.bfloat16)]
JNP_CASES += [(kind, (2, 2), jnp.float32) for kind in CASES]  # nH == nKV


@pytest.mark.parametrize(
    "kind,heads,dtype",
    JNP_CASES,
    ids=[f"{k}-{'gqa' if h[0] != h[1] else 'mha'}-{jnp.dtype(d).name}" for k, h, d in JNP_CASES],
)
def test_jnp_matches_reference(kind, heads, dtype):
    nH, nKV = heads
    rng = np.random.default_rng(100 + 10 * list(CASES).index(kind) + nH)
    q, pool, tables, positions, gt = CASES[kind](rng, nH=nH, nKV=nKV, D=32, ps=8, L=4, dtype=dtype)
    layer = int(rng.integers(0, 4))
    f = jax.jit(pa.paged_attention_jnp)
    ref = pa.paged_attention_reference(q, pool, layer, tables, positions, gt)
    out = f(q, pool, layer, tables, positions, gt)
    assert out.dtype == q.dtype
    assert rel_err(out, ref) <= TOL[dtype]


def test_jnp_layer_is_traced_and_layers_differ():
    rng = np.random.default_rng(1)
    q, pool, tables, positions, _ = decode_case(rng, D=32, ps=8, L=3)
    f = jax.jit(pa.paged_attention_jnp)
    outs = [f(q, pool, jnp.int32(layer), tables, positions) for layer in range(3)]
    for layer, out in enumerate(outs):
        ref = pa.paged_attention_reference(q, pool, layer, tables, positions)
        assert rel_err(out, ref) <= 1e-5
    assert rel_err(outs[0], outs[1]) > 1e-2


def test_jnp_chunked_groups():
    """More groups than group_chunk: lax.map over chunks, each looping to its own last page."""
    rng = np.random.default_rng(2)
    q, pool, tables, positions, gt = prefill_case(rng, D=32, ps=8)
    ref = pa.paged_attention_reference(q, pool, 2, tables, positions, gt)
    out = jax.jit(lambda *a: pa.paged_attention_jnp(*a, group_chunk=8))(q, pool, 2, tables, positions, gt)
    assert rel_err(out, ref) <= 1e-5


def _all_avals(jaxpr):
    for eqn in jaxpr.eqns:
        yield from (v.aval for v in eqn.outvars)
        for sub in jax.extend.core.jaxprs_in_params(eqn.params):
            yield from _all_avals(sub)


def test_jnp_loops_over_pages_not_rows():
    """One while loop over pages (no per-row loop), each step gathering [G, 2, nKV, ps, D]; nothing all-pages sized."""
    rng = np.random.default_rng(3)
    q, pool, tables, positions, _ = verify_case(rng, D=32, ps=8)
    closed = jax.make_jaxpr(pa.paged_attention_jnp)(q, pool, 1, tables, positions)
    assert str(closed).count("while[") == 1
    G, _, _, D = q.shape
    nKV, ps = pool.shape[2], pool.shape[4]
    shapes = [tuple(a.shape) for a in _all_avals(closed.jaxpr)]
    assert (G, 2, nKV, ps, D) in shapes
    all_pages = 2 * nKV * G * tables.shape[1] * ps * D
    assert max(int(np.prod(s)) for s in shapes) < all_pages


def test_out_of_range_ids_are_clamped():
    rng = np.random.default_rng(4)
    q, pool, tables, positions, _ = decode_case(rng, D=32, ps=8)
    bad = tables.at[0, 0].set(10_000).at[1, 1].set(-5)
    clamped = jnp.clip(bad, 0, pool.shape[3] - 1)
    ref = pa.paged_attention_reference(q, pool, 2, clamped, positions)
    assert rel_err(pa.paged_attention_jnp(q, pool, 7, bad, positions), ref) <= 1e-5


# ----------------------------------------------------------------------------------------------------------------
# Pallas kernel (TPU interpret mode) == jnp path
# ----------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [jnp.float32, jnp.bfloat16], ids=["f32", "bf16"])
@pytest.mark.parametrize("kind", list(CASES))
def test_pallas_interpret_matches_jnp(kind, dtype):
    """Also proves pages past each request's last needed page are never loaded (they hold NaN)."""
    rng = np.random.default_rng(10)
    q, pool, tables, positions, gt = CASES[kind](rng, dtype=dtype)
    layer = jnp.int32(1)
    ref = pa.paged_attention_jnp(q, pool, layer, tables, positions, gt)
    poisoned = poison_unread_pages(pool, tables, positions, gt)
    out = jax.jit(lambda *a: pa.paged_attention_pallas(*a, interpret=True))(q, poisoned, layer, tables, positions, gt)
    assert out.dtype == q.dtype and out.shape == q.shape
    assert rel_err(out, ref) <= TOL[dtype]


@pytest.mark.parametrize(
    "kind,options",
    [
        ("prefill", {"rows_per_block": 8, "pages_per_block": 2}),  # runs split across blocks, 2-page DMA steps
        ("verify", {"pages_per_block": 3, "megacore": True}),
    ],
)
def test_pallas_interpret_options(kind, options):
    rng = np.random.default_rng(11)
    q, pool, tables, positions, gt = CASES[kind](rng, nH=2, nKV=1)
    ref = pa.paged_attention_reference(q, pool, 2, tables, positions, gt)
    poisoned = poison_unread_pages(pool, tables, positions, gt)
    out = pa.paged_attention_pallas(q, poisoned, 2, tables, positions, gt, interpret=True, **options)
    assert rel_err(out, ref) <= 1e-5


def test_pallas_per_shard_matches_unsharded():
    """What shard_map runs on each of 2 devices (its slice of query and KV heads) reassembles to the full result."""
    rng = np.random.default_rng(14)
    q, pool, tables, positions, gt = prefill_case(rng, nH=4, nKV=2)
    ref = pa.paged_attention_reference(q, pool, 1, tables, positions, gt)
    f = jax.jit(lambda *a: pa.paged_attention_pallas(*a, interpret=True))
    shards = [f(q[:, :, 2 * s : 2 * s + 2], pool[:, :, s : s + 1], 1, tables, positions, gt) for s in range(2)]
    assert rel_err(jnp.concatenate(shards, axis=2), ref) <= 1e-5


def test_pallas_verify_unaligned_block():
    """K=5 verify rows are padded to 8 per group; still one group per block."""
    rng = np.random.default_rng(12)
    q, pool, tables, positions, _ = verify_case(rng, K=5, nH=2, nKV=1)
    ref = pa.paged_attention_reference(q, pool, 0, tables, positions)
    out = pa.paged_attention_pallas(q, pool, 0, tables, positions, interpret=True)
    assert rel_err(out, ref) <= 1e-5


def test_pallas_rejects_unsupported_shapes():
    rng = np.random.default_rng(13)
    q, pool, tables, positions, _ = decode_case(rng, D=32, ps=8)
    assert not pa.pallas_supported(q, pool)
    with pytest.raises(ValueError, match="head_dim"):
        pa.paged_attention_pallas(q, pool, 0, tables, positions, interpret=True)
    q, pool, tables, positions, _ = decode_case(rng, ps=8, dtype=jnp.bfloat16)
    assert not pa.pallas_supported(q, pool)
    with pytest.raises(ValueError, match="pageSize"):
        pa.paged_attention_pallas(q, pool, 0, tables, positions, interpret=True)
    q, pool, tables, positions, _ = verify_case(rng)
    assert pa.pallas_supported(q, pool)
    with pytest.raises(ValueError, match="rows_per_block"):
        pa.paged_attention_pallas(q, pool, 0, tables, positions, interpret=True, rows_per_block=8)


def test_smem_budget_formula():
    assert pa.pallas_smem_bytes(R=4, P=8, G=4, Q=16) == 4 * (32 + 4 + 64 + 1)


# ----------------------------------------------------------------------------------------------------------------
# TPU lowering without a TPU
# ----------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "G,Q,R,with_group_table,options",
    [
        (8, 1, 8, False, {}),  # decode
        (4, 16, 4, False, {}),  # verify
        (4, 5, 4, False, {}),  # verify, K not a multiple of the sublane tile
        (256, 1, 3, True, {}),  # prefill chunk
        (256, 1, 3, True, {"pages_per_block": 8, "megacore": True}),
    ],
    ids=["decode", "verify", "verify-k5", "prefill", "prefill-ppb8-megacore"],
)
def test_tpu_lowering(G, Q, R, with_group_table, options):
    S, i32 = jax.ShapeDtypeStruct, jnp.int32
    nH, nKV, D, ps = 8, 2, 128, 16
    args = [S((G, Q, nH, D), jnp.bfloat16), S((3, 2, nKV, 64, ps, D), jnp.bfloat16), S((), i32)]
    args += [S((R, 16), i32), S((G, Q), i32)]
    if with_group_table:
        args.append(S((G,), i32))

    def f(*a):
        return pa.paged_attention_pallas(*a, **options)

    exported = jax.export.export(jax.jit(f), platforms=["tpu"])(*args)
    text = exported.mlir_module()
    assert "tpu_custom_call" in text
    assert exported.out_avals[0].shape == (G, Q, nH, D)


def _pallas_eqn(fn, *args):
    eqns = [e for e in jax.make_jaxpr(fn)(*args).eqns if e.primitive.name == "pallas_call"]
    assert len(eqns) == 1
    return eqns[0]


def _tile(dtype):
    """(sublanes, lanes) of one native TPU VMEM tile: (8, 128) for 32-bit, (16, 128) for 16-bit dtypes."""
    return (8 * (4 // jnp.dtype(dtype).itemsize), 128)


def _tiling_violations(eqn):
    """Every VMEM block (last two dims divisible by the tile or equal to the array's) and every VMEM scratch (last
    two dims divisible by the tile) of a pallas_call; every in-kernel matmul result lane-dense (multiple of 128)."""
    bad = []
    for bm in eqn.params["grid_mapping"].block_mappings:
        aval = bm.array_aval
        if "any" in str(bm.block_aval) or "smem" in str(bm.block_aval):
            continue
        dims = [(b.block_size if hasattr(b, "block_size") else None) for b in bm.block_shape]
        for k, (sub_lane, size, full) in enumerate(zip(_tile(aval.dtype), dims[-2:], aval.shape[-2:])):
            if size is not None and size % sub_lane and size != full:
                bad.append(f"block {dims} of {aval.str_short()}: dim {k - 2}")
    kernel = eqn.params["jaxpr"]
    for v in kernel.invars:
        a = v.aval
        if "vmem" in str(a) and "semaphore" not in str(a):
            inner = a.inner_aval
            sub, lanes = _tile(inner.dtype)
            if inner.shape[-2] % sub or inner.shape[-1] % lanes:
                bad.append(f"scratch {inner.str_short()}")
    for e in _kernel_eqns(kernel):
        if e.primitive.name == "dot_general" and e.outvars[0].aval.shape[-1] % 128:
            bad.append(f"narrow matmul {e.outvars[0].aval.str_short()}")
    return bad


def _kernel_eqns(jaxpr):
    for e in jaxpr.eqns:
        yield e
        for sub in jax.extend.core.jaxprs_in_params(e.params):
            yield from _kernel_eqns(sub)


TPU_SHAPE_CASES = [(kind, ps) for kind in CASES for ps in (16, 64)]


@pytest.mark.parametrize("kind,ps", TPU_SHAPE_CASES, ids=[f"{k}-ps{ps}" for k, ps in TPU_SHAPE_CASES])
def test_tpu_shapes_follow_tiling(kind, ps):
    """bf16, D=128: every VMEM block / scratch follows the (16|8, 128) tiling rule, m / l and the positions are
    lane-replicated [rows, 128], each DMA step covers >= 128 keys (lane-dense score tiles), and the kernel lowers
    for TPU (Pallas -> Mosaic) with these shapes."""
    S, i32, bf16 = jax.ShapeDtypeStruct, jnp.int32, jnp.bfloat16
    nH, nKV, D, P = 8, 2, 128, 32
    G, Q, R, gt = {"decode": (8, 1, 8, False), "verify": (4, 16, 4, False), "prefill": (256, 1, 3, True)}[kind]
    args = [S((G, Q, nH, D), bf16), S((3, 2, nKV, 4 * P, ps, D), bf16), S((), i32), S((R, P), i32), S((G, Q), i32)]
    if gt:
        args.append(S((G,), i32))
    eqn = _pallas_eqn(pa.paged_attention_pallas, *args)
    assert _tiling_violations(eqn) == []
    gq = nH // nKV
    rows = {"decode": 16, "verify": 16, "prefill": 128}[kind] * gq
    keys = max(128, ps)  # ppb=1 raised to 128 keys per step
    scratch = [str(v.aval.inner_aval) for v in eqn.params["jaxpr"].invars if "vmem" in str(v.aval)]
    assert scratch == [f"bfloat16[2,{keys},{D}]"] * 2 + [f"float32[{rows},128]"] * 3
    blocks = [str(bm.block_aval.inner_aval) for bm in eqn.params["grid_mapping"].block_mappings]
    assert blocks[1] == f"int32[{rows},128]"  # positions, lane-replicated

    exported = jax.export.export(jax.jit(pa.paged_attention_pallas), platforms=["tpu"])(*args)
    text = exported.mlir_module()
    assert "tpu_custom_call" in text
    n_pad = {"decode": 16, "verify": 64, "prefill": 256}[kind]  # query rows, padded to whole blocks
    assert f"tensor<{n_pad * gq}x128xi32>" in text  # the positions operand of the Mosaic call
    assert exported.out_avals[0].shape == (G, Q, nH, D)


@pytest.mark.parametrize(
    "ps,P,ppb,keys",
    [(16, 32, 1, 128), (16, 32, 9, 256), (16, 4, 1, 128), (64, 32, 3, 256), (24, 32, 1, 256), (256, 4, 1, 256)],
)
def test_steps_cover_128_keys(ps, P, ppb, keys):
    """pages_per_block is raised to >= ceil(128 / pageSize) (whole 128-key tiles when pageSize divides 128), capped
    by P; the K/V buffers (and score tiles) are that many keys rounded up to 128 lanes."""
    S, i32 = jax.ShapeDtypeStruct, jnp.int32
    args = [S((4, 1, 2, 128), jnp.float32), S((2, 2, 1, 4 * P, ps, 128), jnp.float32), S((), i32)]
    args += [S((4, P), i32), S((4, 1), i32)]
    eqn = _pallas_eqn(lambda *a: pa.paged_attention_pallas(*a, pages_per_block=ppb), *args)
    assert _tiling_violations(eqn) == []
    k_buf = eqn.params["jaxpr"].invars[8].aval.inner_aval
    assert k_buf.shape == (2, keys, 128)


@pytest.mark.parametrize("ps", [24, 48, 256])
def test_pallas_interpret_unaligned_page_sizes(ps):
    """Page sizes that do not divide 128 (lane-padded score tiles, zero tail) and one larger than 128."""
    rng = np.random.default_rng(15)
    q, pool, tables, positions, gt = prefill_case(rng, nH=4, nKV=2, ps=ps)
    ref = pa.paged_attention_reference(q, pool, 1, tables, positions, gt)
    poisoned = poison_unread_pages(pool, tables, positions, gt)
    out = pa.paged_attention_pallas(q, poisoned, 1, tables, positions, gt, interpret=True)
    assert rel_err(out, ref) <= 1e-5


def test_vmem_budget_formula():
    rows, D = 64, 128
    small, big = pa.pallas_vmem_bytes(rows, D, 2, 64), pa.pallas_vmem_bytes(rows, D, 2, 128)
    assert small == big  # keys are lane-padded to 128
    kv = 2 * 2 * 128 * D * 2
    lm = 2 * rows * 128 * 4
    assert big > 2 * 2 * rows * D * 2 + 2 * rows * 128 * 4 + kv + lm + rows * D * 4
    assert pa.pallas_vmem_bytes(rows, D, 2, 129) > big


# ----------------------------------------------------------------------------------------------------------------
# Dispatcher
# ----------------------------------------------------------------------------------------------------------------


def test_dispatcher_interpret_env_takes_pallas(monkeypatch):
    rng = np.random.default_rng(20)
    q, pool, tables, positions, gt = prefill_case(rng)
    monkeypatch.setenv(pa.INTERPRET_ENV, "1")
    jaxpr = str(jax.make_jaxpr(pa.paged_attention)(q, pool, 1, tables, positions, gt))
    assert "pallas_call" in jaxpr
    out = pa.paged_attention(q, pool, 1, tables, positions, gt)
    assert rel_err(out, pa.paged_attention_reference(q, pool, 1, tables, positions, gt)) <= 1e-5
    # Shapes a TPU would not give the kernel take the jnp path, as on a TPU.
    q32, pool32, t32, p32, _ = decode_case(rng, D=32, ps=8)
    assert "pallas_call" not in str(jax.make_jaxpr(pa.paged_attention)(q32, pool32, 0, t32, p32))


def test_dispatcher_cpu_takes_jnp(monkeypatch):
    monkeypatch.delenv(pa.INTERPRET_ENV, raising=False)
    rng = np.random.default_rng(21)
    q, pool, tables, positions, _ = decode_case(rng)
    jaxpr = str(jax.make_jaxpr(pa.paged_attention)(q, pool, 1, tables, positions))
    assert jax.default_backend() != "tpu"
    assert "pallas_call" not in jaxpr and "while[" in jaxpr


# ----------------------------------------------------------------------------------------------------------------
# KV heads sharded over a multi-device CPU mesh (subprocess: the device count flag must precede JAX's start)
# ----------------------------------------------------------------------------------------------------------------

MESH_SCRIPT = textwrap.dedent(
    """
    import os
    from unittest import mock
    import numpy as np, jax, jax.numpy as jnp
    from jax.sharding import Mesh, NamedSharding, PartitionSpec as PS
    from dflashc_jax import paged_attention as pa

    assert len(jax.devices()) == 4, jax.devices()
    os.environ.pop(pa.INTERPRET_ENV, None)
    rng = np.random.default_rng(0)
    G, nH, nKV, D, ps, L, NP, P = 6, 8, 4, 128, 16, 3, 24, 4
    q = jnp.asarray(rng.standard_normal((G, 1, nH, D)), jnp.float32)
    pool = jnp.asarray(rng.standard_normal((L, 2, nKV, NP, ps, D)), jnp.float32)
    tables = jnp.asarray(rng.integers(1, NP, (3, P)), jnp.int32)
    group_table = jnp.asarray([0, 0, 1, 2, 2, 2], jnp.int32)
    positions = jnp.asarray([[3], [4], [40], [61], [62], [63]], jnp.int32)
    single = pa.paged_attention_reference(q, pool, 2, tables, positions, group_table)
    for n in (2, 4):
        mesh = Mesh(np.array(jax.devices()[:n]), ("model",))
        q_sharding = NamedSharding(mesh, PS(None, None, "model", None))
        pool_sharding = NamedSharding(mesh, PS(None, None, "model"))
        qs, pools = jax.device_put(q, q_sharding), jax.device_put(pool, pool_sharding)
        f = jax.jit(lambda *a: pa.paged_attention(*a, mesh=mesh))
        # jnp path (CPU): XLA partitions it; same numbers as one device.
        out = f(qs, pools, 2, tables, positions, group_table)
        err = float(jnp.max(jnp.abs(out - single)))
        assert err <= 1e-5, (n, err)
        # Pallas path: shard_map over the KV heads, lowered for TPU (interpret mode cannot run multi-device here).
        with mock.patch.object(jax, "default_backend", lambda: "tpu"):
            sds = [jax.ShapeDtypeStruct(q.shape, jnp.bfloat16, sharding=q_sharding),
                   jax.ShapeDtypeStruct(pool.shape, jnp.bfloat16, sharding=pool_sharding)]
            g = jax.jit(lambda *a: pa.paged_attention(*a, mesh=mesh))
            exported = jax.export.export(g, platforms=["tpu"])(*sds, 2, tables, positions, group_table)
        text = exported.mlir_module()
        assert exported.nr_devices == n and "tpu_custom_call" in text, n
        assert "manual" in text  # shard_map region
        assert f"tensor<{L}x2x{nKV // n}x{NP}x{ps}x{D}xbf16>" in text  # the kernel sees its shard of the pool
        print("ok", n, err)
    """
)


def test_kv_head_sharding_matches_single_device():
    env = dict(os.environ)
    env["XLA_FLAGS"] = (env.get("XLA_FLAGS", "") + " --xla_force_host_platform_device_count=4").strip()
    env["JAX_PLATFORMS"] = "cpu"
    env["PYTHONPATH"] = os.pathsep.join([str(PYTHON_DIR), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.pop(pa.INTERPRET_ENV, None)
    proc = subprocess.run(
        [sys.executable, "-c", MESH_SCRIPT], env=env, capture_output=True, text=True, timeout=240, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("ok") == 2, proc.stdout + proc.stderr
