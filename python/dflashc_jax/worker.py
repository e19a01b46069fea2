"""Serves a generated package's kernels to the dflashc runtime: `python3 -m <decoder>.worker` runs
`main("<decoder>")`.

Requests and replies are frames (framing.py; docs/protocol.md) on stdin and stdout. Weights and caches
stay on the device between calls; only the kernels' inputs (int32, and f32 for the sampling
parameters) and their int32 outputs cross the pipe. Every request gets exactly one reply:
`{"ok": true, ...}` or `{"ok": false, "error": "...", "kind": "..."}`. A stream that stops being
frames ends the worker (exit 2): nothing after it could be trusted.

Pipelining: the reply to a `run` is written once the next request has been read and its kernel
dispatched (or as soon as no request is waiting), so a host that sends request n+1 before reading reply
n keeps the device busy: JAX runs call n+1 behind call n while the worker blocks on n's outputs.
Replies stay in request order, one per request.
"""

from __future__ import annotations

import functools
import io
import os
import select
import sys
import traceback

import numpy as np

from . import framing

PROTOCOL = 1


class RequestError(Exception):
    """A request this worker refuses; the reply says why and the worker keeps serving."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


class Worker:
    def __init__(self, package: str):
        import importlib

        self.package = package
        self.config = importlib.import_module(f"{package}.config")
        self._kernels = None
        self.handshaken = False
        self.mesh = None
        self.params = None  # name → device array
        self.caches = None  # name → device array
        self.caches_lost = False

    # -- requests ---------------------------------------------------------------------------------

    def hello(self, header, arrays):
        if header.get("protocol") != PROTOCOL:
            raise RequestError(
                "protocol", f"worker speaks protocol {PROTOCOL}, runtime sent {header.get('protocol')!r}"
            )
        if header.get("manifest_hash") != self.config.MANIFEST_HASH:
            raise RequestError(
                "hash_mismatch",
                f"this JAX package was generated for manifest {self.config.MANIFEST_HASH}, but the runtime loaded "
                f"{header.get('manifest_hash')!r}: recompile the decoder so both come from the same compile",
            )
        self.handshaken = True
        return {
            "name": self.config.NAME,
            "manifest_hash": self.config.MANIFEST_HASH,
            "protocol": PROTOCOL,
            "python": sys.version.split()[0],
        }, {}

    def load_weights(self, header, arrays):
        jax = _import_jax()
        from . import sharding, weights

        config = self.config
        source = header.get("source")
        if source == "random":
            params = weights.random_weights(config, int(header["seed"]))
        elif source == "folder":
            try:
                params = weights.load_checkpoint(config, header["target"], header.get("draft"))
            except weights.CheckpointError as e:
                # The user's checkpoint, not a worker bug: refused as kind "weights" (the CLI's `weights` error).
                raise RequestError("weights", str(e)) from e
        elif source == "inline":
            params = {
                name: weights.to_model_dtype(config, a, "BF16" if a.dtype == framing.WIRE_DTYPES["bf16"] else "F32")
                for name, a in arrays.items()
            }
            missing = [n for n in config.WEIGHTS if n not in params]
            if missing:
                raise RequestError("weights", f"{len(missing)} weight(s) missing, e.g. {missing[0]}")
            for name, shape in config.WEIGHTS.items():
                if tuple(params[name].shape) != shape:
                    raise RequestError(
                        "weights", f"{name}: got shape {list(params[name].shape)}, expected {list(shape)}"
                    )
        else:
            raise RequestError("bad_request", f"unknown weight source {source!r} (random, folder or inline)")

        self.mesh = sharding.make_mesh(config, header.get("chips"))
        # Stacked on the host, then put on the device once, already split over the mesh.
        stacked = weights.stack_params(config, params)
        self.params = {
            name: jax.device_put(a, sharding.param_sharding(config, name, self.mesh)) for name, a in stacked.items()
        }
        self.reset_caches(header, {})
        return {
            "weights": len(self.params),
            "backend": jax.default_backend(),
            "devices": len(self.mesh.devices.flat),
        }, {}

    def reset_caches(self, header, arrays):
        """Zeroed caches, allocated directly with their sharding (no full copy on one device first)."""
        jax = _import_jax()
        import jax.numpy as jnp

        from . import kernel, sharding

        self._require_weights()
        self.caches = {}
        for name, (shape, dtype_name) in _cache_specs(self.config).items():
            sh = sharding.cache_sharding(name, shape, self.mesh)
            dtype = kernel.DTYPES[dtype_name]
            self.caches[name] = jax.jit(functools.partial(jnp.zeros, shape, dtype), out_shardings=sh)()
        self.caches_lost = False
        return {"caches": sorted(self.caches)}, {}

    def compile(self, header, arrays):
        """Compiles buckets ahead of use (all of them when none are named)."""
        self._require_weights()
        keys = [tuple(k) for k in header.get("kernels", [])] or list(self.kernels())
        for key in keys:
            self._kernel(*key).compile(self.mesh)
        return {"compiled": len(keys)}, {}

    def run(self, header, arrays):
        self._require_weights()
        if self.caches_lost:
            raise RequestError(
                "caches_lost", "an earlier kernel call failed after its caches were donated: reset the caches"
            )
        kernel = self._kernel(header.get("kernel"), header.get("bucket"))
        sig = kernel.signature
        inputs = []
        for t in sig.inputs:
            a = arrays.get(t.name)
            if a is None:
                raise RequestError("bad_inputs", f"{sig.kernel}.{sig.bucket_id}: input {t.name} missing")
            if a.dtype != framing.WIRE_DTYPES[t.dtype] or tuple(a.shape) != t.shape:
                raise RequestError(
                    "bad_inputs",
                    f"{sig.kernel}.{sig.bucket_id}: {t.name} must be {t.dtype}{list(t.shape)}, got {a.dtype}{list(a.shape)}",
                )
            inputs.append(a)
        args = [self.caches[t.name] for t in sig.caches] + inputs
        try:
            results = kernel.run(self.params, *args, mesh=self.mesh)
        except Exception:
            # Donated buffers may already be gone; refuse to run on them rather than read garbage.
            if any(t.donated for t in sig.caches):
                self.caches_lost = True
            raise
        # Device arrays, not yet read back: serve() materializes them when it writes the reply.
        outputs = {t.name: r for t, r in zip(sig.outputs, results)}
        for t, r in zip([c for c in sig.caches if c.donated], results[len(sig.outputs) :]):
            self.caches[t.name] = r
        return {}, outputs

    def read_cache(self, header, arrays):
        self._require_weights()
        name = header.get("name")
        if name not in self.caches:
            raise RequestError("bad_request", f"no cache {name!r}; caches: {sorted(self.caches)}")
        host = np.asarray(self.caches[name])
        if host.dtype != np.float32 and host.dtype != np.int32:
            host = host.view(np.uint16)  # raw bits on the wire
        return {}, {name: host}

    def write_cache(self, header, arrays):
        jax = _import_jax()
        from . import kernel, sharding

        self._require_weights()
        for name, a in arrays.items():
            if name not in self.caches or tuple(a.shape) != tuple(self.caches[name].shape):
                raise RequestError("bad_request", f"cache {name!r} with shape {list(a.shape)} does not exist")
            dtype_name = _cache_specs(self.config)[name][1]
            if dtype_name == "bf16":
                import ml_dtypes

                a = a.view(ml_dtypes.bfloat16)
            sh = sharding.cache_sharding(name, tuple(a.shape), self.mesh)
            self.caches[name] = jax.device_put(np.asarray(a, dtype=kernel.DTYPES[dtype_name]), sh)
        return {}, {}

    # -- helpers ----------------------------------------------------------------------------------

    def _require_weights(self):
        if self.params is None:
            raise RequestError("no_weights", "load weights first")

    def kernels(self) -> dict:
        """The package's KERNELS, imported on first use (it imports JAX)."""
        if self._kernels is None:
            import importlib

            from . import kernel

            _import_jax()
            kernel.enable_compilation_cache()
            self._kernels = importlib.import_module(f"{self.package}.kernels").KERNELS
        return self._kernels

    def _kernel(self, kernel, bucket):
        found = self.kernels().get((kernel, bucket))
        if found is None:
            raise RequestError("unknown_kernel", f"no kernel {kernel}.{bucket} in {self.config.NAME}")
        return found


