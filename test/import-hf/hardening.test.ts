// import-hf on hostile or out-of-range input: exit 2 with a located, named message and nothing
// written, never exit 1; and what it writes always passes `check`.
import { spawn } from "node:child_process";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importHfCommand, MAX_CONFIG_BYTES } from "../../cli/commands/import-hf.js";
import { memoryIo } from "../../cli/commands/io.js";
import { DiagnosticError, type Diagnostic } from "../../contract/diagnostics.js";
import { importHf, type HfConfigText } from "../../compiler/import-hf/index.js";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import { validateDeclaration } from "../../compiler/validate/validate.js";
import { draftWeights } from "../../compiler/ir/weights.js";
import { edited, fixture, valueLoc } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "dflashc-import-hf-hard-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function diagnosticOf(f: () => unknown): Diagnostic {
  try {
    f();
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics[0];
    throw e;
  }
  throw new Error("expected a DiagnosticError");
}

/** Runs the command on config texts written to files; the exit code, stderr, and whether -o was written. */
async function command(target: HfConfigText | string, draft?: HfConfigText): Promise<{ code: number; err: string; wrote: boolean }> {
  const sub = mkdtempSync(join(dir, "c-"));
  const write = (name: string, c: HfConfigText) => {
    mkdirSync(join(sub, name));
    writeFileSync(join(sub, name, "config.json"), c.text);
    return `${name}/config.json`;
  };
  const t = typeof target === "string" ? target : write("target", target);
  const d = draft ? write("draft", draft) : undefined;
  const io = memoryIo(sub);
  const code = await importHfCommand(t, { draft: d, out: "out.ts" }, io);
  return { code, err: io.stderr.join("\n"), wrote: existsSync(join(sub, "out.ts")) || readdirSync(sub).some((f) => f.includes(".tmp")) };
}

describe("model_type and architectures are names, not object properties", () => {
  for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
    it(`model_type "${name}" is an unsupported model_type (target and drafter)`, async () => {
      const cfg = edited("Qwen3-8B", (c) => (c.model_type = name));
      const d = diagnosticOf(() => importHf(cfg));
      expect([d.code, d.message]).toEqual(["hf-unsupported-model", `model_type "${name}" is not supported; supported: qwen3, qwen2, llama`]);
      expect({ line: d.line, column: d.column }).toEqual(valueLoc(cfg.text, "model_type"));
      const draft = edited("Qwen3-8B-DFlash-b16", (c) => (c.model_type = name));
      expect(diagnosticOf(() => importHf(fixture("Qwen3-8B"), draft)).message).toMatch(/model_type ".*" is not supported/);
      const r = await command(cfg);
      expect([r.code, r.wrote]).toEqual([2, false]);
      expect(r.err).toMatch(/^target\/config\.json:\d+:\d+: error hf-unsupported-model: model_type/);
    });
  }

  it('architectures ["constructor"] is an unsupported architecture', () => {
    const d = diagnosticOf(() => importHf(edited("Qwen3-8B", (c) => ((c.architectures = ["constructor"]), delete c.model_type))));
    expect([d.code, d.message]).toEqual(["hf-unsupported-model", 'architecture "constructor" is not supported; supported: Qwen3ForCausalLM, Qwen2ForCausalLM, LlamaForCausalLM']);
    expect(diagnosticOf(() => importHf(edited("Qwen3-8B", (c) => (c.architectures = ["constructor"])))).code).toBe("hf-unsupported-model");
  });
});

