/**
 * The bodies of `POST /v1/completions` and `POST /v1/chat/completions`, checked field by field and
 * turned into what a generation needs. Sampling: greedy when `temperature` is 0 or absent (unlike
 * OpenAI's default of 1: a decoder is lossless, token for token, only when greedy); `top_k` is an
 * extension (vLLM's: 0 or -1 = off). Fields this server does not implement are refused with a 400
 * unless they are at their no-op value, never silently ignored.
 */
import type { ChatMessage } from "../runtime/text/index.js";
import { badRequest } from "./errors.js";
import { bodyObject, isObject, optionalBoolean, optionalNumber, optionalObject, optionalString, unsupportedUnless, type JsonObject } from "./fields.js";

/** OpenAI allows up to 4 stop strings. */
export const MAX_STOP_STRINGS = 4;

export interface GenerationParams {
  /** The `model` field, when given (checked against the served model's name). */
  readonly model: string | undefined;
  /** Most tokens to generate; undefined: the endpoint's default. */
  readonly maxTokens: number | undefined;
  readonly temperature: number;
  /** 0: off. */
  readonly topK: number;
  /** 1: off. */
  readonly topP: number;
  /** undefined: a fresh random seed per request when sampling. */
  readonly seed: number | undefined;
  /** Stop strings, cut from the text. */
  readonly stop: readonly string[];
  readonly stream: boolean;
  /** `stream_options.include_usage`: a last chunk with the usage before `[DONE]`. */
  readonly includeUsage: boolean;
  /** Extension (vLLM's `return_token_ids`): the prompt's and the generated token ids on each choice. */
  readonly returnTokenIds: boolean;
}

export interface CompletionBody extends GenerationParams {
  /** Text, or token ids. */
  readonly prompt: string | readonly number[];
}

export interface ChatBody extends GenerationParams {
  readonly messages: readonly ChatMessage[];
  /** `chat_template_kwargs` (extension): extra variables for the chat template (e.g. `enable_thinking`). */
  readonly templateVariables: Readonly<Record<string, unknown>>;
}

const isZero = (v: unknown) => v === 0;
const isEmptyObject = (v: unknown) => isObject(v) && Object.keys(v).length === 0;
const isEmptyList = (v: unknown) => Array.isArray(v) && v.length === 0;

function commonParams(o: JsonObject, maxTokensKeys: readonly string[]): GenerationParams {
  const model = optionalString(o, "model");
  let maxTokens: number | undefined;
  for (const key of maxTokensKeys) maxTokens ??= optionalNumber(o, key, { min: 0, integer: true });
  const n = optionalNumber(o, "n", { integer: true, min: 1 });
  if (n !== undefined && n !== 1) throw badRequest(`n must be 1: this server returns one choice per request, got ${n}`, "n");
  const temperature = optionalNumber(o, "temperature", { min: 0 }) ?? 0;
  const topP = optionalNumber(o, "top_p", { min: 0, max: 1, minExclusive: true }) ?? 1;
  const topK = optionalNumber(o, "top_k", { min: -1, max: 2 ** 31 - 1, integer: true }) ?? 0;
  const seed = optionalNumber(o, "seed", { min: 0, integer: true });
  const stream = optionalBoolean(o, "stream") ?? false;
  const streamOptions = optionalObject(o, "stream_options");
  if (streamOptions && !stream) throw badRequest("stream_options is only allowed with stream: true", "stream_options");
  const includeUsage = streamOptions ? (optionalBoolean(streamOptions, "include_usage") ?? false) : false;
  unsupportedUnless(o, "presence_penalty", isZero, "no penalties");
  unsupportedUnless(o, "frequency_penalty", isZero, "no penalties");
  unsupportedUnless(o, "logit_bias", isEmptyObject, "no logit bias");
  return {
    model,
    maxTokens,
    temperature,
    topK: topK === -1 ? 0 : topK,
    topP,
    seed,
    stop: stopStrings(o),
    stream,
    includeUsage,
    returnTokenIds: optionalBoolean(o, "return_token_ids") ?? false,
  };
}

