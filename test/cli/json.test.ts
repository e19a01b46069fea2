// The one --json convention (cli/commands/json.ts, docs/cli.md): every command given --json prints
// exactly one JSON document on stdout whose first keys are `ok` and `command`, on success and on the
// user's errors alike, and its paths are relative to the working folder with forward slashes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../cli/cli.js";
import { memoryIo } from "../../cli/commands/io.js";
import { displayPath } from "../../cli/commands/json.js";
import { REPO, TempDir, applyEdits, example } from "../frontend/config-fixture.js";

const tmp = new TempDir();
afterAll(() => tmp.remove());

const CHECKED_MODULE = `func.func @twice() {
  %a = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %b = stablehlo.add %a, %a : tensor<2xf32>
  %want = stablehlo.constant dense<[2.0, 4.0]> : tensor<2xf32>
  check.expect_eq %b, %want : tensor<2xf32>
  func.return
}
`;

/** Runs the CLI in `cwd` and returns the exit code and the one document it printed. */
async function json(argv: string[], cwd = tmp.path): Promise<{ code: number; doc: Record<string, unknown>; keys: string[] }> {
  const io = memoryIo(cwd);
  const code = await main([...argv, "--json"], io);
  expect(io.stdout, `stdout of ${argv.join(" ")}`).toHaveLength(1);
  expect(io.stdout[0].endsWith("}\n")).toBe(true);
  // Pretty-printed with two spaces.
  expect(io.stdout[0].split("\n")[1]).toMatch(/^ {2}"ok": (true|false),$/);
  const doc = JSON.parse(io.stdout[0]) as Record<string, unknown>;
  return { code, doc, keys: Object.keys(doc) };
}

function expectHead(r: { doc: Record<string, unknown>; keys: string[] }, ok: boolean, command: string): void {
  expect(r.keys.slice(0, 2)).toEqual(["ok", "command"]);
  expect(r.doc.ok).toBe(ok);
  expect(r.doc.command).toBe(command);
}

describe("--json: one document, { ok, command, ... }", () => {
  const tiny = join(REPO, "examples", "tiny.ts");

  it("check: the plan; diagnostics on a bad declaration", async () => {
    const ok = await json(["check", tiny]);
    expect(ok.code).toBe(0);
    expectHead(ok, true, "check");
    expect((ok.doc.plan as { name: string }).name).toBe("tiny_dflash");
    const bad = tmp.write(applyEdits(example("tiny"), [["maskTokenId: 255", "maskTokenId: 300"]]), "bad.ts");
    const err = await json(["check", bad]);
    expect(err.code).toBe(2);
    expectHead(err, false, "check");
    expect(err.doc.diagnostics).toEqual([expect.objectContaining({ file: "bad.ts", code: "mask-token-out-of-range" })]);
  });

  it("compile: the folder (relative), content hash and files; a usage error as diagnostics", async () => {
    const ok = await json(["compile", tiny, "-o", "out/tiny", "--emit", "runtime"]);
    expect(ok.code).toBe(0);
    expectHead(ok, true, "compile");
    expect(ok.doc.out).toBe("out/tiny");
    expect(ok.doc.contentHash).toMatch(/^sha256:/);
    expect(ok.doc.files).toContain("manifest.json");
    const err = await json(["compile", tiny, "--emit", "wasm"]);
    expect(err.code).toBe(2);
    expectHead(err, false, "compile");
    expect(err.doc.diagnostics).toEqual([{ code: "usage", message: expect.stringContaining("--emit") }]);
  });

  it("demo: tau, per-request tokens and the lossless verdict", async () => {
    const r = await json(["demo"]);
    expect(r.code).toBe(0);
    expectHead(r, true, "demo");
    expect(r.doc.weights).toBe("copy:0");
    expect(r.doc.tau).toBeGreaterThan(2);
    expect(r.doc.lossless).toEqual({ ok: true, tokens: 48, mismatches: [] });
    expect(r.doc.requests).toHaveLength(3);
    const [first] = r.doc.requests as { prompt: string; tokens: number[]; text: string }[];
    expect(first.prompt).toBe("Hello");
    expect(first.text).toBe(new TextDecoder().decode(Uint8Array.from(first.tokens)));
  });

  it("import-hf: the declaration's source (or the file written), warnings; an unreadable config as diagnostics", async () => {
    const config = join(REPO, "test", "fixtures", "hf", "Qwen3-0.6B", "config.json");
    const r = await json(["import-hf", config]);
    expect(r.code).toBe(0);
    expectHead(r, true, "import-hf");
    expect(r.doc.source).toMatch(/defineDecoder/);
    expect(r.doc.warnings).toEqual([]);
    const written = await json(["import-hf", config, "-o", "qwen3.ts"]);
    expectHead(written, true, "import-hf");
    expect(written.doc.out).toBe("qwen3.ts");
    expect(readFileSync(join(tmp.path, "qwen3.ts"), "utf8")).toBe(r.doc.source);
    const err = await json(["import-hf", "missing.json"]);
    expect(err.code).toBe(2);
    expectHead(err, false, "import-hf");
    expect(err.doc.diagnostics).toEqual([expect.objectContaining({ file: "missing.json", code: "hf-unreadable" })]);
  });

  it("stablehlo check and run: the file and its diagnostics or functions", async () => {
    tmp.write(CHECKED_MODULE, "twice.mlir");
    const check = await json(["stablehlo", "check", "twice.mlir"]);
    expect(check.code).toBe(0);
    expectHead(check, true, "stablehlo check");
    expect(check.doc).toEqual({ ok: true, command: "stablehlo check", file: "twice.mlir", diagnostics: [] });
    const run = await json(["stablehlo", "run", "twice.mlir"]);
    expect(run.code).toBe(0);
    expectHead(run, true, "stablehlo run");
    expect(run.doc.functions).toEqual([expect.objectContaining({ name: "twice", checks: [expect.objectContaining({ passed: true })] })]);
    tmp.write("func.func @broken( {", "broken.mlir");
    for (const sub of ["check", "run"]) {
      const err = await json(["stablehlo", sub, "broken.mlir"]);
      expect(err.code).toBe(2);
      expectHead(err, false, `stablehlo ${sub}`);
      expect(err.doc.diagnostics).toEqual([expect.objectContaining({ file: "broken.mlir", line: 1 })]);
    }
    const limit = await json(["stablehlo", "run", "twice.mlir", "--max-steps", "0"]);
    expectHead(limit, false, "stablehlo run");
    expect(limit.doc.diagnostics).toEqual([{ code: "bad-option", message: "--max-steps must be a positive integer, got '0'" }]);
  });

  it("displayPath: relative inside the working folder, `.` for the folder itself, absolute outside", () => {
    const io = { cwd: "/work/project" };
    expect(displayPath(io, "/work/project/out/x")).toBe("out/x");
    expect(displayPath(io, "out/x")).toBe("out/x");
    expect(displayPath(io, "/work/project")).toBe(".");
    expect(displayPath(io, "/elsewhere/x")).toBe("/elsewhere/x");
    expect(displayPath(io, "../sibling")).toBe("/work/sibling");
  });
});
