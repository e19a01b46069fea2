// The sandbox's trusted modules as the build writes them (dist/compiler/frontend/trusted-modules.json,
// read by the built compiler instead of transpiling at start) are the sources transpiled.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { transpileTrustedModules } from "../../compiler/frontend/trusted-modules.js";
import type { TrustedModules } from "../../compiler/frontend/sandbox.js";
import { REPO } from "./config-fixture.js";
import { buildPackage } from "../helpers/build.js";

it("the build's trusted modules are the sources' child-main and DSL, transpiled, at this package's paths", async () => {
  buildPackage(REPO);
  const built = (await import(pathToFileURL(join(REPO, "dist", "compiler", "frontend", "trusted-modules.js")).href)) as { trustedModules(): TrustedModules };
  const fromBuild = built.trustedModules();
  // The file the build wrote, with paths relative to the package root (it may be moved after the build).
  const file = JSON.parse(readFileSync(join(REPO, "dist", "compiler", "frontend", "trusted-modules.json"), "utf8")) as TrustedModules;
  expect([file.main, file.dsl]).toEqual([join("compiler", "frontend", "child-main.ts"), join("dsl", "index.ts")]);
  expect(Object.keys(file.modules).sort()).toEqual(Object.keys(fromBuild.modules).map((p) => relative(REPO, p)).sort());
  const fromSources = transpileTrustedModules();
  expect(Object.keys(fromBuild.modules).length).toBeGreaterThanOrEqual(4);
  expect(fromBuild.main).toBe(join(REPO, "compiler", "frontend", "child-main.ts"));
  expect(fromBuild).toEqual(fromSources);
});