/** `stop`: a string or a list of up to 4 non-empty strings. */
function stopStrings(o: JsonObject): string[] {
  const v = o.stop;
  if (v === undefined || v === null) return [];
  const list = typeof v === "string" ? [v] : v;
  if (!Array.isArray(list) || !list.every((s) => typeof s === "string")) throw badRequest("stop must be a string or a list of strings", "stop");
  if (list.length > MAX_STOP_STRINGS) throw badRequest(`stop takes at most ${MAX_STOP_STRINGS} strings, got ${list.length}`, "stop");
  if (list.some((s) => s === "")) throw badRequest("stop strings must not be empty", "stop");
  return list as string[];
}

const isTokenIds = (v: unknown): v is number[] => Array.isArray(v) && v.length > 0 && v.every((t) => typeof t === "number" && Number.isInteger(t));

export function parseCompletionBody(body: unknown): CompletionBody {
  const o = bodyObject(body);
  const common = commonParams(o, ["max_tokens"]);
  unsupportedUnless(o, "echo", (v) => v === false, "the prompt is not echoed");
  unsupportedUnless(o, "logprobs", (v) => v === false, "no log probabilities");
  unsupportedUnless(o, "best_of", (v) => v === 1, "one candidate per request");
  unsupportedUnless(o, "suffix", (v) => v === "", "no insertion");
  return { ...common, prompt: completionPrompt(o.prompt) };
}

/** `prompt`: a string or a list of token ids; a list of one of those is that one (one prompt per request). */
function completionPrompt(v: unknown): string | number[] {
  if (typeof v === "string") return v;
  if (isTokenIds(v)) return v;
  if (Array.isArray(v) && v.length === 1 && (typeof v[0] === "string" || isTokenIds(v[0]))) return v[0] as string | number[];
  if (Array.isArray(v) && v.length > 1 && v.every((p) => typeof p === "string" || isTokenIds(p))) {
    throw badRequest(`prompt holds ${v.length} prompts: this server takes one prompt per request`, "prompt");
  }
  if (v === undefined || v === null) throw badRequest("prompt is required", "prompt");
  throw badRequest("prompt must be a string or a non-empty list of integer token ids", "prompt");
}

const ROLES = new Set(["system", "developer", "user", "assistant", "tool"]);

export function parseChatBody(body: unknown): ChatBody {
  const o = bodyObject(body);
  const common = commonParams(o, ["max_completion_tokens", "max_tokens"]);
  unsupportedUnless(o, "logprobs", (v) => v === false, "no log probabilities");
  unsupportedUnless(o, "top_logprobs", isZero, "no log probabilities");
  unsupportedUnless(o, "tools", isEmptyList, "no tool calls");
  unsupportedUnless(o, "functions", isEmptyList, "no tool calls");
  unsupportedUnless(o, "tool_choice", (v) => v === "none", "no tool calls");
  unsupportedUnless(o, "response_format", (v) => isObject(v) && v.type === "text", "plain text only");
  const templateVariables = optionalObject(o, "chat_template_kwargs") ?? {};
  return { ...common, messages: chatMessages(o.messages), templateVariables };
}

function chatMessages(v: unknown): ChatMessage[] {
  if (v === undefined || v === null) throw badRequest("messages is required", "messages");
  if (!Array.isArray(v) || v.length === 0) throw badRequest("messages must be a non-empty list", "messages");
  return v.map((m, i) => {
    const at = `messages[${i}]`;
    if (!isObject(m)) throw badRequest(`${at} must be an object with role and content`, at);
    if (typeof m.role !== "string" || !ROLES.has(m.role)) throw badRequest(`${at}.role must be one of ${[...ROLES].join(", ")}, got ${JSON.stringify(m.role)}`, `${at}.role`);
    return { ...m, role: m.role, content: messageContent(m.content, m.role, `${at}.content`) };
  });
}

/** A string, null (an assistant turn without text), or a list of `{ type: "text", text }` parts, joined. */
function messageContent(v: unknown, role: string, at: string): string {
  if (typeof v === "string") return v;
  if ((v === null || v === undefined) && role === "assistant") return "";
  if (Array.isArray(v)) {
    return v
      .map((part, j) => {
        if (!isObject(part) || part.type !== "text" || typeof part.text !== "string") {
          throw badRequest(`${at}[${j}] must be { "type": "text", "text": string } (this server reads text only)`, `${at}[${j}]`);
        }
        return part.text;
      })
      .join("");
  }
  throw badRequest(`${at} must be a string or a list of text parts`, at);
}
