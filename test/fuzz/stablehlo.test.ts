// Fuzz: `dflashc stablehlo check` and `dflashc stablehlo run` on token-mutated modules (the .mlir files
// under test/stablehlo), in-process as the CLI runs them: parse + verify (checkStableHlo), then, for a
// module that verifies, interpret every public zero-argument function (runStableHloText) under small
// limits. Outcomes the CLI maps to exit 2 (diagnostics, a run limit, nothing to run) or 3 (a failed
// check.* op, a function that stopped with an interpreter error) are fine; any other exception is a bug,
// and so is a function that stopped on something other than an InterpreterError (the CLI would print
// it as a failed function, but it is an internal error of the interpreter on a module that verified).
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DiagnosticError } from "../../contract/diagnostics.js";
import { checkStableHlo } from "../../compiler/stablehlo/check-file.js";
import { InterpreterError, InterpreterLimitError } from "../../stablehlo/interpreter/errors.js";
import { recoverExactI64 } from "../../stablehlo/interpreter/exact-literals.js";
import { Interpreter } from "../../stablehlo/interpreter/interpreter.js";
import { parseModules } from "../../stablehlo/parser.js";
import { runStableHloText } from "../../compiler/stablehlo/run-file.js";
import { describeError, fuzz, FuzzBug, pick, timeoutOf, type Outcome } from "./harness.js";

/** Interpreter limits for every case: small enough that a case stays well under the time bound. */
export const LIMITS = { maxSteps: 100_000, maxBytes: 16 * 2 ** 20 };

const ROOT = fileURLToPath(new URL("../stablehlo/", import.meta.url));
const sources = ["interp", "interp-limits", "fixtures"].flatMap((sub) =>
  readdirSync(`${ROOT}${sub}`)
    .filter((f) => f.endsWith(".mlir"))
    .sort()
    .map((f) => ({ file: `test/stablehlo/${sub}/${f}`, text: readFileSync(`${ROOT}${sub}/${f}`, "utf8") })),
);

/** The text cut at top-level `func.func` lines (what comes before the first is kept with every window). */
function functionsOf(text: string): { head: string; funcs: string[] } {
  const parts = text.split(/^(?=func\.func )/m);
  const head = parts[0].startsWith("func.func ") ? "" : parts.shift()!;
  return { head, funcs: parts };
}

const TOKEN = /%[\w#.$-]+|@[\w.$-]+|"(?:[^"\\\n]|\\.)*"|0x[0-9A-Fa-f]+|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_][\w.$]*|->|\S/g;

const NUMBERS = ["0", "-1", "1", "2", "3", "-2147483648", "2147483647", "2147483648", "4294967296", "9223372036854775807", "-9223372036854775808", "18446744073709551616", "1e9", "1.0e38", "3.5e38", "1e308", "-0.0", "0.5", "0x7FC00000", "0x7F800000", "0xFFFFFFFF", "0xFFFFFFFFFFFFFFFF", "nan", "inf", "1000000", "65536", "100000000"];
const WORDS = [
  "stablehlo.add", "stablehlo.multiply", "stablehlo.constant", "stablehlo.while", "stablehlo.compare", "stablehlo.reshape", "stablehlo.broadcast_in_dim",
  "stablehlo.transpose", "stablehlo.dot_general", "stablehlo.reduce", "stablehlo.iota", "stablehlo.gather", "stablehlo.scatter", "stablehlo.slice",
  "stablehlo.dynamic_slice", "stablehlo.concatenate", "stablehlo.convert", "stablehlo.select", "stablehlo.divide", "stablehlo.remainder",
  "stablehlo.shift_left", "stablehlo.power", "stablehlo.return", "func.return", "func.call", "check.expect_eq", "check.expect_eq_const",
  "check.expect_almost_eq_const", "tensor", "dense", "f32", "f64", "bf16", "f16", "i1", "i8", "i32", "i64", "ui32", "ui64", "LT", "GT", "EQ", "NE",
  "SIGNED", "UNSIGNED", "FLOAT", "true", "false", "cond", "do", "private", "dims", "x", "?", "<", ">", "(", ")", "{", "}", "[", "]", ",", ":", "=", "->",
];

type Mutation =
  | { kind: "delete"; at: number; len: number }
  | { kind: "duplicate"; at: number; len: number }
  | { kind: "swap"; a: number; b: number }
  | { kind: "number"; at: number; text: string }
  | { kind: "word"; at: number; text: string }
  | { kind: "insert"; at: number; text: string }
  | { kind: "shape"; at: number; dims: string }
  | { kind: "line"; at: number; op: number }
  | { kind: "forever"; at: number };

const dims = fc.oneof(
  fc.constantFrom("0x", "1x", "1000000x", "65536x65536x", "4294967296x", "2147483648x", "9007199254740993x", "100000x100000x100000x", "?x", "-1x", "x", "1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x"),
  fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 4 }).map((ds) => ds.map((d) => `${d}x`).join("")),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("swap" as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("number" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...NUMBERS), fc.integer({ min: -10, max: 300 }).map(String)) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("word" as const), at: fc.nat(), text: fc.constantFrom(...WORDS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...WORDS, ...NUMBERS), fc.string({ maxLength: 4 })) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("shape" as const), at: fc.nat(), dims }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("line" as const), at: fc.nat(), op: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("forever" as const), at: fc.nat() }) },
);

