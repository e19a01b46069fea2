"""Compile the emitted StableHLO modules of a recorded case with XLA and replay the reference session.

    python scripts/xla/replay.py CASE_DIR         # every recorded call through its compiled module
    python scripts/xla/replay.py --all CASE_DIR   # and compile every module in CASE_DIR/stablehlo/

CASE_DIR is a folder prepared like scripts/device/prepare.ts's `tiny` and `sampling` (manifest.json, the
JAX package under jax/, a recorded session under reference/), plus the emitted `stablehlo/*.mlir` modules.
Each module is compiled once, from its MLIR text, by the CPU PJRT client of jaxlib
(`Client.compile_and_load`): no JAX tracing, no generated Python kernel, only XLA on the emitted
StableHLO. Every recorded call then runs on the reference's inputs (weights regenerated from the
recorded seed by the package's `weights.random_weights`, caches as recorded before the call):
int outputs must be identical, caches within 1e-5 relative error outside the trash page / slot
(scripts/device/check.py's `_trash_mask`).

Exit 0 when everything compiled and matched, 1 on a mismatch or a module XLA rejects, 2 for a
malformed case (files missing, or modules that disagree with manifest.json).
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from dataclasses import dataclass

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "device"))

import check  # scripts/device/check.py: the recorded case's reader and its trash mask

TOLERANCE = 1e-5


class MalformedCase(Exception):
    """A case this script cannot replay as given (exit 2)."""


# ---------------------------------------------------------------------------------------------------
# manifest.json and the modules' signatures


@dataclass(frozen=True)
class Tensor:
    name: str
    shape: tuple[int, ...]
    dtype: str  # manifest dtype: f32, bf16, i32
    role: str
    donated: bool


@dataclass(frozen=True)
class Kernel:
    kernel: str
    bucket: str
    file: str
    args: tuple[Tensor, ...]
    results: tuple[Tensor, ...]

    @property
    def id(self) -> str:
        return f"{self.kernel}.{self.bucket}"


def _tensor(d: dict) -> Tensor:
    return Tensor(d["name"], tuple(int(x) for x in d["shape"]), d["dtype"], d["role"], bool(d.get("donated", False)))


def stack_members(name: str, layers: int) -> list[str]:
    """The checkpoint tensors of a stacked kernel argument, layer 0 first: `$` replaced by the layer index."""
    return [name.replace("$", str(i), 1) for i in range(int(layers))]


def read_manifest(case_dir: str) -> tuple[dict, dict[tuple[str, str], Kernel]]:
    """manifest.json with every kernel's full argument list (weights first, as contract/manifest.ts does)."""
    path = os.path.join(case_dir, "manifest.json")
    try:
        with open(path, encoding="utf-8") as f:
            m = json.load(f)
        weights = {w["name"]: _tensor(w) for w in m["weights"]}
        # A stacked argument (contract/weight-stack.ts): its members' shape with a leading layer axis.
        for s in m["weightStacks"]:
            first = weights[stack_members(s["name"], s["layers"])[0]]
            weights[s["name"]] = Tensor(s["name"], (int(s["layers"]), *first.shape), first.dtype, "weight", False)
        kernels = {}
        for k in m["kernels"]:
            names = m["kernelWeights"].get(k["kernel"], [])
            missing = [n for n in names if n not in weights]
            if missing:
                raise MalformedCase(f"{path}: kernel {k['kernel']} takes unknown weights {missing}")
            args = tuple(weights[n] for n in names) + tuple(_tensor(a) for a in k["args"])
            kern = Kernel(k["kernel"], k["bucketId"], k["file"], args, tuple(_tensor(r) for r in k["results"]))
            kernels[(kern.kernel, kern.bucket)] = kern
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise MalformedCase(f"{path}: {type(e).__name__}: {e}") from e
    return m, kernels


_DTYPES = {"f32": "f32", "bf16": "bf16", "i32": "i32"}
_ARG = re.compile(r"%([\w.$-]+)\s*:\s*tensor<([^>]*)>\s*(\{[^}]*\})?")


