/**
 * Per-chip numbers of the TPU generations dflashc plans for, from the public Cloud TPU system
 * architecture pages (sources and dates in docs/hardware.md). Units are as the datasheet states them:
 * v4 gives HBM in GiB, the others in GB (10^9 bytes); bandwidth is in GB/s (10^9 bytes per second).
 */
import type { TpuChip } from "../../dsl/types.js";

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
}

const GB = 1e9;
const GiB = 1024 ** 3;

export const TPU_CHIPS: Readonly<Record<TpuChip, ChipSpec>> = {
  // "HBM2 capacity and bandwidth: 32 GiB, 1200 GBps"; "Peak compute per chip: 275 teraflops (bf16 or int8)".
  "tpu-v4": { chip: "tpu-v4", label: "TPU v4", hbmBytes: 32 * GiB, peakBf16Flops: 275e12, hbmBandwidth: 1200 * GB, megacore: true },
  // "Peak compute per chip (bf16): 197 TFLOPs"; "HBM2 capacity and bandwidth: 16 GB, 819 GBps".
  "tpu-v5e": { chip: "tpu-v5e", label: "TPU v5e", hbmBytes: 16 * GB, peakBf16Flops: 197e12, hbmBandwidth: 819 * GB, megacore: false },
  // "Peak compute per chip (bf16): 459 TFLOPs"; "HBM2e capacity and bandwidth: 95GB, 2765 GBps".
  "tpu-v5p": { chip: "tpu-v5p", label: "TPU v5p", hbmBytes: 95 * GB, peakBf16Flops: 459e12, hbmBandwidth: 2765 * GB, megacore: true },
  // Trillium: "Peak compute per chip (bf16): 918 TFLOPs"; "HBM capacity 32 GB"; "HBM bandwidth 1640 GBps".
  "tpu-v6e": { chip: "tpu-v6e", label: "TPU v6e", hbmBytes: 32 * GB, peakBf16Flops: 918e12, hbmBandwidth: 1640 * GB, megacore: false },
};

export const ALL_CHIPS: readonly TpuChip[] = ["tpu-v4", "tpu-v5e", "tpu-v5p", "tpu-v6e"];

export function chipSpec(chip: TpuChip): ChipSpec {
  return TPU_CHIPS[chip];
}

/** FLOP/byte above which a kernel on this chip is compute-bound (the roofline's ridge point). */
export function ridgePoint(spec: ChipSpec): number {
  return spec.peakBf16Flops / spec.hbmBandwidth;
}
