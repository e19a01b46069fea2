// Fuzz: mutated decoder declarations through what `check` runs after evaluating a config: the plain-data
// copy (toPlainData: what the sandbox hands back) and validateDeclaration (shape, rules, plan, memory).
// Every declaration validation accepts also builds its smallest kernel graph, as `compile` would.
// Mutations start from the examples' default exports: wrong types, NaN/±Infinity/-0, negative, huge and
// fractional numbers, missing and extra fields (prototype keys included), deep nesting, long strings
// and arrays, subtrees moved between examples.
import fc from "fast-check";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { smallestBucketOfEachKernel } from "../../compiler/compile.js";
import { NotPlainDataError, toPlainData } from "../../compiler/frontend/plain-data.js";
import { buildKernelGraph } from "../../compiler/kernels/build-kernels.js";
import { validateDeclaration, VALIDATION_CODES } from "../../compiler/validate/validate.js";
import { describeError, fuzz, FuzzBug, pick, timeoutOf, type Outcome } from "./harness.js";

const EXAMPLES_DIR = new URL("../../examples/", import.meta.url);
const exampleFiles = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".ts")).sort();
const examples: unknown[] = [];
for (const f of exampleFiles) examples.push(toPlainData(((await import(new URL(f, EXAMPLES_DIR).href)) as { default: unknown }).default));

type Key = string | number;
type Path = Key[];

/** Every path in a value (the root included), depth first. */
function paths(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (typeof v === "object" && v !== null && out.length < 5_000) {
    for (const [k, x] of Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v)) paths(x, [...path, k], out);
  }
  return out;
}

function get(root: unknown, path: Path): unknown {
  let v = root;
  for (const k of path) v = typeof v === "object" && v !== null ? (v as Record<Key, unknown>)[k] : undefined;
  return v;
}

/** Sets a key as an own property ("__proto__" stays a key, as the sandbox's copy does). */
function setOwn(obj: object, key: Key, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of root with the value at path replaced by f(old) (DELETE removes it). */
const DELETE = Symbol("delete");
function update(root: unknown, path: Path, f: (old: unknown) => unknown): unknown {
  if (path.length === 0) return f(root);
  if (typeof root !== "object" || root === null) return root;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : {}) as Record<Key, unknown>;
  if (!Array.isArray(root)) for (const [k, x] of Object.entries(root)) setOwn(copy, k, x);
  const next = update((root as Record<Key, unknown>)[head], rest, f);
  if (next === DELETE) {
    if (Array.isArray(copy)) copy.splice(Number(head), 1);
    else delete copy[head];
  } else setOwn(copy, head, next);
  return copy;
}

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { x: v };
  return v;
}

const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__", "then", "length"];
const STRINGS = ["", " ", "x", "f32", "bf16", "f16", "int8", "paged", "static", "greedy", "sampling", "tpu-v5e", "tpu-v5p", "tpu-v6e", "tpu-v4", "qwen3", "llama", "qwen2", "dflash", "decoder", "pow2", "__proto__", "constructor", "toString", "a b", "é", "\u0000", "../x", "tiny_dflash", "1e3"];
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 2, 3, 0.5, 1.5, -0.5, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 31 - 1, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e308, Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, 1e-300, 65_536, 1_000_000, 1e9, 1e12),
  fc.integer({ min: -10, max: 70_000 }),
  fc.double(),
  fc.integer({ min: 0, max: 60 }).map((k) => 2 ** k),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileNumber },
  { weight: 2, arbitrary: fc.constantFrom(...STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => "x".repeat(n)) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}, [[]], [null], [0], [-1], [NaN], [0, 0], [1, 0]) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 63 }), hostileNumber, fc.boolean()).map(([d, l, a]) => nested(d, l, a)) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 20_000 }), hostileNumber).map(([n, x]) => Array.from({ length: n }, (_, i) => (typeof x === "number" && Number.isFinite(x) ? x + i : x))) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true, withBoxedValues: false }) },
);

