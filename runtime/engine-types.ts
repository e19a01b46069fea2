/**
 * The engine's public types: a request and its result, the token sink and request handle of the
 * online API, the step events, the engine options, and the errors the engine throws. runtime/engine.ts
 * re-exports every one of them.
 */
import type { KernelName } from "../contract/manifest.js";
import type { FinishReason, RequestStats } from "./request.js";
import type { SamplingParams } from "./sampling.js";

export interface GenerateRequest {
  /** Defaults to the request's index in the `generate` call (`submit`: `req-N`, N counting submissions). */
  readonly id?: string;
  readonly promptIds: readonly number[];
  readonly maxNewTokens: number;
  /** Generation stops after any of these (the stop token is returned). */
  readonly stopTokenIds?: readonly number[];
  /** Engine steps after submission before the request arrives (default 0): later arrivals join a running batch. */
  readonly arrivalStep?: number;
  /** Sampling parameters (default: the engine's `sampling`; greedy when neither says). */
  readonly sampling?: Partial<SamplingParams>;
  /** Seed of this request's uniforms (default: the engine's `seed`, else 0); its stream is `(seed, index in the call)`. */
  readonly seed?: number;
  /**
   * Asked after every step that committed tokens to this request, with every token generated so far
   * (possibly past a limit inside the last step; the result is cut): true ends the request now, finish
   * reason `stop`. A stop string found in the decoded text, say. A throw ends this request alone
   * (reason `cancelled`; its result rejects with the error).
   */
  readonly stopWhen?: (generated: readonly number[]) => boolean;
}

export interface GenerateResult {
  readonly id: string;
  /** Generated tokens (not the prompt). */
  readonly tokens: number[];
  readonly finishReason: FinishReason;
  readonly stats: RequestStats;
}

/** Where a submitted request's tokens go as they are committed. */
export interface TokenSink {
  /**
   * The tokens committed for the request in one step, in order (prefill's first token included):
   * never more than `maxNewTokens` in all, never a token after a stop token. A throw cancels the
   * request, and its result rejects with the error.
   */
  onTokens?(tokens: readonly number[]): void;
}

export interface RequestHandle {
  readonly id: string;
  /** Settles when the request finishes; rejects when the engine fails or closes first. */
  readonly result: Promise<GenerateResult>;
  /** Finishes the request at the next step boundary with reason "cancelled" (a no-op once finished). */
  cancel(): void;
}

export interface KernelCall {
  readonly kernel: KernelName;
  readonly bucketId: string;
  /** Real requests (the rest of the bucket is padding). */
  readonly requests: number;
  /** Real tokens of a prefill call. */
  readonly tokens?: number;
}

export interface StepEvent {
  readonly step: number;
  readonly calls: readonly KernelCall[];
  /** Decoded requests: accepted length `a` (0 target-only) and the `a + 1` tokens committed. */
  readonly decoded: readonly { readonly id: string; readonly accepted: number; readonly tokens: readonly number[] }[];
  /** Prefill chunks; `firstToken` when the chunk ended a fresh prompt. */
  readonly prefilled: readonly { readonly id: string; readonly rows: number; readonly firstToken: number | null }[];
  readonly preempted: readonly string[];
  readonly finished: readonly { readonly id: string; readonly reason: FinishReason }[];
}

/** Host-supplied drafts for the forced-draft path: `blockSize - 1` token ids after the committed tokens. */
export type DraftProvider = (req: { readonly id: string; readonly tokens: readonly number[]; readonly blockSize: number }) => ArrayLike<number>;

export interface EngineOptions {
  /** Decode with the target alone (`target_step`). Forced for a decoder without a draft. */
  readonly targetOnly?: boolean;
  /** `fused` (default): `decode_step`; `split`: `draft` then `verify`. */
  readonly decodePath?: "fused" | "split";
  /** Forced-draft path: the host's drafts are verified by the `verify` kernel. */
  readonly drafts?: DraftProvider;
  /** Called after every step. */
  readonly onStep?: (event: StepEvent) => void;
  /** Default sampling parameters of every request (temperature > 0 needs verify "sampling"). */
  readonly sampling?: Partial<SamplingParams>;
  /** Default seed of the requests' uniforms. */
  readonly seed?: number;
  /**
   * Enqueue step n+1 before reading step n (default true; the split and forced-draft paths never
   * do). false: every step's results are applied before the next is scheduled (benches compare).
   */
  readonly pipeline?: boolean;
  /** Most requests waiting for admission before `submit` throws QueueFullError (default 1024; `generate` is not bounded). */
  readonly maxQueued?: number;
  /**
   * Most draft → verify → commit cycles per decode call (default: the largest `decode_loop_c<C>` the
   * manifest has; 1 runs `decode_step` only). Used by the fused greedy path.
   */
  readonly cyclesPerDispatch?: number;
}

export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EngineError";
  }
}

/** A request the engine cannot serve as given (empty prompt, token outside the vocabulary, too long ...): the caller's mistake. */
export class RequestError extends EngineError {
  constructor(message: string) {
    super(message);
    this.name = "RequestError";
  }
}

/** `submit` while `maxQueued` requests are already waiting: the caller should retry later (HTTP 429/503). */
export class QueueFullError extends RequestError {
  constructor(readonly maxQueued: number) {
    super(`the engine's queue is full (${maxQueued} requests waiting)`);
    this.name = "QueueFullError";
  }
}

/** The engine was closed: `submit` after `close()`, or the result of a request still outstanding at `close()`. */
export class EngineClosedError extends EngineError {
  constructor(message = "the engine is closed") {
    super(message);
    this.name = "EngineClosedError";
  }
}
