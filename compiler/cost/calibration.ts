/**
 * The published DFlash measurement the cost model is calibrated to, and the fit that turns it into the
 * hardware table's constants (compiler/cost/hardware.ts). The table holds the fitted numbers as
 * literals; test/cost/calibration.test.ts re-runs this fit and checks that they agree, and that `plan`
 * reproduces the published figures (docs/cost-model.md, "Calibration").
 */
import type { ResolvedDraft, ResolvedModel } from "../ir/plan.js";
import type { ChipCalibration, ChipSpec } from "./hardware.js";
import { baselineStep, speculativeStep, type Slice } from "./roofline.js";

/** One published DFlash result: a target and drafter on one chip at batch 1, greedy. */
export interface PublishedPoint {
  readonly blockSize: number;
  /** Mean accepted length per step, the bonus token counted, averaged over the benchmark's datasets. */
  readonly meanTau: number;
  /** Speedup over target-only decoding, averaged over the same datasets. */
  readonly speedup: number;
  /** Time per output token, target-only and with DFlash. */
  readonly baselineTokenS: number;
  readonly dflashTokenS: number;
}

/** TPU v5p, one chip, Qwen3-4B with z-lab/Qwen3-4B-DFlash-b16 (examples/qwen3-4b-dflash.ts), K=16, batch 1, greedy. */
export const PUBLISHED_V5P_QWEN3_4B: PublishedPoint = { blockSize: 16, meanTau: 5.42, speedup: 3.13, baselineTokenS: 7.3e-3, dflashTokenS: 2.66e-3 };

/**
 * The speculative step time the point implies. A step costs the same whatever the dataset (the block
 * size is fixed), so each dataset's speedup is τ·T_baseline/T_step and their mean is
 * mean(τ)·T_baseline/T_step: T_step = mean τ · T_baseline / mean speedup. (The mean time per token,
 * T_step·mean(1/τ), is not the step over the mean τ: docs/cost-model.md.)
 */
export function publishedStepS(p: PublishedPoint): number {
  return (p.meanTau * p.baselineTokenS) / p.speedup;
}

/** The spec with other calibration numbers (the fit tries shares; the overheads it sets to zero to read the roofline alone). */
export function withCalibration(spec: ChipSpec, values: { readonly [K in keyof ChipCalibration]?: number }): ChipSpec {
  const c = spec.calibration;
  const v = (key: keyof ChipCalibration) => ({ value: values[key] ?? c[key].value, source: "calibration fit" });
  return { ...spec, calibration: { hbmFraction: v("hbmFraction"), flopFraction: v("flopFraction"), stepOverheadS: v("stepOverheadS"), draftOverheadS: v("draftOverheadS") } };
}

export interface CalibrationSetup {
  readonly target: ResolvedModel;
  readonly draft: ResolvedDraft;
  /** The draft's attention span at the point's block size (`draftSpan`). */
  readonly draftSpan: number;
  /** Cached rows per request the point is costed at. */
  readonly context: number;
}

/**
 * The two overheads that make the calibrated roofline reproduce the point on `spec`'s shares: the
 * target-only step less its roofline time, then the speculative step less its roofline time and the
 * step overhead.
 */
export function fitOverheads(s: CalibrationSetup, spec: ChipSpec, p: PublishedPoint): { stepOverheadS: number; draftOverheadS: number } {
  const slice: Slice = { spec: withCalibration(spec, { stepOverheadS: 0, draftOverheadS: 0 }), chips: 1 };
  const stepOverheadS = p.baselineTokenS - baselineStep(s.target, 1, s.context, slice).stepS;
  const roofline = speculativeStep(s.target, s.draft, s.draftSpan, p.blockSize, 1, s.context, slice).stepS;
  return { stepOverheadS, draftOverheadS: publishedStepS(p) - roofline - stepOverheadS };
}

/** verify at `k` over verify at `k0`, batch 1, on `spec`. */
export function verifyGrowth(s: CalibrationSetup, spec: ChipSpec, k0: number, k: number): number {
  const at = (kk: number) => speculativeStep(s.target, s.draft, s.draftSpan, kk, 1, s.context, { spec, chips: 1 }).verify.timeS;
  return at(k) / at(k0);
}

/**
 * The smallest FLOP share, in steps of `step`, at which verify of `k` rows (batch 1) is still
 * memory-bound, i.e. costs what verify of fewer rows costs but for the rows' own KV and logits: the
 * published "verify cost flat from K=16 to K=128". Below it verify at `k` turns compute-bound and grows.
 */
export function fitFlopFraction(s: CalibrationSetup, spec: ChipSpec, k: number, step = 0.05): number {
  for (let n = 1; n * step < 1; n++) {
    const share = Math.round(n * step * 1e6) / 1e6;
    const verify = speculativeStep(s.target, s.draft, s.draftSpan, k, 1, s.context, { spec: withCalibration(spec, { flopFraction: share }), chips: 1 }).verify;
    if (verify.bound === "memory") return share;
  }
  return 1;
}
