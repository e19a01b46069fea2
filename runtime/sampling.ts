/**
 * Host side of sampling (docs/kernels.md, "Sampling"): per-request parameters, their validation, and
 * the seeded uniforms the sampling kernels take as inputs.
 *
 * Uniforms come from one stream per request, keyed by `(seed, request index)`: a request's draws never
 * depend on which other requests share its batch, on the bucket, or on the backend, so the same seed
 * gives the same tokens everywhere. The generator uses 32-bit integer arithmetic only (SplitMix32's
 * finalizer, as runtime/weights/random.ts), and a uniform is `(x >>> 8) * 2^-24`: exact in f32, in
 * `[0, 1 - 2^-24]`.
 */

/** Per-request sampling parameters. `temperature` 0 is greedy; `topK` 0 and `topP` 1 are off. */
export interface SamplingParams {
  readonly temperature: number;
  /** Keep the `topK` most probable tokens (ties at the threshold kept); 0 = off. */
  readonly topK: number;
  /** Keep the smallest set of most probable tokens whose mass reaches `topP`; 1 = off. */
  readonly topP: number;
}

export const GREEDY: SamplingParams = { temperature: 0, topK: 0, topP: 1 };

export class SamplingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SamplingError";
  }
}

/** Fills defaults and checks ranges; throws a SamplingError naming the bad field. */
export function samplingParams(p: Partial<SamplingParams> = {}): SamplingParams {
  const temperature = p.temperature ?? 0;
  const topK = p.topK ?? 0;
  const topP = p.topP ?? 1;
  if (!Number.isFinite(temperature) || temperature < 0) throw new SamplingError(`temperature must be a finite number >= 0, got ${temperature}`);
  if (!Number.isInteger(topK) || topK < 0 || topK > 2 ** 31 - 1) throw new SamplingError(`topK must be an integer >= 0 (0 = off), got ${topK}`);
  if (!Number.isFinite(topP) || topP <= 0 || topP > 1) throw new SamplingError(`topP must be in (0, 1] (1 = off), got ${topP}`);
  return { temperature, topK, topP };
}

/** Whether a request with these parameters samples (temperature > 0) rather than decoding greedily. */
export function isSampling(p: SamplingParams): boolean {
  return p.temperature > 0;
}

const GOLDEN = 0x9e3779b9;

function mix32(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** The uniforms of one request: a SplitMix32 sequence whose start is a hash of `(seed, index)`. */
export class UniformStream {
  private state: number;
  private count = 0;

  constructor(seed: number, index: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new SamplingError(`seed must be a non-negative safe integer, got ${seed}`);
    if (!Number.isSafeInteger(index) || index < 0) throw new SamplingError(`stream index must be a non-negative safe integer, got ${index}`);
    const hi = Math.floor(seed / 2 ** 32);
    this.state = mix32(mix32(mix32(seed >>> 0) ^ mix32(hi + GOLDEN)) + mix32((index >>> 0) + 0x632be5ab) + Math.floor(index / 2 ** 32));
  }

  /** Uniforms drawn so far. */
  get drawn(): number {
    return this.count;
  }

  /** The next uniform, `k * 2^-24` for an integer `k < 2^24`. */
  next(): number {
    this.state = (this.state + GOLDEN) >>> 0;
    this.count++;
    return (mix32(this.state) >>> 8) * 2 ** -24;
  }

  /** Writes the next `n` uniforms at `out[offset..offset+n)`. */
  fill(out: Float32Array, offset: number, n: number): void {
    for (let i = 0; i < n; i++) out[offset + i] = this.next();
  }
}

/** One batch row of a sampling kernel: a request's parameters and its stream. */
export interface SamplingRow {
  readonly params: SamplingParams;
  readonly stream: UniformStream;
}

/** The sampling inputs of a kernel call, by argument name (`uniforms`, `temperature`, `top_k`, `top_p`). */
export interface SamplingBuffers {
  readonly uniforms: Float32Array;
  readonly temperature: Float32Array;
  readonly top_k: Int32Array;
  readonly top_p: Float32Array;
}

/**
 * Fills the sampling inputs of a kernel call for `rows` (the real requests, in batch order) with
 * `draws` uniforms per row (`K` for verify_sample / decode_step_sample, 1 for target_step_sample):
 * each row draws exactly `draws` uniforms from its own stream. Rows past `rows.length` are padding:
 * zero uniforms, greedy parameters.
 */
export function fillSamplingInputs(b: SamplingBuffers, rows: readonly SamplingRow[], draws: number): void {
  const r = b.temperature.length;
  if (rows.length > r) throw new SamplingError(`${rows.length} requests do not fit a bucket of ${r}`);
  if (b.uniforms.length !== r * draws) throw new SamplingError(`uniforms hold ${b.uniforms.length} values, expected ${r} x ${draws}`);
  b.uniforms.fill(0);
  b.temperature.fill(0);
  b.top_k.fill(0);
  b.top_p.fill(1);
  rows.forEach((row, i) => {
    row.stream.fill(b.uniforms, i * draws, draws);
    b.temperature[i] = row.params.temperature;
    b.top_k[i] = row.params.topK;
    b.top_p[i] = row.params.topP;
  });
}

/** Fresh sampling inputs for a bucket of `r` rows (see fillSamplingInputs). */
export function samplingInputs(rows: readonly SamplingRow[], r: number, draws: number): Map<string, Float32Array | Int32Array> {
  const b: SamplingBuffers = { uniforms: new Float32Array(r * draws), temperature: new Float32Array(r), top_k: new Int32Array(r), top_p: new Float32Array(r) };
  fillSamplingInputs(b, rows, draws);
  return new Map<string, Float32Array | Int32Array>(Object.entries(b));
}
