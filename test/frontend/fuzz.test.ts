// Fuzz: mutate the examples as source text (numbers, strings, arrays, keys, `as any` and `<any>`
// casts) and run `check` in-process. Whatever the mutation, the exit code is 0 or 2 (never 1, a bug)
// and every failure is a located, one-line diagnostic inside the config file.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { checkCommand } from "../../cli/commands/check.js";
import { memoryIo } from "../../cli/commands/io.js";
import { example, TempDir } from "./config-fixture.js";

const EXAMPLES = ["tiny", "qwen3-8b-dflash", "qwen3-4b-dflash", "llama3.1-8b-dflash"].map(example);

interface Site {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Matches of `re` in code lines (not comments, not imports). */
function sites(src: string, re: RegExp): Site[] {
  const out: Site[] = [];
  let offset = 0;
  for (const line of src.split("\n")) {
    const trimmed = line.trimStart();
    if (!trimmed.startsWith("//") && !trimmed.startsWith("import")) {
      for (const m of line.matchAll(re)) out.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
    }
    offset += line.length + 1;
  }
  return out;
}

const NUMBER = /(?<![\w.$"])\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?(?![\w."])/g;
const STRING = /"(?:[^"\\\n]|\\.)*"/g;
const ARRAY = /\[[^[\]\n]*\]/g;
const SIMPLE_PROPERTY = /\b[a-zA-Z]+: [^,{}()[\]\n]+(?:, ?|(?= ?}))/g;
const LINE_PROPERTY = /^\s+(?:\w+: .*|\w+),$/g;
const KEY = /\b[a-zA-Z]+(?=: )/g;
const BUILDER_CALL = /\b[a-zA-Z0-9]+\(\{/g;

const NUMBERS = ["0", "-1", "-0", "NaN", "Infinity", "-Infinity", "1e308", "2 ** 31", "2 ** 53 + 1", "0.5", "3.7", "1e-9", "255", "256", "4097", "36", "1_000_000_000"];
const WRONG_TYPES = ['("12" as any)', "(null as any)", "(undefined as any)", "(true as any)", "([] as any)", "({} as any)", "(12n as any)", "((() => 1) as any)"];
const HOSTILE = ['a"b', "line\nbreak", "\"; import os; os.system('rm -rf /') #", "`${process.exit(1)}`", "", " ", "Tiny", "class", "x".repeat(100), "fp8", "tpu-v3", "paged", "ñ", "\u0000", "a\\b", "*/ oops /*"];

type Mutation = (src: string) => string;

const replaceAt = (src: string, s: Site, text: string) => src.slice(0, s.start) + text + src.slice(s.end);
const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

function at(re: RegExp, i: number, f: (s: Site, src: string) => string): Mutation {
  return (src) => {
    const s = pick(sites(src, re), i);
    return s ? f(s, src) : src;
  };
}

const numberMutation = fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...NUMBERS, ...WRONG_TYPES), fc.constantFrom("+1", "-1", "*2", "/2", "*-1"))).map(
  ([i, v]): Mutation =>
    at(NUMBER, i, (s, src) => {
      const n = Number(s.text.replaceAll("_", ""));
      const value = /^[+\-*/]/.test(v) ? String(Function(`return ${n}${v}`)() as number) : v;
      return replaceAt(src, s, value.startsWith("-") ? `(${value})` : value);
    }),
);

const stringMutation = fc
  .tuple(fc.nat(), fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 })), fc.boolean())
  .map(([i, v, cast]): Mutation => at(STRING, i, (s, src) => replaceAt(src, s, cast ? `(${JSON.stringify(v)} as any)` : JSON.stringify(v))));

