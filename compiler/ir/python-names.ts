/**
 * What a name must avoid to become Python: keywords, and the module names a generated package on the
 * worker's PYTHONPATH would shadow (`numpy`, `jax`, or a standard module the worker imports).
 * Shared by validation (a located diagnostic) and the JAX emitter (a last-line check).
 */
export const PY_KEYWORDS: ReadonlySet<string> = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

export const SHADOWED_MODULES: ReadonlySet<string> = new Set([
  "jax", "jaxlib", "numpy", "ml_dtypes", "safetensors", "opt_einsum", "scipy",
  "__future__", "abc", "builtins", "codecs", "collections", "dataclasses", "encodings", "enum", "functools",
  "io", "json", "math", "os", "re", "site", "struct", "sys", "traceback", "types", "typing",
]);

export const PY_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isPythonIdentifier(name: string): boolean {
  return PY_IDENTIFIER.test(name) && !PY_KEYWORDS.has(name);
}

/** Why `name` cannot name the generated Python package, or null. */
export function pythonPackageNameProblem(name: string): string | null {
  if (!isPythonIdentifier(name)) return `"${name}" is not a Python identifier (letters, digits, _; not a keyword)`;
  if (SHADOWED_MODULES.has(name)) return `"${name}" would shadow the Python module of the same name in the JAX worker`;
  return null;
}