def main_signature(text: str, where: str) -> list[tuple[str, tuple[int, ...], str, bool]]:
    """The `main` function's arguments: (name, shape, element type, marked `jax.buffer_donor`)."""
    start = text.find("@main(")
    end = text.find(") ->", start)
    if start < 0 or end < 0:
        raise MalformedCase(f"{where}: no `func.func public @main(...) -> ...`")
    args = []
    for name, ty, attrs in _ARG.findall(text[start + len("@main(") : end]):
        *dims, elem = ty.split("x")
        args.append((name, tuple(int(d) for d in dims), elem, bool(attrs) and "jax.buffer_donor = true" in attrs))
    return args


def check_module(kernel: Kernel, text: str, where: str) -> tuple[bool, ...]:
    """The module's `main` takes the manifest's arguments, in its order: returns which are donated."""
    args = main_signature(text, where)
    want = [(t.name, t.shape, t.dtype) for t in kernel.args]
    got = [(n, s, e) for n, s, e, _ in args]
    if got != want:
        first = next((i for i, (g, w) in enumerate(zip(got, want)) if g != w), min(len(got), len(want)))
        g = got[first] if first < len(got) else "nothing"
        w = want[first] if first < len(want) else "nothing"
        raise MalformedCase(
            f"{where}: argument {first} of main is {g}, manifest.json says {w} ({len(got)} vs {len(want)} arguments)"
        )
    donors = tuple(d for *_, d in args)
    for t, d in zip(kernel.args, donors):
        if d != t.donated:
            marked = "marked" if d else "not marked"
            raise MalformedCase(f"{where}: {t.name} is {marked} jax.buffer_donor; manifest.json: donated={t.donated}")
    return donors


# ---------------------------------------------------------------------------------------------------
# XLA


class Xla:
    """The CPU PJRT client of jaxlib, and every module compiled once."""

    def __init__(self):
        import jax
        from jax._src.lib import xla_client as xc

        self.jax = jax
        self.xc = xc
        self.device = jax.devices("cpu")[0]
        self.client = self.device.client
        self.executables: dict[str, object] = {}
        self.compile_s: dict[str, float] = {}
        self.failed: dict[str, Exception] = {}

    def compile(self, path: str):
        """`path` compiled from its MLIR text, once (a module XLA rejected raises the same error again)."""
        if path in self.failed:
            raise self.failed[path]
        if path not in self.executables:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            t0 = time.perf_counter()
            try:
                self.executables[path] = self.client.compile_and_load(text, [self.device], self.xc.CompileOptions())
            except (RuntimeError, ValueError) as e:  # JaxRuntimeError: the MLIR did not parse, verify or compile
                self.failed[path] = e
                raise
            self.compile_s[path] = time.perf_counter() - t0
        return self.executables[path]

    def put(self, array: np.ndarray):
        return self.jax.device_put(array, self.device)

    def run(self, executable, args: list) -> list[np.ndarray]:
        results = executable.execute_sharded(args).disassemble_into_single_device_arrays()
        return [np.asarray(r[0]) for r in results]


def host_array(array: np.ndarray, dtype: str) -> np.ndarray:
    """A recorded array in the module's element type (bf16 tensors are recorded as f32 values)."""
    if dtype == "bf16":
        import ml_dtypes

        return np.asarray(array, dtype=np.float32).astype(ml_dtypes.bfloat16)
    return np.ascontiguousarray(array, dtype=np.int32 if dtype == "i32" else np.float32)


def relative_error(got: np.ndarray, want: np.ndarray, keep: np.ndarray) -> float:
    """max |got - want| / max |want| over the kept elements (as scripts/device/check.py measures)."""
    got = np.asarray(got, dtype=np.float32)[keep]
    want = want[keep]
    if want.size == 0:
        return 0.0
    if not np.all(np.isfinite(got)):
        return float("inf")
    scale = float(np.abs(want).max()) or 1.0
    return float(np.abs(got - want).max()) / scale


# ---------------------------------------------------------------------------------------------------


def first_line(e: BaseException) -> str:
    return f"{type(e).__name__}: {(str(e).splitlines() or [''])[0]}"


