/**
 * The OpenAI-compatible HTTP server over one engine (fastify): `POST /v1/completions`,
 * `POST /v1/chat/completions` (streamed as server-sent events or not), `GET /v1/models`,
 * `GET /health`, `GET /metrics`. Every request is submitted to the engine as it arrives and joins the
 * running batch at the next step boundary (continuous batching); a client that goes away cancels its
 * request (its pages go back at the next boundary); a full queue answers 429 at once; every error is
 * an OpenAI error body.
 */
import { randomInt, randomUUID } from "node:crypto";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import { EngineClosedError, type Engine } from "../runtime/engine.js";
import type { TextTokenizer } from "../runtime/text/index.js";
import { ApiError, badRequest, toApiError } from "./errors.js";
import { startGeneration, type Generation, type GenerationInput, type GenerationOutcome, type OutputDelta } from "./generation.js";
import { PROMETHEUS_CONTENT_TYPE, renderMetrics, ServerCounters } from "./metrics.js";
import { parseChatBody, parseCompletionBody, type GenerationParams } from "./parse-request.js";
import { chatPromptIds, completionPromptIds } from "./prompt.js";
import { chunk, finalResponse, usage, usageChunk, type Endpoint, type ResponseHead, type TokenIdsField } from "./responses.js";
import { SseStream } from "./sse.js";

/** Request bodies larger than this are refused (413) before they are parsed. */
export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;
/** OpenAI's default `max_tokens` for completions (chat completions default to the rest of the context). */
export const DEFAULT_COMPLETION_MAX_TOKENS = 16;

export interface ServerOptions {
  readonly engine: Engine;
  readonly tokenizer: TextTokenizer;
  /** The `model` clients name (`GET /v1/models` lists it). */
  readonly modelName: string;
  /** Ids that end every request (default: the tokenizer's EOS ids). */
  readonly eosTokenIds?: readonly number[];
  /** Milliseconds since the epoch, for `created` (tests inject a fixed clock). */
  readonly now?: () => number;
  /** The seed of a sampling request that names none (default: random). */
  readonly randomSeed?: () => number;
  readonly bodyLimit?: number;
  /** Told about errors that are the server's fault (answered 500), e.g. to print them. */
  readonly onInternalError?: (error: unknown) => void;
}

export interface Server {
  readonly app: FastifyInstance;
  /** Starts listening; returns the base URL (`http://127.0.0.1:PORT`, the real port when `port` is 0). */
  listen(host: string, port: number): Promise<string>;
  /**
   * Refuses new requests (503), cancels those in flight (their streams end), and stops listening once
   * every response has ended. The engine stays open: its owner closes it.
   */
  close(): Promise<void>;
  readonly counters: ServerCounters;
}

