// `dflashc plan` on every example (through the real front end), a target-only import, and options.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planCommand } from "../../cli/commands/plan.js";
import { importHfCommand } from "../../cli/commands/import-hf.js";
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
      const report = JSON.parse(jio.stdout.join("")) as PlanReport;
      expect(report.ks).toEqual(expect.arrayContaining([2, 4, 8, 10, 16, 32, 64, 128, 256, 512, 1024]));
      expect(report.rows.map((r) => r.k)).toEqual(report.ks);
      for (const r of report.rows) expect(r.stepS).toBeCloseTo(r.draftS + r.verifyS + report.overheadS, 12);
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

  it("measured acceptance from run --json output, batch and chip options", async () => {
    const acc = join(dir, "run.json");
    writeFileSync(acc, JSON.stringify({ results: [{ stats: { acceptanceLengths: [16, 8, 4, 12] } }] }));
    const io = memoryIo(ROOT);
    expect(await planCommand("examples/qwen3-8b-dflash.ts", { json: true, acceptance: acc, batch: 8, chip: "tpu-v6e", chips: 4 }, io)).toBe(0);
    const r = JSON.parse(io.stdout.join("")) as PlanReport;
    expect(r.acceptance).toBe("measured: 4 steps at K=16, mean τ 10.00");
    expect(r.rows.find((x) => x.k === 16)!.tokensPerStep).toBeCloseTo(10, 12);
    expect([r.batch, r.chip, r.chips]).toEqual([8, "tpu-v6e", 4]);
  });

  it("usage errors exit 2", async () => {
    const io = memoryIo(ROOT);
    expect(await planCommand("examples/tiny.ts", { acceptanceRate: 2 }, io)).toBe(2);
    expect(await planCommand("examples/tiny.ts", { acceptanceRate: 0.5, acceptance: "x.json" }, io)).toBe(2);
    expect(await planCommand("examples/tiny.ts", { chip: "tpu-v9" }, io)).toBe(2);
    expect(await planCommand("examples/tiny.ts", { acceptance: "missing.json" }, io)).toBe(2);
    const bad = join(dir, "bad-acc.json");
    writeFileSync(bad, JSON.stringify({ acceptanceLengths: [40] }));
    expect(await planCommand("examples/tiny.ts", { acceptance: bad }, io)).toBe(2);
    expect(io.stderr.at(-1)).toMatch(/error acceptance-format: acceptance length 40 is outside 1\.\.4/);
    expect(io.stdout).toEqual([]);
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
    const doc = JSON.parse(jio.stdout.join("")) as { ok: boolean; diagnostics: { file: string; code: string }[] };
    expect(doc.ok).toBe(false);
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
  });
});
