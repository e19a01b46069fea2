/**
 * The memory fit: weights, the target KV pool, the draft cache and activations must fit in one chip's
 * HBM. It needs the plan, so it runs only on a declaration every other rule accepted.
 */
import type { DecoderPlan } from "../ir/plan.js";
import { GiB, pagesThatFit, requestsThatFit } from "./memory.js";
import { issue, type ValidationIssue } from "./validate-issue.js";

const gib = (bytes: number) => `${(bytes / GiB).toFixed(1)} GiB`;

export const MEMORY_CODES = ["memory-exceeds-hbm"] as const;

export function memoryIssues(plan: DecoderPlan): ValidationIssue[] {
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