function apply(text: string, m: Mutation): string {
  if (m.kind === "line") {
    const lines = text.split("\n");
    const i = m.at % lines.length;
    if (m.op === 0) lines.splice(i, 1);
    else if (m.op === 1) lines.splice(i, 0, lines[i]);
    else if (m.op === 2) [lines[i], lines[(i + 1) % lines.length]] = [lines[(i + 1) % lines.length], lines[i]];
    else lines.splice(i, 0, lines[(i * 7 + 3) % lines.length]);
    return lines.join("\n");
  }
  if (m.kind === "shape") {
    const spans = [...text.matchAll(/tensor<((?:\d+x)*)/g)];
    if (spans.length === 0) return text;
    const s = pick(spans, m.at);
    return text.slice(0, s.index + 7) + m.dims + text.slice(s.index + s[0].length);
  }
  if (m.kind === "forever") {
    // A loop condition that never turns false (the interpreter must stop it at maxSteps).
    const spans = [...text.matchAll(/compare {2}?\s*(LT|LE|GT|GE|EQ)\b/g)];
    if (spans.length === 0) return text;
    const s = pick(spans, m.at);
    return text.slice(0, s.index) + s[0].replace(/(LT|LE|GT|GE|EQ)$/, "NE") + text.slice(s.index + s[0].length);
  }
  const tokens = [...text.matchAll(TOKEN)];
  if (tokens.length === 0) return text;
  const splice = (from: number, to: number, by: string) => text.slice(0, from) + by + text.slice(to);
  const at = (n: number) => tokens[n % tokens.length];
  const end = (t: RegExpMatchArray) => t.index! + t[0].length;
  switch (m.kind) {
    case "delete": {
      const a = at(m.at);
      const b = tokens[Math.min(tokens.length - 1, (m.at % tokens.length) + m.len - 1)];
      return splice(a.index!, end(b), "");
    }
    case "duplicate": {
      const a = at(m.at);
      const b = tokens[Math.min(tokens.length - 1, (m.at % tokens.length) + m.len - 1)];
      return splice(a.index!, a.index!, `${text.slice(a.index!, end(b))} `);
    }
    case "swap": {
      let [x, y] = [at(m.a), at(m.b)];
      if (x.index! > y.index!) [x, y] = [y, x];
      if (x.index === y.index) return text;
      return text.slice(0, x.index) + y[0] + text.slice(end(x), y.index) + x[0] + text.slice(end(y));
    }
    case "number": {
      const nums = tokens.filter((t) => /^-?\d|^0x/.test(t[0]));
      if (nums.length === 0) return text;
      const t = pick(nums, m.at);
      return splice(t.index!, end(t), m.text);
    }
    case "word": {
      const words = tokens.filter((t) => /^[A-Za-z_]/.test(t[0]) || /^[^\w%@"]$/.test(t[0]));
      if (words.length === 0) return text;
      const t = pick(words, m.at);
      return splice(t.index!, end(t), m.text);
    }
    case "insert": {
      const t = at(m.at);
      return splice(t.index!, t.index!, `${m.text} `);
    }
  }
}

interface Case {
  readonly file: string;
  readonly text: string;
}

const hloCase: fc.Arbitrary<Case> = fc
  .tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([i, from, count, ms]) => {
    const src = pick(sources, i);
    // Most cases keep a window of 1-3 functions (faster, and mutations land in fewer places); some the whole file.
    const { head, funcs } = functionsOf(src.text);
    const text = count === 0 || funcs.length === 0 ? src.text : head + funcs.slice(from % funcs.length, (from % funcs.length) + count).join("");
    return { file: src.file, text: ms.reduce(apply, text) };
  });

/** Re-runs a function that stopped, to see what it threw (runStableHloText keeps only the message). */
function whyItStopped(text: string, file: string, module: number, name: string): unknown {
  const modules = parseModules(text, file);
  recoverExactI64(modules, text);
  try {
    new Interpreter(modules[module], LIMITS).run(name, []);
  } catch (e) {
    return e;
  }
  return undefined;
}

function exec(c: Case): Outcome {
  let diagnostics;
  try {
    diagnostics = checkStableHlo(c.text, c.file);
  } catch (e) {
    throw new FuzzBug(`stablehlo check threw ${describeError(e)}`, e);
  }
  if (diagnostics.length > 0) return "user-error";
  let result;
  try {
    result = runStableHloText(c.text, c.file, LIMITS);
  } catch (e) {
    if (e instanceof InterpreterLimitError || e instanceof DiagnosticError) return "user-error";
    throw new FuzzBug(`stablehlo run threw ${describeError(e)}`, e);
  }
  if (result.error !== undefined) return "user-error";
  for (const f of result.functions) {
    if (f.error === undefined) continue;
    const e = whyItStopped(c.text, c.file, f.module, f.name);
    if (!(e instanceof InterpreterError)) throw new FuzzBug(`@${f.name} stopped on a module that verified, with ${describeError(e)}`, e);
  }
  return result.ok ? "ok" : "check-failed";
}

describe("fuzz: StableHLO parse, verify and interpret", () => {
  it("runs the unmutated files as the CLI does", () => {
    expect(sources.length).toBeGreaterThanOrEqual(10);
    for (const s of sources) expect(["ok", "check-failed", "user-error"]).toContain(exec(s));
  });

  it("never throws, never takes too long, never grows memory past the bound", async () => {
    const stats = await fuzz("stablehlo", hloCase, exec);
    expect(stats.cases).toBeGreaterThan(0);
  }, timeoutOf("stablehlo"));
});
