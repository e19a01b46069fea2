/**
 * The reference backend: runs the manifest's StableHLO modules with the project's own interpreter on
 * the CPU. Each module is parsed once, on first use. Weights and caches are held as interpreter
 * tensors between calls; a kernel's donated caches come back as results and replace the held ones,
 * exactly as buffer donation works on a device.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Module } from "../../stablehlo/ir.js";
import { Interpreter } from "../../stablehlo/interpreter/index.js";
import { zeros, type Tensor } from "../../stablehlo/interpreter/tensor.js";
import { parseModules } from "../../stablehlo/parser.js";
import type { Backend, KernelInput, Weights } from "../backend.js";
import type { Manifest, ManifestKernel, TensorSig } from "../../contract/manifest.js";
import { kernelWeightData } from "../../contract/weight-stack.js";

export class ReferenceBackendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReferenceBackendError";
  }
}

/**
 * Where the modules are: an output folder on disk, the compiler's in-memory artifacts (path → text),
 * or a function that renders a module on first use (tests that touch few of many buckets).
 */
export type ModuleSource =
  | { readonly dir: string }
  | { readonly files: ReadonlyMap<string, string> }
  | { readonly render: (file: string) => string | undefined };

export class ReferenceBackend implements Backend {
  private manifest: Manifest | null = null;
  private readonly modules = new Map<string, Module>();
  private readonly weights = new Map<string, Tensor>();
  private readonly caches = new Map<string, Tensor>();
  /** Kernel calls run so far (for reports). */
  calls = 0;
  /**
   * The most bytes of op results one kernel call held at once, over all calls so far: a deterministic
   * measure of the interpreter's working set (it drops each value after its last use).
   */
  peakCallBytes = 0;

  constructor(private readonly source: ModuleSource) {}

  async init(manifest: Manifest, weights: Weights): Promise<void> {
    // Parsed modules survive a re-init with the same manifest (they depend on nothing else).
    if (this.manifest?.contentHash !== manifest.contentHash || this.manifest?.name !== manifest.name) this.modules.clear();
    this.manifest = manifest;
    this.weights.clear();
    this.caches.clear();
    for (const w of manifest.weights) if (!weights.get(w.name)) throw new ReferenceBackendError(`weight ${w.name} missing`);
    for (const k of manifest.kernels) {
      for (const a of k.args) {
        if (a.role === "cache" && !this.caches.has(a.name)) this.caches.set(a.name, zeros({ shape: [...a.shape], element: a.dtype }));
        // A copy (a stack: its layers' tensors one after the other); bf16 values are rounded by the interpreter, and the caller's arrays stay untouched.
        if (a.role === "weight" && !this.weights.has(a.name)) this.weights.set(a.name, { type: { shape: [...a.shape], element: a.dtype }, data: kernelWeightData(a, (n) => weights.get(n)) });
      }
    }
  }

  private module(k: ManifestKernel): Module {
    let m = this.modules.get(k.file);
    if (m) return m;
    let text: string | undefined;
    if ("files" in this.source) text = this.source.files.get(k.file);
    else if ("render" in this.source) text = this.source.render(k.file);
    else {
      try {
        text = readFileSync(join(this.source.dir, k.file), "utf8");
      } catch {
        text = undefined;
      }
    }
    if (text === undefined) throw new ReferenceBackendError(`${k.file}: no such module (compile with --emit stablehlo)`);
    const mods = parseModules(text, k.file);
    if (mods.length !== 1) throw new ReferenceBackendError(`${k.file}: expected one module, found ${mods.length}`);
    m = mods[0];
    this.modules.set(k.file, m);
    return m;
  }

  private arg(a: TensorSig, inputs: ReadonlyMap<string, KernelInput>): Tensor {
    if (a.role === "weight") return this.weights.get(a.name)!;
    if (a.role === "cache") {
      const c = this.caches.get(a.name);
      if (!c) throw new ReferenceBackendError(`cache ${a.name} was not allocated`);
      return c;
    }
    const v = inputs.get(a.name);
    if (!v) throw new ReferenceBackendError(`input ${a.name} missing`);
    const element = a.dtype === "f32" ? "f32" : "i32";
    if (element === "f32" ? !(v instanceof Float32Array) : !(v instanceof Int32Array)) throw new ReferenceBackendError(`input ${a.name} must be a ${element === "f32" ? "Float32Array" : "Int32Array"}`);
    return { type: { shape: [...a.shape], element }, data: v };
  }

  async run(kernel: ManifestKernel, inputs: ReadonlyMap<string, KernelInput>): Promise<Map<string, Int32Array>> {
    if (!this.manifest) throw new ReferenceBackendError("run() before init()");
    const mod = this.module(kernel);
    const args = kernel.args.map((a) => this.arg(a, inputs));
    const interp = new Interpreter(mod);
    const results = interp.run("main", args);
    this.peakCallBytes = Math.max(this.peakCallBytes, interp.peakBytes);
    this.calls++;
    if (results.length !== kernel.results.length) {
      throw new ReferenceBackendError(`${kernel.file}: ${results.length} results, the manifest lists ${kernel.results.length}`);
    }
    const out = new Map<string, Int32Array>();
    kernel.results.forEach((r, i) => {
      const t = results[i];
      if (r.role === "cache") this.caches.set(r.name, t);
      else {
        if (!(t.data instanceof Int32Array)) throw new ReferenceBackendError(`${kernel.file}: result ${r.name} is not i32`);
        out.set(r.name, Int32Array.from(t.data));
      }
    });
    return out;
  }

  async close(): Promise<void> {
    this.modules.clear();
    this.weights.clear();
    this.caches.clear();
    this.manifest = null;
  }
}