def load_case(case_dir: str):
    """check.Case (every recorded file checked against the package's signatures) and the manifest."""
    if not os.path.isdir(case_dir):
        raise MalformedCase(f"{case_dir}: no such folder")
    try:
        case = check.Case(case_dir)
    except check.CaseError as e:
        raise MalformedCase(f"{case_dir}: {e}") from e
    except (OSError, ValueError, KeyError, TypeError, ImportError) as e:
        raise MalformedCase(f"{case_dir}: not a recorded case ({type(e).__name__}: {e})") from e
    manifest, kernels = read_manifest(case_dir)
    if manifest.get("name") != case.name:
        raise MalformedCase(f"{case_dir}: manifest.json names {manifest.get('name')!r}, the package is {case.name!r}")
    for n, call in enumerate(case.index["calls"]):
        k = kernels.get((call["kernel"], call["bucket"]))
        if k is None:
            raise MalformedCase(f"call {n}: no kernel {call['kernel']}.{call['bucket']} in manifest.json")
        for what, role in (("inputs", "input"), ("outputs", "output")):
            names = {t.name for t in (k.args if what == "inputs" else k.results) if t.role == role}
            if set(call[what]) != names:
                raise MalformedCase(
                    f"call {n} {k.id}: recorded {what} {sorted(call[what])}, manifest.json says {sorted(names)}"
                )
        for t in k.args + k.results:
            if t.role == "cache" and t.name not in call["caches"]:
                raise MalformedCase(f"call {n} {k.id}: no recorded cache {t.name}")
        if not os.path.isfile(os.path.join(case_dir, k.file)):
            raise MalformedCase(f"call {n}: {k.file} missing: emit the StableHLO modules into {case_dir}")
    return case, manifest, kernels


def trash_mask(t: Tensor) -> np.ndarray:
    keep = np.asarray(check._trash_mask(t.name, t.shape), dtype=bool)
    if keep.shape != t.shape:
        raise MalformedCase(f"check._trash_mask gave shape {keep.shape} for {t.name} {t.shape}")
    return keep


