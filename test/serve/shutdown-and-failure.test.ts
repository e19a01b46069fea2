/**
 * The server's end of life: `close()` with a stream in flight ends that stream (its request
 * cancelled, its pages back) and then refuses new work; a backend that breaks answers 500 with an
 * OpenAI error body (in the stream: an error event, then [DONE]), /health turns 503, and the server
 * stays up to say so.
 */
import { expect, it } from "vitest";
import { postJson, sseData, startTestServer, until } from "./helpers.js";

it("close() with a stream in flight: the stream ends with [DONE], the engine is left empty, new requests are refused", async () => {
  const t = await startTestServer();
  const res = await fetch(`${t.url}/v1/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt: "go on and on", max_tokens: 200, stream: true }),
  });
  const reader = res.body!.getReader();
  await reader.read();
  t.gate.hold();
  await until(() => expect(t.gate.waiting).toBeGreaterThanOrEqual(1));
  const closed = t.server.close();
  t.gate.open();
  let rest = "";
  for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
  const events = sseData(rest);
  expect(events.at(-1)).toBe("[DONE]");
  expect(JSON.parse(events.at(-2)!).choices[0].finish_reason).toBe("cancelled");
  await closed;
  expect(t.engine.metrics()).toMatchObject({ running: 0, queueLength: 0, targetPagesUsed: 0 });
  expect(t.server.counters.finished.cancelled).toBe(1);
  await expect(fetch(`${t.url}/health`)).rejects.toThrow();
  await t.engine.close();
});

it("a backend that breaks: 500 with an OpenAI error body, an error event in a stream, /health 503", async () => {
  const t = await startTestServer({ server: { onInternalError: () => {} } });
  try {
    t.gate.failNext = new Error("device lost");
    const plain = await postJson(`${t.url}/v1/completions`, { prompt: "a", max_tokens: 4 });
    expect(plain.status).toBe(500);
    expect(plain.body).toEqual({ error: { message: expect.stringMatching(/device lost/), type: "server_error", param: null, code: null } });
    // The engine refuses all work after a failure: a stream request is refused before its stream opens.
    const streamed = await postJson(`${t.url}/v1/chat/completions`, { messages: [{ role: "user", content: "a" }], stream: true });
    expect(streamed.status).toBe(500);
    expect((streamed.body as { error: { message: string } }).error.message).toMatch(/the engine failed: the engine failed earlier/);
    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "engine failed", error: "device lost" });
    expect(t.server.counters.failed).toBe(1);
  } finally {
    await t.close();
  }
});

it("a backend that breaks mid-stream: the stream carries an error event, then [DONE]", async () => {
  const t = await startTestServer({ server: { onInternalError: () => {} } });
  try {
    const res = await fetch(`${t.url}/v1/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt: "go", max_tokens: 100, stream: true }),
    });
    const reader = res.body!.getReader();
    let text = new TextDecoder().decode((await reader.read()).value);
    t.gate.failNext = new Error("device lost");
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += new TextDecoder().decode(r.value);
    const events = sseData(text);
    expect(events.at(-1)).toBe("[DONE]");
    expect(JSON.parse(events.at(-2)!)).toEqual({ error: { message: expect.stringMatching(/device lost/), type: "server_error", param: null, code: null } });
  } finally {
    await t.close();
  }
});
