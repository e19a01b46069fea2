"""dflashc's JAX support library: the ops the generated kernels call, the paged-attention kernels (TPU
Pallas and a jnp twin), weight loading, sharding, and the worker that serves a generated package to
the dflashc runtime.

Nothing here depends on a particular decoder: `dflashc compile` copies this package verbatim next to
each generated package (`jax/<decoder>/`), which holds only what the declaration decides (its config
and its kernels, lowered from the compiler's kernel graphs).
"""

__all__ = ["framing", "kernel", "ops", "paged_attention", "sharding", "weights", "worker"]
