"""Weights for the kernels: `target.<HF name>` / `draft.<HF name>` → array, the names manifest.json and
the TypeScript loader use.

- `load_checkpoint(target_dir, draft_dir)`: Hugging Face safetensors folders (a `*ForCausalLM`
  checkpoint and a DFlash drafter), sharded or not.
- `random_weights(seed)`: the TypeScript `randomWeights(plan, seed)`, bit for bit (same generator,
  same distribution), so the JAX package and the reference backend can run on the same weights
  without shipping them.

- `stack_params(config, flat)`: the per-layer checkpoint tensors stacked on a leading layer axis,
  as the kernels take them (they scan over layers).

Every function takes the generated package's `config` module. Standard library and numpy only; arrays
come back in the model's dtype: float32, or bfloat16 for bf16 models (`ml_dtypes`, which JAX depends
on), ready to be put on the device as they are.
"""

from __future__ import annotations

import json
import math
import os
import struct

import numpy as np

# ---------------------------------------------------------------------------------------------------
# safetensors: 8-byte little-endian header length, a JSON header {name: {dtype, shape, data_offsets}},
# then the tensors' bytes. Read directly with a memory map: numpy has no bfloat16, so the safetensors
# package's numpy backend cannot hold the bf16 tensors real checkpoints are made of.

_ST_DTYPES = {"F32": np.dtype("<f4"), "F16": np.dtype("<f2"), "BF16": np.dtype("<u2"), "F64": np.dtype("<f8")}


class CheckpointError(Exception):
    """A checkpoint folder that does not hold the tensors this decoder was compiled for."""


def read_safetensors(path: str) -> dict[str, tuple[np.ndarray, str]]:
    """Every tensor of one file as (memory-mapped array, safetensors dtype). BF16 arrays hold raw bits."""
    with open(path, "rb") as f:
        (header_len,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(header_len))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + header_len)
    tensors = {}
    for name, d in header.items():
        if name == "__metadata__":
            continue
        if d["dtype"] not in _ST_DTYPES:
            raise CheckpointError(f"{path}: {name} has dtype {d['dtype']}; expected one of {sorted(_ST_DTYPES)}")
        begin, end = d["data_offsets"]
        tensors[name] = (data[begin:end].view(_ST_DTYPES[d["dtype"]]).reshape(d["shape"]), d["dtype"])
    return tensors


def read_folder(folder: str) -> dict[str, tuple[np.ndarray, str]]:
    """All tensors of every `*.safetensors` file in `folder` (a sharded checkpoint is several files)."""
    files = sorted(f for f in os.listdir(folder) if f.endswith(".safetensors"))
    if not files:
        raise CheckpointError(f"{folder}: no .safetensors files")
    tensors: dict[str, tuple[np.ndarray, str]] = {}
    for f in files:
        for name, t in read_safetensors(os.path.join(folder, f)).items():
            if name in tensors:
                raise CheckpointError(f"{folder}: tensor {name} appears in more than one file")
            tensors[name] = t
    return tensors


def to_model_dtype(config, array: np.ndarray, st_dtype: str) -> np.ndarray:
    """A checkpoint tensor in the model's dtype (f32, or bf16 with round-to-nearest-even)."""
    if st_dtype == "BF16":
        if config.DTYPE == "bf16":
            import ml_dtypes

            return np.asarray(array).view(ml_dtypes.bfloat16)
        return (np.asarray(array).astype(np.uint32) << 16).view(np.float32)  # bf16 → f32 is exact
    if config.DTYPE == "bf16":
        import ml_dtypes

        return np.asarray(array, dtype=np.float32).astype(ml_dtypes.bfloat16)
    return np.asarray(array, dtype=np.float32)


def load_checkpoint(config, target_dir: str, draft_dir: str | None = None) -> dict[str, np.ndarray]:
    """Every weight in config.WEIGHTS from a target folder and (for DFlash decoders) a drafter folder."""
    if config.HAS_DRAFT and draft_dir is None:
        raise CheckpointError(f"{config.NAME} has a drafter: pass its checkpoint folder too")
    folders = {"target": read_folder(target_dir)}
    if config.HAS_DRAFT:
        folders["draft"] = read_folder(draft_dir)
    out: dict[str, np.ndarray] = {}
    missing = []
    for name, shape in config.WEIGHTS.items():
        side, hf_name = name.split(".", 1)
        found = folders[side].get(hf_name)
        if found is None:
            missing.append(name)
            continue
        array, st_dtype = found
        if tuple(array.shape) != shape:
            raise CheckpointError(f"{name}: checkpoint shape {list(array.shape)}, the decoder expects {list(shape)}")
        out[name] = to_model_dtype(config, array, st_dtype)
    if missing:
        shown = ", ".join(missing[:5]) + (", ..." if len(missing) > 5 else "")
        raise CheckpointError(f"{len(missing)} weight(s) missing from the checkpoint: {shown}")
    return out


# ---------------------------------------------------------------------------------------------------
# Seeded random weights, identical to runtime/weights/random.ts.
#
# splitmix32: state += 0x9e3779b9, then the finalizer x ^= x>>16; x *= 0x21f0aaad; x ^= x>>15;
# x *= 0x735a2d97; x ^= x>>15. The k-th draw depends only on the initial state and k, so a tensor's
# stream is generated in vectorized chunks. A value is Irwin-Hall(4) of uniforms u = draw / 2^32,
# centred and scaled: (u1 + u2 + u3 + u4 - 2) * sqrt(3), summed in that order in float64 as JavaScript
# does, then rounded to float32 (and to bf16 for bf16 models).

