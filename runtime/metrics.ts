/**
 * Live engine counters for a server's /metrics: plain data, cumulative since the engine was created
 * (queue length and running count are the current values).
 */
import type { FinishReason } from "./request.js";

export interface EngineMetrics {
  /** Engine steps that made at least one kernel call. */
  readonly steps: number;
  /** Kernel calls (prefill, draft, verify, decode_step, target_step and the sampling twins). */
  readonly kernelCalls: number;
  /** Decode calls: steps that ran a decode batch. */
  readonly decodeCalls: number;
  /** Request decode steps: one per request per decode call. */
  readonly decodeSteps: number;
  readonly requestsSubmitted: number;
  readonly requestsFinished: number;
  readonly finishedByReason: Readonly<Record<FinishReason, number>>;
  /** Tokens reported to requests (streamed and returned; tokens past a stop or a limit are not counted). */
  readonly tokensGenerated: number;
  /** `acceptedHistogram[a]`: speculative request steps that accepted exactly `a` drafts (`a = 0..K-1`). */
  readonly acceptedHistogram: readonly number[];
  /** Per block position `i = 1..K-1`: fraction of speculative request steps accepted through `i`. */
  readonly acceptance: readonly number[];
  /** Requests waiting: submitted, not yet admitted (preempted ones included). */
  readonly queueLength: number;
  /** Requests admitted (prefilling or decoding). */
  readonly running: number;
  /** Target KV pages held by requests, of the pool's `targetPages` (page 0, the trash page, not counted). */
  readonly targetPagesUsed: number;
  readonly targetPages: number;
  /** Wall time spent in engine steps, cumulative seconds, and how many steps it covers. */
  readonly stepSeconds: number;
  readonly stepCount: number;
}

/** The mutable counters behind `Engine.metrics()`. */
export class MetricsCounters {
  steps = 0;
  kernelCalls = 0;
  decodeCalls = 0;
  decodeSteps = 0;
  requestsSubmitted = 0;
  requestsFinished = 0;
  readonly finishedByReason: Record<FinishReason, number> = { stop: 0, length: 0, max_context: 0, capacity: 0, cancelled: 0 };
  tokensGenerated = 0;
  readonly acceptedHistogram: number[];
  stepSeconds = 0;
  stepCount = 0;

  constructor(blockSize: number) {
    this.acceptedHistogram = new Array<number>(blockSize).fill(0);
  }

  finished(reason: FinishReason): void {
    this.requestsFinished++;
    this.finishedByReason[reason]++;
  }

  /** A copy, with the acceptance per position derived from the histogram. */
  snapshot(queueLength: number, running: number, pages: { readonly used: number; readonly total: number }): EngineMetrics {
    const h = this.acceptedHistogram;
    let total = 0;
    for (const n of h) total += n;
    const acceptance = new Array<number>(Math.max(0, h.length - 1)).fill(0);
    let atLeast = 0;
    for (let i = h.length - 1; i >= 1; i--) {
      atLeast += h[i];
      acceptance[i - 1] = total === 0 ? 0 : atLeast / total;
    }
    return {
      steps: this.steps,
      kernelCalls: this.kernelCalls,
      decodeCalls: this.decodeCalls,
      decodeSteps: this.decodeSteps,
      requestsSubmitted: this.requestsSubmitted,
      requestsFinished: this.requestsFinished,
      finishedByReason: { ...this.finishedByReason },
      tokensGenerated: this.tokensGenerated,
      acceptedHistogram: [...h],
      acceptance,
      queueLength,
      running,
      targetPagesUsed: pages.used,
      targetPages: pages.total,
      stepSeconds: this.stepSeconds,
      stepCount: this.stepCount,
    };
  }
}
