/**
 * The planning pipeline: a readable list of named steps, each followed by the plan verifier.
 * Input must already have passed validation (validate.ts).
 */
import type { DecoderDeclaration } from "../../dsl/types.js";
import type { DecoderPlan } from "../ir/plan.js";
import { estimateMemory } from "./memory.js";
import { planKernels } from "./plan-kernels.js";
import {
  resolveBuckets,
  resolveDraft,
  resolveDraftCache,
  resolveMaxContext,
  resolveTarget,
  resolveTargetCache,
} from "./resolve.js";
import { verifyPlan } from "./verify-plan.js";

export function buildPlan(decl: DecoderDeclaration): DecoderPlan {
  const target = resolveTarget(decl.target);
  const draft = decl.draft ? resolveDraft(decl.draft, target) : null;
  const blockSize = draft ? decl.blockSize! : 1;
  const maxContext = resolveMaxContext(decl);
  const maxRequests = decl.batching.maxRequests;
  verifyPlan({ target, draft });

  const caches = {
    target: resolveTargetCache(decl, target, maxContext, blockSize),
    draft: draft ? resolveDraftCache(decl, draft, maxContext, blockSize) : null,
  };
  const buckets = resolveBuckets(decl);
  verifyPlan({ target, draft, caches, buckets, maxContext, blockSize, maxRequests });

  const cyclesPerDispatch = decl.cyclesPerDispatch ? [...decl.cyclesPerDispatch] : [1];
  const kernels = planKernels({ target, draft, blockSize, caches, buckets, requestSlots: maxRequests + 1, verify: decl.verify ?? "greedy", cyclesPerDispatch });
  const hardware = decl.hardware ?? null;
  const memory = estimateMemory({ target, blockSize, caches, kernels }, hardware);
  const plan: DecoderPlan = {
    name: decl.name,
    target,
    draft,
    blockSize,
    maxContext,
    maxRequests,
    verify: decl.verify ?? "greedy",
    cyclesPerDispatch,
    caches,
    buckets,
    kernels,
    memory,
    tokenizer: decl.tokenizer === undefined ? null : decl.tokenizer === "byte" ? { kind: "byte" } : { kind: "hf", path: decl.tokenizer },
    eosTokenIds: decl.eosTokenIds ? [...decl.eosTokenIds] : null,
    hardware,
  };
  verifyPlan(plan);
  return deepFreeze(plan);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
