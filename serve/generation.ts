/**
 * One API request on the engine: submitted (joining the running batch at the next step boundary),
 * its committed tokens turned into text deltas as they come (runtime/text's GeneratedText), a stop
 * string ending it at the step boundary through the engine's `stopWhen` (finish reason "stop"; later
 * tokens are dropped), and its end mapped to OpenAI's finish reasons.
 */
import type { Engine } from "../runtime/engine.js";
import type { FinishReason } from "../runtime/request.js";
import { GeneratedText, type TextTokenizer } from "../runtime/text/index.js";

/** What one step adds to a request's output: the text that became final and the ids it consumed. */
export interface OutputDelta {
  readonly text: string;
  readonly tokenIds: readonly number[];
}

/**
 * `stop`: an EOS id or a stop string; `length`: max_tokens or the decoder's maximum context;
 * `capacity` (dflashc's own): the KV page pool cannot hold the request even alone; `cancelled`: the
 * client went away or the server is shutting down (no client sees it; /metrics counts it).
 */
export type ApiFinishReason = "stop" | "length" | "capacity" | "cancelled";

export interface GenerationInput {
  readonly id: string;
  readonly promptIds: readonly number[];
  readonly maxTokens: number;
  readonly temperature: number;
  readonly topK: number;
  readonly topP: number;
  readonly seed: number;
  readonly stop: readonly string[];
  readonly eosTokenIds: readonly number[];
}

export interface GenerationOutcome {
  readonly text: string;
  /** The output's ids (through an EOS id, up to the token that completed a stop string). */
  readonly tokenIds: readonly number[];
  readonly finishReason: ApiFinishReason;
}

export interface Generation {
  /** Settles when the request ends; rejects when the engine fails or closes first. */
  readonly outcome: Promise<GenerationOutcome>;
  cancel(): void;
}

const FINISH: Record<FinishReason, ApiFinishReason> = { stop: "stop", length: "length", max_context: "length", capacity: "capacity", cancelled: "cancelled" };

/**
 * Submits the request (throws what `engine.submit` throws: RequestError, QueueFullError,
 * EngineClosedError); `onDelta` gets each step's new text and ids (never an empty text without ids).
 */
export function startGeneration(engine: Engine, tokenizer: TextTokenizer, input: GenerationInput, onDelta?: (delta: OutputDelta) => void): Generation {
  const out = new GeneratedText(tokenizer, { stop: input.stop, stopTokenIds: input.eosTokenIds });
  const generated: number[] = [];
  // How much of the output has gone to onDelta.
  let sentText = 0;
  let sentIds = 0;
  const emit = () => {
    const delta = { text: out.text.slice(sentText), tokenIds: out.tokenIds.slice(sentIds) };
    [sentText, sentIds] = [out.text.length, out.tokenIds.length];
    if (delta.text !== "" || delta.tokenIds.length > 0) onDelta?.(delta);
  };
  const handle = engine.submit(
    {
      id: input.id,
      promptIds: input.promptIds,
      maxNewTokens: input.maxTokens,
      stopTokenIds: input.eosTokenIds,
      sampling: { temperature: input.temperature, topK: input.topK, topP: input.topP },
      seed: input.seed,
      stopWhen: (all) => out.push(all),
    },
    {
      onTokens: (tokens) => {
        // A step that hit the engine's own limits does not ask stopWhen: its tokens are pushed here.
        generated.push(...tokens);
        out.push(generated);
        emit();
      },
    },
  );
  const outcome = handle.result.then((r) => {
    out.finish(r.tokens);
    emit();
    // A stop string completed by the last step's tokens (or only by the held-back text) is still "stop".
    const finishReason: ApiFinishReason = out.stopString !== null ? "stop" : FINISH[r.finishReason];
    return { text: out.text, tokenIds: out.tokenIds, finishReason };
  });
  return { outcome, cancel: () => handle.cancel() };
}
