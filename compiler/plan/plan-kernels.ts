/**
 * Kernel signatures per bucket. This is the contract between the kernel builders, the emitters
 * (StableHLO, JAX) and the runtime: argument names, order, shapes, dtypes, roles and donation.
 * docs/kernels.md states what each kernel computes.
 */
import type { ResolvedDraft, ResolvedModel } from "../ir/plan.js";
import type { VerifyMode } from "../../dsl/types.js";
import { draftWeights, isDraftContextWeight, isSharedTargetWeight, targetKernelWeights } from "../ir/weights.js";
import { decodeLoopName, type DraftCache, type KernelBucket, type KernelName, type KernelSig, type PagedCache, type TensorSig } from "../../contract/manifest.js";

export interface KernelPlanInput {
  readonly target: ResolvedModel;
  readonly draft: ResolvedDraft | null;
  readonly blockSize: number;
  readonly caches: { readonly target: PagedCache; readonly draft: DraftCache | null };
  readonly buckets: { readonly requests: readonly number[]; readonly tokens: readonly number[] };
  /** Request slots of the device state `seq_state` (`maxRequests + 1`; slot 0 is never assigned). */
  readonly requestSlots: number;
}

/** "sampling" adds the rejection-sampling kernels (docs/kernels.md, "Sampling"); absent means "greedy". */
export interface KernelPlanOptions {
  readonly verify?: VerifyMode;
  /** Cycles per dispatch: a `decode_loop_c<C>` kernel per C > 1 (absent: [1]). */
  readonly cyclesPerDispatch?: readonly number[];
}

/** Stop ids a `decode_loop_c<C>` call takes per request (`stop_ids[R, S]`, padded with -1); a request with more runs one cycle per call. */
export const STOP_IDS_PER_REQUEST = 8;

const i32 = (name: string, shape: readonly number[]): TensorSig => ({ name, shape, dtype: "i32", role: "input", donated: false });
const f32 = (name: string, shape: readonly number[]): TensorSig => ({ name, shape, dtype: "f32", role: "input", donated: false });

/** Inputs of a sampling kernel after its greedy twin's: `draws` uniforms per request, then the per-request parameters. */
function samplingInputs(r: number, draws: number): TensorSig[] {
  return [f32("uniforms", [r, draws]), f32("temperature", [r]), i32("top_k", [r]), f32("top_p", [r])];
}

function weightArgs(p: KernelPlanInput, pick: { target: (n: string) => boolean; draft: (n: string) => boolean }): TensorSig[] {
  const dtype = p.target.dtype;
  const out: TensorSig[] = [];
  // The target's layers are stacked (one argument per weight role, looped over): see targetKernelWeights.
  for (const w of targetKernelWeights(p.target)) {
    if (pick.target(w.name)) out.push({ name: `target.${w.name}`, shape: w.shape, dtype, role: "weight", donated: false });
  }
  if (p.draft) {
    for (const w of draftWeights(p.draft)) {
      if (pick.draft(w.name)) out.push({ name: `draft.${w.name}`, shape: w.shape, dtype, role: "weight", donated: false });
    }
  }
  return out;
}

const all = () => true;
const none = () => false;

function cacheArgs(p: KernelPlanInput, which: { target: boolean; draft: boolean }, donated: boolean): TensorSig[] {
  const dtype = p.target.dtype;
  const out: TensorSig[] = [];
  if (which.target) out.push({ name: "target_kv", shape: p.caches.target.shape, dtype, role: "cache", donated });
  const d = p.caches.draft;
  if (which.draft && d) {
    if (d.kind === "static") {
      out.push({ name: "draft_k", shape: d.shape, dtype, role: "cache", donated });
      out.push({ name: "draft_v", shape: d.shape, dtype, role: "cache", donated });
    } else {
      out.push({ name: "draft_kv", shape: d.shape, dtype, role: "cache", donated });
    }
  }
  return out;
}

/**
 * The device-resident request state `seq_state: i32[slots, 2]` (last committed token, committed - 1)
 * by request slot (docs/kernels.md, "Device-resident request state"): decode kernels read their rows
 * through `slots[R]` instead of taking last tokens and lengths from the host.
 */
function stateCache(p: KernelPlanInput, donated: boolean): TensorSig {
  return { name: "seq_state", shape: [p.requestSlots, 2], dtype: "i32", role: "cache", donated };
}

/** How a decode kernel finds a request's draft-cache rows: its slot, or its draft block table. */
function draftLocator(p: KernelPlanInput, r: number): TensorSig[] {
  const d = p.caches.draft;
  if (!d) return [];
  return d.kind === "static" ? [i32("draft_slots", [r])] : [i32("draft_block_tables", [r, d.pagesPerRequest])];
}