_GAMMA = np.uint32(0x9E3779B9)
_SQRT3 = 1.7320508075688772
_CHUNK = 1 << 22


def _fnv1a(s: str) -> int:
    """32-bit FNV-1a over UTF-16 code units, as the TypeScript side hashes strings."""
    h = 0x811C9DC5
    units = s.encode("utf-16-le")
    for i in range(0, len(units), 2):
        h = ((h ^ (units[i] | units[i + 1] << 8)) * 0x01000193) & 0xFFFFFFFF
    return h


def _stream_seed(seed: int, name: str) -> int:
    return ((seed & 0xFFFFFFFF) * 0x9E3779B1 & 0xFFFFFFFF) ^ _fnv1a(name)


def _draws(state: int, first: int, count: int) -> np.ndarray:
    """Draws first+1 .. first+count (1-based) of the stream that starts at `state`, as uint32."""
    k = np.arange(first + 1, first + count + 1, dtype=np.uint64).astype(np.uint32)
    with np.errstate(over="ignore"):
        z = np.uint32(state) + k * _GAMMA
        z = (z ^ (z >> np.uint32(16))) * np.uint32(0x21F0AAAD)
        z = (z ^ (z >> np.uint32(15))) * np.uint32(0x735A2D97)
    return z ^ (z >> np.uint32(15))


def _round_bf16(x: np.ndarray) -> np.ndarray:
    bits = x.view(np.uint32)
    with np.errstate(over="ignore"):
        bits = (bits + np.uint32(0x7FFF) + ((bits >> np.uint32(16)) & np.uint32(1))) & np.uint32(0xFFFF0000)
    return bits.view(np.float32)


def random_tensor(seed: int, key: str, shape: tuple[int, ...], mean: float, std: float, bf16: bool) -> np.ndarray:
    """`mean + std * normalish` from the stream `key:<shape joined by x>`, as float32."""
    n = int(np.prod(shape, dtype=np.int64))
    state = _stream_seed(seed, f"{key}:{'x'.join(str(d) for d in shape)}")
    out = np.empty(n, dtype=np.float32)
    for start in range(0, n, _CHUNK):
        m = min(_CHUNK, n - start)
        u = _draws(state, 4 * start, 4 * m).astype(np.float64).reshape(m, 4) / 4294967296.0
        normalish = (((u[:, 0] + u[:, 1]) + u[:, 2]) + u[:, 3] - 2) * _SQRT3
        values = (mean + std * normalish).astype(np.float32)
        out[start : start + m] = _round_bf16(values) if bf16 else values
    return out.reshape(shape)


def _init_of(hf_name: str, shape: tuple[int, ...]) -> tuple[float, float]:
    parts = hf_name.split(".")
    base = parts[-2] if len(parts) >= 2 else ""
    if hf_name.endswith(".bias"):
        return 0.0, 0.1
    if "norm" in base:
        return 1.0, 0.1
    if hf_name == "model.embed_tokens.weight":
        return 0.0, 1.0
    return 0.0, max(0.02, 1 / math.sqrt(shape[-1]))


def random_weights(config, seed: int) -> dict[str, np.ndarray]:
    """Every weight in config.WEIGHTS, as `randomWeights(plan, seed)` draws it, in the model's dtype
    (the values are bf16-rounded for bf16 models, so the bf16 cast is exact)."""
    bf16 = config.DTYPE == "bf16"
    out = {}
    for name, shape in config.WEIGHTS.items():
        mean, std = _init_of(name.split(".", 1)[1], shape)
        out[name] = to_model_dtype(config, random_tensor(seed, name, shape, mean, std, bf16), "F32")
    return out


# ---------------------------------------------------------------------------------------------------
# Layer stacks. A stacked name has `*` where the layer index stands in the checkpoint names:
# config.STACKS["target.model.layers.*.mlp.up_proj.weight"] = 36 means layers 0..35 of that tensor.


def stack_members(name: str, layers: int) -> list[str]:
    return [name.replace("*", str(i), 1) for i in range(layers)]


def param_shape(config, name: str) -> tuple[int, ...]:
    """The shape of one entry of the kernels' params dict (stacked or a plain checkpoint tensor)."""
    if name in config.STACKS:
        return (config.STACKS[name], *config.WEIGHTS[name.replace("*", "0", 1)])
    return tuple(config.WEIGHTS[name])


def param_names(config) -> list[str]:
    """Every entry any kernel of the package reads, in a stable order."""
    seen: dict[str, None] = {}
    for names in config.KERNEL_PARAMS.values():
        seen.update(dict.fromkeys(names))
    return list(seen)


def stack_params(config, flat, names=None) -> dict:
    """The params dict the kernels take (entries `names`, default all) from one array per checkpoint
    tensor: stacked entries are `np.stack`/`jnp.stack` of their layers, in layer order. Works on
    numpy and JAX arrays alike (a JAX input stays on its device)."""
    out = {}
    for name in param_names(config) if names is None else names:
        if name in config.STACKS:
            members = [flat[m] for m in stack_members(name, config.STACKS[name])]
            if all(isinstance(m, np.ndarray) for m in members):
                out[name] = np.stack(members)
            else:
                import jax.numpy as jnp

                out[name] = jnp.stack(members)
        else:
            out[name] = flat[name]
    return out
