/**
 * GET /health, /v1/models and /metrics: the metrics are valid Prometheus text (every sample line
 * parses, belongs to a declared metric) and count what the requests did.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { postJson, startTestServer, type TestServer } from "./helpers.js";

const CLOCK_MS = 1_712_345_678_900;
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ server: { now: () => CLOCK_MS, modelName: "tiny-served" } });
});
afterAll(() => t.close());

/** Prometheus text format 0.0.4: `# HELP`/`# TYPE` lines, then `name{label="v",...} value` samples. */
function parsePrometheus(text: string): { types: Map<string, string>; samples: Map<string, number> } {
  const types = new Map<string, string>();
  const samples = new Map<string, number>();
  expect(text.endsWith("\n")).toBe(true);
  for (const line of text.slice(0, -1).split("\n")) {
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|summary|histogram|untyped)$/.exec(line);
    if (type) {
      types.set(type[1], type[2]);
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .+$/.test(line)) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/.exec(line);
    expect(m, `not a sample line: ${line}`).not.toBeNull();
    const family = m![1].replace(/_(sum|count)$/, "");
    expect(types.has(m![1]) || types.get(family) === "summary", `${m![1]} has no # TYPE`).toBe(true);
    samples.set(`${m![1]}${m![2] ?? ""}`, Number(m![3]));
  }
  return { types, samples };
}

async function metrics() {
  const r = await fetch(`${t.url}/metrics`);
  expect(r.status).toBe(200);
  expect(r.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  return parsePrometheus(await r.text());
}

it("/health answers ok; /v1/models lists the served name with the injected clock and the context length", async () => {
  const h = await fetch(`${t.url}/health`);
  expect(h.status).toBe(200);
  expect(await h.json()).toEqual({ status: "ok" });
  const m = await fetch(`${t.url}/v1/models`);
  expect(await m.json()).toEqual({
    object: "list",
    data: [{ id: "tiny-served", object: "model", created: Math.floor(CLOCK_MS / 1000), owned_by: "dflashc", max_model_len: t.compiled.manifest.decoder.maxContext }],
  });
});

it("/metrics parses and counts requests by finish reason, rejections, tokens, steps, τ and acceptance", async () => {
  const before = await metrics();
  expect(before.types.get("dflashc_requests_total")).toBe("counter");
  expect(before.types.get("dflashc_step_seconds")).toBe("summary");
  expect(before.samples.get('dflashc_requests_total{finish_reason="length"}')).toBe(0);

  const a = await postJson(`${t.url}/v1/completions`, { model: "tiny-served", prompt: "abcde", max_tokens: 6 });
  const b = await postJson(`${t.url}/v1/completions`, { prompt: [1, 2, 3], max_tokens: 3 });
  const bad = await postJson(`${t.url}/v1/completions`, { prompt: "a", n: 4 });
  expect([a.status, b.status, bad.status]).toEqual([200, 200, 400]);

  const { samples } = await metrics();
  expect(samples.get('dflashc_requests_total{finish_reason="length"}')).toBe(2);
  expect(samples.get('dflashc_requests_total{finish_reason="stop"}')).toBe(0);
  expect(samples.get('dflashc_requests_rejected_total{reason="invalid"}')).toBe(1);
  expect(samples.get("dflashc_prompt_tokens_total")).toBe(5 + 3);
  expect(samples.get("dflashc_generation_tokens_total")).toBe(6 + 3);
  expect(samples.get("dflashc_requests_running")).toBe(0);
  expect(samples.get("dflashc_requests_waiting")).toBe(0);
  expect(samples.get("dflashc_kv_pages_used")).toBe(0);
  expect(samples.get("dflashc_kv_pages_total")).toBe(t.engine.metrics().targetPages);
  const steps = samples.get("dflashc_step_seconds_count")!;
  expect(steps).toBeGreaterThan(0);
  expect(samples.get("dflashc_step_seconds_sum")).toBeGreaterThan(0);
  expect(samples.get("dflashc_engine_steps_total")).toBeLessThanOrEqual(steps);
  // τ and acceptance agree with the engine's histogram, one rate per draft position.
  const e = t.engine.metrics();
  const hist = e.acceptedHistogram;
  const tau = hist.reduce((s, n, a) => s + n * (a + 1), 0) / hist.reduce((s, n) => s + n, 0);
  expect(samples.get("dflashc_tau")).toBeCloseTo(tau, 12);
  expect(tau).toBeGreaterThanOrEqual(1);
  hist.forEach((n, a) => expect(samples.get(`dflashc_accepted_drafts_total{accepted="${a}"}`)).toBe(n));
  e.acceptance.forEach((rate, i) => expect(samples.get(`dflashc_acceptance_rate{position="${i + 1}"}`)).toBe(rate));
  expect(e.acceptance).toHaveLength(t.compiled.manifest.decoder.blockSize - 1);
});