type Mutation =
  | { kind: "replace"; at: number; value: unknown }
  | { kind: "delete"; at: number }
  | { kind: "add"; at: number; key: string; value: unknown }
  | { kind: "scale"; at: number; by: number }
  | { kind: "graft"; at: number; from: number; fromAt: number }
  | { kind: "array"; at: number; op: number; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("add" as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...PROTO_KEYS, ...STRINGS), fc.string({ maxLength: 8 })), value: hostileValue }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("scale" as const), at: fc.nat(), by: fc.constantFrom(-1, 0, 0.5, 2, 3, 4, 1024, 2 ** 20, 1e9, 1 / 3, 1.0000001) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("graft" as const), at: fc.nat(), from: fc.nat(), fromAt: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("array" as const), at: fc.nat(), op: fc.nat(5), value: hostileValue }) },
);

function apply(root: unknown, m: Mutation): unknown {
  const all = paths(root);
  const at = pick(all, m.at);
  switch (m.kind) {
    case "replace":
      return update(root, at, () => m.value);
    case "delete":
      return update(root, at, () => DELETE);
    case "add": {
      const objects = all.filter((p) => {
        const v = get(root, p);
        return typeof v === "object" && v !== null && !Array.isArray(v);
      });
      return objects.length === 0 ? root : update(root, pick(objects, m.at), (o) => {
        const copy = { ...(o as object) };
        setOwn(copy, m.key, m.value);
        return copy;
      });
    }
    case "scale": {
      const numbers = all.filter((p) => typeof get(root, p) === "number");
      return numbers.length === 0 ? root : update(root, pick(numbers, m.at), (n) => (n as number) * m.by + (m.by === 1.0000001 ? 1 : 0));
    }
    case "graft": {
      const donor = pick(examples, m.from);
      const from = pick(paths(donor), m.fromAt);
      // Prefer the same place in the other example (a whole target, cache, ...), else any subtree.
      const same = get(donor, at);
      return update(root, at, () => (same !== undefined ? same : get(donor, from)));
    }
    case "array": {
      const arrays = all.filter((p) => Array.isArray(get(root, p)));
      if (arrays.length === 0) return root;
      return update(root, pick(arrays, m.at), (a) => {
        const xs = [...(a as unknown[])];
        if (m.op === 0) return [...xs, ...xs];
        if (m.op === 1) return xs.slice(1);
        if (m.op === 2) return xs.reverse();
        if (m.op === 3) return [...xs, m.value];
        if (m.op === 4) return [m.value, ...xs];
        return xs.map((x) => (typeof x === "number" ? x + 1 : x));
      });
    }
  }
}

const declaration = fc
  .tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([i, ms]) => ms.reduce((v, m) => apply(v, m), pick(examples, i) as unknown));

const CODES = new Set(VALIDATION_CODES);

function exec(value: unknown): Outcome {
  let plain: unknown;
  try {
    plain = toPlainData(value);
  } catch (e) {
    if (e instanceof NotPlainDataError) return "user-error";
    throw new FuzzBug(`toPlainData threw ${describeError(e)}`, e);
  }
  let result;
  try {
    result = validateDeclaration(plain);
  } catch (e) {
    throw new FuzzBug(`validateDeclaration threw ${describeError(e)}`, e);
  }
  if (!result.ok) {
    if (result.issues.length === 0) throw new FuzzBug("validation failed with no issue");
    for (const i of result.issues) {
      if (!CODES.has(i.code)) throw new FuzzBug(`issue code ${i.code} is not in VALIDATION_CODES`);
      if (typeof i.message !== "string" || i.message.includes("\n")) throw new FuzzBug(`issue message is not one line: ${JSON.stringify(i.message).slice(0, 200)}`);
    }
    return "user-error";
  }
  try {
    const kernels = result.plan.kernels;
    if (kernels.length === 0) throw new Error("an accepted plan has no kernels");
    for (const sig of kernels.filter(smallestBucketOfEachKernel(result.plan))) buildKernelGraph(result.plan, sig);
  } catch (e) {
    throw new FuzzBug(`an accepted declaration failed to build: ${describeError(e)}`, e);
  }
  return "ok";
}

describe("fuzz: declarations through validation and planning", () => {
  it("loads every example as a valid declaration", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const e of examples) expect(exec(e)).toBe("ok");
  });

  it("never throws, never takes too long, never grows memory past the bound", async () => {
    const stats = await fuzz("declarations", declaration, exec);
    expect(stats.cases).toBeGreaterThan(0);
  }, timeoutOf("declarations"));
});
