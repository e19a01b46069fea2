"""The device half of scripts/device-check: needs JAX (any backend; the numbers mean most on a GPU/TPU).

    python3 scripts/device/check.py replay WORK/tiny ROWS      # JAX kernels vs the recorded reference
    python3 scripts/device/check.py replay WORK/sampling ROWS  # the same for the sampling kernels
    python3 scripts/device/check.py bench WORK/bench ROWS      # verify/draft cost vs K, 8B decode vs floor
    python3 scripts/device/check.py table ROWS                 # print the collected rows as one table
    python3 scripts/device/check.py files WORK/sampling        # numpy only: is the recorded case well-formed?

Each step appends tab-separated rows (check, value, verdict) to ROWS; `table` prints them and fails when
a verdict starts with FAIL.
"""

from __future__ import annotations

import importlib
import json
import os
import statistics
import sys
import time
import traceback

import numpy as np


def append_row(rows_path: str, check: str, value: str, verdict: str) -> None:
    with open(rows_path, "a", encoding="utf-8") as f:
        f.write(f"{check}\t{value}\t{verdict}\n")


def import_package(case_dir: str):
    """The generated package of a compiled folder (`<dir>/jax/<name>/`)."""
    with open(os.path.join(case_dir, "manifest.json"), encoding="utf-8") as f:
        name = json.load(f)["name"]
    sys.path.insert(0, os.path.join(case_dir, "jax"))
    return importlib.import_module(name), name


# ---------------------------------------------------------------------------------------------------
# replay


def _trash_mask(name: str, shape: tuple[int, ...]) -> np.ndarray:
    """False on the trash page / trash slot: padded rows all write there, and which duplicate write
    lands is unspecified on every backend (the device state `seq_state` has no trash row). A paged pool `[L, 2, nKV, pages, pageSize, D]` (rank 6) has
    its pages on axis 3; a static draft cache `[L, slots, capacity, nKV, D]` (rank 5) its slots on axis 1."""
    keep = np.ones(shape, dtype=bool)
    if len(shape) == 6:
        keep[:, :, :, 0] = False
    elif len(shape) == 5:
        keep[:, 0] = False
    elif name == "seq_state":
        pass  # [slots, 2] int32: padded rows (slot -1) write nothing, so every row is compared
    else:
        raise ValueError(
            f"{name}: a cache of rank {len(shape)} {shape} is neither a paged pool nor a static draft cache"
        )
    return keep


class CaseError(Exception):
    """A recorded case that does not match its compiled package (a wrong or truncated WORK_DIR)."""


_NUMPY_DTYPE = {"i32": "<i4", "f32": "<f4", "bf16": "<f4"}  # bf16 tensors are recorded as f32 values
_SUFFIX = {"i32": ".i32", "f32": ".f32", "bf16": ".f32"}


