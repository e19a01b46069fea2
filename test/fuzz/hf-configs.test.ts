// Fuzz: `dflashc import-hf` on mutated Hugging Face config.json files (test/fixtures/hf), in-process
// through importHf (what importHfCommand runs on the file's text). A DiagnosticError is the user-facing
// refusal (exit 2); anything else it throws is a bug. A config it accepts must give a declaration that
// validation accepts too (import-hf writes only what `check` passes).
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DiagnosticError } from "../../contract/diagnostics.js";
import { importHf, type HfConfigText } from "../../compiler/import-hf/index.js";
import { validateDeclaration } from "../../compiler/validate/validate.js";
import { describeError, fuzz, FuzzBug, pick, timeoutOf, type Outcome } from "./harness.js";
import { jsonMutation, mutateJsonValue, mutateText, textMutation } from "./json-mutations.js";

const DIR = fileURLToPath(new URL("../fixtures/hf/", import.meta.url));
const configs = readdirSync(DIR)
  .sort()
  .map((model) => ({ file: `${DIR}${model}/config.json`, text: readFileSync(`${DIR}${model}/config.json`, "utf8") }));
const isDraft = (c: HfConfigText) => c.text.includes("dflash_config");
const targets = configs.filter((c) => !isDraft(c));
const drafts = configs.filter(isDraft);

interface Case {
  readonly target: HfConfigText;
  readonly draft?: HfConfigText;
  readonly name?: string;
}

const mutated = (pool: readonly HfConfigText[]) =>
  fc
    .tuple(
      fc.nat(),
      fc.oneof(
        { weight: 3, arbitrary: fc.array(jsonMutation, { minLength: 1, maxLength: 4 }).map((ms) => (t: string) => mutateJsonValue(t, ms)) },
        { weight: 2, arbitrary: fc.array(textMutation, { minLength: 1, maxLength: 3 }).map((ms) => (t: string) => mutateText(t, ms)) },
      ),
    )
    .map(([i, f]) => {
      const base = pick(pool, i);
      return { file: base.file, text: f(base.text) };
    });

const hfCase: fc.Arbitrary<Case> = fc
  .tuple(
    mutated(targets),
    fc.option(mutated(drafts), { nil: undefined, freq: 3 }),
    fc.option(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("", "-", "__proto__", "constructor", "9abc", "a".repeat(10_000), "../x", "ü")), { nil: undefined, freq: 4 }),
  )
  .map(([target, draft, name]) => ({ target, draft, name }));

function exec(c: Case): Outcome {
  let result;
  try {
    result = importHf(c.target, c.draft, { name: c.name });
  } catch (e) {
    if (e instanceof DiagnosticError) {
      if (e.diagnostics.length === 0) throw new FuzzBug("a DiagnosticError with no diagnostic");
      return "user-error";
    }
    throw new FuzzBug(`importHf threw ${describeError(e)}`, e);
  }
  const v = validateDeclaration(JSON.parse(JSON.stringify(result.declaration)));
  if (!v.ok) throw new FuzzBug(`import-hf accepted a config whose declaration check refuses: ${v.issues.map((i) => `${i.code}: ${i.message}`).join("; ")}`);
  if (typeof result.source !== "string" || result.source.length === 0) throw new FuzzBug("import-hf returned no source");
  return "ok";
}

describe("fuzz: import-hf on mutated Hugging Face configs", () => {
  it("imports every fixture pair unchanged", () => {
    expect(targets.length).toBeGreaterThanOrEqual(4);
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    for (const t of targets) expect(exec({ target: t })).toBe("ok");
  });

  it("never throws, never takes too long, never grows memory past the bound", async () => {
    const stats = await fuzz("hf-configs", hfCase, exec);
    expect(stats.cases).toBeGreaterThan(0);
  }, timeoutOf("hf-configs"));
});
