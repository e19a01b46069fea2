// The progress line: its formatting, drawn only through an Io that has `progress` (a terminal), cleared
// at the end, never with --quiet; a run through an Io without it (piped) writes no progress at all.
import { describe, expect, it } from "vitest";
import { memoryIo, type Io } from "../../cli/commands/io.js";
import { formatCompileProgress, formatDecodeProgress, ProgressLine } from "../../cli/commands/progress.js";
import { runCommand } from "../../cli/commands/run.js";
import { compileCommand } from "../../cli/commands/compile.js";
import { REPO, TempDir } from "../frontend/config-fixture.js";

/** An Io that records progress lines as a terminal would draw them. */
function terminalIo(): Io & { stdout: string[]; stderr: string[]; drawn: string[] } {
  const drawn: string[] = [];
  return { ...memoryIo(REPO), drawn, progress: (line) => void drawn.push(line) };
}

describe("formatting", () => {
  it("shows steps, tokens, tokens per second, tau and requests done", () => {
    expect(formatDecodeProgress({ step: 12, tokens: 40, seconds: 0.5, tau: 2.5, finished: 1, requests: 2 })).toBe("step 12 · 40 tokens · 80.0 tok/s · τ 2.50 · 1/2 done");
    expect(formatDecodeProgress({ step: 1, tokens: 1, seconds: 0, tau: null, finished: 0, requests: 1 })).toBe("step 1 · 1 tokens · - tok/s · τ - · 0/1 done");
    expect(formatCompileProgress("tiny_dflash", "stablehlo", 3, 40)).toBe("compiling tiny_dflash: stablehlo 3/40");
  });
});

describe("ProgressLine", () => {
  it("draws at most every 100 ms, then clears the line", () => {
    const io = terminalIo();
    let t = 0;
    const p = new ProgressLine(io, true, () => t);
    p.update(() => "a");
    t = 50;
    p.update(() => "b");
    t = 150;
    p.update(() => "c");
    p.done();
    expect(io.drawn).toEqual(["a", "c", ""]);
    expect(io.stderr).toEqual([]);
  });

  it("draws nothing without a terminal or with --quiet", () => {
    const piped = memoryIo(REPO);
    const p = new ProgressLine(piped, true);
    p.update(() => "x");
    p.done();
    expect(p.active).toBe(false);
    expect(piped.stderr).toEqual([]);
    const quiet = terminalIo();
    new ProgressLine(quiet, false).update(() => "x");
    expect(quiet.drawn).toEqual([]);
  });
});

describe("run's progress", () => {
  const opts = { backend: "reference" as const, weights: "random:3", promptIds: [[5, 6, 7], [42]], maxNewTokens: 8 };

  it("on a terminal: progress lines with steps and τ, cleared at the end; stdout unchanged", async () => {
    const io = terminalIo();
    expect(await runCommand("examples/tiny.ts", opts, io)).toBe(0);
    expect(io.drawn.length).toBeGreaterThanOrEqual(2);
    expect(io.drawn[0]).toMatch(/^step 1 · \d+ tokens · /);
    expect(io.drawn.at(-1)).toBe("");
    const piped = memoryIo(REPO);
    expect(await runCommand("examples/tiny.ts", opts, piped)).toBe(0);
    expect(io.stdout.slice(1)).toEqual(piped.stdout.slice(1));
  });

  it("piped, or with --quiet: none", async () => {
    const piped = memoryIo(REPO);
    expect(await runCommand("examples/tiny.ts", opts, piped)).toBe(0);
    expect(piped.stderr.join("")).not.toMatch(/step \d|\r/);
    const quiet = terminalIo();
    expect(await runCommand("examples/tiny.ts", { ...opts, quiet: true }, quiet)).toBe(0);
    expect(quiet.drawn).toEqual([]);
  });
});

describe("compile's progress", () => {
  it("on a terminal: the kernel graphs and modules counted, cleared at the end; piped or --quiet: none", async () => {
    const tmp = new TempDir();
    try {
      const io = terminalIo();
      expect(await compileCommand("examples/tiny.ts", { out: `${tmp.path}/a`, emit: "stablehlo" }, io)).toBe(0);
      expect(io.drawn[0]).toMatch(/^compiling tiny: graphs 1\/\d+$/);
      expect(io.drawn.at(-1)).toBe("");
      const quiet = terminalIo();
      expect(await compileCommand("examples/tiny.ts", { out: `${tmp.path}/b`, emit: "stablehlo", quiet: true }, quiet)).toBe(0);
      expect(quiet.drawn).toEqual([]);
      const piped = memoryIo(REPO);
      expect(await compileCommand("examples/tiny.ts", { out: `${tmp.path}/c`, emit: "stablehlo" }, piped)).toBe(0);
      expect(piped.stderr).toEqual([]);
    } finally {
      tmp.remove();
    }
  });
});