describe("bounded reads of config files", () => {
  it(`a file over ${MAX_CONFIG_BYTES} bytes is refused without parsing it`, async () => {
    const big = join(dir, "big");
    mkdirSync(big);
    writeFileSync(join(big, "config.json"), `{"pad": "${"x".repeat(MAX_CONFIG_BYTES)}"}`);
    const io = memoryIo(dir);
    expect(await importHfCommand("big/config.json", { out: "never.ts" }, io)).toBe(2);
    expect(io.stderr).toEqual(["big/config.json:1:1: error hf-too-large: the file is larger than 16 MiB, the most import-hf reads of a config.json"]);
    expect(existsSync(join(dir, "never.ts"))).toBe(false);
  });

  it("an endless device (/dev/zero) and an endless FIFO end at the bound", async () => {
    const io = memoryIo(dir);
    expect(await importHfCommand("/dev/zero", {}, io)).toBe(2);
    expect(io.stderr).toEqual([expect.stringMatching(/^\/dev\/zero:1:1: error hf-too-large/)]);
    expect(await importHfCommand("Qwen3-8B/config.json", { draft: "/dev/zero" }, memoryIo(join(dir, "..")))).toBe(2);

    const fifo = join(dir, "fifo");
    execFileSync("mkfifo", [fifo]);
    // A writer that never stops (until the reader closes the pipe).
    const writer = spawn("sh", ["-c", `exec cat /dev/zero > '${fifo}'`], { stdio: "ignore" });
    try {
      const io2 = memoryIo(dir);
      expect(await importHfCommand("fifo", {}, io2)).toBe(2);
      expect(io2.stderr).toEqual([expect.stringMatching(/^fifo:1:1: error hf-too-large/)]);
    } finally {
      writer.kill();
    }
  });

  it("a folder, a symbolic link loop and a missing file are unreadable, named", async () => {
    mkdirSync(join(dir, "afolder"));
    const io = memoryIo(dir);
    expect(await importHfCommand("afolder", {}, io)).toBe(2);
    expect(io.stderr.at(-1)).toBe("afolder:1:1: error hf-unreadable: config is a folder, not a file");
    const { symlinkSync } = await import("node:fs");
    symlinkSync(join(dir, "loop.json"), join(dir, "loop.json"));
    expect(await importHfCommand("loop.json", {}, io)).toBe(2);
    expect(io.stderr.at(-1)).toBe("loop.json:1:1: error hf-unreadable: cannot read the file (ELOOP)");
    expect(await importHfCommand("missing.json", {}, io)).toBe(2);
    expect(io.stderr.at(-1)).toBe("missing.json:1:1: error hf-unreadable: cannot read the file (ENOENT)");
  });
});

describe("import-hf writes only what `check` accepts", () => {
  const cases: [string, () => [HfConfigText, HfConfigText | undefined], "target" | "draft", string, string, RegExp][] = [
    [
      "block_size 100000",
      () => [fixture("Qwen3-8B"), edited("Qwen3-8B-DFlash-b16", (c) => (c.block_size = 100_000))],
      "draft",
      "block_size",
      "block-size-out-of-range",
      /^block_size = 100000: blockSize = 100000 must be an integer in 2\.\.1024 \(`dflashc check` would reject the declaration at blockSize\)$/,
    ],
    [
      "rope_theta 1e400 (Infinity)",
      () => [{ ...fixture("Qwen3-8B"), text: fixture("Qwen3-8B").text.replace(/"rope_theta": [^,\n]+/, '"rope_theta": 1e400') }, undefined],
      "target",
      "rope_theta",
      "not-finite",
      /^rope_theta = Infinity: .*must be a finite number, got Infinity/,
    ],
    ["vocab_size 2^40", () => [edited("Qwen3-8B", (c) => (c.vocab_size = 2 ** 40)), undefined], "target", "vocab_size", "dim-too-large", /^vocab_size = 1099511627776: /],
    ["draft rope_theta 1e400", () => [fixture("Qwen3-8B"), { ...fixture("Qwen3-8B-DFlash-b16"), text: fixture("Qwen3-8B-DFlash-b16").text.replace(/"rope_theta": [^,\n]+/, '"rope_theta": 1e400') }], "draft", "rope_theta", "not-finite", /finite/],
    ["max_position_embeddings below the block", () => [edited("Qwen3-8B", (c) => (c.max_position_embeddings = 8)), fixture("Qwen3-8B-DFlash-b16")], "target", "max_position_embeddings", "", /max_position_embeddings = 8: /],
  ];
  for (const [what, make, side, key, code, message] of cases) {
    it(`${what}: exit 2 at the HF field (${side} ${key}), nothing written`, async () => {
      const [t, d] = make();
      const diag = diagnosticOf(() => importHf(t, d));
      const file = side === "target" ? t : d!;
      if (code) expect(diag.code).toBe(code);
      expect(diag.message).toMatch(message);
      expect(diag.file).toBe(file.file);
      expect({ line: diag.line, column: diag.column }).toEqual(valueLoc(file.text, key));
      const r = await command(t, d);
      expect([r.code, r.wrote]).toEqual([2, false]);
      expect(r.err).toMatch(new RegExp(`^${side}/config\\.json:${diag.line}:${diag.column}: error `));
    });
  }

  it("a drafter of 10^9 layers is refused before anything is sized by it", () => {
    const d = diagnosticOf(() => importHf(fixture("Qwen3-8B"), edited("Qwen3-8B-DFlash-b16", (c) => (c.num_hidden_layers = 1e9))));
    expect([d.code, d.message]).toEqual(["hf-invalid-field", "num_hidden_layers = 1000000000: a DFlash drafter has at most 64 layers in dflashc"]);
  });

  it("a model too large for the largest default slice is refused (check's memory-exceeds-hbm), not written", async () => {
    const huge = edited("Llama-3.1-8B", (c) => {
      c.hidden_size = 16_384;
      c.intermediate_size = 53_248;
      c.num_hidden_layers = 126;
      c.num_attention_heads = 128;
    });
    const d = diagnosticOf(() => importHf(huge));
    expect(d.code).toBe("memory-exceeds-hbm");
    expect(d.message).toMatch(/even 8 tpu-v5p chips .* write the declaration by hand/);
    expect((await command(huge)).code).toBe(2);
  });

  it("everything import-hf accepts validates as `check` validates it", () => {
    for (const [t, d] of [
      ["Qwen3-8B", "Qwen3-8B-DFlash-b16"],
      ["Llama-3.1-8B-Instruct", "LLaMA3.1-8B-Instruct-DFlash-UltraChat"],
      ["Qwen2.5-7B-Instruct", undefined],
    ] as const) {
      expect(validateDeclaration(importHf(fixture(t), d ? fixture(d) : undefined).declaration).ok).toBe(true);
    }
  });
});

