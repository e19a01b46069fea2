/**
 * `dflashc plan` as data: the memory plan of the declaration on its hardware, and the calibrated
 * roofline projection per block size K. The table printer and the SVG plot both render this one object, and
 * `--json` prints it.
 */
import type { TpuChip } from "../../dsl/types.js";
import type { DecoderPlan } from "../ir/plan.js";
import { memoryBreakdown, pagesThatFit, requestsThatFit, type MemoryBreakdown } from "../plan/memory.js";
import { DEFAULT_ACCEPTANCE_RATE, expectedTokensPerStep, rateProfile, type AcceptanceProfile } from "./acceptance.js";
import { ALL_CHIPS, chipSpec, type ChipCalibration } from "./hardware.js";
import { baselineStep, draftSpan, speculativeOverheadS, speculativeStep, type Slice } from "./roofline.js";

/** Block sizes the projection sweeps; the declared K is added when it is not among them. */
export const K_SWEEP: readonly number[] = [2, 4, 8, 10, 16, 32, 64, 128, 256, 512, 1024];

export interface PlanOptions {
  /** Requests decoded together; default 1 (latency). */
  readonly batch?: number;
  /** Cached rows per request; default half of the declaration's maxContext. */
  readonly context?: number;
  /** Override the declared hardware (the plan projects the declaration onto it). */
  readonly chip?: TpuChip;
  readonly chips?: number;
  readonly acceptance?: AcceptanceProfile;
}

export interface KRow {
  readonly k: number;
  readonly draftS: number;
  readonly verifyS: number;
  readonly stepS: number;
  readonly draftBound: "compute" | "memory";
  readonly verifyBound: "compute" | "memory";
  /** Expected tokens committed per step per request (τ). */
  readonly tokensPerStep: number;
  /** Whole batch. */
  readonly tokensPerS: number;
  readonly speedup: number;
}

export interface BatchRow {
  readonly batch: number;
  readonly baselineStepS: number;
  readonly baselineTokensPerS: number;
  /** Best K at this batch, and its speedup (speculative decoders only). */
  readonly bestK: number | null;
  readonly bestSpeedup: number | null;
  /** Speedup per K of `ks`, in order (speculative decoders only). */
  readonly speedups: readonly number[];
}

export interface ChipRow {
  readonly chip: TpuChip;
  readonly label: string;
  readonly fits: boolean;
  readonly perChipBytes: number;
  readonly hbmBytes: number;
  readonly baselineStepS: number;
  /** At the declared K (speculative decoders). */
  readonly stepS: number | null;
  readonly speedup: number | null;
  /** The chip whose published measurement this chip's calibration comes from (compiler/cost/hardware.ts). */
  readonly calibratedOn: TpuChip;
}

export interface PlanReport {
  readonly decoder: string;
  readonly chip: TpuChip;
  readonly chipLabel: string;
  readonly chips: number;
  readonly batch: number;
  readonly context: number;
  /** The chip's calibration constants, each with its source (compiler/cost/hardware.ts). */
  readonly calibration: ChipCalibration;
  /** Fixed cost of a target-only step and of a speculative step on this chip. */
  readonly baselineOverheadS: number;
  readonly speculativeOverheadS: number;
  readonly acceptance: string;
  /** null for a target-only decoder. */
  readonly declaredK: number | null;
  readonly memory: MemoryBreakdown & {
    readonly declaredPages: number;
    readonly pagesThatFit: number | null;
    readonly maxRequests: number;
    readonly requestsThatFit: number | null;
  };
  readonly baseline: { readonly stepS: number; readonly tokensPerS: number; readonly bound: "compute" | "memory" };
  readonly ks: readonly number[];
  readonly rows: readonly KRow[];
  readonly bestK: number | null;
  /** Batches 1, 2, 4, ... up to maxRequests: the baseline and the speedup curve per batch. */
  readonly batches: readonly BatchRow[];
  readonly perChip: readonly ChipRow[];
}

function pow2UpTo(n: number): number[] {
  const out: number[] = [];
  for (let b = 1; b <= n; b *= 2) out.push(b);
  if (out[out.length - 1] !== n) out.push(n);
  return out;
}

/**
 * The plan's memory numbers on the hardware the report projects onto: `--chip` / `--chips` replace the
 * declared HBM per chip and the sharding (weights and caches split over the chips, activations whole).
 */
function onHardware(plan: DecoderPlan, chip: TpuChip, chips: number): DecoderPlan {
  const m = plan.memory;
  const perChipBytes = Math.ceil((m.weightBytes + m.targetKvBytes + m.draftKvBytes) / chips) + m.activationBytes;
  return { ...plan, memory: { ...m, chips, perChipBytes, hbmBytesPerChip: chipSpec(chip).hbmBytes } };
}