export async function createServer(options: ServerOptions): Promise<Server> {
  const { engine, tokenizer, modelName } = options;
  const decoder = engine.manifest.decoder;
  const now = options.now ?? Date.now;
  const randomSeed = options.randomSeed ?? (() => randomInt(0, 2 ** 32));
  const eosTokenIds = options.eosTokenIds ?? tokenizer.eosTokenIds;
  const counters = new ServerCounters();
  const startedAt = Math.floor(now() / 1000);
  const active = new Set<Generation>();
  let closing = false;
  /** Set when a request failed inside the engine: it refuses all further work, and /health says so. */
  let engineFailure: string | null = null;

  const app = Fastify({ bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, logger: false, forceCloseConnections: "idle" });

  app.setErrorHandler((error: FastifyError | Error, _request, reply) => {
    const api = toApiError(error, options.bodyLimit ?? DEFAULT_BODY_LIMIT);
    if (api.status === 429) counters.rejected.queue_full++;
    else if (api.status === 503) counters.rejected.unavailable++;
    else if (api.status < 500) counters.rejected.invalid++;
    else options.onInternalError?.(error);
    if (api.status === 429) void reply.header("retry-after", "1");
    return reply.code(api.status).send(api.body());
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send(new ApiError(404, `no route ${request.method} ${request.url}`, "not_found_error", null, "not_found").body()));

  app.get("/health", async (_request, reply) => {
    if (closing) return reply.code(503).send({ status: "shutting down" });
    if (engineFailure !== null) return reply.code(503).send({ status: "engine failed", error: engineFailure });
    return { status: "ok" };
  });
  app.get("/v1/models", async () => ({
    object: "list",
    data: [{ id: modelName, object: "model", created: startedAt, owned_by: "dflashc", max_model_len: decoder.maxContext }],
  }));
  app.get("/metrics", async (_request, reply) => reply.type(PROMETHEUS_CONTENT_TYPE).send(renderMetrics(counters, engine.metrics())));

  /** The checks every generation request shares, then its engine input. */
  const prepare = (endpoint: Endpoint, params: GenerationParams, promptIds: number[]): GenerationInput => {
    if (params.model !== undefined && params.model !== modelName) {
      throw badRequest(`model '${params.model}' is not served here; this server serves '${modelName}'`, "model", "model_not_found");
    }
    const promptParam = endpoint === "completions" ? "prompt" : "messages";
    if (promptIds.length === 0) throw badRequest("the prompt has no tokens", promptParam);
    if (promptIds.length >= decoder.maxContext) {
      throw badRequest(`the prompt has ${promptIds.length} tokens; this model's maximum context is ${decoder.maxContext} tokens, which leaves no room to generate`, promptParam, "context_length_exceeded");
    }
    if (params.temperature > 0 && decoder.verify !== "sampling") {
      throw badRequest(
        `temperature ${params.temperature} samples, but ${modelName} was compiled for greedy decoding only (verify: "greedy"): send temperature 0 or leave it out, or compile the decoder with verify: "sampling"`,
        "temperature",
      );
    }
    return {
      id: `${endpoint === "completions" ? "cmpl" : "chatcmpl"}-${randomUUID().replaceAll("-", "")}`,
      promptIds,
      maxTokens: params.maxTokens ?? (endpoint === "completions" ? DEFAULT_COMPLETION_MAX_TOKENS : decoder.maxContext - promptIds.length),
      temperature: params.temperature,
      topK: params.topK,
      topP: params.topP,
      seed: params.seed ?? (params.temperature > 0 ? randomSeed() : 0),
      stop: params.stop,
      eosTokenIds,
    };
  };

  /** Counts a finished request (its output ids) and forgets it. */
  const settle = (gen: Generation, outcome: GenerationOutcome | null, error?: unknown): void => {
    active.delete(gen);
    if (outcome) {
      counters.finished[outcome.finishReason]++;
      counters.generatedTokens += outcome.tokenIds.length;
    } else if (!(error instanceof EngineClosedError)) {
      counters.failed++;
      engineFailure ??= error instanceof Error ? error.message : String(error);
    }
  };

  /** The response closed: before it ended, the client went away and its request is cancelled. */
  const clientGone = (gen: Generation, reply: FastifyReply): void => {
    if (reply.raw.writableFinished || !active.has(gen)) return;
    counters.disconnects++;
    gen.cancel();
  };

  /** Submits the request and tracks it until it settles: its prompt counted, cancelled if its client goes away. */
  const begin = (input: GenerationInput, reply: FastifyReply, onDelta?: (delta: OutputDelta) => void): Generation => {
    const gen = startGeneration(engine, tokenizer, input, onDelta);
    active.add(gen);
    counters.promptTokens += input.promptIds.length;
    reply.raw.on("close", () => clientGone(gen, reply));
    return gen;
  };

  const refuseWhileClosing = () => {
    if (closing) throw new ApiError(503, "the server is shutting down", "service_unavailable_error", null, "shutting_down");
  };

  /** Runs a checked request and answers it: one body, or server-sent events. */
  const generate = async (endpoint: Endpoint, params: GenerationParams, promptIds: number[], reply: FastifyReply) => {
    const input = prepare(endpoint, params, promptIds);
    const head: ResponseHead = { id: input.id, created: Math.floor(now() / 1000), model: modelName };
    const ids = (extra: TokenIdsField): TokenIdsField | null => (params.returnTokenIds ? extra : null);

    if (!params.stream) {
      // Submission errors (queue full, a token outside the vocabulary) reach the error handler.
      const gen = begin(input, reply);
      let outcome: GenerationOutcome;
      try {
        outcome = await gen.outcome;
      } catch (e) {
        settle(gen, null, e);
        throw e;
      }
      settle(gen, outcome);
      return finalResponse(endpoint, head, outcome.text, outcome.finishReason, usage(promptIds.length, outcome.tokenIds.length), ids({ promptTokenIds: promptIds, tokenIds: outcome.tokenIds }));
    }

    let stream: SseStream | null = null;
    let first = true;
    const send = (text: string, tokenIds: readonly number[]) => {
      stream?.send(chunk(endpoint, head, { text, first }, ids({ ...(first ? { promptTokenIds: promptIds } : {}), tokenIds }), params.includeUsage));
      first = false;
    };
    // A step whose tokens are not text yet (half a character, a possible stop string) sends nothing,
    // unless the client reads the ids.
    const gen = begin(input, reply, (d) => (d.text !== "" || params.returnTokenIds ? send(d.text, d.tokenIds) : undefined));
    // From here on the response is written by hand; errors go into the stream.
    reply.hijack();
    stream = new SseStream(reply.raw);
    // A chat stream opens with the assistant's role (as OpenAI's does).
    if (endpoint === "chat") send("", []);
    let outcome: GenerationOutcome;
    try {
      outcome = await gen.outcome;
    } catch (e) {
      settle(gen, null, e);
      const api = toApiError(e as Error, 0);
      if (api.status >= 500) options.onInternalError?.(e);
      stream.send(api.body());
      stream.done();
      return reply;
    }
    settle(gen, outcome);
    stream.send(chunk(endpoint, head, { text: "", finishReason: outcome.finishReason }, null, params.includeUsage));
    if (params.includeUsage) stream.send(usageChunk(endpoint, head, usage(promptIds.length, outcome.tokenIds.length)));
    stream.done();
    return reply;
  };

  app.post("/v1/completions", async (request, reply) => {
    refuseWhileClosing();
    const body = parseCompletionBody(request.body);
    return generate("completions", body, completionPromptIds(tokenizer, body.prompt), reply);
  });
  app.post("/v1/chat/completions", async (request, reply) => {
    refuseWhileClosing();
    const body = parseChatBody(request.body);
    return generate("chat", body, chatPromptIds(tokenizer, body.messages, body.templateVariables), reply);
  });

  await app.ready();
  return {
    app,
    counters,
    async listen(host, port) {
      await app.listen({ host, port });
      const address = app.server.address();
      if (address === null || typeof address === "string") throw new Error(`the server is not listening on a TCP port (${String(address)})`);
      const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      return `http://${shownHost}:${address.port}`;
    },
    async close() {
      closing = true;
      for (const gen of active) gen.cancel();
      await app.close();
    },
  };
}