function sig(kernel: KernelName, bucket: KernelBucket, args: TensorSig[], outputs: TensorSig[]): KernelSig {
  const bucketId = bucket.tokens === undefined ? `r${bucket.requests}` : `r${bucket.requests}.t${bucket.tokens}`;
  // Donated caches come back as results, in argument order, after the kernel's own outputs.
  const caches = args.filter((a) => a.donated).map((a) => ({ ...a }));
  return { kernel, bucket, bucketId, args, results: [...outputs, ...caches] };
}

function out(name: string, shape: readonly number[]): TensorSig {
  return { name, shape, dtype: "i32", role: "output", donated: false };
}

export function planKernels(p: KernelPlanInput & KernelPlanOptions): KernelSig[] {
  const K = p.blockSize;
  const sampling = p.verify === "sampling";
  const P = p.caches.target.pagesPerRequest;
  const hasDraft = p.draft !== null;
  const kernels: KernelSig[] = [];

  for (const t of p.buckets.tokens) {
    for (const r of p.buckets.requests) {
      if (r > t) continue; // every request in a prefill call brings at least one token
      const args = [
        ...weightArgs(p, { target: all, draft: isDraftContextWeight }),
        ...cacheArgs(p, { target: true, draft: hasDraft }, true),
        stateCache(p, true),
        i32("tokens", [t]),
        i32("positions", [t]),
        i32("token_request", [t]),
        i32("target_rows", [t]),
        ...(hasDraft ? [i32("draft_rows", [t])] : []),
        i32("block_tables", [r, P]),
        i32("last_index", [r]),
        // The state rows of the requests this call completes (slot -1: none): token (-1: next_tokens), length.
        i32("state_slots", [r]),
        i32("state_tokens", [r]),
        i32("state_lens", [r]),
      ];
      kernels.push(sig("prefill", { requests: r, tokens: t }, args, [out("next_tokens", [r])]));
    }
  }

  for (const r of p.buckets.requests) {
    if (hasDraft) {
      kernels.push(
        sig(
          "draft",
          { requests: r },
          [
            ...weightArgs(p, { target: isSharedTargetWeight, draft: (n) => n !== "fc.weight" && n !== "hidden_norm.weight" }),
            ...cacheArgs(p, { target: false, draft: true }, false),
            stateCache(p, false),
            i32("slots", [r]),
            ...draftLocator(p, r),
          ],
          [out("draft_tokens", [r, K - 1])],
        ),
      );
      kernels.push(
        sig(
          "verify",
          { requests: r },
          [
            ...weightArgs(p, { target: all, draft: isDraftContextWeight }),
            ...cacheArgs(p, { target: true, draft: true }, true),
            stateCache(p, true),
            i32("block_tokens", [r, K]),
            i32("slots", [r]),
            i32("block_tables", [r, P]),
            ...draftLocator(p, r),
          ],
          [out("accepted", [r]), out("target_tokens", [r, K])],
        ),
      );
      kernels.push(
        sig(
          "decode_step",
          { requests: r },
          [
            ...weightArgs(p, { target: all, draft: all }),
            ...cacheArgs(p, { target: true, draft: true }, true),
            stateCache(p, true),
            i32("slots", [r]),
            i32("block_tables", [r, P]),
            ...draftLocator(p, r),
          ],
          [out("accepted", [r]), out("target_tokens", [r, K]), out("draft_tokens", [r, K - 1])],
        ),
      );
      const step = kernels[kernels.length - 1];
      for (const cycles of (p.cyclesPerDispatch ?? [1]).filter((c) => c > 1)) {
        // decode_step's arguments, then the stop ids and token budgets; per-cycle outputs (docs/kernels.md).
        kernels.push(
          sig(
            decodeLoopName(cycles),
            { requests: r },
            [...step.args, i32("stop_ids", [r, STOP_IDS_PER_REQUEST]), i32("budgets", [r])],
            [out("tokens", [cycles, r, K]), out("accepted", [cycles, r]), out("draft_tokens", [cycles, r, K - 1])],
          ),
        );
      }
      if (sampling) {
        const twin = (name: "verify" | "decode_step") => kernels.find((k) => k.kernel === name && k.bucket.requests === r)!;
        for (const name of ["verify", "decode_step"] as const) {
          const g = twin(name);
          const outputs = g.results.filter((x) => x.role === "output");
          kernels.push(sig(`${name}_sample`, { requests: r }, [...g.args, ...samplingInputs(r, K)], outputs));
        }
      }
    }
    kernels.push(
      sig(
        "target_step",
        { requests: r },
        [
          ...weightArgs(p, { target: all, draft: none }),
          ...cacheArgs(p, { target: true, draft: false }, true),
          stateCache(p, true),
          i32("slots", [r]),
          i32("block_tables", [r, P]),
        ],
        [out("next_tokens", [r])],
      ),
    );
    if (sampling) {
      const g = kernels[kernels.length - 1];
      kernels.push(sig("target_step_sample", { requests: r }, [...g.args, ...samplingInputs(r, 1)], [out("next_tokens", [r])]));
    }
  }
  return kernels;
}