const arrayMutation = fc.tuple(fc.nat(), fc.constantFrom("reverse", "shorten", "empty", "duplicate", "append", "shuffle")).chain(([i, how]) =>
  fc.nat().map(
    (seed): Mutation =>
      at(ARRAY, i, (s, src) => {
        const items = s.text.slice(1, -1).split(",").map((x) => x.trim()).filter((x) => x !== "");
        const next =
          how === "reverse"
            ? [...items].reverse()
            : how === "shorten"
              ? items.slice(0, -1)
              : how === "empty"
                ? []
                : how === "duplicate"
                  ? [items[0] ?? "1", ...items]
                  : how === "append"
                    ? [...items, "99"]
                    : items.map((x, k) => items[(k * 7 + seed) % items.length] ?? x);
        return replaceAt(src, s, `[${next.join(", ")}]`);
      }),
  ),
);

const deleteMutation = fc
  .tuple(fc.nat(), fc.boolean())
  .map(([i, line]): Mutation => at(line ? LINE_PROPERTY : SIMPLE_PROPERTY, i, (s, src) => replaceAt(src, { ...s, end: line ? s.end + 1 : s.end }, "")));

const renameKey = fc.tuple(fc.nat(), fc.constantFrom("x", "s", "_")).map(([i, suffix]): Mutation => at(KEY, i, (s, src) => replaceAt(src, s, s.text + suffix)));

/** `qwen3({` → `qwen3(<any>{`: the object escapes TypeScript, so validation must catch what follows. */
const untype = fc.nat().map((i): Mutation => at(BUILDER_CALL, i, (s, src) => replaceAt(src, s, s.text.replace("({", "(<any>{"))));

// Weighted towards mutations that TypeScript lets through, so that most runs reach validation.
const mutation = fc.oneof(
  { arbitrary: numberMutation, weight: 5 },
  { arbitrary: untype, weight: 3 },
  { arbitrary: arrayMutation, weight: 2 },
  { arbitrary: stringMutation, weight: 1 },
  { arbitrary: deleteMutation, weight: 1 },
  { arbitrary: renameKey, weight: 1 },
);

/** `file:line:col: error code: message`, all on one line (a hostile string must not break it). */
const DIAGNOSTIC = /^([^:\n]+):(\d+):(\d+): error ([a-z]+(?:-[a-z0-9]+)*): [^\n\r]+$/;

/** CI runs a quick sample; `DFLASHC_FUZZ_RUNS=5000 npx vitest run test/frontend/fuzz` digs deeper. */
const RUNS = Number(process.env.DFLASHC_FUZZ_RUNS ?? 120);

const dir = new TempDir();
afterAll(() => dir.remove());

describe("fuzz: mutated configs never crash check", () => {
  it("exits 0 or 2, and every failure is a located one-line diagnostic in the config file", async () => {
    let n = 0;
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(EXAMPLES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 5 }), async (which, mutations) => {
        // Let the test runner's own messages through between runs: each run is synchronous work.
        await new Promise((r) => setImmediate(r));
        const text = mutations.reduce((src, m) => m(src), EXAMPLES[which]);
        const name = `fuzz${n++}.ts`;
        const file = dir.write(text, name);
        const io = memoryIo(dir.path);
        const code = await checkCommand(file, { json: false }, io);
        expect([0, 2]).toContain(code);
        if (code === 0) {
          expect(io.stdout).toEqual([expect.stringMatching(/^ok: /)]);
          return;
        }
        const lines = text.split("\n");
        expect(io.stderr.length).toBeGreaterThan(0);
        for (const printed of io.stderr) {
          const d = DIAGNOSTIC.exec(printed);
          expect(d, printed).not.toBeNull();
          const [, f, line, column, kind] = d!;
          codes.set(kind, (codes.get(kind) ?? 0) + 1);
          expect(f).toBe(name);
          expect(Number(line)).toBeGreaterThanOrEqual(1);
          expect(Number(line)).toBeLessThanOrEqual(lines.length);
          expect(Number(column)).toBeGreaterThanOrEqual(1);
          expect(Number(column)).toBeLessThanOrEqual(lines[Number(line) - 1].length + 1);
        }
      }),
      { numRuns: RUNS },
    );
    // The mutations reach validation, not only the type checker.
    expect([...codes.keys()].filter((c) => c !== "type-error").length).toBeGreaterThan(5);
  }, Math.max(120_000, RUNS * 1000));
});
