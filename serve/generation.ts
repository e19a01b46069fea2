/**
 * One API request on the engine: submitted (joining the running batch at the next step boundary),
 * its committed tokens turned into text deltas as they come, a stop string ending it early (the
 * engine is told to cancel; later tokens are dropped), and its end mapped to OpenAI's finish reasons.
 */
import type { Engine } from "../runtime/engine.js";
import type { FinishReason } from "../runtime/request.js";
import type { TextTokenizer } from "../runtime/text/index.js";
import { TextOutput, type OutputDelta } from "./text-output.js";

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
  const out = new TextOutput(tokenizer, input.stop, input.eosTokenIds);
  let stopRequested = false;
  const emit = (d: OutputDelta) => {
    if (d.text !== "" || d.tokenIds.length > 0) onDelta?.(d);
  };
  const handle = engine.submit(
    {
      id: input.id,
      promptIds: input.promptIds,
      maxNewTokens: input.maxTokens,
      stopTokenIds: input.eosTokenIds,
      sampling: { temperature: input.temperature, topK: input.topK, topP: input.topP },
      seed: input.seed,
    },
    {
      onTokens: (tokens) => {
        if (out.ended) return;
        emit(out.push(tokens));
        if (out.stopString !== null && !stopRequested) {
          // The engine finishes the request at the next step boundary (its pages go back then).
          stopRequested = true;
          handle.cancel();
        }
      },
    },
  );
  const outcome = handle.result.then((r) => {
    emit(out.finish());
    const finishReason: ApiFinishReason = out.ended ? "stop" : FINISH[r.finishReason];
    return { text: out.text, tokenIds: out.tokenIds, finishReason };
  });
  return { outcome, cancel: () => handle.cancel() };
}
