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

import errno
import itertools
import json
import math
import os
import stat
import struct

import numpy as np

# ---------------------------------------------------------------------------------------------------
# safetensors: 8-byte little-endian header length, a JSON header {name: {dtype, shape, data_offsets}},
# then the tensors' bytes. Read directly with a memory map: numpy has no bfloat16, so the safetensors
# package's numpy backend cannot hold the bf16 tensors real checkpoints are made of.

_ST_DTYPES = {"F32": np.dtype("<f4"), "F16": np.dtype("<f2"), "BF16": np.dtype("<u2"), "F64": np.dtype("<f8")}
# Bytes per element of every safetensors dtype: sizes are checked for all, F32/F16/BF16/F64 also load.
_ST_BYTES = {
    **dict.fromkeys(["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "F8_E8M0"], 1),
    **dict.fromkeys(["I16", "U16", "F16", "BF16"], 2),
    **dict.fromkeys(["I32", "U32", "F32"], 4),
    **dict.fromkeys(["I64", "U64", "F64", "C64"], 8),
}
# The largest JSON header accepted (the reference implementation's bound): a corrupt length fails fast.
MAX_HEADER_BYTES = 100_000_000
# The largest model.safetensors.index.json read.
MAX_INDEX_BYTES = 64 * 2**20
ALLOW_NONFINITE_ENV = "DFLASHC_ALLOW_NONFINITE"


class CheckpointError(Exception):
    """A checkpoint folder that does not hold the tensors this decoder was compiled for, or that is not
    a well-formed safetensors checkpoint. The message names the file (and the tensor)."""


def _os_error(path: str, e: OSError) -> CheckpointError:
    words = {
        errno.ENOENT: "no such file or folder",
        errno.ELOOP: "a symbolic link loop (too many levels of symbolic links)",
        errno.EISDIR: "a folder, not a file",
        errno.EACCES: "permission denied",
    }.get(e.errno, e.strerror or str(e))
    return CheckpointError(f"{path}: cannot read it: {words} ({errno.errorcode.get(e.errno, e.errno)})")


def _is_count(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def parse_safetensors_header(header, data_size: int, path: str) -> dict[str, dict]:
    """The tensor entries of a decoded header, checked as the TypeScript loader checks them: an object
    of {dtype, shape, data_offsets}, known dtypes, non-negative integer dims and offsets inside the
    data, byte sizes matching the shapes, no two tensors sharing bytes."""
    if not isinstance(header, dict):
        kind = "null" if header is None else "an array" if isinstance(header, list) else type(header).__name__
        raise CheckpointError(f"{path}: header is {kind}, not a JSON object of tensors")
    entries = {}
    for name, d in header.items():
        if name == "__metadata__":
            if not isinstance(d, dict) or not all(isinstance(v, str) for v in d.values()):
                raise CheckpointError(f"{path}: __metadata__ must be an object of strings")
            continue
        if (
            not isinstance(d, dict)
            or not isinstance(d.get("shape"), list)
            or not isinstance(d.get("data_offsets"), list)
            or not isinstance(d.get("dtype"), str)
        ):
            raise CheckpointError(f"{path}: tensor {name} has no dtype/shape/data_offsets")
        per = _ST_BYTES.get(d["dtype"])
        if per is None:
            raise CheckpointError(f"{path}: tensor {name} has unknown dtype {json.dumps(d['dtype'])}")
        shape = d["shape"]
        if not all(_is_count(x) for x in shape):
            raise CheckpointError(f"{path}: tensor {name} has shape {shape}: dims must be non-negative integers")
        offsets = d["data_offsets"]
        if len(offsets) != 2 or not all(_is_count(x) for x in offsets) or offsets[0] > offsets[1]:
            raise CheckpointError(
                f"{path}: tensor {name} has data_offsets {offsets}: expected [begin, end], "
                "non-negative integers with begin <= end"
            )
        begin, end = offsets
        if end > data_size:
            raise CheckpointError(
                f"{path}: tensor {name} has data_offsets [{begin}, {end}] outside the file ({max(0, data_size)} data bytes)"
            )
        need = math.prod(shape) * per
        if end - begin != need:
            raise CheckpointError(
                f"{path}: tensor {name} has {end - begin} bytes, shape {shape} {d['dtype']} needs {need}"
            )
        entries[name] = d
    spans = sorted(
        (
            (d["data_offsets"][0], d["data_offsets"][1], n)
            for n, d in entries.items()
            if d["data_offsets"][1] > d["data_offsets"][0]
        )
    )
    for (pb, pe, pn), (cb, ce, cn) in itertools.pairwise(spans):
        if cb < pe:
            raise CheckpointError(f"{path}: tensors {pn} [{pb}, {pe}] and {cn} [{cb}, {ce}] overlap")
    return entries


def read_safetensors(path: str) -> dict[str, tuple[np.ndarray | None, str]]:
    """Every tensor of one file as (memory-mapped array, safetensors dtype). BF16 arrays hold raw bits.
    A malformed file raises CheckpointError naming it; tensors of a dtype that cannot load are refused
    when `load_checkpoint` needs them."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise _os_error(path, e) from None
    if stat.S_ISDIR(st.st_mode):
        raise CheckpointError(f"{path}: is a folder, not a safetensors file")
    if not stat.S_ISREG(st.st_mode):
        raise CheckpointError(f"{path}: is not a regular file")
    size = st.st_size
    try:
        with open(path, "rb") as f:
            head = f.read(8)
            if size < 8 or len(head) != 8:
                raise CheckpointError(f"{path}: {size} bytes, too short for a safetensors file")
            (header_len,) = struct.unpack("<Q", head)
            if header_len > MAX_HEADER_BYTES:
                raise CheckpointError(
                    f"{path}: header length {header_len} is larger than {MAX_HEADER_BYTES} bytes: "
                    "not a safetensors file, or a corrupt one"
                )
            if 8 + header_len > size:
                raise CheckpointError(f"{path}: header length {header_len} passes the end of the file ({size} bytes)")
            raw = f.read(header_len)
    except OSError as e:
        raise _os_error(path, e) from None
    try:
        header = json.loads(raw)
    except ValueError as e:
        raise CheckpointError(f"{path}: header is not JSON ({e})") from None
    entries = parse_safetensors_header(header, size - 8 - header_len, path)
    if size == 8 + header_len:
        data = np.zeros(0, dtype=np.uint8)
    else:
        data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + header_len)
    tensors = {}
    for name, d in entries.items():
        begin, end = d["data_offsets"]
        if d["dtype"] not in _ST_DTYPES:
            tensors[name] = (None, d["dtype"])
            continue
        tensors[name] = (data[begin:end].view(_ST_DTYPES[d["dtype"]]).reshape(d["shape"]), d["dtype"])
    return tensors


def _read_index(folder: str, index: str) -> dict[str, str]:
    """`weight_map` of model.safetensors.index.json: tensor name → file inside `folder`."""
    try:
        with open(index, "rb") as f:
            raw = f.read(MAX_INDEX_BYTES + 1)
    except OSError as e:
        raise _os_error(index, e) from None
    if len(raw) > MAX_INDEX_BYTES:
        raise CheckpointError(
            f"{index}: the index is larger than {MAX_INDEX_BYTES // 2**20} MiB, the most dflashc reads"
        )
    try:
        doc = json.loads(raw)
    except ValueError as e:
        raise CheckpointError(f"{index}: not JSON ({e})") from None
    weight_map = doc.get("weight_map") if isinstance(doc, dict) else None
    if not isinstance(weight_map, dict):
        raise CheckpointError(f"{index}: no weight_map object")
    root = os.path.realpath(folder)
    out = {}
    for name, file in weight_map.items():
        if not isinstance(file, str) or file == "":
            raise CheckpointError(f"{index}: weight_map[{name!r}] must be a file name, found {json.dumps(file)}")
        path = os.path.join(folder, file)
        if os.path.isabs(file) or os.path.commonpath([root, os.path.realpath(os.path.join(root, file))]) != root:
            raise CheckpointError(f"{index}: weight_map[{name!r}] = {file!r} is not a file inside {folder}")
        out[name] = path
    return out


def read_folder(folder: str) -> dict[str, tuple[np.ndarray | None, str, str]]:
    """All tensors of a checkpoint folder: the files `model.safetensors.index.json` names when there is
    one (each must be a safetensors file inside the folder), else every `*.safetensors` file (a sharded
    checkpoint is several files). A tensor in two files is an error."""
    try:
        if not os.path.isdir(folder):
            os.stat(folder)  # raises for a missing path or a link loop, named below
            raise CheckpointError(f"{folder}: not a folder (give the checkpoint's folder, not a file in it)")
        index = os.path.join(folder, "model.safetensors.index.json")
        if os.path.lexists(index):
            weight_map = _read_index(folder, index)
            files = sorted(set(weight_map.values()))
            for path in files:
                if not os.path.isfile(path):
                    name = next(n for n, p in weight_map.items() if p == path)
                    what = "a folder" if os.path.isdir(path) else "missing or unreadable"
                    raise CheckpointError(
                        f"{index}: weight_map[{name!r}] names {os.path.relpath(path, folder)}, which is {what}"
                    )
        else:
            weight_map = None
            files = [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.endswith(".safetensors")]
    except OSError as e:
        raise _os_error(folder, e) from None
    if not files:
        raise CheckpointError(f"{folder}: no .safetensors files")
    tensors: dict[str, tuple[np.ndarray | None, str, str]] = {}
    for path in files:
        for name, t in read_safetensors(path).items():
            if weight_map is not None and weight_map.get(name) != path:
                continue
            if name in tensors:
                raise CheckpointError(f"{folder}: tensor {name} appears in more than one file")
            tensors[name] = t + (path,)
    return tensors


def first_nonfinite(array: np.ndarray, st_dtype: str) -> int:
    """The flat index of the first NaN or ±Infinity in a checkpoint array (BF16 as raw bits), or -1."""
    flat = np.asarray(array).reshape(-1)
    for start in range(0, flat.size, _CHUNK):
        part = flat[start : start + _CHUNK]
        bad = (part & np.uint16(0x7F80)) == 0x7F80 if st_dtype == "BF16" else ~np.isfinite(part)
        if bad.any():
            return start + int(np.argmax(bad))
    return -1


def _nonfinite_word(array: np.ndarray, st_dtype: str, flat_index: int) -> str:
    v = np.asarray(array).reshape(-1)[flat_index]
    if st_dtype == "BF16":
        v = (np.uint32(v) << np.uint32(16)).view(np.float32)
    v = float(v)
    return "NaN" if math.isnan(v) else "Infinity" if v > 0 else "-Infinity"


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


def load_checkpoint(
    config, target_dir: str, draft_dir: str | None = None, allow_nonfinite: bool | None = None
) -> dict[str, np.ndarray]:
    """Every weight in config.WEIGHTS from a target folder and (for DFlash decoders) a drafter folder.

    A tensor holding NaN or ±Infinity raises CheckpointError naming it and its first bad index, unless
    `allow_nonfinite` (default: the DFLASHC_ALLOW_NONFINITE environment variable is "1", which
    `dflashc run --allow-nonfinite` sets for the worker)."""
    if allow_nonfinite is None:
        allow_nonfinite = os.environ.get(ALLOW_NONFINITE_ENV) == "1"
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
        if found is None and side == "draft":
            # Some drafters are published with a `model.` prefix on every tensor.
            found = folders[side].get(f"model.{hf_name}")
        if found is None:
            missing.append(name)
            continue
        array, st_dtype, path = found
        if array is None:
            raise CheckpointError(f"{path}: {hf_name} has dtype {st_dtype}; expected one of {sorted(_ST_DTYPES)}")
        if tuple(array.shape) != shape:
            raise CheckpointError(f"{name}: checkpoint shape {list(array.shape)}, the decoder expects {list(shape)}")
        if not allow_nonfinite:
            bad = first_nonfinite(array, st_dtype)
            if bad >= 0:
                where = ", ".join(str(int(i)) for i in np.unravel_index(bad, array.shape)) if array.ndim else ""
                raise CheckpointError(
                    f"{path}: tensor {hf_name} holds {_nonfinite_word(array, st_dtype, bad)} at index [{where}] "
                    f"(element {bad}): a corrupt or overflowed checkpoint; pass --allow-nonfinite to load it anyway"
                )
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
# Layer stacks. A stacked name has `$` where the layer index stands in the checkpoint names:
# config.STACKS["target.model.layers.$.mlp.up_proj.weight"] = 36 means layers 0..35 of that tensor.


def stack_members(name: str, layers: int) -> list[str]:
    return [name.replace("$", str(i), 1) for i in range(layers)]


def param_shape(config, name: str) -> tuple[int, ...]:
    """The shape of one entry of the kernels' params dict (stacked or a plain checkpoint tensor)."""
    if name in config.STACKS:
        return (config.STACKS[name], *config.WEIGHTS[name.replace("$", "0", 1)])
    return tuple(config.WEIGHTS[name])


def param_names(config) -> list[str]:
    """Every entry any kernel of the package reads, in a stable order."""
    seen: dict[str, None] = {}
    for names in config.KERNEL_PARAMS.values():
        seen.update(dict.fromkeys(names))
    return list(seen)


def stack_params(config, flat, names=None) -> dict:
    """The params dict the kernels take (entries `names`, default all) from one array per checkpoint
    tensor: stacked entries are `np.stack`/`jnp.stack` of their layers, in layer order, unless `flat`
    holds the stack itself (a kernel's stacked weight argument). Works on numpy and JAX arrays alike
    (a JAX input stays on its device)."""
    out = {}
    for name in param_names(config) if names is None else names:
        if name in flat:  # a checkpoint tensor, or a stack passed as the kernel argument it is
            out[name] = flat[name]
        elif name in config.STACKS:
            members = [flat[m] for m in stack_members(name, config.STACKS[name])]
            if all(isinstance(m, np.ndarray) for m in members):
                out[name] = np.stack(members)
            else:
                import jax.numpy as jnp

                out[name] = jnp.stack(members)
        else:
            raise KeyError(name)
    return out
