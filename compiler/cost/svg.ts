/**
 * The plan report as an SVG: projected speedup vs block size K (one line per batch size) beside the step
 * cost vs K (draft, verify, whole step; the target-only step as a reference line). Log2 K axis, the
 * declared K and the best K marked. Pure string building: same report, same bytes.
 */
import type { PlanReport } from "./plan-report.js";

const W = 1040;
const H = 560;
const FONT = "font-family=\"Helvetica, Arial, sans-serif\"";
/** Okabe-Ito: distinguishable with every common colour-vision deficiency. */
const COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

const f = (x: number) => (Math.round(x * 100) / 100).toString();
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

interface Panel {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

interface Scale {
  (v: number): number;
}

function text(x: number, y: number, s: string, attrs = ""): string {
  return `<text x="${f(x)}" y="${f(y)}" ${FONT} ${attrs}>${esc(s)}</text>`;
}

function polyline(points: readonly (readonly [number, number])[], color: string, extra = ""): string {
  return `<polyline fill="none" stroke="${color}" stroke-width="2.5" stroke-linejoin="round" ${extra}points="${points.map(([x, y]) => `${f(x)},${f(y)}`).join(" ")}"/>`;
}

function dots(points: readonly (readonly [number, number])[], color: string): string {
  return points.map(([x, y]) => `<circle cx="${f(x)}" cy="${f(y)}" r="3.5" fill="${color}"/>`).join("");
}

function fmtTick(v: number): string {
  if (Number.isInteger(v)) return String(v);
  if (v >= 1) return String(Number(v.toPrecision(3)));
  return String(Number(v.toPrecision(2)));
}

/** Nice linear ticks from 0 to at least `max`. */
function linearTicks(max: number): number[] {
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((s) => s * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(6)));
  if (out[out.length - 1] < max) out.push(Number((out[out.length - 1] + step).toPrecision(6)));
  return out;
}

/** 1-2-5 ticks covering [lo, hi] on a log axis. */
function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push(Number(v.toPrecision(3)));
    }
  }
  return out;
}

function frame(p: Panel, title: string, xLabel: string, yLabel: string): string[] {
  return [
    `<rect x="${p.x}" y="${p.y}" width="${p.w}" height="${p.h}" fill="#ffffff" stroke="#888888" stroke-width="1"/>`,
    text(p.x, p.y - 14, title, `font-size="16" font-weight="bold" fill="#222222"`),
    text(p.x + p.w / 2, p.y + p.h + 44, xLabel, `font-size="13" text-anchor="middle" fill="#333333"`),
    `<text transform="translate(${f(p.x - 52)},${f(p.y + p.h / 2)}) rotate(-90)" ${FONT} font-size="13" text-anchor="middle" fill="#333333">${esc(yLabel)}</text>`,
  ];
}

function xAxis(p: Panel, ks: readonly number[], sx: Scale, labelled: readonly number[]): string[] {
  const out: string[] = [];
  for (const k of ks) {
    out.push(`<line x1="${f(sx(k))}" y1="${p.y}" x2="${f(sx(k))}" y2="${p.y + p.h}" stroke="#eeeeee"/>`);
    if (labelled.includes(k)) out.push(text(sx(k), p.y + p.h + 20, fmtTick(k), `font-size="12" text-anchor="middle" fill="#333333"`));
  }
  return out;
}

function yAxis(p: Panel, ticks: readonly number[], sy: Scale, suffix = ""): string[] {
  return ticks.flatMap((t) => [
    `<line x1="${p.x}" y1="${f(sy(t))}" x2="${p.x + p.w}" y2="${f(sy(t))}" stroke="#e4e4e4"/>`,
    text(p.x - 8, sy(t) + 4, `${fmtTick(t)}${suffix}`, `font-size="12" text-anchor="end" fill="#333333"`),
  ]);
}

/** A one-row legend under a panel, so it never covers a curve. */
function legend(p: Panel, items: readonly { label: string; color: string; dashed?: boolean }[]): string[] {
  const out: string[] = [];
  let x = p.x;
  const y = p.y + p.h + 74;
  for (const it of items) {
    out.push(`<line x1="${f(x)}" y1="${y - 4}" x2="${f(x + 26)}" y2="${y - 4}" stroke="${it.color}" stroke-width="2.5"${it.dashed ? ` stroke-dasharray="6 4"` : ""}/>`);
    out.push(text(x + 32, y, it.label, `font-size="12" fill="#222222"`));
    x += 32 + 7 * it.label.length + 18;
  }
  return out;
}

