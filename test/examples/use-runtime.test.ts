// examples/use-runtime/main.ts, the example of using a compiled decoder from one's own code, as a user
// would run it: the tiny example compiled into `out/tiny` beside it, in an ES-module package. The file
// is type-checked there (strict, against dflashc/runtime) and executed; its tokens must be the
// target's own greedy tokens. (The repository's tsconfig excludes the example: its `./out/tiny`
// import exists only once compiled. test/package/ checks it again in a freshly installed package.)
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { compileCommand } from "../../cli/commands/compile.js";
import { memoryIo } from "../../cli/commands/io.js";
import { readManifest } from "../../contract/manifest.js";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import tiny from "../../examples/tiny.js";
import type { GenerateResult } from "../../runtime/engine.js";
import { copyWeights } from "../../runtime/weights/copy.js";
import { naiveGreedy } from "../helpers/naive-model.js";
import { REPO } from "../frontend/config-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "dflashc-use-runtime-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("examples/use-runtime", () => {
  it("type-checks against the generated module and dflashc/runtime, runs, and decodes the target's greedy tokens", async () => {
    expect(await compileCommand(join(REPO, "examples", "tiny.ts"), { out: join(dir, "out", "tiny"), emit: "stablehlo,runtime" }, memoryIo(dir))).toBe(0);
    copyFileSync(join(REPO, "examples", "use-runtime", "main.ts"), join(dir, "main.ts"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        extends: join(REPO, "tsconfig.json"),
        compilerOptions: { noEmit: true, rootDir: "/", typeRoots: [join(REPO, "node_modules", "@types")], paths: { "dflashc/runtime": [join(REPO, "runtime", "index.ts")] } },
        include: [],
        files: ["main.ts"],
      }),
    );
    const tsc = join(REPO, "node_modules", "typescript", "bin", "tsc");
    expect(() => execFileSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8", stdio: "pipe" })).not.toThrow();

    const logged: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void logged.push(args.join(" "));
    let mod: { results: GenerateResult[] };
    try {
      mod = (await import(pathToFileURL(join(dir, "main.ts")).href)) as { results: GenerateResult[] };
    } finally {
      console.log = log;
    }
    expect(logged[0]).toBe("tiny_dflash: 3 requests, blocks of 4 tokens");
    expect(logged).toHaveLength(4);
    const plan = buildPlan(tiny);
    const weights = copyWeights(readManifest(join(dir, "out", "tiny")), 0);
    const prompts = [[17, 4, 99, 23, 8], [200, 3], [5, 6, 7, 8, 9, 10]];
    expect(mod.results.map((r) => r.tokens)).toEqual(prompts.map((p) => naiveGreedy(weights, plan, p, 12)));
    // copy:0's drafter is right often enough to show.
    expect(mod.results.some((r) => r.stats.tau > 2)).toBe(true);
  });
});
