/**
 * What the engine drives. Weights and caches live in the backend between calls (on a device, in the
 * interpreter's tensors, in a worker process); the host sends int32 metadata (and the sampling kernels'
 * f32 inputs) and reads int32 results.
 */
import type { Manifest, ManifestKernel } from "../contract/manifest.js";

/** A kernel input: int32 metadata, or f32 for the sampling kernels' `uniforms`, `temperature`, `top_p`. */
export type KernelInput = Int32Array | Float32Array;

/** Weights by kernel argument name (`target.model.embed_tokens.weight`, `draft.fc.weight`, ...), f32 values. */
export type Weights = ReadonlyMap<string, Float32Array>;

export interface Backend {
  /** Loads weights and allocates zeroed caches. Called once, before any `run`. */
  init(manifest: Manifest, weights: Weights): Promise<void>;
  /**
   * Enqueues one kernel of the manifest. `inputs` holds every `role: "input"` argument by name,
   * row-major (Float32Array for an f32 argument, Int32Array otherwise); the backend reads (or copies)
   * them before `run` returns, and the engine reuses the buffers right after. The engine may call
   * `run` again before an earlier promise settles: calls execute in call order (each sees the caches
   * the one before left), and each promise settles with its own call's results. The result holds every
   * non-cache result (`accepted`, `target_tokens`, `next_tokens` ...) by name; donated caches
   * (the KV caches and the device state `seq_state`) stay inside the backend.
   */
  run(kernel: ManifestKernel, inputs: ReadonlyMap<string, KernelInput>): Promise<Map<string, Int32Array>>;
  close(): Promise<void>;
}

export class WeightsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WeightsError";
  }
}

/**
 * The host's stand-in for weights a backend reads itself (a JAX worker given a checkpoint folder or
 * `random:SEED`): empty, so an 8B model is not held on the host too; the backend checks what it loads.
 */
export class WeightsReadByBackend extends Map<string, Float32Array> {}

/** Every weight the manifest lists is present with the right element count (none for WeightsReadByBackend). */
export function assertWeights(manifest: Manifest, weights: Weights): void {
  if (weights instanceof WeightsReadByBackend) return;
  const missing: string[] = [];
  for (const w of manifest.weights) {
    const v = weights.get(w.name);
    if (!v) {
      missing.push(w.name);
      continue;
    }
    const n = w.shape.reduce((a, b) => a * b, 1);
    if (v.length !== n) throw new WeightsError(`weight ${w.name}: ${v.length} values, expected [${w.shape.join(", ")}] = ${n}`);
  }
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).join(", ");
    throw new WeightsError(`${missing.length} weight(s) missing: ${shown}${missing.length > 5 ? ", ..." : ""}`);
  }
}