def replay(case_dir: str, compile_all: bool) -> bool:
    case, manifest, kernels = load_case(case_dir)
    index = case.index
    t_start = time.perf_counter()
    xla = Xla()
    ok = True

    modules = {k.file: k for k in kernels.values()}
    if compile_all:
        folder = os.path.join(case_dir, "stablehlo")
        files = (
            sorted(f"stablehlo/{f}" for f in os.listdir(folder) if f.endswith(".mlir")) if os.path.isdir(folder) else []
        )
        if not files:
            raise MalformedCase(f"{folder}: no .mlir modules")
        missing = sorted(set(modules) - set(files))
        if missing:
            raise MalformedCase(f"manifest.json names modules that are not in {folder}: {', '.join(missing)}")
        for rel in files:
            k = modules.get(rel)
            path = os.path.join(case_dir, rel)
            try:
                if k is not None:
                    with open(path, encoding="utf-8") as f:
                        check_module(k, f.read(), rel)
                xla.compile(path)
            except MalformedCase:
                raise
            except (RuntimeError, ValueError) as e:  # XLA rejected it (JaxRuntimeError): say which, go on
                ok = False
                print(f"FAILED to compile {rel}: {first_line(e)}")
                continue
            note = "" if k is not None else " (not in manifest.json)"
            print(f"compiled {rel} ({xla.compile_s[path]:.2f} s){note}")
        print(f"compiled {sum(1 for f in files if os.path.join(case_dir, f) in xla.executables)}/{len(files)} modules")

    # Weights: the package's `random_weights(seed)`, the TypeScript randomWeights bit for bit.
    import importlib

    weights_mod = importlib.import_module(f"{case.name}.weights")
    params = weights_mod.random_weights(index["seed"])
    device_params = {
        w["name"]: xla.put(host_array(np.asarray(params[w["name"]], dtype=np.float32), w["dtype"]))
        for w in manifest["weights"]
    }
    for s in manifest["weightStacks"]:
        members = [np.asarray(params[n], dtype=np.float32) for n in stack_members(s["name"], s["layers"])]
        device_params[s["name"]] = xla.put(host_array(np.stack(members), manifest["decoder"]["dtype"]))

    per_bucket: dict[str, dict] = {}
    previous: dict[str, np.ndarray] = {}
    donors_of: dict[str, tuple[bool, ...]] = {}
    worst = 0.0
    output_mismatches = 0
    for n, call in enumerate(index["calls"]):
        k = kernels[(call["kernel"], call["bucket"])]
        path = os.path.join(case_dir, k.file)
        has_caches = any(t.role == "cache" for t in k.results)
        stats = per_bucket.setdefault(k.id, {"calls": 0, "match": 0, "worst": 0.0 if has_caches else None})
        stats["calls"] += 1
        if call["fresh"]:
            previous = {}
        before_call = previous
        # The next call starts from the reference's caches after this one, whatever happens to this one.
        previous = {c: case.load(f, case.cache_types[c]) for c, f in call["caches"].items()}
        try:
            if k.file not in donors_of:
                with open(path, encoding="utf-8") as f:
                    donors_of[k.file] = check_module(k, f.read(), k.file)
            donors = donors_of[k.file]
            executable = xla.compile(path)
        except MalformedCase:
            raise
        except (RuntimeError, ValueError) as e:
            print(f"call {n} {k.id}: FAILED to compile {k.file}: {first_line(e)}")
            ok = False
            continue
        args = []
        for t, donor in zip(k.args, donors):
            if t.role == "weight":
                if donor:  # a donated buffer is consumed by the call: never hand over the shared one
                    args.append(xla.put(np.asarray(device_params[t.name])))
                else:
                    args.append(device_params[t.name])
            elif t.role == "cache":
                before = before_call.get(t.name)
                args.append(xla.put(host_array(np.zeros(t.shape, np.float32) if before is None else before, t.dtype)))
            else:
                args.append(xla.put(host_array(case.load(call["inputs"][t.name], t), t.dtype)))
        results = xla.run(executable, args)
        if len(results) != len(k.results):
            raise MalformedCase(f"{k.file}: {len(results)} results, manifest.json lists {len(k.results)}")
        match = True
        for t, got in zip(k.results, results):
            if got.shape != t.shape:
                print(f"call {n} {k.id}: {t.name} has shape {got.shape}, manifest.json says {t.shape}")
                match = False
                continue
            if t.role == "output":
                want = case.load(call["outputs"][t.name], t)
                same = (
                    np.array_equal(got, want)
                    if t.dtype == "i32"
                    else relative_error(got, want, np.ones(t.shape, bool)) <= TOLERANCE
                )
                if not same:
                    match = False
                    output_mismatches += 1
                    print(
                        f"call {n} {k.id}: MISMATCH {t.name}\n  xla       {got.tolist()}\n  reference {want.tolist()}"
                    )
            else:
                want = case.load(call["caches"][t.name], t)
                rel = relative_error(got, want, trash_mask(t))
                stats["worst"] = max(stats["worst"], rel)
                worst = max(worst, rel)
                if not rel <= TOLERANCE:
                    match = False
                    print(f"call {n} {k.id}: MISMATCH cache {t.name}: relative error {rel:.2e} > {TOLERANCE:.0e}")
        stats["match"] += match
        ok = ok and match

    calls = len(index["calls"])
    matched = sum(s["match"] for s in per_bucket.values())
    for bucket, s in sorted(per_bucket.items()):
        verdict = "ok" if s["match"] == s["calls"] else "MISMATCH"
        caches = "returns no cache" if s["worst"] is None else f"caches max rel. error {s['worst']:.1e}"
        print(f"{bucket}: {s['match']}/{s['calls']} calls match ({caches}) {verdict}")
    compiled = len(xla.executables)
    compile_s = sum(xla.compile_s.values())
    total_s = time.perf_counter() - t_start
    verdict = "OK" if ok and matched == calls else "FAIL"
    print(
        f"{case.name}: {matched}/{calls} calls match over {len(per_bucket)} kernel buckets ({output_mismatches} "
        f"outputs differ, caches max rel. error {worst:.1e}, tolerance {TOLERANCE:.0e}); {compiled} modules "
        f"compiled in {compile_s:.1f} s; {total_s:.1f} s in all: {verdict}"
    )
    return ok and matched == calls


def main(argv: list[str]) -> int:
    compile_all = "--all" in argv
    rest = [a for a in argv if a != "--all"]
    if len(rest) != 1 or rest[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        return 0 if replay(rest[0], compile_all) else 1
    except MalformedCase as e:
        print(f"malformed case: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
