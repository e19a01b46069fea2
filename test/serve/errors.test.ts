/**
 * Bad requests over raw HTTP: each gets its status and an OpenAI error body `{ error: { message,
 * type, param, code } }` at once, and the server keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BODY_LIMIT } from "../../serve/server.js";
import { postJson, startTestServer, type TestServer } from "./helpers.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

async function expectError(path: string, body: unknown, want: { status: number; param?: string | null; code?: string | null; message: RegExp; type?: string }, raw?: { raw?: string; contentType?: string }) {
  const r = await postJson(`${t.url}${path}`, body, raw);
  expect(r.status, JSON.stringify(r.body)).toBe(want.status);
  const e = (r.body as ErrorBody).error;
  expect(Object.keys(e).sort()).toEqual(["code", "message", "param", "type"]);
  expect(e.message).toMatch(want.message);
  expect(e.type).toBe(want.type ?? "invalid_request_error");
  if (want.param !== undefined) expect(e.param).toBe(want.param);
  if (want.code !== undefined) expect(e.code).toBe(want.code);
}

const C = "/v1/completions";
const CHAT = "/v1/chat/completions";

describe("bad requests get a 400 with an OpenAI error body", () => {
  it("malformed JSON, a body that is not an object, a wrong content type", async () => {
    await expectError(C, null, { status: 400, code: "invalid_json", message: /not valid JSON/ }, { raw: '{"prompt": "a",' });
    await expectError(C, [1, 2], { status: 400, message: /must be a JSON object/ });
    await expectError(C, null, { status: 415, message: /application\/json/ }, { raw: "prompt=a", contentType: "application/x-www-form-urlencoded" });
  });

  it("fields of the wrong type or out of range name the field", async () => {
    await expectError(C, { prompt: 42 }, { status: 400, param: "prompt", message: /prompt must be a string or a non-empty list of integer token ids/ });
    await expectError(C, {}, { status: 400, param: "prompt", message: /prompt is required/ });
    await expectError(C, { prompt: "a", max_tokens: "ten" }, { status: 400, param: "max_tokens", message: /max_tokens must be an integer/ });
    await expectError(C, { prompt: "a", max_tokens: -1 }, { status: 400, param: "max_tokens", message: />= 0/ });
    await expectError(C, { prompt: "a", temperature: -0.5 }, { status: 400, param: "temperature", message: /temperature must be >= 0/ });
    await expectError(C, { prompt: "a", top_p: 0 }, { status: 400, param: "top_p", message: /top_p must be > 0 and <= 1/ });
    await expectError(C, { prompt: "a", top_k: 1.5 }, { status: 400, param: "top_k", message: /integer/ });
    await expectError(C, { prompt: "a", seed: -3 }, { status: 400, param: "seed", message: />= 0/ });
    await expectError(C, { prompt: "a", stream: "yes" }, { status: 400, param: "stream", message: /boolean/ });
    await expectError(C, { prompt: "a", stop: ["x", 3] }, { status: 400, param: "stop", message: /list of strings/ });
    await expectError(C, { prompt: "a", stop: ["a", "b", "c", "d", "e"] }, { status: 400, param: "stop", message: /at most 4/ });
    await expectError(C, { prompt: "a", stream_options: { include_usage: true } }, { status: 400, param: "stream_options", message: /only allowed with stream: true/ });
    await expectError(C, { prompt: ["a", "b"] }, { status: 400, param: "prompt", message: /one prompt per request/ });
    await expectError(C, { prompt: [1, 2, 300] }, { status: 400, message: /token 300 outside the vocabulary 0..255/ });
    await expectError(CHAT, { messages: [] }, { status: 400, param: "messages", message: /non-empty list/ });
    await expectError(CHAT, { messages: [{ role: "wizard", content: "hi" }] }, { status: 400, param: "messages[0].role", message: /role must be one of/ });
    await expectError(CHAT, { messages: [{ role: "user", content: [{ type: "image_url", image_url: {} }] }] }, { status: 400, param: "messages[0].content[0]", message: /text only/ });
  });

  it("n > 1, features this server does not have, and an unknown model", async () => {
    await expectError(C, { prompt: "a", n: 2 }, { status: 400, param: "n", message: /n must be 1/ });
    await expectError(CHAT, { messages: [{ role: "user", content: "a" }], n: 3 }, { status: 400, param: "n", message: /n must be 1/ });
    await expectError(C, { prompt: "a", logprobs: 5 }, { status: 400, param: "logprobs", code: "unsupported_parameter", message: /not supported/ });
    await expectError(C, { prompt: "a", echo: true }, { status: 400, param: "echo", code: "unsupported_parameter", message: /not supported/ });
    await expectError(CHAT, { messages: [{ role: "user", content: "a" }], tools: [{ type: "function" }] }, { status: 400, param: "tools", code: "unsupported_parameter", message: /no tool calls/ });
    await expectError(C, { prompt: "a", presence_penalty: 0.5 }, { status: 400, param: "presence_penalty", message: /no penalties/ });
    await expectError(C, { model: "gpt-4o", prompt: "a" }, { status: 400, param: "model", code: "model_not_found", message: /'gpt-4o' is not served here; this server serves 'tiny_dflash'/ });
  });

  it("temperature > 0 on a decoder compiled for greedy decoding only", async () => {
    await expectError(C, { prompt: "a", temperature: 0.7 }, { status: 400, param: "temperature", message: /compiled for greedy decoding only \(verify: "greedy"\).*verify: "sampling"/ });
    await expectError(CHAT, { messages: [{ role: "user", content: "a" }], temperature: 1 }, { status: 400, param: "temperature", message: /greedy decoding only/ });
  });

  it("a prompt as long as the context, and a body over the size limit", async () => {
    const maxContext = t.compiled.manifest.decoder.maxContext;
    await expectError(C, { prompt: "x".repeat(maxContext) }, { status: 400, param: "prompt", code: "context_length_exceeded", message: new RegExp(`${maxContext} tokens; this model's maximum context is ${maxContext}`) });
    await expectError(CHAT, { messages: [{ role: "user", content: "x".repeat(maxContext) }] }, { status: 400, param: "messages", code: "context_length_exceeded", message: /maximum context/ });
    await expectError(C, { prompt: "x".repeat(DEFAULT_BODY_LIMIT) }, { status: 413, code: "body_too_large", message: new RegExp(`larger than ${DEFAULT_BODY_LIMIT} bytes`) });
  });

  it("an unknown route is a 404 in the same shape, and the server still serves after all of the above", async () => {
    const r = await fetch(`${t.url}/v1/embeddings`, { method: "POST" });
    expect(r.status).toBe(404);
    expect(((await r.json()) as ErrorBody).error).toMatchObject({ type: "not_found_error", code: "not_found" });
    const ok = await postJson(`${t.url}${C}`, { prompt: "still here", max_tokens: 2 });
    expect(ok.status).toBe(200);
    expect(t.server.counters.rejected.invalid).toBeGreaterThanOrEqual(30);
    expect(t.engine.metrics()).toMatchObject({ running: 0, queueLength: 0, targetPagesUsed: 0 });
  });
});
