/**
 * A declaration is plain, serializable data. In the sandbox child (child-main.ts), the evaluated default
 * export is copied into fresh plain objects of the child's main realm (it was built in the config's V8
 * context), so that nothing downstream can trip
 * over getters, proxies, functions or cycles; anything that is not plain data is reported at its path.
 */
export type PropertyPath = readonly (string | number)[];

export class NotPlainDataError extends Error {
  constructor(
    readonly path: PropertyPath,
    readonly what: string,
  ) {
    super(`${what} is not declaration data`);
    this.name = "NotPlainDataError";
  }
}

/** Longest array accepted (a declaration's longest real array is a list of layer ids). */
export const MAX_ARRAY_LENGTH = 65_536;

/** Deepest nesting accepted (a real declaration is about five levels deep). */
export const MAX_DEPTH = 64;

function isPlainObject(v: object): boolean {
  if (Object.prototype.toString.call(v) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  // Object.prototype of any realm has a null prototype.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function describe(v: unknown): string {
  if (typeof v === "function") return "a function";
  if (typeof v === "bigint") return `the bigint ${v}n`;
  if (typeof v === "symbol") return "a symbol";
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  return `a ${tag === "Object" ? "class instance" : tag}`;
}

export function toPlainData(value: unknown, path: PropertyPath = [], ancestors: Set<object> = new Set()): unknown {
  if (value === null || value === undefined) return value;
  const t = typeof value;
  if (t === "number" || t === "string" || t === "boolean") return value;
  if (t !== "object") throw new NotPlainDataError(path, describe(value));
  const obj = value as object;
  if (ancestors.has(obj)) throw new NotPlainDataError(path, "a reference cycle");
  if (path.length >= MAX_DEPTH) throw new NotPlainDataError(path, `data nested deeper than ${MAX_DEPTH} levels`);
  ancestors.add(obj);
  try {
    if (Array.isArray(obj)) {
      if (obj.length > MAX_ARRAY_LENGTH) throw new NotPlainDataError(path, `an array of ${obj.length} elements`);
      return Array.from({ length: obj.length }, (_, i) => toPlainData((obj as unknown[])[i], [...path, i], ancestors));
    }
    if (!isPlainObject(obj)) throw new NotPlainDataError(path, describe(obj));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj)) {
      // defineProperty, not assignment: a key "__proto__" stays a key.
      const v = toPlainData((obj as Record<string, unknown>)[key], [...path, key], ancestors);
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  } finally {
    ancestors.delete(obj);
  }
}
