// The package as a user gets it: `npm pack` (its `prepare` builds dist/), installed into a fresh
// project (`npm init -y`, "type": "module", `npm install <tarball>`), with only its dependencies.
// There `npx dflashc demo` ends with `lossless: OK`, `check`/`compile` work on a bundled example and
// on a copy of it, and, with typescript installed and the tsconfig `npx tsc --init` writes, the
// generated runtime module and examples/use-runtime/main.ts type-check, build and run.
//
// One pack and one install serve every assertion. The pack runs in a staging copy of the package's
// files (node_modules linked), so the build does not touch this checkout's dist/. The npm registry
// must be reachable (the package's dependencies and typescript are installed from it).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../frontend/config-fixture.js";

const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { files: string[]; devDependencies: Record<string, string>; version: string };
const root = mkdtempSync(join(tmpdir(), "dflashc-package-"));
const project = join(root, "project");
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** npm's own variables of an enclosing `npm test` would leak into the nested npm commands. */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith("npm_")));

function sh(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 2 ** 20 });
}

/** Runs the installed CLI; returns its exit code, stdout and stderr. */
function dflashc(args: string[]): { code: number; out: string; err: string } {
  try {
    return { code: 0, out: execFileSync(process.execPath, [join(project, "node_modules", ".bin", "dflashc"), ...args], { cwd: project, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }), err: "" };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: x.stdout, err: x.stderr };
  }
}

beforeAll(() => {
  // Staging: what package.json "files" names (top-level folders), the build's config, node_modules linked.
  const staging = join(root, "staging");
  mkdirSync(staging);
  const tops = new Set(pkg.files.map((f) => f.split("/")[0]));
  for (const name of [...tops, "package.json", "README.md", "tsconfig.json", "tsconfig.build.json"]) {
    if (existsSync(join(REPO, name))) cpSync(join(REPO, name), join(staging, name), { recursive: true, filter: (src) => !src.includes(`${join(REPO, "dist")}`) });
  }
  symlinkSync(join(REPO, "node_modules"), join(staging, "node_modules"), "dir");
  sh("npm", ["pack", "--silent", "--pack-destination", root], staging);
  const tarball = readdirSync(root).find((f) => f.endsWith(".tgz"))!;
  expect(tarball).toBe(`dflashc-${pkg.version}.tgz`);

  mkdirSync(project);
  sh("npm", ["init", "-y"], project);
  sh("npm", ["pkg", "set", "type=module"], project);
  sh("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(root, tarball)], project);
}, 600_000);

describe("the installed package", () => {
  it("has only its dependencies: no devDependency is installed", () => {
    for (const dev of Object.keys(pkg.devDependencies)) expect(existsSync(join(project, "node_modules", dev)), dev).toBe(false);
  });

  it("npx dflashc demo ends with lossless: OK", () => {
    const r = dflashc(["demo"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split("\n").at(-1)).toMatch(/^lossless: OK \(\d+ tokens identical to target-only decoding\)$/);
    // The run command it suggests names the installed example, and works as printed.
    const suggested = /^ {2}npx dflashc run (\S+) --weights (\S+) --prompt "Hello"$/m.exec(r.out);
    expect(suggested?.[1]).toBe("node_modules/dflashc/examples/tiny.ts");
    const run = dflashc(["run", suggested![1], "--weights", suggested![2], "--prompt", "Hello"]);
    expect(run.code).toBe(0);
    // stdout is the generated text alone (the summary goes to stderr).
    expect(run.out.trimEnd()).not.toBe("");
  });

  it("check and compile a bundled example, and a copy of it in the project (import ... from \"dflashc\")", () => {
    expect(dflashc(["check", "node_modules/dflashc/examples/tiny.ts"]).out).toMatch(/^ok: tiny_dflash/);
    cpSync(join(project, "node_modules", "dflashc", "examples", "tiny.ts"), join(project, "my-decoder.ts"));
    expect(dflashc(["check", "my-decoder.ts"]).out).toMatch(/^ok: tiny_dflash/);
    const compiled = dflashc(["compile", "node_modules/dflashc/examples/tiny.ts", "-o", "out/tiny"]);
    expect(compiled.code).toBe(0);
    expect(compiled.out).toMatch(/^wrote out\/tiny: \d+ files/);
    for (const f of ["manifest.json", "runtime/tiny_dflash.ts", "stablehlo/decode_step.r4.mlir", "jax/tiny_dflash/kernels.py"]) expect(existsSync(join(project, "out", "tiny", f)), f).toBe(true);
  });

  it("with typescript and `tsc --init`'s settings, the generated module and examples/use-runtime type-check, build and run", () => {
    if (!existsSync(join(project, "out", "tiny", "manifest.json"))) expect(dflashc(["compile", "node_modules/dflashc/examples/tiny.ts", "-o", "out/tiny"]).code).toBe(0);
    sh("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", `typescript@${pkg.devDependencies.typescript}`], project);
    sh("npx", ["--no-install", "tsc", "--init"], project);
    const tsconfig = readFileSync(join(project, "tsconfig.json"), "utf8");
    expect(tsconfig).toMatch(/"module": "nodenext"/);
    cpSync(join(project, "node_modules", "dflashc", "examples", "use-runtime", "main.ts"), join(project, "main.ts"));
    // Type-check and emit next to the sources (no outDir): main.js, out/tiny/runtime/tiny_dflash.js.
    const tsc = (() => {
      try {
        return sh("npx", ["--no-install", "tsc", "-p", "."], project);
      } catch (e) {
        return `tsc failed:\n${(e as { stdout: string }).stdout}`;
      }
    })();
    expect(tsc).toBe("");
    const out = sh(process.execPath, ["main.js"], project).trimEnd().split("\n");
    expect(out[0]).toBe("tiny_dflash: 3 requests, blocks of 4 tokens");
    expect(out.slice(1)).toEqual([
      expect.stringMatching(/^first: (\d+ ){11}\d+ \(length, tau \d\.\d\d tokens per step\)$/),
      expect.stringMatching(/^second: /),
      expect.stringMatching(/^late: /),
    ]);
  });
});
