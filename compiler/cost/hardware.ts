/**
 * Per-chip numbers of the TPU generations dflashc plans for: the datasheet figures from the public
 * Cloud TPU system architecture pages (sources and dates in docs/hardware.md), and the cost model's
 * calibration (docs/cost-model.md): what a real decode step achieves of those figures and what it costs
 * besides them. Units are as the datasheet states them: v4 gives HBM in GiB, the others in GB (10^9
 * bytes); bandwidth is in GB/s (10^9 bytes per second).
 */
import type { TpuChip } from "../../dsl/types.js";

/** A calibration constant and where it comes from: a published figure, or "fitted to <point>". */
export interface Calibrated {
  readonly value: number;
  readonly source: string;
}

/**
 * What the roofline misses. A phase costs max(FLOPs / (flopFraction · peak), bytes / (hbmFraction ·
 * bandwidth)); a target-only step adds stepOverheadS, a speculative step stepOverheadS + draftOverheadS.
 */
export interface ChipCalibration {
  /** Share of the datasheet HBM bandwidth a memory-bound phase sustains. */
  readonly hbmFraction: Calibrated;
  /** Share of the datasheet bf16 peak a compute-bound phase sustains. */
  readonly flopFraction: Calibrated;
  /** Fixed cost of every decode step: host scheduling, dispatch and launch, reading the result back. */
  readonly stepOverheadS: Calibrated;
  /** Extra fixed cost of a speculative step: the drafter's own dispatches and host round trips. */
  readonly draftOverheadS: Calibrated;
}

export interface ChipSpec {
  readonly chip: TpuChip;
  /** Human name as the datasheet writes it. */
  readonly label: string;
  readonly hbmBytes: number;
  /** Peak dense bf16 FLOP/s per chip. */
  readonly peakBf16Flops: number;
  /** HBM bandwidth per chip, bytes/s. */
  readonly hbmBandwidth: number;
  /** Two TensorCores behind one device (v4, v5p "megacore"): Pallas grids mark an axis parallel to use both. */
  readonly megacore: boolean;
  readonly calibration: ChipCalibration;
  /** The chip whose published measurement `calibration` was fitted to (itself, or v5p where none is published). */
  readonly calibratedOn: TpuChip;
}

const GB = 1e9;
const GiB = 1024 ** 3;

/** The published DFlash measurement the calibration is fitted to (docs/cost-model.md, "Calibration"). */
const V5P_POINT = "the published DFlash point (TPU v5p, Qwen3-4B, K=16, batch 1: 7.30 ms/token target-only, 3.13x at mean tau 5.42), costed at 4096 cached rows";

/**
 * TPU v5p, fitted. The one published point fixes two numbers (the target-only step and the speculative
 * step); the bandwidth share cannot be told apart from the step overhead with it, so it is set, and the
 * two overheads are what remains (compiler/cost/calibration.ts `fitOverheads`, checked by
 * test/cost/calibration.test.ts).
 */
const V5P_CALIBRATION: ChipCalibration = {
  hbmFraction: {
    value: 0.8,
    source: "set, not fitted: one published point cannot separate it from the step overhead; 0.8 is a typical sustained share of datasheet bandwidth for streamed weight reads (docs/cost-model.md shows 0.6 and 1.0)",
  },
  flopFraction: {
    value: 0.75,
    source: "fitted to the published flat verify cost from K=16 to K=128 (Qwen3-4B, batch 1): the smallest share, in steps of 0.05, at which verify of 128 rows is still memory-bound",
  },
  stepOverheadS: { value: 3.39e-3, source: `fitted to ${V5P_POINT}: the target-only step less its roofline time` },
  draftOverheadS: { value: 4.38e-3, source: `fitted to ${V5P_POINT}: the speculative step less its roofline time and the step overhead` },
};

/** Chips with no published DFlash point take v5p's shares and overheads (the overheads are host-side). */
function fromV5p(label: string): ChipCalibration {
  const note = (c: Calibrated): Calibrated => ({ value: c.value, source: `TPU v5p's (no published DFlash point on ${label}): ${c.source}` });
  return {
    hbmFraction: note(V5P_CALIBRATION.hbmFraction),
    flopFraction: note(V5P_CALIBRATION.flopFraction),
    stepOverheadS: note(V5P_CALIBRATION.stepOverheadS),
    draftOverheadS: note(V5P_CALIBRATION.draftOverheadS),
  };
}

export const TPU_CHIPS: Readonly<Record<TpuChip, ChipSpec>> = {
  // "HBM2 capacity and bandwidth: 32 GiB, 1200 GBps"; "Peak compute per chip: 275 teraflops (bf16 or int8)".
  "tpu-v4": { chip: "tpu-v4", label: "TPU v4", hbmBytes: 32 * GiB, peakBf16Flops: 275e12, hbmBandwidth: 1200 * GB, megacore: true, calibration: fromV5p("TPU v4"), calibratedOn: "tpu-v5p" },
  // "Peak compute per chip (bf16): 197 TFLOPs"; "HBM2 capacity and bandwidth: 16 GB, 819 GBps".
  "tpu-v5e": { chip: "tpu-v5e", label: "TPU v5e", hbmBytes: 16 * GB, peakBf16Flops: 197e12, hbmBandwidth: 819 * GB, megacore: false, calibration: fromV5p("TPU v5e"), calibratedOn: "tpu-v5p" },
  // "Peak compute per chip (bf16): 459 TFLOPs"; "HBM2e capacity and bandwidth: 95GB, 2765 GBps".
  "tpu-v5p": { chip: "tpu-v5p", label: "TPU v5p", hbmBytes: 95 * GB, peakBf16Flops: 459e12, hbmBandwidth: 2765 * GB, megacore: true, calibration: V5P_CALIBRATION, calibratedOn: "tpu-v5p" },
  // Trillium: "Peak compute per chip (bf16): 918 TFLOPs"; "HBM capacity 32 GB"; "HBM bandwidth 1640 GBps".
  "tpu-v6e": { chip: "tpu-v6e", label: "TPU v6e", hbmBytes: 32 * GB, peakBf16Flops: 918e12, hbmBandwidth: 1640 * GB, megacore: false, calibration: fromV5p("TPU v6e"), calibratedOn: "tpu-v5p" },
};

export const ALL_CHIPS: readonly TpuChip[] = ["tpu-v4", "tpu-v5e", "tpu-v5p", "tpu-v6e"];

export function chipSpec(chip: TpuChip): ChipSpec {
  return TPU_CHIPS[chip];
}

/** FLOP/byte above which a kernel on this chip is compute-bound at the datasheet figures (the roofline's ridge point). */
export function ridgePoint(spec: ChipSpec): number {
  return spec.peakBf16Flops / spec.hbmBandwidth;
}
