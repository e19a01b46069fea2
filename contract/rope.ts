/**
 * RoPE inverse frequencies, the one definition every backend, the evaluator and the host-built
 * `copy:SEED` drafter share (docs/kernels.md): `inv_freq[i] = theta^(-2i/D)`, rewritten by Hugging
 * Face's `llama3` rule when the model declares it. Computed in f64 and rounded once to f32, so every
 * backend starts from the same f32 constants.
 */

/** The `llama3` scaling fields the rule reads (the DSL's `Llama3RopeScaling` has them). */
export interface RopeScalingParams {
  readonly factor: number;
  readonly lowFreqFactor: number;
  readonly highFreqFactor: number;
  readonly originalMaxPositions: number;
}

export function ropeInvFreq(theta: number, headDim: number, scaling: RopeScalingParams | null): Float32Array {
  const half = headDim / 2;
  const out = new Float32Array(half);
  for (let i = 0; i < half; i++) {
    const base = 1 / Math.pow(theta, (2 * i) / headDim);
    out[i] = scaling ? llama3(base, scaling) : base;
  }
  return out;
}

/** HF `_compute_llama3_parameters`: long wavelengths divided by `factor`, short kept, smooth in between. */
function llama3(invFreq: number, s: RopeScalingParams): number {
  const lowFreqWavelen = s.originalMaxPositions / s.lowFreqFactor;
  const highFreqWavelen = s.originalMaxPositions / s.highFreqFactor;
  const wavelen = (2 * Math.PI) / invFreq;
  if (wavelen < highFreqWavelen) return invFreq;
  if (wavelen > lowFreqWavelen) return invFreq / s.factor;
  const smooth = (s.originalMaxPositions / wavelen - s.lowFreqFactor) / (s.highFreqFactor - s.lowFreqFactor);
  return (1 - smooth) * (invFreq / s.factor) + smooth * invFreq;
}
