/**
 * The official `openai` client against the server on the tiny example: completions and chat
 * completions, streamed and not, give the text (and, with `return_token_ids`, the ids) that the same
 * prompt gives on the engine alone; the response shapes are OpenAI's; `created` comes from the
 * injected clock.
 */
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TextTokenizer } from "../../runtime/text/index.js";
import { plainTranscript } from "../../serve/prompt.js";
import { aloneResults, startTestServer, type TestServer } from "./helpers.js";

const CLOCK_MS = 1_700_000_000_123;
const bytes = TextTokenizer.byteLevel();

let t: TestServer;
let client: OpenAI;
beforeAll(async () => {
  t = await startTestServer({ server: { now: () => CLOCK_MS } });
  client = new OpenAI({ baseURL: `${t.url}/v1`, apiKey: "unused", maxRetries: 0 });
});
afterAll(() => t.close());

/** The extension field, spread in so that the client's types let it through. */
const withIds = { return_token_ids: true };
type WithIds = { token_ids?: number[]; prompt_token_ids?: number[] };

describe("the openai client", () => {
  it("completions.create: the text and ids of the prompt run alone, OpenAI's shape, the injected clock", async () => {
    const prompt = "The quick brown fox";
    const [alone] = await aloneResults(t.compiled, t.weights, [bytes.encode(prompt)], 12);
    const r = await client.completions.create({ model: t.compiled.manifest.name, prompt, max_tokens: 12, ...withIds });
    expect(r.object).toBe("text_completion");
    expect(r.id).toMatch(/^cmpl-[0-9a-f]{32}$/);
    expect(r.created).toBe(Math.floor(CLOCK_MS / 1000));
    expect(r.model).toBe("tiny_dflash");
    expect(r.choices).toHaveLength(1);
    const choice = r.choices[0] as (typeof r.choices)[0] & WithIds;
    expect(choice.token_ids).toEqual(alone.tokens);
    expect(choice.prompt_token_ids).toEqual(bytes.encode(prompt));
    expect(choice.text).toBe(bytes.decode(alone.tokens));
    expect(choice.finish_reason).toBe("length");
    expect(r.usage).toEqual({ prompt_tokens: prompt.length, completion_tokens: 12, total_tokens: prompt.length + 12 });
  });

  it("completions.create with stream: the chunks add up to the same text, the last one says why it ended", async () => {
    const prompt = "The quick brown fox";
    const whole = await client.completions.create({ model: "tiny_dflash", prompt, max_tokens: 20 });
    const stream = await client.completions.create({ model: "tiny_dflash", prompt, max_tokens: 20, stream: true, ...withIds });
    let text = "";
    const ids: number[] = [];
    const reasons: (string | null)[] = [];
    for await (const c of stream) {
      expect(c.object).toBe("text_completion");
      expect(c.created).toBe(Math.floor(CLOCK_MS / 1000));
      text += c.choices[0].text;
      ids.push(...((c.choices[0] as WithIds).token_ids ?? []));
      reasons.push(c.choices[0].finish_reason);
    }
    expect(text).toBe(whole.choices[0].text);
    expect(ids).toHaveLength(20);
    expect(reasons.at(-1)).toBe("length");
    expect(reasons.slice(0, -1).every((r) => r === null)).toBe(true);
  });

  it("chat.completions.create: the assistant's message is what the plain transcript prompt gives alone", async () => {
    const messages = [
      { role: "system" as const, content: "Be brief." },
      { role: "user" as const, content: "Hi there" },
    ];
    const promptIds = bytes.encode(plainTranscript(messages));
    const [alone] = await aloneResults(t.compiled, t.weights, [promptIds], 10);
    const r = await client.chat.completions.create({ model: "tiny_dflash", messages, max_tokens: 10, ...withIds });
    expect(r.object).toBe("chat.completion");
    expect(r.id).toMatch(/^chatcmpl-/);
    expect(r.created).toBe(Math.floor(CLOCK_MS / 1000));
    const choice = r.choices[0] as (typeof r.choices)[0] & WithIds;
    expect(choice.message.role).toBe("assistant");
    expect(choice.message.content).toBe(bytes.decode(alone.tokens));
    expect(choice.token_ids).toEqual(alone.tokens);
    expect(choice.finish_reason).toBe("length");
    expect(r.usage).toEqual({ prompt_tokens: promptIds.length, completion_tokens: 10, total_tokens: promptIds.length + 10 });
  });

  it("chat.completions.create with stream and include_usage: role first, deltas add up, usage last", async () => {
    const messages = [{ role: "user" as const, content: "Tell me a story" }];
    const whole = await client.chat.completions.create({ model: "tiny_dflash", messages, max_tokens: 16 });
    const stream = await client.chat.completions.create({ model: "tiny_dflash", messages, max_tokens: 16, stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    expect(chunks[0].choices[0].delta.role).toBe("assistant");
    expect(chunks.every((c) => c.object === "chat.completion.chunk")).toBe(true);
    const text = chunks.flatMap((c) => c.choices.map((ch) => ch.delta.content ?? "")).join("");
    expect(text).toBe(whole.choices[0].message.content);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toEqual(whole.usage);
    expect(chunks.at(-2)!.choices[0].finish_reason).toBe("length");
  });

  it("models.list names the served model; a request for another model is a BadRequestError", async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(["tiny_dflash"]);
    const e = await client.completions.create({ model: "gpt-4", prompt: "x", max_tokens: 1 }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(OpenAI.BadRequestError);
    expect((e as InstanceType<typeof OpenAI.BadRequestError>).code).toBe("model_not_found");
  });
});
