/**
 * The plan report as text: memory, the per-K projection at the chosen batch, the best K per batch, and
 * the declared K on every TPU generation. Fixed-width columns, deterministic formatting.
 */
import type { PlanReport } from "./plan-report.js";

export const gib = (bytes: number) =>
  Math.abs(bytes) >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GiB` : `${(bytes / 1024 ** 2).toFixed(2)} MiB`;
/** Milliseconds: 3 decimals, or 3 significant digits below 1 ms (tiny models cost microseconds). */
export const ms = (s: number) => (s * 1e3 >= 1 ? (s * 1e3).toFixed(3) : (s * 1e3).toPrecision(3));

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) => cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join("  ").trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

export function formatPlanTable(r: PlanReport): string {
  const m = r.memory;
  const out: string[] = [];
  out.push(`${r.decoder} on ${r.chips} x ${r.chipLabel}`);
  out.push("");
  out.push(`memory per chip${m.hbm === null ? " (no hardware declared)" : ` of ${gib(m.hbm)} HBM`}:`);
  out.push(`  weights       ${gib(m.weights).padStart(12)}`);
  out.push(`  target KV     ${gib(m.targetKv).padStart(12)}   ${m.declaredPages} pages declared${m.pagesThatFit === null ? "" : `, ${m.pagesThatFit} fit`}`);
  out.push(`  draft cache   ${(r.declaredK === null ? "none" : gib(m.draftKv)).padStart(12)}`);
  out.push(`  activations   ${gib(m.activations).padStart(12)}   largest bucket`);
  out.push(`  total         ${gib(m.total).padStart(12)}${m.free === null ? "" : m.free >= 0 ? `   ${gib(m.free)} free` : `   OVER by ${gib(-m.free)}`}`);
  if (m.requestsThatFit !== null) out.push(`  requests      ${String(m.maxRequests).padStart(12)}   declared; ${m.requestsThatFit} fit at full context`);
  out.push("");
  const c = r.calibration;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  out.push(`cost model: batch ${r.batch}, context ${r.context} rows/request (calibration: docs/cost-model.md)`);
  out.push(`  achieved ${pct(c.hbmFraction.value)} of HBM bandwidth, ${pct(c.flopFraction.value)} of peak bf16`);
  out.push(
    `  overhead ${ms(c.stepOverheadS.value)} ms per step${r.declaredK === null ? "" : `, ${ms(c.draftOverheadS.value)} ms more per speculative step`}`,
  );
  out.push(`baseline (target-only): ${ms(r.baseline.stepS)} ms/step, ${r.baseline.tokensPerS.toFixed(1)} tok/s (${r.baseline.bound}-bound)`);
  if (r.declaredK === null) {
    out.push("");
    out.push(
      ...table(
        ["batch", "step ms", "tok/s"],
        r.batches.map((b) => [String(b.batch), ms(b.baselineStepS), b.baselineTokensPerS.toFixed(1)]),
      ),
    );
    return `${out.join("\n")}\n`;
  }
  out.push(`acceptance: ${r.acceptance}`);
  out.push("");
  out.push(
    ...table(
      ["K", "draft ms", "verify ms", "step ms", "verify bound", "tau", "tok/s", "speedup"],
      r.rows.map((row) => [
        `${row.k}${row.k === r.declaredK ? " *" : ""}${row.k === r.bestK ? " best" : ""}`,
        ms(row.draftS),
        ms(row.verifyS),
        ms(row.stepS),
        row.verifyBound,
        row.tokensPerStep.toFixed(2),
        row.tokensPerS.toFixed(1),
        `${row.speedup.toFixed(2)}x`,
      ]),
    ),
  );
  out.push(`(* declared K = ${r.declaredK})`);
  out.push("");
  out.push(
    ...table(
      ["batch", "baseline tok/s", "best K", "speedup"],
      r.batches.map((b) => [String(b.batch), b.baselineTokensPerS.toFixed(1), String(b.bestK), `${b.bestSpeedup!.toFixed(2)}x`]),
    ),
  );
  out.push("");
  out.push(
    ...table(
      [`K=${r.declaredK}, batch ${r.batch}`, "fits", "step ms", "speedup"],
      r.perChip.map((c) => [`${r.chips} x ${c.label}`, c.fits ? "yes" : "no", ms(c.stepS!), `${c.speedup!.toFixed(2)}x`]),
    ),
  );
  const borrowed = r.perChip.filter((c) => c.calibratedOn !== c.chip);
  if (borrowed.length > 0) {
    out.push(`(no published point on ${borrowed.map((c) => c.label).join(", ")}: they reuse ${[...new Set(borrowed.map((c) => r.perChip.find((x) => x.chip === c.calibratedOn)?.label ?? c.calibratedOn))].join(", ")}'s calibration)`);
  }
  return `${out.join("\n")}\n`;
}
