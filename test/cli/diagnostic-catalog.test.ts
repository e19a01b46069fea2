// The catalog of diagnostic codes (contract/diagnostic-codes.ts) against the sources that use the codes
// and the document that lists them (docs/diagnostics.md), and the one way every command prints a user
// error: `file:line:col: error <code>: <message>` or `error <code>: <message>`, paths relative to the
// working folder.
//
//   UPDATE_DIAGNOSTICS_DOC=1 npx vitest run test/cli/diagnostic-catalog.test.ts   rewrites docs/diagnostics.md
import { afterAll, describe, expect, it, vi } from "vitest";
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { main } from "../../cli/cli.js";
import { demoCommand } from "../../cli/commands/demo.js";
import { memoryIo } from "../../cli/commands/io.js";
import { runCommand, type RunOptions } from "../../cli/commands/run.js";
import { DIAGNOSTIC_CODES, DIAGNOSTIC_PHASES, renderDiagnosticsDoc } from "../../contract/diagnostic-codes.js";
import { displayPath, formatDiagnostic, forDisplay, relativizePaths } from "../../contract/diagnostics.js";
import type { LoadAndPlanResult } from "../../compiler/pipeline.js";
import { REPO, TempDir, applyEdits, example } from "../frontend/config-fixture.js";

// `demo` plans the shipped example; to reach its error path, loadAndPlan can be told to fail once.
const planOverride = vi.hoisted(() => ({ next: undefined as LoadAndPlanResult | undefined }));
vi.mock("../../compiler/pipeline.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../compiler/pipeline.js")>();
  return {
    ...real,
    loadAndPlan: async (file: string) => {
      const next = planOverride.next;
      planOverride.next = undefined;
      return next ?? real.loadAndPlan(file);
    },
  };
});

const DOC = join(REPO, "docs", "diagnostics.md");
const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

// ---------------------------------------------------------------------------------------------------
// Finding the codes the sources use. A code is a kebab-case string literal in one of these places:
//   - an argument of a call that makes a diagnostic: errorAt(file, at, "code", msg), entryError("code",
//     msg), locator.error(path, "code", msg), issue(path, "code", msg), jsonDiagnostic(file, loc, "code",
//     msg), this.report(loc, "code", msg), new ShapeError(msg, "code"), userError("code", msg), ... (or
//     either branch of a conditional there);
//   - the value of a property, parameter or variable named `code` (`code: "stablehlo-syntax"`);
//   - the `codes: [...]` of a validation rule, a `*_CODES` list, the values of an `*Error` table
//     (import-hf's HfError), a literal of a `*Code` type union;
//   - printed text: `error <code>: ` or `warning <code>: ` inside a string or template literal.
const DIAGNOSTIC_CALLS = new Set(["errorAt", "entryError", "error", "issue", "jsonDiagnostic", "report", "ShapeError", "userError", "userWarning"]);
const PRINTED = /(?:^|[\s:])(?:error|warning) ([a-z][a-z0-9]*(?:-[a-z0-9]+)*): /g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith(".ts") ? [p] : [];
    });
}

function stringLiterals(e: ts.Node): string[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isConditionalExpression(e)) return [...stringLiterals(e.whenTrue), ...stringLiterals(e.whenFalse)];
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return stringLiterals(e.expression);
  return [];
}

