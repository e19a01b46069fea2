"""Tensor parallelism over a one-axis device mesh ("model"), as Megatron-style serving does it:

- attention: q/k/v projections split by output rows (whole heads per device), o_proj by input columns;
- MLP: gate/up split by rows, down by columns; the LM head split over the vocabulary;
- caches: split over KV heads, so each device attends with its own heads and never moves KV (the
  Pallas attention kernel runs per device inside `shard_map` over the same axis);
- norms, the embedding, the drafter's fc and all int32 inputs: replicated.

XLA inserts the two all-reduces per layer (after o_proj and down_proj). A dimension that the mesh does
not divide is replicated rather than unevenly split. With one device every spec is trivially
replicated. Stacked layer tensors (`...layers.$....`) carry a leading, unsplit layer axis.
"""

from __future__ import annotations

import contextlib
import os
import re

import jax
import numpy as np
from jax.sharding import Mesh, NamedSharding
from jax.sharding import PartitionSpec as P

AXIS = "model"

_mesh_stack: list = [None]


@contextlib.contextmanager
def active_mesh(mesh: Mesh | None):
    """Makes `mesh` what `current_mesh()` answers while a kernel is traced."""
    _mesh_stack.append(mesh)
    try:
        yield mesh
    finally:
        _mesh_stack.pop()


def current_mesh() -> Mesh | None:
    """The mesh of the kernel being traced (None: one device, no shard_map needed)."""
    mesh = _mesh_stack[-1]
    return mesh if mesh is not None and mesh.shape[AXIS] > 1 else None


def make_mesh(config, num_chips: int | None = None) -> Mesh:
    """A mesh over the first `num_chips` devices (default: `$DFLASHC_CHIPS` when set, else the declared
    CHIPS)."""
    n = int(os.environ.get("DFLASHC_CHIPS", config.CHIPS)) if num_chips is None else num_chips
    devices = jax.devices()
    if len(devices) < n:
        raise ValueError(
            f"{config.NAME} is declared for {n} chips, but only {len(devices)} {jax.default_backend()} device(s) are visible"
        )
    return Mesh(np.array(devices[:n]), (AXIS,))


_ROW_SPLIT = re.compile(r"\.(self_attn\.(q_proj|k_proj|v_proj)|mlp\.(gate_proj|up_proj))\.(weight|bias)$")
_COLUMN_SPLIT = re.compile(r"\.(self_attn\.o_proj|mlp\.down_proj)\.weight$")


def param_spec(name: str, shape: tuple[int, ...], mesh: Mesh) -> P:
    """The split of one params entry; `shape` includes the leading layer axis of a stacked entry."""
    n = mesh.shape[AXIS]
    lead = [None] if "$" in name else []
    own = shape[len(lead) :]
    if _ROW_SPLIT.search(name) and own[0] % n == 0:
        return P(*lead, AXIS) if len(own) == 1 else P(*lead, AXIS, None)
    if _COLUMN_SPLIT.search(name) and own[1] % n == 0:
        return P(*lead, None, AXIS)
    if name == "target.lm_head.weight" and own[0] % n == 0:
        return P(AXIS, None)
    return P()


def cache_spec(name: str, shape: tuple[int, ...], mesh: Mesh) -> P:
    if name == "seq_state":
        return P()  # [slots, 2] int32: a few bytes, on every device
    # Pools are [L, 2, kv_heads, pages, page_size, D]; static draft caches [L, slots, capacity, kv_heads, D].
    head_axis = 2 if len(shape) == 6 else 3
    if shape[head_axis] % mesh.shape[AXIS] != 0:
        return P()
    return P(*([None] * head_axis), AXIS)


def param_sharding(config, name: str, mesh: Mesh) -> NamedSharding:
    from .weights import param_shape

    return NamedSharding(mesh, param_spec(name, param_shape(config, name), mesh))


def cache_sharding(name: str, shape: tuple[int, ...], mesh: Mesh) -> NamedSharding:
    return NamedSharding(mesh, cache_spec(name, shape, mesh))


def replicated(mesh: Mesh) -> NamedSharding:
    return NamedSharding(mesh, P())


def kernel_shardings(config, signature, mesh: Mesh):
    """(in_shardings, out_shardings) of a kernel function `(params, *caches, *inputs)`. Caches come
    back with the sharding they went in with, so consecutive calls never reshard them."""
    params = {n: param_sharding(config, n, mesh) for n in config.KERNEL_PARAMS[signature.kernel]}
    caches = [cache_sharding(t.name, t.shape, mesh) for t in signature.caches]
    inputs = [replicated(mesh) for _ in signature.inputs]
    donated = [sh for t, sh in zip(signature.caches, caches) if t.donated]
    outputs = [replicated(mesh) for _ in signature.outputs]
    return (params, *caches, *inputs), tuple(outputs + donated)
