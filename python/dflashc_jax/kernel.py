"""One kernel bucket of a generated package: its manifest signature, its function, and how it is
compiled (ahead of time, per bucket, caches donated) and called.

A kernel function takes `(params, *caches, *inputs)`: `params` is a dict keyed by the names in
`config.KERNEL_PARAMS[kernel]`, where the decoder layers' tensors are stacked on a leading layer
axis (`target.model.layers.$.mlp.up_proj.weight`, see `weights.stack_params`) so that the kernels
scan over layers and compile in time independent of the layer count. `Kernel.__call__` takes the
manifest's argument list instead (the target's layers already stacked, the draft's one tensor per
checkpoint entry) and stacks what the params dict stacks further.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp

from . import sharding, weights

DTYPES = {"f32": jnp.float32, "bf16": jnp.bfloat16, "i32": jnp.int32}


class ShapeError(ValueError):
    """A kernel was called with shapes outside its bucket: that would be a silent recompile."""


_COMPILED: dict = {}


def enable_compilation_cache(path: str | None = None) -> str | None:
    """JAX's persistent compilation cache (`$DFLASHC_JAX_CACHE`, default ~/.cache/dflashc/jax;
    `DFLASHC_JAX_CACHE=off` disables it): a worker that restarts reuses every bucket it compiled."""
    path = (
        path or os.environ.get("DFLASHC_JAX_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "dflashc", "jax")
    )
    if path == "off":
        return None
    jax.config.update("jax_compilation_cache_dir", path)
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0.5)
    return path


@dataclasses.dataclass(frozen=True)
class Kernel:
    """One kernel bucket of package config `config`: its signature and its (unjitted) function."""

    config: Any
    signature: Any
    function: Callable

    @property
    def param_names(self) -> tuple[str, ...]:
        return self.config.KERNEL_PARAMS[self.signature.kernel]

    @property
    def donate_argnums(self) -> tuple[int, ...]:
        # Argument 0 is the params dict; caches follow it.
        return tuple(1 + i for i, c in enumerate(self.signature.caches) if c.donated)

    def abstract_args(self, in_shardings=None) -> tuple:
        """ShapeDtypeStructs of (params, *caches, *inputs), for ahead-of-time lowering."""
        s = self.signature
        dtype = DTYPES[self.config.DTYPE]
        shapes = {n: weights.param_shape(self.config, n) for n in self.param_names}
        if in_shardings is None:
            params = {n: jax.ShapeDtypeStruct(shapes[n], dtype) for n in self.param_names}
            rest = [jax.ShapeDtypeStruct(t.shape, DTYPES[t.dtype]) for t in s.caches + s.inputs]
            return (params, *rest)
        p_sh, *rest_sh = in_shardings
        params = {n: jax.ShapeDtypeStruct(shapes[n], dtype, sharding=p_sh[n]) for n in self.param_names}
        rest = [
            jax.ShapeDtypeStruct(t.shape, DTYPES[t.dtype], sharding=sh) for t, sh in zip(s.caches + s.inputs, rest_sh)
        ]
        return (params, *rest)

    def compile(self, mesh=None):
        """The executable for this bucket, compiled on first use (once per mesh, then cached)."""
        key = (self.config.NAME, self.signature.kernel, self.signature.bucket_id, mesh)
        if key not in _COMPILED:
            in_shardings = out_shardings = None
            if mesh is not None:
                in_shardings, out_shardings = sharding.kernel_shardings(self.config, self.signature, mesh)
            jitted = jax.jit(
                self.function,
                donate_argnums=self.donate_argnums,
                in_shardings=in_shardings,
                out_shardings=out_shardings,
            )
            # The mesh is visible while tracing: Pallas calls wrap themselves in shard_map under it.
            with sharding.active_mesh(mesh):
                _COMPILED[key] = jitted.lower(*self.abstract_args(in_shardings)).compile()
        return _COMPILED[key]

    def check_args(self, args) -> None:
        s = self.signature
        if len(args) != len(s.args):
            raise ShapeError(f"{s.kernel}.{s.bucket_id} takes {len(s.args)} arguments, got {len(args)}")
        for t, a in zip(s.args, args):
            if tuple(a.shape) != t.shape or jnp.dtype(a.dtype) != jnp.dtype(DTYPES[t.dtype]):
                raise ShapeError(
                    f"{s.kernel}.{s.bucket_id}: {t.name} must be {t.dtype}{list(t.shape)}, got {a.dtype}{list(a.shape)}"
                )

    def run(self, params: dict, *caches_and_inputs, mesh=None):
        """Runs the bucket on prepared params (`weights.stack_params`), caches and inputs; returns its
        results in manifest order. Donated caches passed in are consumed: use the returned ones."""
        s = self.signature
        rest = s.caches + s.inputs
        if len(caches_and_inputs) != len(rest):
            raise ShapeError(
                f"{s.kernel}.{s.bucket_id} takes {len(rest)} caches and inputs, got {len(caches_and_inputs)}"
            )
        for t, a in zip(rest, caches_and_inputs):
            if tuple(a.shape) != t.shape or jnp.dtype(a.dtype) != jnp.dtype(DTYPES[t.dtype]):
                raise ShapeError(
                    f"{s.kernel}.{s.bucket_id}: {t.name} must be {t.dtype}{list(t.shape)}, got {a.dtype}{list(a.shape)}"
                )
        return self.compile(mesh)({n: params[n] for n in self.param_names}, *caches_and_inputs)

    def __call__(self, *args, mesh=None):
        """Runs the bucket on arguments in manifest order (its weight arguments, a stacked one
        `[layers, ...]`, then caches and inputs); returns its results in manifest order."""
        self.check_args(args)
        n = len(self.signature.weights)
        flat = {t.name: a for t, a in zip(self.signature.weights, args[:n])}
        params = weights.stack_params(self.config, flat, self.param_names)
        if mesh is not None:
            params = {k: jax.device_put(v, sharding.param_sharding(self.config, k, mesh)) for k, v in params.items()}
        return self.run(params, *args[n:], mesh=mesh)


def kernels_of(config, functions: dict[str, Callable]) -> dict[tuple[str, str], Kernel]:
    """Every (kernel, bucket) of `config.SIGNATURES`, bound to its function."""
    return {key: Kernel(config, sig, functions[sig.kernel]) for key, sig in config.SIGNATURES.items()}
