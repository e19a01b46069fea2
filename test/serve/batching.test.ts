/**
 * Continuous batching over HTTP: 32 streaming requests sent at once (the tiny decoder admits 4 at a
 * time) all finish, they shared decode calls, and each one's tokens are exactly those of its prompt
 * decoded alone (greedy: speculative decoding is lossless whatever joins the batch).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { Engine } from "../../runtime/engine.js";
import { TextTokenizer } from "../../runtime/text/index.js";
import { sseData, startTestServer, type TestServer } from "./helpers.js";

const bytes = TextTokenizer.byteLevel();
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

interface Streamed {
  readonly text: string;
  readonly ids: number[];
  readonly finishReason: string | null;
}

async function streamCompletion(url: string, prompt: string, maxTokens: number): Promise<Streamed> {
  const res = await fetch(`${url}/v1/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt, max_tokens: maxTokens, stream: true, return_token_ids: true }),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const events = sseData(await res.text());
  expect(events.at(-1)).toBe("[DONE]");
  let text = "";
  const ids: number[] = [];
  let finishReason: string | null = null;
  for (const e of events.slice(0, -1)) {
    const c = JSON.parse(e) as { choices: { text: string; token_ids?: number[]; finish_reason: string | null }[] };
    text += c.choices[0].text;
    ids.push(...(c.choices[0].token_ids ?? []));
    finishReason = c.choices[0].finish_reason ?? finishReason;
  }
  return { text, ids, finishReason };
}

it("32 concurrent streaming requests all finish, batched, each with the tokens of its prompt alone", async () => {
  const N = 32;
  const MAX = 8;
  // Prompts of different lengths (3..34 bytes), so that requests prefill and finish at different steps.
  const prompts = Array.from({ length: N }, (_, i) => `#${i}: ${"abcdefghijklmnopqrstuvwxyz0123456789".slice(0, (i * 7) % 30)}`);
  const streamed = await Promise.all(prompts.map((p) => streamCompletion(t.url, p, MAX)));

  const m = t.engine.metrics();
  expect(m.requestsFinished).toBe(N);
  expect(m.running).toBe(0);
  expect(m.targetPagesUsed).toBe(0);
  // Requests really shared decode calls (more request steps than calls).
  expect(m.decodeSteps).toBeGreaterThan(m.decodeCalls);

  const alone = await Engine.create(t.compiled.manifest, t.compiled.backend(), t.weights);
  for (let i = 0; i < N; i++) {
    const [r] = await alone.generate([{ promptIds: bytes.encode(prompts[i]), maxNewTokens: MAX }]);
    expect(streamed[i].ids, `request ${i}`).toEqual(r.tokens);
    expect(streamed[i].text, `request ${i}`).toBe(bytes.decode(r.tokens));
    expect(streamed[i].finishReason).toBe("length");
  }
  await alone.close();
});
