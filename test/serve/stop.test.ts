/**
 * How a request ends: a stop string is cut from the text (streamed or not, across token boundaries)
 * with finish_reason "stop" (the engine's own, through stopWhen) and the ids through the token that completed it; an EOS id ends the text
 * without showing it; max_tokens gives "length".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TextTokenizer } from "../../runtime/text/index.js";
import { aloneResults, postJson, sseData, startTestServer, type TestServer } from "./helpers.js";

const bytes = TextTokenizer.byteLevel();
const PROMPT = "Once upon a time";
const MAX = 40;

interface Choice {
  text: string;
  finish_reason: string;
  token_ids: number[];
}

let t: TestServer;
let truth: number[];
beforeAll(async () => {
  t = await startTestServer();
  [{ tokens: truth }] = await aloneResults(t.compiled, t.weights, [bytes.encode(PROMPT)], MAX);
});
afterAll(() => t.close());

/** An ASCII stop string of two bytes that first appears at a token index of at least `from`, and that index. */
function asciiStop(from: number): { stop: string; at: number } {
  for (let i = from; i + 1 < truth.length; i++) {
    const pair = truth.slice(i, i + 2);
    if (pair.every((b) => b >= 0x20 && b < 0x7f) && bytes.decode(truth.slice(0, i)).indexOf(bytes.decode(pair)) < 0) return { stop: bytes.decode(pair), at: i };
  }
  throw new Error(`no two printable bytes in a row in ${truth}`);
}

async function complete(body: Record<string, unknown>): Promise<Choice> {
  const r = await postJson(`${t.url}/v1/completions`, { prompt: PROMPT, max_tokens: MAX, return_token_ids: true, ...body });
  expect(r.status).toBe(200);
  return (r.body as { choices: Choice[] }).choices[0];
}

async function completeStreamed(body: Record<string, unknown>): Promise<Choice> {
  const r = await postJson(`${t.url}/v1/completions`, { prompt: PROMPT, max_tokens: MAX, return_token_ids: true, stream: true, ...body });
  const chunks = sseData(r.body as string)
    .slice(0, -1)
    .map((e) => (JSON.parse(e) as { choices: Choice[] }).choices[0]);
  return { text: chunks.map((c) => c.text).join(""), finish_reason: chunks.at(-1)!.finish_reason, token_ids: chunks.flatMap((c) => c.token_ids ?? []) };
}

describe("finish reasons", () => {
  it("max_tokens: length, every token", async () => {
    const c = await complete({});
    expect(c).toEqual({ index: 0, text: bytes.decode(truth), logprobs: null, finish_reason: "length", token_ids: truth, prompt_token_ids: bytes.encode(PROMPT) });
  });

  it("a stop string (two tokens) is cut from the text, streamed or not; the ids end at the token that completed it", async () => {
    const { stop, at } = asciiStop(3);
    const want = { text: bytes.decode(truth.slice(0, at)), finish_reason: "stop", token_ids: truth.slice(0, at + 2) };
    expect(await complete({ stop })).toMatchObject(want);
    expect(await completeStreamed({ stop: ["never appears", stop] })).toEqual(want);
    // The engine ended them itself (stopWhen, at the step boundary), not through a cancel.
    expect(t.engine.metrics().finishedByReason).toMatchObject({ stop: 2, cancelled: 0 });
  });

  it("an EOS id ends the text without showing it (the id counts as generated)", async () => {
    const eos = truth[5];
    const first = truth.indexOf(eos);
    const s = await startTestServer({ server: { eosTokenIds: [eos] } });
    try {
      const r = await postJson(`${s.url}/v1/completions`, { prompt: PROMPT, max_tokens: MAX, return_token_ids: true });
      const c = (r.body as { choices: Choice[]; usage: { completion_tokens: number } }).choices[0];
      expect(c.finish_reason).toBe("stop");
      expect(c.token_ids).toEqual(truth.slice(0, first + 1));
      expect(c.text).toBe(bytes.decode(truth.slice(0, first)));
      expect((r.body as { usage: { completion_tokens: number } }).usage.completion_tokens).toBe(first + 1);
    } finally {
      await s.close();
    }
  });
});
