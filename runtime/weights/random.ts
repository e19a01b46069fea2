/**
 * Seeded random weights and inputs, identical on every machine: only 32-bit integer arithmetic,
 * additions and multiplications (no Math.log/cos, whose last bits may differ between engines).
 *
 * Generator: splitmix32 (the 32-bit SplitMix variant with the "hash-prospector" finalizer
 * `x ^= x>>>16; x *= 0x21f0aaad; x ^= x>>>15; x *= 0x735a2d97; x ^= x>>>15`, increment 0x9e3779b9).
 * Each tensor has its own stream, seeded by FNV-1a(name) mixed with the seed, so a tensor's values
 * depend only on (seed, name, shape), never on which other tensors a kernel takes.
 *
 * Distribution: a "normal-ish" value is Irwin-Hall of 4 uniforms, centred and scaled to unit variance
 * (`(u1+u2+u3+u4-2) * sqrt(3)`, bounded by ±2√3, so no outliers). Per tensor (HF names):
 * - linear weights (`*_proj`, `fc`, `lm_head`): std `max(0.02, 1/sqrt(fan_in))` — HF's
 *   `initializer_range` at real sizes, unit gain at tiny sizes so every layer visibly moves the
 *   residual stream and the greedy tokens depend on the context;
 * - biases: std 0.1 (so a dropped bias shows in every test);
 * - norm weights (`*norm*`): `1 + 0.1 * n`;
 * - the embedding: std 1 (unit-scale residual stream; tied LM heads give well-separated logits).
 * bf16 tensors get every value rounded to bf16 (nearest, ties to even), so all backends see the same weights.
 *
 * The weights are the manifest's (`manifest.weights`: kernel argument name, shape, dtype); the compiler's
 * `planWeights(plan)` lists the same ones for a plan.
 */
import { roundBf16 } from "../../contract/bf16.js";
import type { TensorSig } from "../../contract/manifest.js";
import type { ModelDType } from "../../contract/dtypes.js";

/** One weight to draw: its kernel argument name (`target.<hf>` / `draft.<hf>`), shape and dtype. */
export type WeightTensor = Pick<TensorSig, "name" | "shape" | "dtype">;

export class SplitMix32 {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next 32-bit unsigned integer. */
  nextU32(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Irwin-Hall(4), centred and scaled: mean 0, variance 1, within ±2√3. */
  normalish(): number {
    return (this.uniform() + this.uniform() + this.uniform() + this.uniform() - 2) * SQRT3;
  }
}

const SQRT3 = 1.7320508075688772;

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The generator of one named stream under `seed`. */
export function streamFor(seed: number, name: string): SplitMix32 {
  return new SplitMix32(Math.imul(seed >>> 0, 0x9e3779b1) ^ fnv1a(name));
}

/** How one weight is drawn, from its Hugging Face name (`hf`) and shape: `mean + std * normalish`. */
function initOf(hf: string, shape: readonly number[]): { mean: number; std: number } {
  const base = hf.split(".").at(-2) ?? "";
  if (hf.endsWith(".bias")) return { mean: 0, std: 0.1 };
  if (base.includes("norm")) return { mean: 1, std: 0.1 };
  if (hf === "model.embed_tokens.weight") return { mean: 0, std: 1 };
  return { mean: 0, std: Math.max(0.02, 1 / Math.sqrt(shape[shape.length - 1])) };
}

function draw(seed: number, key: string, shape: readonly number[], mean: number, std: number, bf16: boolean): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const rng = streamFor(seed, `${key}:${shape.join("x")}`);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const v = mean + std * rng.normalish();
    out[i] = bf16 ? roundBf16(v) : v;
  }
  return out;
}

/** Every weight of `weights` (the manifest's list), keyed by its kernel argument name. */
export function randomWeights(weights: readonly WeightTensor[], seed: number): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const w of weights) {
    const { mean, std } = initOf(w.name.slice(w.name.indexOf(".") + 1), w.shape);
    out.set(w.name, draw(seed, w.name, w.shape, mean, std, w.dtype === "bf16"));
  }
  return out;
}

/** A float tensor of `shape` with values `std * normalish` from stream `name` (f32, or rounded to bf16). */
export function randomTensor(seed: number, name: string, shape: readonly number[], std = 1, dtype: ModelDType = "f32"): Float32Array {
  return draw(seed, name, shape, 0, std, dtype === "bf16");
}

/** `n` token ids uniform in `[0, vocab)`, avoiding `exclude` (e.g. the mask token). */
export function randomTokens(seed: number, name: string, n: number, vocab: number, exclude: readonly number[] = []): number[] {
  const rng = streamFor(seed, name);
  const out: number[] = [];
  while (out.length < n) {
    const t = rng.int(vocab);
    if (!exclude.includes(t)) out.push(t);
  }
  return out;
}
