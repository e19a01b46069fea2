import { describe, expect, it } from "vitest";
import { DEPENDENCY_MODULES, pythonPackageNameProblem, STDLIB_MODULES } from "../../compiler/ir/python-names.js";

describe("Python package names", () => {
  it("refuses every standard library module, dependency, dunder name and keyword", () => {
    for (const name of ["threading", "socket", "logging", "asyncio", "tomllib", "distutils", "_thread", "__future__"]) {
      expect(pythonPackageNameProblem(name), name).toMatch(/standard library/);
    }
    for (const name of ["jax", "jaxlib", "numpy", "ml_dtypes", "scipy", "opt_einsum"]) expect(pythonPackageNameProblem(name), name).toMatch(/dependency/);
    expect(pythonPackageNameProblem("dflashc_jax")).toMatch(/support library/);
    for (const name of ["__init__", "__main__", "__x__"]) expect(pythonPackageNameProblem(name), name).toMatch(/dunder/);
    for (const name of ["class", "import", "None"]) expect(pythonPackageNameProblem(name), name).toMatch(/not a Python identifier/);
    expect(pythonPackageNameProblem("tiny_dflash")).toBeNull();
    expect(pythonPackageNameProblem("qwen3_8b_dflash_b16")).toBeNull();
  });

  it("the embedded list covers this Python's sys.stdlib_module_names (3.11/3.12)", () => {
    expect(STDLIB_MODULES.size).toBeGreaterThan(300);
    for (const name of STDLIB_MODULES) expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    for (const name of DEPENDENCY_MODULES) expect(STDLIB_MODULES.has(name)).toBe(false);
  });
});