/** code → the `file:line` places that use it. */
function codesInSources(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const files = ["compiler", "runtime", "dsl", "stablehlo", "contract", "cli"].flatMap((d) => tsFiles(join(REPO, d))).filter((f) => !f.endsWith(join("contract", "diagnostic-codes.ts")));
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const rel = relative(REPO, file);
    const visit = (n: ts.Node): void => {
      const add = (code: string) => {
        if (!KEBAB.test(code)) return;
        const at = `${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
        found.set(code, [...(found.get(code) ?? []), at]);
      };
      if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
        const callee = n.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
        if (DIAGNOSTIC_CALLS.has(name)) for (const arg of n.arguments ?? []) stringLiterals(arg).forEach(add);
      }
      if ((ts.isPropertyAssignment(n) || ts.isParameter(n) || ts.isVariableDeclaration(n) || ts.isPropertyDeclaration(n)) && ts.isIdentifier(n.name) && n.name.text === "code" && n.initializer) {
        stringLiterals(n.initializer).forEach(add);
      }
      if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && n.name.text === "codes" && ts.isArrayLiteralExpression(n.initializer)) {
        n.initializer.elements.forEach((e) => stringLiterals(e).forEach(add));
      }
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && /(?:_CODES|Codes|Error)$/.test(n.name.text) && n.initializer) {
        let init: ts.Expression = n.initializer;
        while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init)) init = init.expression;
        if (ts.isArrayLiteralExpression(init)) init.elements.forEach((e) => stringLiterals(e).forEach(add));
        if (ts.isObjectLiteralExpression(init)) init.properties.forEach((p) => ts.isPropertyAssignment(p) && stringLiterals(p.initializer).forEach(add));
      }
      if (ts.isTypeAliasDeclaration(n) && /Code$/.test(n.name.text)) {
        const literalTypes = (t: ts.Node): void => {
          if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) add(t.literal.text);
          ts.forEachChild(t, literalTypes);
        };
        literalTypes(n.type);
      }
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) {
        for (const m of n.text.matchAll(PRINTED)) add(m[1]);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

describe("the catalog of diagnostic codes", () => {
  const codes: readonly string[] = DIAGNOSTIC_CODES.map((c) => c.code);

  it("lists each code once, kebab-case, with a one-line description, grouped by phase in phase order", () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of DIAGNOSTIC_CODES) {
      expect(c.code).toMatch(KEBAB);
      expect(c.description.trim(), c.code).not.toBe("");
      expect(c.description, c.code).not.toMatch(/\n/);
    }
    const phases = Object.keys(DIAGNOSTIC_PHASES);
    const order = DIAGNOSTIC_CODES.map((c) => phases.indexOf(c.phase));
    expect(order.every((p, i) => p >= 0 && (i === 0 || p >= order[i - 1])), "entries of one phase together, phases in DIAGNOSTIC_PHASES order").toBe(true);
    expect(phases).toEqual(["frontend", "validate", "plan", "stablehlo", "import-hf", "weights", "runtime", "cli"]);
    for (const p of phases) expect(DIAGNOSTIC_CODES.some((c) => c.phase === p), `phase ${p} has codes`).toBe(true);
  });

  it("docs/diagnostics.md is rendered from it: exactly the catalog's codes, in order", () => {
    const rendered = renderDiagnosticsDoc();
    if (process.env.UPDATE_DIAGNOSTICS_DOC && !process.env.CI) writeFileSync(DOC, rendered);
    const doc = readFileSync(DOC, "utf8");
    const listed = [...doc.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(codes);
    expect(doc, "docs/diagnostics.md is stale: UPDATE_DIAGNOSTICS_DOC=1 npx vitest run test/cli/diagnostic-catalog.test.ts").toBe(rendered);
  });

  it("every code the sources use is in the catalog, and every catalog code is used (no dead codes)", () => {
    const used = codesInSources();
    const missing = [...used].filter(([c]) => !codes.includes(c)).map(([c, at]) => `${c} (${at.join(", ")})`);
    expect(missing, "codes used in the sources but missing from contract/diagnostic-codes.ts").toEqual([]);
    const dead = codes.filter((c) => !used.has(c));
    expect(dead, "catalog codes no source uses").toEqual([]);
  });

  it("the scan finds each kind of use (so a pattern it stops recognizing fails here, not silently)", () => {
    const used = codesInSources();
    const firstFile = (c: string) => used.get(c)?.[0].replace(/:\d+$/, "");
    expect(firstFile("stablehlo-syntax")).toBe("stablehlo/parser/module.ts"); // code: "..."
    expect(used.get("config-eval-timeout")).toBeDefined(); // entryError("...", ...) over several lines
    expect(used.get("tensor-too-large")?.length).toBeGreaterThanOrEqual(2); // issue(path, "...", ...)
    expect(firstFile("hf-unsupported-moe")).toBe("compiler/import-hf/fields.ts"); // the HfError table
    expect(used.get("run-limit")).toBeDefined(); // printed `error run-limit: ...`
    expect(firstFile("weights-source")).toBe("cli/commands/run-input.ts"); // userError("...", ...)
  });
});

describe("formatDiagnostic and paths relative to the working folder", () => {
  it("prints located and unlocated diagnostics", () => {
    expect(formatDiagnostic({ file: "a.ts", line: 3, column: 7, severity: "error", code: "type-error", message: "m" })).toBe("a.ts:3:7: error type-error: m");
    expect(formatDiagnostic({ severity: "warning", code: "capacity", message: "m" })).toBe("warning capacity: m");
  });

  it("relativizes the file and the paths in the message, and leaves paths outside the folder alone", () => {
    const cwd = join(REPO, "work");
    expect(displayPath(join(cwd, "a", "b.ts"), cwd)).toBe(join("a", "b.ts"));
    expect(displayPath("/elsewhere/b.ts", cwd)).toBe("/elsewhere/b.ts");
    expect(displayPath("already/relative.ts", cwd)).toBe("already/relative.ts");
    expect(relativizePaths(`weights folder ${join(cwd, "ckpt")} and ${cwd}x/y`, cwd)).toBe(`weights folder ckpt and ${cwd}x/y`);
    const d = forDisplay({ file: join(cwd, "c.ts"), line: 1, column: 2, severity: "error", code: "config-import", message: `cannot read ${join(cwd, "d.ts")}` }, cwd);
    expect(formatDiagnostic(d)).toBe("c.ts:1:2: error config-import: cannot read d.ts");
  });
});

describe("every command reports user errors one way", () => {
  const tmp = new TempDir();
  afterAll(() => tmp.remove());
  const cwd = tmp.path;
  tmp.write(example("tiny"), "tiny.ts");
  const base: RunOptions = { backend: "reference", weights: "random:0", promptIds: [[5, 6, 7]], maxNewTokens: 2 };
  const run = async (opts: Partial<RunOptions>, config = "tiny.ts") => {
    const io = memoryIo(cwd);
    const code = await runCommand(config, { ...base, ...opts }, io);
    return { code, err: io.stderr, out: io.stdout };
  };

  it("run with a weights folder that does not exist: exit 2, `error weights-source:`, the folder relative", async () => {
    const r = await run({ weights: "no-such-ckpt" });
    expect(r.code).toBe(2);
    expect(r.err).toEqual(["error weights-source: weights folder no-such-ckpt does not exist"]);
  });

  it("run with a corrupt checkpoint: exit 2, `error weights:`, the file relative; --json gives the diagnostics", async () => {
    mkdirSync(join(cwd, "ckpt"));
    const header = Buffer.from("null");
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(header.length));
    writeFileSync(join(cwd, "ckpt", "model.safetensors"), Buffer.concat([len, header]));
    const r = await run({ weights: "ckpt", draftWeights: "ckpt" });
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^error weights: ckpt\/model\.safetensors: header is null/);
    const j = await run({ weights: "ckpt", draftWeights: "ckpt", json: true });
    expect(j.code).toBe(2);
    const doc = JSON.parse(j.out[0]);
    expect(doc).toMatchObject({ ok: false, diagnostics: [{ code: "weights", message: expect.stringMatching(/^ckpt\/model\.safetensors: header is null/) }] });
    expect(doc.error).toBe(doc.diagnostics[0].message);
  });

  it("run with a prompt outside the vocabulary: exit 2, `error request:`", async () => {
    const r = await run({ promptIds: [[1, 999]] });
    expect(r.code).toBe(2);
    expect(r.err).toEqual(["error request: request 0: token 999 outside the vocabulary 0..255"]);
  });

  it("run with a bad flag: exit 2, `error usage:`, through main() and commander alike", async () => {
    expect((await run({ promptIds: [] })).err).toEqual(["error usage: give at least one --prompt (text) or --prompt-ids (token ids)"]);
    for (const [args, line] of [
      [["run", "tiny.ts", "--prompt-ids", "1,x"], "error usage: --prompt-ids takes comma-separated token ids, got '1,x'"],
      [["run", "tiny.ts", "--no-such-flag"], "error usage: unknown option '--no-such-flag'"],
      [["run", "tiny.ts", "--backend", "tpu"], "error usage: option '--backend <name>' argument 'tpu' is invalid. Allowed choices are reference, jax."],
    ] as const) {
      const io = memoryIo(cwd);
      expect(await main([...args], io)).toBe(2);
      expect(io.stderr.join("").trimEnd()).toBe(line);
    }
  });

  it("run with an invalid config: exit 2, located like `check`, the file relative, --json like check's", async () => {
    tmp.write(applyEdits(example("tiny"), [["maskTokenId: 255", "maskTokenId: 4096"]]), "bad-mask.ts");
    const r = await run({}, "bad-mask.ts");
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^bad-mask\.ts:\d+:\d+: error mask-token-out-of-range: maskTokenId = 4096/);
    const io = memoryIo(cwd);
    expect(await main(["check", "bad-mask.ts"], io)).toBe(2);
    expect(io.stderr).toEqual(r.err);
    const j = await run({ json: true }, "bad-mask.ts");
    expect(JSON.parse(j.out[0])).toEqual({ ok: false, command: "run", diagnostics: [{ file: "bad-mask.ts", line: expect.any(Number), column: expect.any(Number), code: "mask-token-out-of-range", message: expect.any(String) }] });
  });

  it("run refusing for memory: exit 2, `error memory:`", async () => {
    const r = await run({ maxMemory: 1024 ** 2 });
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^error memory: decoding tiny_dflash on the reference backend needs about/);
  });

  it("demo, if the shipped example ever failed to plan: the same format, the path relative, exit 1", async () => {
    const file = join(cwd, "examples", "tiny.ts");
    planOverride.next = { ok: false, diagnostics: [{ file, line: 3, column: 5, severity: "error", code: "type-error", message: `broken (${file})` }] };
    const io = memoryIo(cwd);
    expect(await demoCommand(io)).toBe(1);
    expect(io.stderr).toEqual(["examples/tiny.ts:3:5: error type-error: broken (examples/tiny.ts)"]);
    expect(io.stdout).toEqual([]);
  });
});
