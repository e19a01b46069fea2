/**
 * Response bodies in OpenAI's shapes: completions (`text_completion`), chat completions
 * (`chat.completion`), their streamed chunks, and the usage block. `prompt_token_ids`/`token_ids` on
 * a choice are the `return_token_ids` extension.
 */
import type { ApiFinishReason } from "./generation.js";

export interface ResponseHead {
  readonly id: string;
  /** Unix seconds. */
  readonly created: number;
  readonly model: string;
}

export interface Usage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly total_tokens: number;
}

export function usage(promptTokens: number, completionTokens: number): Usage {
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

export type Endpoint = "completions" | "chat";

/** Token ids on a choice, when the request asked for them. */
export interface TokenIdsField {
  readonly promptTokenIds?: readonly number[];
  readonly tokenIds?: readonly number[];
}

function idsFields(ids: TokenIdsField | null): Record<string, unknown> {
  if (!ids) return {};
  return { ...(ids.promptTokenIds ? { prompt_token_ids: ids.promptTokenIds } : {}), ...(ids.tokenIds ? { token_ids: ids.tokenIds } : {}) };
}

/** The whole answer of a non-streaming request. */
export function finalResponse(endpoint: Endpoint, head: ResponseHead, text: string, finishReason: ApiFinishReason, u: Usage, ids: TokenIdsField | null): Record<string, unknown> {
  const choice =
    endpoint === "completions"
      ? { index: 0, text, logprobs: null, finish_reason: finishReason, ...idsFields(ids) }
      : { index: 0, message: { role: "assistant", content: text }, logprobs: null, finish_reason: finishReason, ...idsFields(ids) };
  return { id: head.id, object: endpoint === "completions" ? "text_completion" : "chat.completion", created: head.created, model: head.model, choices: [choice], usage: u };
}

/**
 * One streamed chunk: new text (a chat's first chunk also carries `role`), or the last one with the
 * finish reason. With `include_usage`, every chunk has `usage: null` and a final chunk without
 * choices carries the usage (usageChunk).
 */
export function chunk(
  endpoint: Endpoint,
  head: ResponseHead,
  part: { readonly text: string; readonly first?: boolean; readonly finishReason?: ApiFinishReason },
  ids: TokenIdsField | null,
  includeUsage: boolean,
): Record<string, unknown> {
  const finish_reason = part.finishReason ?? null;
  const choice =
    endpoint === "completions"
      ? { index: 0, text: part.text, logprobs: null, finish_reason, ...idsFields(ids) }
      : {
          index: 0,
          delta: part.finishReason !== undefined && part.text === "" ? {} : { ...(part.first ? { role: "assistant" } : {}), content: part.text },
          logprobs: null,
          finish_reason,
          ...idsFields(ids),
        };
  return { id: head.id, object: endpoint === "completions" ? "text_completion" : "chat.completion.chunk", created: head.created, model: head.model, choices: [choice], ...(includeUsage ? { usage: null } : {}) };
}

export function usageChunk(endpoint: Endpoint, head: ResponseHead, u: Usage): Record<string, unknown> {
  return { id: head.id, object: endpoint === "completions" ? "text_completion" : "chat.completion.chunk", created: head.created, model: head.model, choices: [], usage: u };
}