class Case:
    """A compiled folder and its recorded reference session, every file checked against the package's
    SIGNATURES (numpy only: no JAX needed)."""

    def __init__(self, case_dir: str):
        self.pkg, self.name = import_package(case_dir)
        self.config = importlib.import_module(f"{self.name}.config")
        self.ref_dir = os.path.join(case_dir, "reference")
        with open(os.path.join(self.ref_dir, "index.json"), encoding="utf-8") as f:
            self.index = json.load(f)
        self.cache_types = {t.name: t for sig in self.config.SIGNATURES.values() for t in sig.caches}
        self.sampling = self.index["generate"].get("sampling")
        self._check()

    def _check(self) -> None:
        g = self.index["generate"]
        if self.index["name"] != self.name:
            raise CaseError(f"reference/index.json records {self.index['name']!r}, the package is {self.name!r}")
        n = len(g["prompts"])
        for key in ("tokens", "split", "targetOnly"):
            if len(g[key]) != n or any(len(t) > g["maxNewTokens"] for t in g[key]):
                raise CaseError(f"generate.{key}: expected {n} token lists of at most {g['maxNewTokens']}")
        if self.sampling is not None:
            if len(self.sampling) != n:
                raise CaseError(f"generate.sampling: {len(self.sampling)} entries for {n} prompts")
            for s in self.sampling:
                if set(s) != {"temperature", "topK", "topP", "seed"}:
                    raise CaseError(f"generate.sampling: {s} is not temperature/topK/topP/seed")
        for n_call, call in enumerate(self.index["calls"]):
            sig = self.config.SIGNATURES.get((call["kernel"], call["bucket"]))
            if sig is None:
                raise CaseError(f"call {n_call}: no kernel {call['kernel']}.{call['bucket']} in the package")
            for what, tensors in (
                ("inputs", sig.inputs),
                ("outputs", sig.outputs),
                ("caches", tuple(self.cache_types.values())),
            ):
                if set(call[what]) != {t.name for t in tensors}:
                    raise CaseError(
                        f"call {n_call} {sig.kernel}.{sig.bucket_id}: {what} {sorted(call[what])}, expected {sorted(t.name for t in tensors)}"
                    )
                for t in tensors:
                    self._check_file(call[what][t.name], t)

    def _check_file(self, file: str, t) -> None:
        path = os.path.join(self.ref_dir, file)
        want = int(np.prod(t.shape, dtype=np.int64)) * 4
        if not file.endswith(_SUFFIX[t.dtype]):
            raise CaseError(f"{file}: {t.name} is {t.dtype}, the file is not {_SUFFIX[t.dtype]}")
        if not os.path.isfile(path) or os.path.getsize(path) != want:
            raise CaseError(f"{file}: expected {want} bytes for {t.name} {list(t.shape)}")

    def load(self, file: str, t) -> np.ndarray:
        return np.fromfile(os.path.join(self.ref_dir, file), dtype=_NUMPY_DTYPE[t.dtype]).reshape(t.shape)

    @property
    def kernels(self) -> dict[str, int]:
        """Calls per kernel, sorted by kernel name."""
        counts: dict[str, int] = {}
        for c in self.index["calls"]:
            counts[c["kernel"]] = counts.get(c["kernel"], 0) + 1
        return dict(sorted(counts.items()))

    def summary(self) -> str:
        kinds = ", ".join(f"{k} x{n}" for k, n in self.kernels.items())
        what = (
            f"{len(self.sampling)} sampled requests"
            if self.sampling is not None
            else f"{len(self.index['generate']['prompts'])} greedy prompts"
        )
        return f"{self.name}: {len(self.index['calls'])} calls ({kinds}), {what}; every file matches its signature"


def replay(case_dir: str, rows_path: str, tolerance: float = 1e-5) -> bool:
    case = Case(case_dir)  # a malformed case is reported as such, before JAX is even imported

    import jax
    import jax.numpy as jnp

    name, index = case.name, case.index
    kernels = importlib.import_module(f"{name}.kernels")
    weights = importlib.import_module(f"{name}.weights")
    sharding = importlib.import_module(f"{name}.sharding")
    if index["dtype"] != "f32":
        raise SystemExit("replay compares f32 decoders (bf16 rounding differs by design between backends)")

    mesh = sharding.make_mesh(1)
    params = {
        n: jax.device_put(a, sharding.param_sharding(n, mesh)) for n, a in weights.random_weights(index["seed"]).items()
    }

    token_mismatches = 0
    worst = 0.0
    previous: dict[str, np.ndarray] = {}
    for n, call in enumerate(index["calls"]):
        kernel = kernels.KERNELS[(call["kernel"], call["bucket"])]
        sig = kernel.signature
        # Every call starts from the reference's caches, so each kernel is judged on identical inputs.
        if call["fresh"]:
            previous = {}
        caches = [jnp.asarray(previous.get(t.name, np.zeros(t.shape, _NUMPY_DTYPE[t.dtype]))) for t in sig.caches]
        # int32 metadata, and the sampling kernels' f32 inputs (uniforms, temperature, top_p)
        inputs = [case.load(call["inputs"][t.name], t) for t in sig.inputs]
        # The kernel's weight arguments: checkpoint tensors, and the target's layers stacked.
        args = weights.stack_params(params, [t.name for t in sig.weights])
        results = kernel(*[args[t.name] for t in sig.weights], *caches, *inputs, mesh=mesh)
        for t, r in zip(sig.outputs, results):
            want = case.load(call["outputs"][t.name], t)
            got = np.asarray(r)
            if not np.array_equal(got, want):
                token_mismatches += 1
                print(
                    f"call {n} {sig.kernel}.{sig.bucket_id}: {t.name} differs\n  jax       {got.tolist()}\n  reference {want.tolist()}",
                    file=sys.stderr,
                )
        donated = [t for t in sig.caches if t.donated]
        for t, r in zip(donated, results[len(sig.outputs) :]):
            want = case.load(call["caches"][t.name], t)
            keep = _trash_mask(t.name, t.shape)
            diff = np.abs(np.asarray(r, dtype=np.float32) - want)[keep]
            scale = float(np.abs(want[keep]).max()) or 1.0
            rel = float(diff.max()) / scale
            worst = max(worst, rel)
            if rel > tolerance:
                print(
                    f"call {n} {sig.kernel}.{sig.bucket_id}: {t.name} relative error {rel:.2e} > {tolerance:.0e}",
                    file=sys.stderr,
                )
        previous = {c: case.load(f, case.cache_types[c]) for c, f in call["caches"].items()}

    for check, value, verdict in replay_rows(case, token_mismatches, worst, tolerance):
        append_row(rows_path, check, value, verdict)
    return token_mismatches == 0 and worst <= tolerance


