/**
 * The memory fit: weights, the target KV pool, the draft cache and activations must fit in one chip's
 * HBM. It needs the plan, so it runs only on a declaration every other rule accepted.
 */
import type { DecoderPlan } from "../ir/plan.js";
import { GiB, pagesThatFit, requestsThatFit } from "../plan/memory.js";
import { issue, type ValidationIssue } from "./issue.js";
import { isWeightStack, weightMembers } from "../../contract/weight-stack.js";

const gib = (bytes: number) => `${(bytes / GiB).toFixed(1)} GiB`;

export const MEMORY_CODES = ["memory-exceeds-hbm", "tensor-too-large", "memory-too-large"] as const;

/** The most elements one tensor may have: int32 indexing on every backend (XLA, the interpreter, typed arrays). */
export const MAX_TENSOR_ELEMENTS = 2 ** 31 - 1;
/** The most bytes of weights and caches any backend could allocate (1 TiB), with or without declared hardware. */
export const MAX_TOTAL_BYTES = 2 ** 40;

const elements = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * Sizes no backend can allocate, checked with or without `hardware`: a weight tensor beyond 2^31 - 1
 * elements, a cache beyond 2^31 - 1 rows (int32 row indices), weights plus caches beyond 1 TiB. Each
 * is blamed on the declaration property that makes it large.
 */
export function sizeIssues(plan: DecoderPlan): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const t = plan.target;
  const caches: [string, { kind: string; shape: readonly number[]; pageSize?: number; numPages?: number }][] = [["target", plan.caches.target]];
  if (plan.caches.draft) caches.push(["draft", plan.caches.draft]);
  for (const [which, c] of caches) {
    // Cache rows (pages x pageSize, or slots x capacity) are addressed with int32 indices everywhere
    // (block tables, slot mappings, the kernels' gathers and scatters).
    const rows = c.kind === "paged" ? c.shape[3] * c.shape[4] : c.shape[1] * c.shape[2];
    if (rows <= MAX_TENSOR_ELEMENTS) continue;
    const key = c.kind === "paged" ? ((c.pageSize ?? 0) > (c.numPages ?? 0) ? "pageSize" : "numPages") : "maxContext";
    const what = c.kind === "paged" ? `${c.numPages} pages of ${c.pageSize} rows` : `${c.shape[1]} slots of ${c.shape[2]} rows`;
    out.push(
      issue(
        ["cache", which, key],
        "tensor-too-large",
        `the ${which} cache holds ${what} = ${rows.toExponential(2)} rows; rows are addressed with int32 indices, so at most 2^31 - 1 (${MAX_TENSOR_ELEMENTS}): lower ${key}`,
      ),
    );
  }
  const seen = new Set<string>();
  for (const k of plan.kernels) {
    for (const a of k.args) {
      if (a.role !== "weight" || seen.has(a.name)) continue;
      seen.add(a.name);
      // A stacked layer argument is checked per layer, as the checkpoint holds it: the stack itself, like
      // the layered KV pool, is one device buffer that XLA indexes with 64-bit offsets.
      const name = weightMembers(a)[0];
      const shape = isWeightStack(a.name) ? a.shape.slice(1) : a.shape;
      const n = elements(shape);
      if (n <= MAX_TENSOR_ELEMENTS) continue;
      const key = shape.includes(t.vocabSize) ? "vocabSize" : shape.includes(t.intermediateSize) ? "intermediateSize" : "hiddenSize";
      out.push(issue(["target", key], "tensor-too-large", `weight ${name} [${shape.join(", ")}] has ${n.toExponential(2)} elements; no backend can allocate one tensor beyond 2^31 - 1 (${MAX_TENSOR_ELEMENTS}): lower ${key}`));
      break;
    }
    if (out.some((i) => i.path[0] === "target")) break;
  }
  if (out.length > 0) return out;
  const m = plan.memory;
  const total = m.weightBytes + m.targetKvBytes + m.draftKvBytes;
  if (total > MAX_TOTAL_BYTES) {
    const path = m.targetKvBytes >= m.weightBytes ? ["cache", "target", "numPages"] : ["target", "numLayers"];
    out.push(
      issue(
        path,
        "memory-too-large",
        `weights and caches need ${gib(total)} (weights ${gib(m.weightBytes)}, target cache ${gib(m.targetKvBytes)}, draft cache ${gib(m.draftKvBytes)}), beyond the 1024 GiB any backend could allocate: lower ${path.at(-1)}`,
      ),
    );
  }
  return out;
}

export function memoryIssues(plan: DecoderPlan): ValidationIssue[] {
  const sizes = sizeIssues(plan);
  if (sizes.length > 0) return sizes;
  const m = plan.memory;
  if (m.hbmBytesPerChip === null || m.perChipBytes <= m.hbmBytesPerChip) return [];
  const fit = pagesThatFit(plan) ?? 0;
  const chip = plan.hardware?.chip ?? "the declared chip";
  const perChip = m.chips > 1 ? ` on each of ${m.chips} chips` : "";
  // Two ways out: fewer pages with the same requests, or fewer requests at full context.
  const requests = requestsThatFit(plan) ?? 0;
  const byRequests = `, or ${requests} requests at full context (maxRequests = ${plan.maxRequests}) with their pages`;
  const advice =
    fit >= 2
      ? `at most ${fit} pages would fit (numPages = ${plan.caches.target.numPages})${byRequests}`
      : `0 pages would fit: the weights, draft cache and activations alone take ${gib(m.perChipBytes - m.targetKvBytes / m.chips)}${byRequests}`;
  return [
    issue(
      ["cache", "target", "numPages"],
      "memory-exceeds-hbm",
      `needs ${gib(m.perChipBytes)} per chip${perChip} but ${chip} has ${gib(m.hbmBytesPerChip)} of HBM: ${advice}`,
    ),
  ];
}