function pickBatches(r: PlanReport): number[] {
  const all = r.batches.map((b) => b.batch);
  const want = new Set([1, r.batch, all[Math.floor(all.length / 2)], all[all.length - 1]]);
  return all.filter((b) => want.has(b));
}

export function renderPlanSvg(r: PlanReport): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<rect width="${W}" height="${H}" fill="#fafafa"/>`,
  ];
  const subtitle =
    r.declaredK === null
      ? `target-only decoder · context ${r.context} rows/request · calibrated roofline (docs/cost-model.md)`
      : `acceptance: ${r.acceptance} · context ${r.context} rows/request · calibrated roofline (docs/cost-model.md)`;
  out.push(text(24, 30, `${r.decoder} on ${r.chips} × ${r.chipLabel}`, `font-size="20" font-weight="bold" fill="#111111"`));
  out.push(text(24, 52, subtitle, `font-size="13" fill="#555555"`));

  if (r.declaredK === null) {
    out.push(...targetOnlyPanel(r));
    out.push("</svg>");
    return `${out.join("\n")}\n`;
  }

  const ks = r.ks;
  const left: Panel = { x: 84, y: 100, w: 400, h: 330 };
  const right: Panel = { x: 600, y: 100, w: 400, h: 330 };
  const lx = (p: Panel): Scale => {
    const lo = Math.log2(ks[0]);
    const hi = Math.log2(ks[ks.length - 1]);
    return (k) => p.x + ((Math.log2(k) - lo) / (hi - lo)) * p.w;
  };
  const labelled = ks.filter((k) => Number.isInteger(Math.log2(k)) || k === r.declaredK);

  // Left: speedup vs K, one line per batch size.
  const batches = pickBatches(r);
  const series = batches.map((b) => r.batches.find((x) => x.batch === b)!);
  const maxSpeed = Math.max(1.5, ...series.flatMap((s) => s.speedups));
  const yTicks = linearTicks(maxSpeed * 1.05);
  const sxL = lx(left);
  const syL: Scale = (v) => left.y + left.h - (v / yTicks[yTicks.length - 1]) * left.h;
  out.push(...frame(left, "Projected speedup over target-only decoding", "block size K (log scale)", "speedup (×)"));
  out.push(...xAxis(left, ks, sxL, labelled));
  out.push(...yAxis(left, yTicks, syL, "×"));
  out.push(`<line x1="${left.x}" y1="${f(syL(1))}" x2="${left.x + left.w}" y2="${f(syL(1))}" stroke="#555555" stroke-width="1.5" stroke-dasharray="6 4"/>`);
  out.push(text(left.x + left.w - 4, syL(1) - 6, "1× = target-only", `font-size="11" text-anchor="end" fill="#555555"`));
  const declX = sxL(r.declaredK);
  out.push(`<line x1="${f(declX)}" y1="${left.y}" x2="${f(declX)}" y2="${left.y + left.h}" stroke="#999999" stroke-width="1.5" stroke-dasharray="2 3"/>`);
  out.push(text(declX + 4, left.y + 14, `declared K=${r.declaredK}`, `font-size="11" fill="#666666"`));
  const placed: [number, number][] = [];
  series.forEach((s, i) => {
    const pts = ks.map((k, j) => [sxL(k), syL(s.speedups[j])] as const);
    out.push(polyline(pts, COLORS[i]), dots(pts, COLORS[i]));
    const bi = s.speedups.indexOf(Math.max(...s.speedups));
    out.push(`<circle cx="${f(pts[bi][0])}" cy="${f(pts[bi][1])}" r="7" fill="none" stroke="${COLORS[i]}" stroke-width="2"/>`);
    const label = `${s.speedups[bi].toFixed(2)}× @K=${ks[bi]}`;
    // Batches often peak at the same point: stack their labels instead of printing them on top of each other.
    let ly = pts[bi][1] - 12;
    while (placed.some(([px, py]) => Math.abs(px - pts[bi][0]) < 90 && Math.abs(py - ly) < 14)) ly -= 14;
    placed.push([pts[bi][0], ly]);
    out.push(text(pts[bi][0], ly, label, `font-size="11" text-anchor="middle" font-weight="bold" fill="${COLORS[i]}"`));
  });
  out.push(...legend(left, series.map((s, i) => ({ label: `batch ${s.batch}`, color: COLORS[i] }))));

  // Right: step cost vs K at the chosen batch, log y.
  const costs = r.rows.flatMap((row) => [row.draftS, row.verifyS, row.stepS]).concat(r.baseline.stepS);
  const lo = Math.min(...costs) * 1e3;
  const hi = Math.max(...costs) * 1e3;
  const yLo = 10 ** Math.floor(Math.log10(lo));
  const yHi = 10 ** Math.ceil(Math.log10(hi));
  const sxR = lx(right);
  const syR: Scale = (v) => right.y + right.h - ((Math.log10(v) - Math.log10(yLo)) / (Math.log10(yHi) - Math.log10(yLo))) * right.h;
  out.push(...frame(right, `Step cost at batch ${r.batch}`, "block size K (log scale)", "milliseconds per step (log scale)"));
  out.push(...xAxis(right, ks, sxR, labelled));
  out.push(...yAxis(right, logTicks(yLo, yHi), syR));
  const lines = [
    { label: "whole step", color: COLORS[6], get: (i: number) => r.rows[i].stepS },
    { label: "verify", color: COLORS[0], get: (i: number) => r.rows[i].verifyS },
    { label: "draft", color: COLORS[2], get: (i: number) => r.rows[i].draftS },
  ];
  for (const l of lines) {
    const pts = ks.map((k, i) => [sxR(k), syR(l.get(i) * 1e3)] as const);
    out.push(polyline(pts, l.color), dots(pts, l.color));
  }
  const yb = syR(r.baseline.stepS * 1e3);
  out.push(`<line x1="${right.x}" y1="${f(yb)}" x2="${right.x + right.w}" y2="${f(yb)}" stroke="${COLORS[1]}" stroke-width="2" stroke-dasharray="6 4"/>`);
  // Where verify turns compute-bound: the knee that ends "K-flat".
  const knee = r.rows.find((row) => row.verifyBound === "compute");
  if (knee) {
    const kx = sxR(knee.k);
    out.push(`<line x1="${f(kx)}" y1="${right.y}" x2="${f(kx)}" y2="${right.y + right.h}" stroke="#bbbbbb" stroke-width="1.5" stroke-dasharray="2 3"/>`);
    out.push(text(kx - 4, right.y + 14, `verify compute-bound from K=${knee.k}`, `font-size="11" text-anchor="end" fill="#666666"`));
  }
  out.push(
    ...legend(right, [
      ...lines.map((l) => ({ label: l.label, color: l.color })),
      { label: "target-only", color: COLORS[1], dashed: true },
    ]),
  );
  out.push(
    text(24, H - 16, `Calibrated roofline (${Math.round(r.calibration.flopFraction.value * 100)}% of peak, ${Math.round(r.calibration.hbmFraction.value * 100)}% of HBM bandwidth) + ${(r.speculativeOverheadS * 1e3).toFixed(2)} ms per step (target-only ${(r.baselineOverheadS * 1e3).toFixed(2)} ms); docs/cost-model.md.`, `font-size="11" fill="#666666"`),
  );
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

function targetOnlyPanel(r: PlanReport): string[] {
  const p: Panel = { x: 110, y: 100, w: 860, h: 330 };
  const bs = r.batches.map((b) => b.batch);
  const lo = Math.log2(bs[0]);
  const hi = Math.max(lo + 1, Math.log2(bs[bs.length - 1]));
  const sx: Scale = (b) => p.x + ((Math.log2(b) - lo) / (hi - lo)) * p.w;
  const ticks = linearTicks(Math.max(...r.batches.map((b) => b.baselineTokensPerS)) * 1.05);
  const sy: Scale = (v) => p.y + p.h - (v / ticks[ticks.length - 1]) * p.h;
  const pts = r.batches.map((b) => [sx(b.batch), sy(b.baselineTokensPerS)] as const);
  return [
    ...frame(p, "Target-only throughput", "requests decoded together (log scale)", "tokens per second"),
    ...xAxis(p, bs, sx, bs),
    ...yAxis(p, ticks, sy),
    polyline(pts, COLORS[0]),
    dots(pts, COLORS[0]),
    ...r.batches.map((b, i) => text(pts[i][0], pts[i][1] - 10, `${(b.baselineStepS * 1e3).toFixed(2)} ms`, `font-size="11" text-anchor="middle" fill="#0072B2"`)),
  ];
}