def replay_rows(case: Case, token_mismatches: int, worst: float, tolerance: float) -> list[tuple[str, str, str]]:
    """The table rows of a replay: two for a greedy case; one for a sampling case (its sampled tokens
    and caches), whose verdict says what identical tokens mean at this vocabulary size."""
    calls = len(case.index["calls"])
    kinds = ", ".join(case.kernels)
    caches = f"{worst:.1e} (<= {tolerance:.0e})"
    if case.sampling is None:
        return [
            (
                f"{case.name}: int outputs of {calls} calls ({kinds})",
                f"{token_mismatches} mismatches",
                "ok" if token_mismatches == 0 else "FAIL",
            ),
            (f"{case.name}: caches, max rel. error", caches, "ok" if worst <= tolerance else "FAIL"),
        ]
    sampled = sum(n for k, n in case.kernels.items() if k.endswith("_sample"))
    vocab = case.config.TARGET.vocab_size
    ok = token_mismatches == 0 and worst <= tolerance
    # The kernels sum probabilities over the vocabulary; XLA may sum in another order than the
    # reference's index order, which can move a token only when a uniform lands exactly on an f32
    # boundary between two prefix sums: with a few hundred tokens, expect none.
    note = f"V={vocab}: identical expected (at large V, XLA's summation order may flip a token, only at an exact f32 boundary)"
    return [
        (
            f"{case.name}: int outputs of {calls} calls ({sampled} *_sample), caches",
            f"{token_mismatches} mismatches, {caches}",
            f"{'ok' if ok else 'FAIL'}; {note}",
        )
    ]


# ---------------------------------------------------------------------------------------------------
# bench


