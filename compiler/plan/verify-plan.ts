/**
 * Structural checks on a plan, run after each pass. A failure here is a compiler bug (exit 1), not a
 * user error: user errors are caught by validate.ts with located diagnostics before planning.
 */
import type { DecoderPlan } from "../ir/plan.js";
import { DRAFT_CAPACITY_TILE } from "./resolve.js";
import type { TensorSig } from "../../contract/manifest.js";

export class PlanInvariantError extends Error {
  constructor(message: string) {
    super(`internal error: plan invariant violated: ${message}`);
    this.name = "PlanInvariantError";
  }
}

function check(cond: boolean, message: string): void {
  if (!cond) throw new PlanInvariantError(message);
}

const isPow2 = (n: number) => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
const positiveInt = (n: number) => Number.isInteger(n) && n > 0;

function checkTensor(t: TensorSig, where: string): void {
  check(t.shape.every(positiveInt), `${where}: ${t.name} has shape [${t.shape.join(", ")}]`);
}

export function verifyPlan(plan: Partial<DecoderPlan>): void {
  const t = plan.target;
  if (t) {
    for (const key of ["vocabSize", "hiddenSize", "intermediateSize", "numLayers", "numHeads", "numKvHeads", "headDim"] as const) {
      check(positiveInt(t[key]), `target.${key} = ${t[key]}`);
    }
    check(t.numHeads % t.numKvHeads === 0, "numHeads % numKvHeads");
  }
  if (plan.draft && t) {
    check(plan.draft.model.hiddenSize === t.hiddenSize, "draft hidden size differs from target's");
    check(plan.draft.targetLayerIds.every((i) => i >= 0 && i < t.numLayers), "targetLayerIds in range");
    check(plan.draft.layerTypes.length === plan.draft.model.numLayers, "one layer type per draft layer");
  }
  if (plan.buckets) {
    for (const list of [plan.buckets.requests, plan.buckets.tokens]) {
      check(list.length > 0 && list.every(isPow2), "buckets are powers of two");
      check(list.every((v, i) => i === 0 || v > list[i - 1]), "buckets ascend");
    }
    if (plan.maxRequests !== undefined) check(plan.buckets.requests.at(-1)! >= plan.maxRequests, "largest request bucket holds maxRequests");
  }
  if (plan.caches) {
    check(isPow2(plan.caches.target.pageSize) && plan.caches.target.numPages >= 2, "target pool geometry");
    const d = plan.caches.draft;
    if (d?.kind === "static" && plan.maxContext !== undefined && plan.blockSize !== undefined) {
      check(d.capacity % DRAFT_CAPACITY_TILE === 0 && d.capacity >= plan.maxContext + plan.blockSize, "draft capacity holds maxContext plus one block, in whole tiles");
    }
  }
  if (plan.kernels) {
    const ids = new Set<string>();
    for (const k of plan.kernels) {
      const id = `${k.kernel}.${k.bucketId}`;
      check(!ids.has(id), `duplicate kernel ${id}`);
      ids.add(id);
      const names = new Set<string>();
      for (const a of k.args) {
        check(!names.has(a.name), `${id}: duplicate argument ${a.name}`);
        names.add(a.name);
        checkTensor(a, id);
      }
      for (const r of k.results) checkTensor(r, id);
    }
  }
}