describe("drafter families: norms and biases", () => {
  const draftQkNorm = (modelType: string) => {
    const { declaration } = importHf(fixture("Qwen3-8B"), edited("Qwen3-8B-DFlash-b16", (c) => (c.model_type = modelType)));
    return { declaration, plan: buildPlan(declaration) };
  };

  it("llama: no q/k norm, so the drafter's checkpoint (which has no q_norm/k_norm) loads", () => {
    const { declaration, plan } = draftQkNorm("llama");
    expect(declaration.draft!.qkNorm).toBe(false);
    expect(plan.draft!.model.qkNorm).toBe(false);
    const names = draftWeights(plan.draft!).map((w) => w.name);
    expect(names.some((n) => /q_norm|k_norm/.test(n))).toBe(false);
    expect(names.some((n) => /_proj\.bias/.test(n))).toBe(false);
    // The emitted source says so.
    expect(importHf(fixture("Llama-3.1-8B-Instruct"), fixture("LLaMA3.1-8B-Instruct-DFlash-UltraChat")).source).toMatch(/dflashDraft\(\{[^}]*qkNorm: false/);
  });

  it("qwen3: q/k norm (the DSL default, not written)", () => {
    const { declaration, plan } = draftQkNorm("qwen3");
    expect(declaration.draft!.qkNorm).toBeUndefined();
    expect(plan.draft!.model.qkNorm).toBe(true);
    expect(draftWeights(plan.draft!).some((w) => /q_norm/.test(w.name))).toBe(true);
  });

  it("qwen2: q/k/v biases, which dflashDraft cannot declare, are refused by name", () => {
    const cfg = edited("Qwen3-8B-DFlash-b16", (c) => (c.model_type = "qwen2"));
    const d = diagnosticOf(() => importHf(fixture("Qwen3-8B"), cfg));
    expect(d.code).toBe("hf-unsupported-model");
    expect(d.message).toMatch(/a qwen2 drafter has q\/k\/v projection biases/);
    expect({ line: d.line, column: d.column }).toEqual(valueLoc(cfg.text, "model_type"));
  });
});