def _time(fn, *, warmup: int = 3, iters: int = 20) -> float:
    """Median wall time of `fn()` in milliseconds; `fn` must block until its results are ready."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(iters):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(samples)


def _copy_bandwidth(jax, jnp) -> float:
    """Device memory bandwidth in bytes/s, measured as a 4 GiB on-device copy (read + write)."""
    mib = int(os.environ.get("DFLASHC_BENCH_COPY_MIB", "4096"))
    x = jnp.ones((mib << 18,), jnp.float32)
    copy = jax.jit(lambda a: a + 1)
    ms = _time(lambda: copy(x).block_until_ready(), warmup=2, iters=10)
    return 2 * x.nbytes / (ms / 1e3)


class Bench:
    """Synthetic state for timing one compiled package: device-random params (values do not matter
    for time), zero caches, a single request with `context` tokens already in its caches."""

    def __init__(self, case_dir: str, params, context: int):
        import jax
        import jax.numpy as jnp

        self.jax, self.jnp = jax, jnp
        _, name = import_package(case_dir)
        self.config = importlib.import_module(f"{name}.config")
        self.kernels = importlib.import_module(f"{name}.kernels")
        self.name = name
        self.params = params  # the kernels' params dict (layer stacks), shared by every K
        cfg = self.config
        # The support library next to the package (on sys.path since import_package).
        dtype = importlib.import_module("dflashc_jax.kernel").DTYPES[cfg.DTYPE]
        self.caches = {"target_kv": jnp.zeros(cfg.TARGET_CACHE.shape, dtype)}
        self.caches["draft_k"] = jnp.zeros(cfg.DRAFT_CACHE.shape, dtype)
        self.caches["draft_v"] = jnp.zeros(cfg.DRAFT_CACHE.shape, dtype)
        p = cfg.TARGET_CACHE.pages_per_request
        rng = np.random.default_rng(0)
        k = cfg.BLOCK_SIZE
        # The request's context: `context` tokens, or as many as the decoder's smaller limits allow.
        context = min(context, cfg.MAX_CONTEXT - cfg.BLOCK_SIZE)
        self.context = context
        block = rng.integers(0, cfg.TARGET.vocab_size, (1, k), dtype=np.int32)
        # The device state: the request in slot 1 with `context` valid rows and the block's first token
        # last; reset before every timed call (a call advances it), so every call sees the same context.
        state_shape = next(t.shape for sig in cfg.SIGNATURES.values() for t in sig.caches if t.name == "seq_state")
        self.state0 = np.zeros(state_shape, np.int32)
        self.state0[1] = (block[0, 0], context)
        self.inputs = {
            "slots": np.array([1], np.int32),
            "block_tables": np.arange(1, p + 1, dtype=np.int32)[None, :],
            "draft_slots": np.array([1], np.int32),
            "block_tokens": block,
        }

    def time_kernel(self, kernel_name: str) -> float:
        kernel = self.kernels.KERNELS[(kernel_name, "r1")]
        sig = kernel.signature
        kernel.compile()
        inputs = [self.jnp.asarray(self.inputs[t.name]) for t in sig.inputs]

        def once():
            self.caches["seq_state"] = self.jnp.asarray(self.state0)
            caches = [self.caches[t.name] for t in sig.caches]
            # Kernel.run takes the prepared params as the worker does (stacked once, not per call).
            results = kernel.run(self.params, *caches, *inputs)
            for t, r in zip([c for c in sig.caches if c.donated], results[len(sig.outputs) :]):
                self.caches[t.name] = r  # the donated inputs are gone; keep the returned caches
            self.jax.block_until_ready(results)

        return _time(once)


def device_params(config, seed: int = 0):
    """Random params, the kernels' dict (decoder layers stacked on a leading axis), generated on the
    device in the model dtype (host generation of 8B values would take minutes and their values do not
    change the time; stacking per-layer tensors would need twice the memory)."""
    import jax
    import jax.numpy as jnp

    weights = importlib.import_module("dflashc_jax.weights")
    dtype = jnp.bfloat16 if config.DTYPE == "bf16" else jnp.float32
    key = jax.random.PRNGKey(seed)
    # One compile per distinct shape (a few dozen), not per tensor.
    fill = jax.jit(lambda k, shape: (jax.random.normal(k, shape, jnp.float32) * 0.02).astype(dtype), static_argnums=1)
    return {
        name: fill(jax.random.fold_in(key, i), weights.param_shape(config, name))
        for i, name in enumerate(weights.param_names(config))
    }


def bench(bench_dir: str, rows_path: str, context: int = 1024) -> None:
    import jax
    import jax.numpy as jnp

    cases = sorted((int(d[1:]), os.path.join(bench_dir, d)) for d in os.listdir(bench_dir) if d.startswith("k"))
    _, name = import_package(cases[0][1])
    config = importlib.import_module(f"{name}.config")
    params = device_params(config)  # the same tensors serve every K: block size changes no weight
    device = f"{jax.devices()[0].device_kind} ({jax.default_backend()})"
    append_row(rows_path, "device", device, name)

    verify_ms, draft_ms = {}, {}
    for k, case in cases:
        b = Bench(case, params, context)
        verify_ms[k] = b.time_kernel("verify")
        context = b.context
        draft_ms[k] = b.time_kernel("draft")
        if k == 16:
            step_ms = b.time_kernel("target_step")
            decode_ms = b.time_kernel("decode_step")
            verify_ms[1] = step_ms  # a one-token verify is a target step
        del b
    ks = sorted(verify_ms)
    base = verify_ms[16] if 16 in verify_ms else verify_ms[ks[0]]
    append_row(
        rows_path,
        f"verify ms (R=1, ctx {context}), K=" + ",".join(map(str, ks)),
        " / ".join(f"{verify_ms[k]:.2f}" for k in ks),
        f"K={max(ks)} is {verify_ms[max(ks)] / base:.2f}x K={16 if 16 in verify_ms else ks[0]}",
    )
    dks = sorted(draft_ms)
    append_row(
        rows_path,
        "draft ms (one forward), K=" + ",".join(map(str, dks)),
        " / ".join(f"{draft_ms[k]:.2f}" for k in dks),
        f"K={max(dks)} is {draft_ms[max(dks)] / draft_ms[min(dks)]:.2f}x K={min(dks)}",
    )

    # The floor of one decode step: every target weight read once (the embedding only by its rows).
    itemsize = 2 if config.DTYPE == "bf16" else 4
    weight_bytes = (
        sum(
            int(np.prod(s))
            for n, s in config.WEIGHTS.items()
            if n.startswith("target.") and n != "target.model.embed_tokens.weight"
        )
        * itemsize
    )
    bandwidth = _copy_bandwidth(jax, jnp)
    floor_ms = weight_bytes / bandwidth * 1e3
    append_row(rows_path, "copy bandwidth (measured)", f"{bandwidth / 1e9:.0f} GB/s", "")
    append_row(
        rows_path,
        f"target_step (R=1) vs floor: {weight_bytes / 1e9:.2f} GB of weights / bandwidth",
        f"{step_ms:.2f} ms vs {floor_ms:.2f} ms",
        f"{step_ms / floor_ms:.2f}x floor",
    )
    append_row(
        rows_path,
        "decode_step (draft + verify, K=16, R=1)",
        f"{decode_ms:.2f} ms",
        f"{decode_ms / step_ms:.2f}x a target step",
    )


# ---------------------------------------------------------------------------------------------------


def table(rows_path: str) -> int:
    with open(rows_path, encoding="utf-8") as f:
        rows = [(line.rstrip("\n").split("\t") + ["", ""])[:3] for line in f if line.strip()]
    if not rows:
        print(f"{rows_path}: no rows: no check ran", file=sys.stderr)
        return 1
    header = ["check", "value", "verdict"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()
    print(line(header))
    print(line(["-" * w for w in widths]))
    for r in rows:
        print(line(r))
    return 1 if any(r[2].startswith("FAIL") for r in rows) else 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "table":
        return table(argv[1])
    if len(argv) == 3 and argv[0] == "replay":
        try:
            return 0 if replay(argv[1], argv[2]) else 1
        except Exception as e:  # noqa: BLE001 -- a row says so: the table must not look complete without this case
            traceback.print_exc()
            message = (str(e).splitlines() or [""])[0]
            append_row(
                argv[2],
                f"{os.path.basename(os.path.normpath(argv[1]))}: replay with the JAX kernels",
                f"{type(e).__name__}: {message}",
                "FAIL",
            )
            return 1
    if len(argv) == 2 and argv[0] == "files":
        try:
            print(Case(argv[1]).summary())
        except (CaseError, OSError, KeyError, ValueError) as e:
            print(f"{argv[1]}: {e}", file=sys.stderr)
            return 1
        return 0
    if len(argv) == 3 and argv[0] == "bench":
        bench(argv[1], argv[2])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
