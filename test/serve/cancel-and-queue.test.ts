/**
 * Robustness under load, made deterministic by holding the backend (helpers.ts's gate) while requests
 * line up: a client that disconnects mid-stream cancels its request and its pages go back; a full
 * queue answers 429 at once (never a hang) while the queued requests still finish.
 */
import { afterEach, expect, it } from "vitest";
import { postJson, startTestServer, until, type TestServer } from "./helpers.js";

let t: TestServer | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

it("a client that aborts a stream cancels its request: pages freed, counted as cancelled, others unaffected", async () => {
  t = await startTestServer();
  const s = t;
  const controller = new AbortController();
  const res = await fetch(`${s.url}/v1/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt: "a long story, please", max_tokens: 200, stream: true }),
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  // Tokens are flowing: the request holds pages.
  const first = await reader.read();
  expect(new TextDecoder().decode(first.value)).toMatch(/^data: /);
  // Hold the engine at its next kernel call (one or, with the host one step behind, two calls wait), so the request cannot finish before the server sees the abort.
  s.gate.hold();
  await until(() => expect(s.gate.waiting).toBeGreaterThanOrEqual(1));
  expect(s.engine.metrics().targetPagesUsed).toBeGreaterThan(0);
  controller.abort();
  await until(() => expect(s.server.counters.disconnects).toBe(1));
  s.gate.open();
  await until(() => expect(s.server.counters.finished.cancelled).toBe(1));
  const m = s.engine.metrics();
  expect(m).toMatchObject({ running: 0, queueLength: 0, targetPagesUsed: 0 });
  expect(m.finishedByReason.cancelled).toBe(1);
  expect(m.tokensGenerated).toBeLessThan(200);
  // The engine serves the next request normally.
  const ok = await postJson(`${s.url}/v1/completions`, { prompt: "next", max_tokens: 3 });
  expect(ok.status).toBe(200);
});

it("a non-streaming request whose client goes away is cancelled too", async () => {
  t = await startTestServer();
  const s = t;
  s.gate.hold();
  const controller = new AbortController();
  const pending = fetch(`${s.url}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ messages: [{ role: "user", content: "hello" }], max_tokens: 100 }),
    signal: controller.signal,
  }).catch((e: unknown) => e);
  await until(() => expect(s.gate.waiting).toBeGreaterThanOrEqual(1));
  controller.abort();
  expect(await pending).toBeInstanceOf(Error);
  await until(() => expect(s.server.counters.disconnects).toBe(1));
  s.gate.open();
  await until(() => expect(s.server.counters.finished.cancelled).toBe(1));
  expect(s.engine.metrics()).toMatchObject({ running: 0, targetPagesUsed: 0 });
});

it("a full queue answers 429 with an OpenAI error body and Retry-After at once; the queued requests finish", async () => {
  t = await startTestServer({ engine: { maxQueued: 1 } });
  const s = t;
  s.gate.hold();
  const body = (p: string) => ({ prompt: p, max_tokens: 4 });
  // The first request is admitted and its prefill waits at the gate; the second waits in the queue.
  const first = postJson(`${s.url}/v1/completions`, body("first"));
  await until(() => expect(s.gate.waiting).toBeGreaterThanOrEqual(1));
  const second = postJson(`${s.url}/v1/completions`, body("second"));
  await until(() => expect(s.engine.metrics().queueLength).toBe(1));
  // The queue is full: answered while the engine is still held.
  const third = await postJson(`${s.url}/v1/completions`, body("third"));
  expect(third.status).toBe(429);
  expect(third.headers.get("retry-after")).toBe("1");
  expect(third.body).toEqual({ error: { message: expect.stringMatching(/queue is full \(1 requests waiting\)/), type: "rate_limit_error", param: null, code: "queue_full" } });
  const streamed = await postJson(`${s.url}/v1/completions`, { ...body("fourth"), stream: true });
  expect(streamed.status).toBe(429);
  expect(s.server.counters.rejected.queue_full).toBe(2);
  s.gate.open();
  expect((await first).status).toBe(200);
  expect((await second).status).toBe(200);
});
