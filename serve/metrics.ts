/**
 * `GET /metrics` in Prometheus' text format (version 0.0.4): the server's own counters (requests by
 * finish reason, rejected requests, prompt and generated tokens) and the engine's (runtime/metrics.ts:
 * τ, acceptance per block position, steps and step time, queue, running requests, KV pages).
 */
import type { EngineMetrics } from "../runtime/metrics.js";
import type { ApiFinishReason } from "./generation.js";

export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** Why a request got no generation: a 4xx for its content, a full queue (429), a server shutting down (503). */
export type RejectReason = "invalid" | "queue_full" | "unavailable";

export class ServerCounters {
  readonly finished: Record<ApiFinishReason, number> = { stop: 0, length: 0, capacity: 0, cancelled: 0 };
  readonly rejected: Record<RejectReason, number> = { invalid: 0, queue_full: 0, unavailable: 0 };
  promptTokens = 0;
  generatedTokens = 0;
  /** Requests that failed inside the engine (a backend error): answered 500. */
  failed = 0;
  /** Clients that went away before their response ended (their requests are cancelled). */
  disconnects = 0;
}

type Sample = readonly [labels: Readonly<Record<string, string>>, value: number];

class Exposition {
  private readonly lines: string[] = [];

  metric(name: string, type: "counter" | "gauge", help: string, samples: readonly Sample[] | number): void {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    const list: readonly Sample[] = typeof samples === "number" ? [[{}, samples]] : samples;
    for (const [labels, value] of list) this.lines.push(`${name}${labelText(labels)} ${formatValue(value)}`);
  }

  summary(name: string, help: string, sum: number, count: number): void {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} summary`, `${name}_sum ${formatValue(sum)}`, `${name}_count ${formatValue(count)}`);
  }

  text(): string {
    return `${this.lines.join("\n")}\n`;
  }
}

function labelText(labels: Readonly<Record<string, string>>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`);
  return parts.length === 0 ? "" : `{${parts.join(",")}}`;
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "+Inf" : "-Inf";
  return String(v);
}

/** Mean tokens committed per speculative request step (`a + 1` averaged over the histogram); 0 before any. */
export function tauOf(acceptedHistogram: readonly number[]): number {
  let steps = 0;
  let tokens = 0;
  acceptedHistogram.forEach((n, a) => {
    steps += n;
    tokens += n * (a + 1);
  });
  return steps === 0 ? 0 : tokens / steps;
}

export function renderMetrics(server: ServerCounters, engine: EngineMetrics): string {
  const e = new Exposition();
  e.metric("dflashc_requests_total", "counter", "Requests that finished, by finish reason (cancelled: the client went away or the server shut down).", Object.entries(server.finished).map(([reason, n]) => [{ finish_reason: reason }, n] as const));
  e.metric("dflashc_requests_rejected_total", "counter", "Requests answered without a generation: invalid (4xx), queue_full (429), unavailable (503).", Object.entries(server.rejected).map(([reason, n]) => [{ reason }, n] as const));
  e.metric("dflashc_requests_failed_total", "counter", "Requests the engine failed (answered 500).", server.failed);
  e.metric("dflashc_client_disconnects_total", "counter", "Clients that went away before their response ended (the request is cancelled, its pages freed).", server.disconnects);
  e.metric("dflashc_prompt_tokens_total", "counter", "Prompt tokens of the requests submitted to the engine.", server.promptTokens);
  e.metric("dflashc_generation_tokens_total", "counter", "Tokens generated for finished requests (their output ids).", server.generatedTokens);
  e.metric("dflashc_requests_running", "gauge", "Requests the engine has admitted (prefilling or decoding).", engine.running);
  e.metric("dflashc_requests_waiting", "gauge", "Requests submitted and waiting for admission (queue length).", engine.queueLength);
  e.metric("dflashc_tau", "gauge", "Mean tokens committed per speculative decode step of a request (accepted drafts + 1), since start.", tauOf(engine.acceptedHistogram));
  e.metric(
    "dflashc_acceptance_rate",
    "gauge",
    "Per block position i (1..blockSize-1): the fraction of speculative request steps that accepted drafts through position i.",
    engine.acceptance.map((rate, i) => [{ position: String(i + 1) }, rate] as const),
  );
  e.metric(
    "dflashc_accepted_drafts_total",
    "counter",
    "Speculative request steps by the number of drafts accepted (0..blockSize-1).",
    engine.acceptedHistogram.map((n, a) => [{ accepted: String(a) }, n] as const),
  );
  e.metric("dflashc_engine_steps_total", "counter", "Engine steps that made at least one kernel call.", engine.steps);
  e.metric("dflashc_kernel_calls_total", "counter", "Kernel calls (prefill, decode and their variants).", engine.kernelCalls);
  e.summary("dflashc_step_seconds", "Wall time of engine steps.", engine.stepSeconds, engine.stepCount);
  e.metric("dflashc_kv_pages_used", "gauge", "Target KV cache pages held by requests.", engine.targetPagesUsed);
  e.metric("dflashc_kv_pages_total", "gauge", "Target KV cache pages in the pool.", engine.targetPages);
  return e.text();
}