def _cache_specs(config) -> dict[str, tuple[tuple[int, ...], str]]:
    """Every cache the kernels take, by name: (shape, dtype) — the KV caches in the model dtype, the
    device state `seq_state` in i32."""
    specs = {}
    for sig in config.SIGNATURES.values():
        for t in sig.caches:
            specs.setdefault(t.name, (tuple(t.shape), t.dtype))
    return specs


def _import_jax():
    try:
        import jax
    except ImportError as e:
        raise RequestError("no_jax", f"JAX is not importable by {sys.executable}: {e}") from None
    return jax


OPS = {
    "hello": Worker.hello,
    "load_weights": Worker.load_weights,
    "reset_caches": Worker.reset_caches,
    "compile": Worker.compile,
    "run": Worker.run,
    "read_cache": Worker.read_cache,
    "write_cache": Worker.write_cache,
}


def _input_ready(stream) -> bool:
    """Whether the next request has (begun to) arrive: then the pending reply may wait for it. A stream
    without a descriptor (tests) is read as if it always had one waiting."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):
        return True
    return bool(select.select([fd], [], [], 0)[0])


def _materialize(worker: Worker, reply: dict, outputs: dict) -> dict[str, np.ndarray]:
    """A run's outputs read back as int32 (waiting for the device); a failure there fails the reply."""
    try:
        return {name: np.asarray(a, dtype=np.int32) for name, a in outputs.items()}
    except Exception as e:  # noqa: BLE001 -- a device error surfacing late: report it, keep serving
        traceback.print_exc(file=sys.stderr)
        worker.caches_lost = True  # the failed call had taken the donated caches
        reply.update(ok=False, kind="internal", error=f"{type(e).__name__}: {e}")
        return {}


