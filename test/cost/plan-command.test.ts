// `dflashc plan` on every example (through the real front end), a target-only import, options, and
// measured acceptance from a real `dflashc run --json`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planCommand } from "../../cli/commands/plan.js";
import { importHfCommand } from "../../cli/commands/import-hf.js";
import { runCommand } from "../../cli/commands/run.js";
import { memoryIo } from "../../cli/commands/io.js";
import type { PlanReport } from "../../compiler/cost/plan-report.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "dflashc-plan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Well-formed XML, checked by hand: balanced tags, quoted attributes, no raw `<` or stray `&` in text. */
function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (!m) throw new Error(`malformed tag at ${lt}: ${xml.slice(lt, lt + 60)}`);
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]);
    i = tag.lastIndex;
  }
  expect(stack).toEqual([]);
}

const EXAMPLES = ["qwen3-8b-dflash.ts", "qwen3-4b-dflash.ts", "llama3.1-8b-dflash.ts", "tiny.ts"];

describe("plan on every example", () => {
  for (const ex of EXAMPLES) {
    it(`${ex}: table, deterministic well-formed SVG, JSON`, async () => {
      const svg = join(dir, `${ex}.svg`);
      const io = memoryIo(ROOT);
      expect(await planCommand(`examples/${ex}`, { svg }, io)).toBe(0);
      const table = io.stdout.join("");
      expect(table).toMatch(/^K +draft ms +verify ms +step ms +verify bound +tau +tok\/s +speedup$/m);
      for (const k of [2, 16, 1024]) expect(table).toMatch(new RegExp(`^${k}( \\*)?( best)? +[\\d.]+ `, "m"));
      expect(table).toMatch(/ \*/); // the declared K is marked
      expect(table).toContain("(no published point on TPU v4, TPU v5e, TPU v6e: they reuse TPU v5p's calibration)");
      const first = readFileSync(svg, "utf8");
      assertWellFormedXml(first);
      expect(first).toContain("Projected speedup over target-only decoding");
      expect(first).toContain("block size K (log scale)");
      expect(first).toContain("batch 1");
      // Same input, same bytes.
      expect(await planCommand(`examples/${ex}`, { svg }, memoryIo(ROOT))).toBe(0);
      expect(readFileSync(svg, "utf8")).toBe(first);

      const jio = memoryIo(ROOT);
      expect(await planCommand(`examples/${ex}`, { json: true }, jio)).toBe(0);
      const text = jio.stdout.join("");
      const report = JSON.parse(text) as PlanReport & { ok: boolean; command: string; config: string };
      // The --json convention: one pretty document, `ok` and `command` first, paths relative to cwd.
      expect(Object.keys(report).slice(0, 3)).toEqual(["ok", "command", "config"]);
      expect([report.ok, report.command, report.config]).toEqual([true, "plan", `examples/${ex}`]);
      expect(text).toBe(`${JSON.stringify(report, null, 2)}\n`);
      expect(report.ks).toEqual(expect.arrayContaining([2, 4, 8, 10, 16, 32, 64, 128, 256, 512, 1024]));
      expect(report.rows.map((r) => r.k)).toEqual(report.ks);
      for (const r of report.rows) expect(r.stepS).toBeCloseTo(r.draftS + r.verifyS + report.speculativeOverheadS, 12);
      // Every calibration constant says where it comes from.
      for (const c of Object.values(report.calibration)) expect(c.source).toMatch(/fitted to|set, not fitted|TPU v5p's/);
    });
  }

  it("Qwen3-8B: the speedup column is τ · baseline step / step, by hand", async () => {
    const io = memoryIo(ROOT);
    expect(await planCommand("examples/qwen3-8b-dflash.ts", { json: true, acceptanceRate: 0.7 }, io)).toBe(0);
    const r = JSON.parse(io.stdout.join("")) as PlanReport;
    const k16 = r.rows.find((x) => x.k === 16)!;
    expect(k16.tokensPerStep).toBeCloseTo(1 + (0.7 * (1 - 0.7 ** 15)) / 0.3, 12);
    expect(k16.speedup).toBeCloseTo((k16.tokensPerStep * r.baseline.stepS) / k16.stepS, 12);
    expect(r.context).toBe(4096); // half of maxContext 8192
    expect(r.memory.total).toBeLessThanOrEqual(r.memory.hbm!);
    expect(r.perChip.find((c) => c.chip === "tpu-v5p")!.fits).toBe(true);
    expect(r.perChip.find((c) => c.chip === "tpu-v5e")!.fits).toBe(false); // 16 GB cannot hold 85 GiB
  });

  it("measured acceptance lengths, batch and chip options", async () => {
    const acc = join(dir, "lengths.json");
    writeFileSync(acc, JSON.stringify({ blockSize: 16, acceptanceLengths: [16, 8, 4, 12] }));
    const io = memoryIo(ROOT);
    expect(await planCommand("examples/qwen3-8b-dflash.ts", { json: true, acceptance: acc, batch: 8, chip: "tpu-v6e", chips: 4 }, io)).toBe(0);
    const r = JSON.parse(io.stdout.join("")) as PlanReport & { acceptanceFile: string };
    expect(r.acceptance).toBe("measured: 4 steps at K=16, mean τ 10.00");
    expect(r.acceptanceFile).toBe(acc); // outside the working folder: absolute
    expect(r.rows.find((x) => x.k === 16)!.tokensPerStep).toBeCloseTo(10, 12);
    expect([r.batch, r.chip, r.chips]).toEqual([8, "tpu-v6e", 4]);
    // The memory plan is on that hardware too: v6e's HBM, weights and caches split over 4 chips.
    const dio = memoryIo(ROOT);
    expect(await planCommand("examples/qwen3-8b-dflash.ts", { json: true }, dio)).toBe(0);
    const declared = JSON.parse(dio.stdout.join("")) as PlanReport;
    expect(r.memory.hbm).toBe(32e9);
    expect(r.memory.weights).toBe(Math.ceil((declared.memory.weights * declared.chips) / 4));
    expect(r.memory.total).toBeLessThan(declared.memory.total);
  });

  it("--tau: the declared K commits that many tokens per step", async () => {
    const io = memoryIo(ROOT);
    expect(await planCommand("examples/qwen3-4b-dflash.ts", { json: true, tau: 5.42, chip: "tpu-v5p" }, io)).toBe(0);
    const r = JSON.parse(io.stdout.join("")) as PlanReport;
    expect(r.rows.find((x) => x.k === 16)!.tokensPerStep).toBeCloseTo(5.42, 10);
    expect(r.acceptance).toMatch(/^mean tau 5\.42 at K=16 \(geometric/);
  });

  it("usage errors exit 2", async () => {
    const io = memoryIo(ROOT);
    expect(await planCommand("examples/tiny.ts", { acceptanceRate: 2 }, io)).toBe(2);
    expect(await planCommand("examples/tiny.ts", { acceptanceRate: 0.5, acceptance: "x.json" }, io)).toBe(2);
    expect(await planCommand("examples/tiny.ts", { acceptanceRate: 0.5, tau: 2 }, io)).toBe(2);
    expect(io.stderr.at(-1)).toBe("error plan-usage: give one of --acceptance, --acceptance-rate and --tau, not --acceptance-rate and --tau");
    expect(await planCommand("examples/tiny.ts", { tau: 5 }, io)).toBe(2); // K = 4
    expect(io.stderr.at(-1)).toMatch(/^error plan-usage: --tau .* must be in \[1, 4\], got 5$/);
    expect(await planCommand("examples/tiny.ts", { chip: "tpu-v9" }, io)).toBe(2);
    expect(await planCommand("examples/tiny.ts", { acceptance: "missing.json" }, io)).toBe(2);
    expect(io.stderr.at(-1)).toMatch(/^missing\.json:1:1: error acceptance-unreadable: /);
    const bad = join(dir, "bad-acc.json");
    writeFileSync(bad, JSON.stringify({ acceptanceLengths: [40] }));
    expect(await planCommand("examples/tiny.ts", { acceptance: bad }, io)).toBe(2);
    expect(io.stderr.at(-1)).toMatch(/error acceptance-format: acceptance length 40 is outside 1\.\.4/);
    expect(io.stdout).toEqual([]);
    // With --json, the error is also the one document on stdout.
    const jio = memoryIo(ROOT);
    expect(await planCommand("examples/tiny.ts", { tau: 5, json: true }, jio)).toBe(2);
    const doc = JSON.parse(jio.stdout.join("")) as { ok: boolean; command: string; diagnostics: { code: string }[] };
    expect([doc.ok, doc.command, doc.diagnostics.map((d) => d.code)]).toEqual([false, "plan", ["plan-usage"]]);
  });

  it("a declaration that does not check: located diagnostics, exit 2", async () => {
    const cfg = join(dir, "bad.ts");
    writeFileSync(cfg, readFileSync(join(ROOT, "examples/qwen3-8b-dflash.ts"), "utf8").replace("numPages: 4096", "numPages: 65536"));
    const io = memoryIo(dir);
    expect(await planCommand("bad.ts", {}, io)).toBe(2);
    expect(io.stderr.join("\n")).toMatch(/^bad\.ts:\d+:\d+: error memory-exceeds-hbm: /m);
    // With --json, the diagnostics are also one JSON document on stdout, as for check and compile.
    const jio = memoryIo(dir);
    expect(await planCommand("bad.ts", { json: true }, jio)).toBe(2);
    const doc = JSON.parse(jio.stdout.join("")) as { ok: boolean; command: string; diagnostics: { file: string; code: string }[] };
    expect([doc.ok, doc.command]).toEqual([false, "plan"]);
    expect(doc.diagnostics).toContainEqual(expect.objectContaining({ file: "bad.ts", code: "memory-exceeds-hbm" }));
  });

  it("--svg where the file cannot be written: exit 2 with output-unwritable, not a crash", async () => {
    const blocker = join(dir, "blocker");
    writeFileSync(blocker, "a file, not a folder");
    const io = memoryIo(dir);
    expect(await planCommand(join(ROOT, "examples/tiny.ts"), { svg: "blocker/plot.svg" }, io)).toBe(2);
    expect(io.stderr.at(-1)).toMatch(/^blocker\/plot\.svg:1:1: error output-unwritable: cannot write .*\(ENOTDIR\)$/);
  });

  it("a target-only decoder (import-hf without a drafter): baseline per batch and a throughput plot", async () => {
    const cfg = join(dir, "qwen3_0_6b.ts");
    expect(await importHfCommand(join(ROOT, "test/fixtures/hf/Qwen3-0.6B/config.json"), { out: cfg }, memoryIo(dir))).toBe(0);
    const svg = join(dir, "target-only.svg");
    const io = memoryIo(dir);
    expect(await planCommand(cfg, { svg }, io)).toBe(0);
    expect(io.stdout.join("")).toMatch(/^batch +step ms +tok\/s$/m);
    const text = readFileSync(svg, "utf8");
    assertWellFormedXml(text);
    expect(text).toContain("Target-only throughput");
    // There is no acceptance to give a target-only decoder.
    const tio = memoryIo(dir);
    expect(await planCommand(cfg, { tau: 1 }, tio)).toBe(2);
    expect(tio.stderr.at(-1)).toMatch(/^error plan-usage: .* decodes with the target alone: it has no acceptance, so --tau does not apply$/);
  });
});

describe("plan --acceptance reads what run --json prints", () => {
  const runJson = async (extra: { targetOnly?: boolean } = {}) => {
    const io = memoryIo(ROOT);
    const code = await runCommand("examples/tiny.ts", { backend: "reference", weights: "random:3", promptIds: [[1, 2, 3], [7, 8]], maxNewTokens: 9, json: true, ...extra }, io);
    expect(code).toBe(0);
    return io.stdout.join("");
  };

  it("a speculative run of the tiny example: its steps and mean τ, at its block size", async () => {
    const text = await runJson();
    const run = JSON.parse(text) as { blockSize: number; requests: { stats: { acceptedLengths: number[] } }[] };
    const as = run.requests.flatMap((r) => r.stats.acceptedLengths);
    const meanTau = as.reduce((x, a) => x + a + 1, 0) / as.length;
    const file = join(dir, "tiny-run.json");
    writeFileSync(file, text);
    const io = memoryIo(dir);
    expect(await planCommand(join(ROOT, "examples/tiny.ts"), { json: true, acceptance: "tiny-run.json" }, io)).toBe(0);
    const r = JSON.parse(io.stdout.join("")) as PlanReport & { acceptanceFile: string };
    expect(r.acceptanceFile).toBe("tiny-run.json");
    expect(r.acceptance).toBe(`measured: ${as.length} steps at K=${run.blockSize}, mean τ ${meanTau.toFixed(2)}`);
    expect(r.rows.find((x) => x.k === run.blockSize)!.tokensPerStep).toBeCloseTo(meanTau, 12);

    // The same document wrapped as { ok, command: "run", ... } reads the same.
    writeFileSync(file, JSON.stringify({ ok: true, command: "run", ...run }, null, 2));
    const wio = memoryIo(dir);
    expect(await planCommand(join(ROOT, "examples/tiny.ts"), { json: true, acceptance: "tiny-run.json" }, wio)).toBe(0);
    expect((JSON.parse(wio.stdout.join("")) as PlanReport).acceptance).toBe(r.acceptance);
  });

  it("a target-only run measured no acceptance: exit 2 with the reason", async () => {
    const file = join(dir, "tiny-target-only.json");
    writeFileSync(file, await runJson({ targetOnly: true }));
    const io = memoryIo(dir);
    expect(await planCommand(join(ROOT, "examples/tiny.ts"), { acceptance: "tiny-target-only.json" }, io)).toBe(2);
    expect(io.stderr.at(-1)).toMatch(/^tiny-target-only\.json:1:1: error acceptance-format: a target-only run/);
  });
});