export function buildPlanReport(declared: DecoderPlan, opts: PlanOptions = {}): PlanReport {
  const plan = opts.chip !== undefined || opts.chips !== undefined ? onHardware(declared, opts.chip ?? declared.hardware?.chip ?? "tpu-v5p", opts.chips ?? declared.hardware?.chips ?? 1) : declared;
  const chip = opts.chip ?? plan.hardware?.chip ?? "tpu-v5p";
  const chips = opts.chips ?? plan.hardware?.chips ?? 1;
  const spec = chipSpec(chip);
  const slice: Slice = { spec, chips };
  const batch = opts.batch ?? 1;
  const context = opts.context ?? Math.floor(plan.maxContext / 2);
  const profile = opts.acceptance ?? rateProfile(DEFAULT_ACCEPTANCE_RATE);
  const draft = plan.draft;
  const declaredK = draft ? plan.blockSize : null;
  const ks = draft ? [...new Set([...K_SWEEP, plan.blockSize])].sort((a, b) => a - b) : [];

  const speedupsAt = (b: number, onSlice: Slice) => {
    const base = baselineStep(plan.target, b, context, onSlice);
    return ks.map((k) => {
      const s = speculativeStep(plan.target, draft!, draftSpan(plan, k), k, b, context, onSlice);
      const tau = expectedTokensPerStep(profile, k);
      return { k, s, tau, speedup: (tau * base.stepS) / s.stepS };
    });
  };

  const base = baselineStep(plan.target, batch, context, slice);
  const rows: KRow[] = draft
    ? speedupsAt(batch, slice).map(({ k, s, tau, speedup }) => ({
        k,
        draftS: s.draft.timeS,
        verifyS: s.verify.timeS,
        stepS: s.stepS,
        draftBound: s.draft.bound,
        verifyBound: s.verify.bound,
        tokensPerStep: tau,
        tokensPerS: (batch * tau) / s.stepS,
        speedup,
      }))
    : [];
  const bestOf = (xs: readonly { k: number; speedup: number }[]) => (xs.length === 0 ? null : xs.reduce((a, b) => (b.speedup > a.speedup ? b : a)));

  const batches: BatchRow[] = pow2UpTo(plan.maxRequests).map((b) => {
    const bs = baselineStep(plan.target, b, context, slice);
    const sp = draft ? speedupsAt(b, slice) : [];
    const best = bestOf(sp);
    return {
      batch: b,
      baselineStepS: bs.stepS,
      baselineTokensPerS: b / bs.stepS,
      bestK: best?.k ?? null,
      bestSpeedup: best?.speedup ?? null,
      speedups: sp.map((x) => x.speedup),
    };
  });

  const perChip: ChipRow[] = ALL_CHIPS.map((c) => {
    const cs = chipSpec(c);
    const sl: Slice = { spec: cs, chips };
    const bs = baselineStep(plan.target, batch, context, sl);
    const at = draft ? speculativeStep(plan.target, draft, draftSpan(plan, plan.blockSize), plan.blockSize, batch, context, sl) : null;
    const tau = draft ? expectedTokensPerStep(profile, plan.blockSize) : 0;
    // Per-chip bytes do not depend on the chip kind, only on the chip count.
    const perChipBytes = Math.ceil((plan.memory.weightBytes + plan.memory.targetKvBytes + plan.memory.draftKvBytes) / chips) + plan.memory.activationBytes;
    return {
      chip: c,
      label: cs.label,
      fits: perChipBytes <= cs.hbmBytes,
      perChipBytes,
      hbmBytes: cs.hbmBytes,
      baselineStepS: bs.stepS,
      stepS: at?.stepS ?? null,
      speedup: at ? (tau * bs.stepS) / at.stepS : null,
      calibratedOn: cs.calibratedOn,
    };
  });

  return {
    decoder: plan.name,
    chip,
    chipLabel: spec.label,
    chips,
    batch,
    context,
    calibration: spec.calibration,
    baselineOverheadS: base.overheadS,
    speculativeOverheadS: speculativeOverheadS(spec),
    acceptance: draft ? profile.description : "none (target-only decoder)",
    declaredK,
    memory: {
      ...memoryBreakdown(plan),
      declaredPages: plan.caches.target.numPages,
      pagesThatFit: pagesThatFit(plan),
      maxRequests: plan.maxRequests,
      requestsThatFit: requestsThatFit(plan),
    },
    baseline: { stepS: base.stepS, tokensPerS: batch / base.stepS, bound: base.target.bound },
    ks,
    rows,
    bestK: bestOf(rows)?.k ?? null,
    batches,
    perChip,
  };
}
