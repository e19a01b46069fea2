/**
 * Per-request sampling over the API on a decoder compiled with verify "sampling": temperature, top_p,
 * top_k and seed reach the engine (the same seed gives the tokens `engine.submit` gives with it alone;
 * top_k 1 is greedy), and greedy requests share the server with sampling ones.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import tiny from "../../examples/tiny.js";
import type { DecoderDeclaration } from "../../dsl/types.js";
import { Engine } from "../../runtime/engine.js";
import { TextTokenizer } from "../../runtime/text/index.js";
import { aloneResults, postJson, startTestServer, type TestServer } from "./helpers.js";

const SAMPLING: DecoderDeclaration = { ...tiny, name: "tiny_sampling", verify: "sampling" };
const bytes = TextTokenizer.byteLevel();
const PROMPT = "Sampled words";
const MAX = 16;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ decl: SAMPLING });
});
afterAll(() => t.close());

async function ids(body: Record<string, unknown>): Promise<number[]> {
  const r = await postJson(`${t.url}/v1/completions`, { prompt: PROMPT, max_tokens: MAX, return_token_ids: true, ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body as { choices: { token_ids: number[] }[] }).choices[0].token_ids;
}

it("the same seed gives the same tokens, those of engine.submit with that seed alone; another seed others", async () => {
  const params = { temperature: 0.9, top_p: 0.95, top_k: 50 };
  const [a, b, c] = await Promise.all([ids({ ...params, seed: 7 }), ids({ ...params, seed: 7 }), ids({ ...params, seed: 8 })]);
  expect(a).toHaveLength(MAX);
  expect(b).toEqual(a);
  expect(c).not.toEqual(a);
  const engine = await Engine.create(t.compiled.manifest, t.compiled.backend(), t.weights);
  const alone = await engine.submit({ promptIds: bytes.encode(PROMPT), maxNewTokens: MAX, sampling: { temperature: 0.9, topP: 0.95, topK: 50 }, seed: 7 }).result;
  await engine.close();
  expect(a).toEqual(alone.tokens);
});

it("top_k 1 samples the greedy tokens; temperature 0 or absent is greedy; both share the batch with sampling requests", async () => {
  const [greedy] = await aloneResults(t.compiled, t.weights, [bytes.encode(PROMPT)], MAX);
  const [topK1, zero, absent] = await Promise.all([ids({ temperature: 1.3, top_k: 1, seed: 3 }), ids({ temperature: 0 }), ids({}), ids({ temperature: 1, seed: 11 })]);
  expect(topK1).toEqual(greedy.tokens);
  expect(zero).toEqual(greedy.tokens);
  expect(absent).toEqual(greedy.tokens);
});

it("a sampling request without a seed gets one (any tokens, the right count)", async () => {
  expect(await ids({ temperature: 0.7 })).toHaveLength(MAX);
});
