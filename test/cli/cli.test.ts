// The CLI contract end to end, in-process through main(): exit codes, JSON documents, determinism and
// atomic output. One test also runs the real `bin/dflashc.js` from the build, as a user would.
import { afterAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { main } from "../../cli/cli.js";
import { memoryIo } from "../../cli/commands/io.js";
import { VERSION } from "../../compiler/version.js";
import { REPO, TempDir, applyEdits, example, stripMarker } from "../frontend/config-fixture.js";
import { JAX_PYTHON, requireJax } from "../helpers/jax-python.js";
import { buildPackage } from "../helpers/build.js";

const tmp = new TempDir();
afterAll(() => tmp.remove());

async function cli(args: string[], cwd = REPO) {
  const io = memoryIo(cwd);
  const code = await main(args, io);
  return { code, out: io.stdout.join(""), err: io.stderr.join("") };
}

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full, "utf8"));
    }
  };
  walk(dir);
  return out;
}

describe("dflashc check", () => {
  for (const name of ["tiny", "tiny-sampling", "qwen3-8b-dflash", "qwen3-4b-dflash", "llama3.1-8b-dflash"]) {
    it(`accepts examples/${name}.ts`, async () => {
      const r = await cli(["check", `examples/${name}.ts`]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
    });
  }

  it("points at maskTokenId beyond the vocabulary and exits 2", async () => {
    const { text, expected } = stripMarker(applyEdits(example("tiny"), [["maskTokenId: 255", "maskTokenId: /*@*/256"]]));
    const file = tmp.write(text, "bad-mask.ts");
    const r = await cli(["check", file, "--json"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { ok: boolean; diagnostics: { line: number; column: number; code: string }[] };
    expect(doc.ok).toBe(false);
    expect(doc.diagnostics).toHaveLength(1);
    expect(doc.diagnostics[0]).toMatchObject({ ...expected, code: "mask-token-out-of-range" });
    expect(r.err).toMatch(new RegExp(`bad-mask\\.ts:${expected!.line}:${expected!.column}: error mask-token-out-of-range: `));
  });

  it("rejects a decoder name that would shadow a Python module in the JAX worker", async () => {
    const { text, expected } = stripMarker(applyEdits(example("tiny"), [['name: "tiny_dflash"', 'name: /*@*/"json"']]));
    const r = await cli(["check", tmp.write(text, "shadow.ts"), "--json"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { diagnostics: { line: number; column: number; code: string }[] };
    expect(doc.diagnostics).toEqual([expect.objectContaining({ ...expected, code: "invalid-identifier" })]);
  });

  it("prints the resolved plan under the DSL's property names with --json", async () => {
    const r = await cli(["check", "examples/qwen3-8b-dflash.ts", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { ok: boolean; plan: { target: Record<string, number>; draft: { targetLayerIds: number[] } } };
    expect(doc.ok).toBe(true);
    expect(doc.plan.target).toMatchObject({ numLayers: 36, hiddenSize: 4096, numHeads: 32, numKvHeads: 8, headDim: 128, vocabSize: 151_936 });
    expect(doc.plan.draft.targetLayerIds).toEqual([1, 9, 17, 25, 33]);
  });

  it("treats usage mistakes as the user's input (exit 2), not a crash", async () => {
    expect((await cli(["check"])).code).toBe(2);
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli(["run", "examples/tiny.ts", "--prompt-ids", "1,x"])).code).toBe(2);
    expect((await cli(["check", join(tmp.path, "does-not-exist.ts")])).code).toBe(2);
  });
});

describe("dflashc run", () => {
  it("samples examples/tiny-sampling.ts reproducibly by seed", async () => {
    const args = ["run", "examples/tiny-sampling.ts", "--temperature", "0.8", "--top-p", "0.95", "--prompt-ids", "1,2,3", "--max-new-tokens", "8", "--json"];
    const tokens = async (seed: string) => {
      const r = await cli([...args, "--seed", seed]);
      expect(r.code).toBe(0);
      return (JSON.parse(r.out) as { requests: { tokens: number[] }[] }).requests[0].tokens;
    };
    const a = await tokens("11");
    expect(a).toHaveLength(8);
    expect(await tokens("11")).toEqual(a);
    expect(await tokens("12")).not.toEqual(a);
  });

  // The jax backend runs the sampling kernels (scripts/device/lossless.ts decodes sampled requests
  // through it on the device): `run` must not refuse the combination, and it decodes on CPU JAX.
  it("samples on the jax backend (--backend jax --temperature 0.8 is not refused)", async () => {
    requireJax();
    const env = { DFLASHC_PYTHON: process.env.DFLASHC_PYTHON, DFLASHC_JAX_CACHE: process.env.DFLASHC_JAX_CACHE, JAX_PLATFORMS: process.env.JAX_PLATFORMS };
    Object.assign(process.env, { DFLASHC_PYTHON: JAX_PYTHON, DFLASHC_JAX_CACHE: "off", JAX_PLATFORMS: "cpu" });
    try {
      const args = ["run", "examples/tiny-sampling.ts", "--backend", "jax", "--weights", "random:0", "--temperature", "0.8", "--seed", "5"];
      const r = await cli([...args, "--prompt-ids", "1,2,3", "--max-new-tokens", "2", "--json"]);
      expect(r.err).not.toMatch(/error usage/);
      expect(r.code, r.err).toBe(0);
      const doc = JSON.parse(r.out) as { backend: string; sampling: { temperature: number }; requests: { tokens: number[] }[] };
      expect(doc.backend).toBe("jax");
      expect(doc.sampling.temperature).toBe(0.8);
      expect(doc.requests[0].tokens).toHaveLength(2);
    } finally {
      for (const [k, v] of Object.entries(env)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }, 300_000);
});

describe("dflashc compile", () => {
  it("writes byte-identical folders twice, with every artifact the manifest names", async () => {
    const a = join(tmp.path, "a");
    const b = join(tmp.path, "b");
    expect((await cli(["compile", "examples/tiny.ts", "-o", a])).code).toBe(0);
    expect((await cli(["compile", "examples/tiny.ts", "-o", b])).code).toBe(0);
    const ta = tree(a);
    expect(tree(b)).toEqual(ta);
    const manifest = JSON.parse(ta.get("manifest.json")!) as { kernels: { file: string }[] };
    for (const k of manifest.kernels) expect(ta.has(k.file)).toBe(true);
    expect([...ta.keys()].some((p) => p.startsWith("jax/tiny_dflash/"))).toBe(true);
    expect(ta.has("runtime/tiny_dflash.ts")).toBe(true);
  });

  it("writes nothing when the config is wrong", async () => {
    const file = tmp.write(applyEdits(example("tiny"), [["pageSize: 16", "pageSize: 24"]]), "bad-page.ts");
    const out = join(tmp.path, "never");
    const r = await cli(["compile", file, "-o", out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp.path).filter((n) => n.includes("staging"))).toEqual([]);
  });

  it("refuses to replace a folder it did not write", async () => {
    const dir = join(tmp.path, "mine");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "keep me");
    const r = await cli(["compile", "examples/tiny.ts", "-o", dir]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("keep me");
  });

  it("exits 2, not 1, when the output folder cannot be created (a file in its path)", async () => {
    const blocker = tmp.write("a file, not a folder", "blocker");
    const r = await cli(["compile", "examples/tiny.ts", "-o", join(blocker, "out")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error output-folder: cannot write .*\((ENOTDIR|EEXIST)\)/);
  });

  it("emits only what --emit names, and rejects unknown kinds", async () => {
    const dir = join(tmp.path, "shlo-only");
    expect((await cli(["compile", "examples/tiny.ts", "-o", dir, "--emit", "stablehlo"])).code).toBe(0);
    expect([...tree(dir).keys()].every((p) => p === "manifest.json" || p.startsWith("stablehlo/"))).toBe(true);
    expect((await cli(["compile", "examples/tiny.ts", "-o", dir, "--emit", "llvm"])).code).toBe(2);
  });
});

describe("dflashc --version", () => {
  it("prints the version the manifests record, which is package.json's", async () => {
    const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string };
    expect(VERSION).toBe(pkg.version);
    const r = await cli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(pkg.version);
  });
});

describe("bin/dflashc.js", () => {
  it("runs the built CLI", () => {
    if (!existsSync(join(REPO, "dist", "cli", "cli.js"))) buildPackage(REPO);
    const r = spawnSync(process.execPath, [join(REPO, "bin", "dflashc.js"), "check", "examples/tiny.ts"], { cwd: REPO, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok: tiny_dflash/);
  });

  it("a reader that closes the pipe early (`dflashc demo | head -1`) ends the command quietly, exit 0", async () => {
    if (!existsSync(join(REPO, "dist", "cli", "cli.js"))) buildPackage(REPO);
    const child = spawn(process.execPath, [join(REPO, "bin", "dflashc.js"), "demo"], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // The header comes first; the rest (the step table, the verdict) only after compiling and decoding.
    const first = await new Promise<string>((resolve) => child.stdout.once("data", (d: Buffer) => resolve(d.toString())));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(first).toMatch(/^dflashc demo: tiny_dflash/);
    expect(first).not.toMatch(/lossless/);
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("compiles from the build (StableHLO on two threads there) to exactly the files the sources write on one", async () => {
    buildPackage(REPO);
    const [built, sources] = [join(tmp.path, "built"), join(tmp.path, "sources")];
    const r = spawnSync(process.execPath, [join(REPO, "bin", "dflashc.js"), "compile", "examples/tiny.ts", "-o", built], { cwd: REPO, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect((await cli(["compile", "examples/tiny.ts", "-o", sources])).code).toBe(0);
    const files = tree(built);
    expect(files.size).toBeGreaterThan(30);
    expect(files).toEqual(tree(sources));
  });
});

describe("dflashc stablehlo", () => {
  const interpDir = join(REPO, "test", "stablehlo", "interp");
  // failing_checks.mlir holds an unknown op on purpose: `stablehlo run` verifies first, so it exits 2.
  const passing = readdirSync(interpDir).filter((f) => f.endsWith(".mlir") && f !== "failing_checks.mlir");

  it("runs every spec-format interpreter test file with every check passing", async () => {
    expect(passing.length).toBeGreaterThan(10);
    for (const f of passing) {
      const r = await cli(["stablehlo", "run", join(interpDir, f)]);
      expect({ f, code: r.code, fails: r.out.split("\n").filter((l) => l.startsWith("FAIL")) }).toEqual({ f, code: 0, fails: [] });
    }
  });

  it("exits 3 when a check fails, naming the check's location", async () => {
    const file = tmp.write(
      "func.func @wrong_sum() {\n  %a = stablehlo.constant dense<[1, 2]> : tensor<2xi32>\n  %b = stablehlo.add %a, %a : tensor<2xi32>\n" +
        "  check.expect_eq_const %b, dense<[2, 5]> : tensor<2xi32>\n  func.return\n}\n",
      "wrong-sum.mlir",
    );
    const r = await cli(["stablehlo", "run", file, "--json"]);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.out) as { ok: boolean; functions: { checks: { passed: boolean; loc?: { line: number } }[] }[] };
    expect(doc.ok).toBe(false);
    expect(doc.functions.flatMap((f) => f.checks).filter((c) => !c.passed).map((c) => c.loc?.line)).toEqual([4]);
  });

  it("runs @main of an emitted kernel with --args", async () => {
    const file = tmp.write(
      "func.func @main(%a: tensor<2xf32>, %b: tensor<2xf32>) -> tensor<2xf32> {\n  %0 = stablehlo.add %a, %b : tensor<2xf32>\n  func.return %0 : tensor<2xf32>\n}\n",
      "add.mlir",
    );
    const r = await cli(["stablehlo", "run", file, "--args", "dense<[1.0, 2.0]> : tensor<2xf32>; dense<[0.5, 0.25]> : tensor<2xf32>", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { functions: { results: { values: number[] }[] }[] };
    expect(doc.functions[0].results[0].values).toEqual([1.5, 2.25]);
    // Wrong arguments are the user's input (exit 2), not a failed check (exit 3).
    const one = await cli(["stablehlo", "run", file, "--args", "dense<[1.0, 2.0]> : tensor<2xf32>"]);
    expect(one.code).toBe(2);
    expect(one.err).toMatch(/takes 2 arguments, got 1/);
    const typed = await cli(["stablehlo", "run", file, "--args", "dense<[1, 2]> : tensor<2xi32>; dense<[1.0, 2.0]> : tensor<2xf32>"]);
    expect(typed.code).toBe(2);
    expect(typed.err).toMatch(/argument 0 of @main is tensor<2xf32>, got tensor<2xi32>/);
  });

  it("checks an emitted module, and locates a type error in a broken one (exit 2)", async () => {
    const dir = join(tmp.path, "emitted");
    expect((await cli(["compile", "examples/tiny.ts", "-o", dir, "--emit", "stablehlo"])).code).toBe(0);
    const module = join(dir, "stablehlo", "verify.r1.mlir");
    expect((await cli(["stablehlo", "check", module])).code).toBe(0);
    const broken = tmp.write(
      "func.func @main(%a: tensor<2xf32>, %b: tensor<3xf32>) -> tensor<2xf32> {\n  %0 = stablehlo.add %a, %b : tensor<2xf32>\n  func.return %0 : tensor<2xf32>\n}\n",
      "broken.mlir",
    );
    const r = await cli(["stablehlo", "check", broken]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.mlir:2:\d+: error stablehlo-/);
  });
});