def serve(package: str, stdin, stdout) -> int:
    worker = Worker(package)
    deferred = None  # (reply, device outputs) of the last run, written after the next dispatch

    def flush():
        nonlocal deferred
        if deferred is not None:
            reply, outputs = deferred
            deferred = None
            framing.write_frame(stdout, reply, _materialize(worker, reply, outputs))

    while True:
        if deferred is not None and not _input_ready(stdin):
            flush()
        try:
            frame = framing.read_frame(stdin)
        except framing.FramingError as e:
            flush()
            framing.write_frame(stdout, {"ok": False, "kind": "framing", "error": str(e)})
            return 2
        if frame is None:
            flush()
            return 0
        header, arrays = frame
        reply = {"ok": True}
        if "id" in header:
            reply["id"] = header["id"]
        op = header.get("op")
        if op == "shutdown":
            flush()
            framing.write_frame(stdout, reply)
            return 0
        out_arrays = {}
        try:
            if op not in OPS:
                raise RequestError("bad_request", f"unknown op {op!r}")
            if op != "hello" and not worker.handshaken:
                raise RequestError("no_handshake", "send hello (with the manifest hash) first")
            extra, out_arrays = OPS[op](worker, header, arrays)
            reply.update(extra)
        except RequestError as e:
            reply.update(ok=False, kind=e.kind, error=str(e))
            out_arrays = {}
        except Exception as e:  # noqa: BLE001 -- a bug or a device error: report it, keep serving
            traceback.print_exc(file=sys.stderr)
            reply.update(ok=False, kind="internal", error=f"{type(e).__name__}: {e}")
            out_arrays = {}
        # This request is dispatched: now the previous run's reply, then this one (deferred if a run).
        flush()
        if op == "run" and reply["ok"]:
            deferred = (reply, out_arrays)
        else:
            framing.write_frame(stdout, reply, out_arrays)


def main(package: str) -> int:
    # Frames own the real stdout. Anything else that prints (JAX's warnings, a stray print) goes to
    # stderr, so it cannot corrupt the stream.
    stdout = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    # Unbuffered, so that select() on the descriptor sees every byte not yet read (see _input_ready).
    stdin = os.fdopen(os.dup(sys.stdin.fileno()), "rb", buffering=0)
    return serve(package, stdin, stdout)
