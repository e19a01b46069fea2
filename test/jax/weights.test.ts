import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { writeSafetensors } from "../../runtime/weights/safetensors.js";
import tiny from "../../examples/tiny.js";
import { python, requirePython, tempDir, tinyPlan, writePackage } from "./helpers.js";

interface PythonArrays {
  /** name → values as f32 (exact for bf16 arrays). */
  readonly values: Map<string, Float32Array>;
  /** name → numpy dtype name ("float32", "bfloat16"). */
  readonly dtypes: Map<string, string>;
  /** name → shape. */
  readonly shapes: Map<string, number[]>;
}

/**
 * Runs `expr` (a dict name → array) with the generated package importable (`weights` is its shim
 * module, `lib` the support library's dflashc_jax.weights, `config` the package's config) and returns
 * the arrays as f32, with their dtypes and shapes.
 */
function pythonWeights(plan: DecoderPlan, expr: string): PythonArrays {
  const dir = tempDir("weights");
  writePackage(dir, plan);
  const out = join(dir, "out.bin");
  const names = python(
    join(dir, "jax"),
    `import json, numpy as np
from ${plan.name} import config, weights
from dflashc_jax import weights as lib
params = ${expr}
with open(${JSON.stringify(out)}, "wb") as f:
    for name, a in params.items():
        f.write(np.asarray(a).astype(np.float32).tobytes())
print(json.dumps([[n, int(np.asarray(a).size), str(np.asarray(a).dtype), list(np.asarray(a).shape)] for n, a in params.items()]))`,
  );
  const bytes = readFileSync(out);
  const result: PythonArrays = { values: new Map(), dtypes: new Map(), shapes: new Map() };
  let offset = 0;
  for (const [name, size, dtype, shape] of JSON.parse(names) as [string, number, string, number[]][]) {
    result.values.set(name, new Float32Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + size * 4)));
    result.dtypes.set(name, dtype);
    result.shapes.set(name, shape);
    offset += size * 4;
  }
  return result;
}

/** The manifest shape of every weight of `plan`. */
function weightShapes(plan: DecoderPlan): Map<string, readonly number[]> {
  return new Map(plan.kernels.flatMap((k) => k.args.filter((a) => a.role === "weight").map((a) => [a.name, a.shape] as const)));
}

function expectBitIdentical(got: Map<string, Float32Array>, want: Map<string, Float32Array>): void {
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [name, w] of want) {
    const g = got.get(name)!;
    expect(g.length, name).toBe(w.length);
    const gBits = new Uint32Array(g.buffer, g.byteOffset, g.length);
    const wBits = new Uint32Array(w.buffer, w.byteOffset, w.length);
    const firstDiff = wBits.findIndex((b, i) => b !== gBits[i]);
    expect(firstDiff, `${name}: first differing element`).toBe(-1);
  }
}

describe("weights (the package's weights.py shim over dflashc_jax.weights)", () => {
  beforeAll(requirePython);

  it("random_weights(seed) is randomWeights(plan, seed), bit for bit, as float32 arrays of the manifest shapes (f32)", () => {
    const plan = tinyPlan();
    const got = pythonWeights(plan, "weights.random_weights(1234)");
    expectBitIdentical(got.values, randomWeights(plan, 1234));
    expect(new Set(got.dtypes.values())).toEqual(new Set(["float32"]));
    for (const [name, shape] of weightShapes(plan)) expect(got.shapes.get(name), name).toEqual(shape);
    // The shim is the library function bound to the package's config.
    expectBitIdentical(pythonWeights(plan, "lib.random_weights(config, 1234)").values, randomWeights(plan, 1234));
  });

  it("random_weights of a bf16 decoder returns bfloat16 arrays, rounded exactly as the TS generator rounds", () => {
    const plan = tinyPlan({ name: "tiny_bf16", target: { ...tiny.target, dtype: "bf16" } });
    expect(plan.target.dtype).toBe("bf16");
    const got = pythonWeights(plan, "weights.random_weights(5)");
    // The model dtype, not f32: the kernels refuse f32 weights for a bf16 decoder.
    expect(new Set(got.dtypes.values())).toEqual(new Set(["bfloat16"]));
    // f32 view of the bf16 values (exact): the TS generator's bf16-rounded values, bit for bit.
    expectBitIdentical(got.values, randomWeights(plan, 5));

    // A checkpoint loads into bfloat16 too (here F32 storage of bf16-representable values: exact).
    const dir = tempDir("ckpt-bf16");
    const want = randomWeights(plan, 5);
    const shapes = weightShapes(plan);
    const side = (prefix: string) => new Map([...want].filter(([n]) => n.startsWith(prefix)).map(([n, data]) => [n.slice(prefix.length), { shape: shapes.get(n)!, data }]));
    writeSafetensors(join(dir, "model.safetensors"), side("target."));
    writeSafetensors(join(dir, "draft.safetensors"), side("draft."));
    const loaded = pythonWeights(plan, `weights.load_checkpoint(${JSON.stringify(dir)}, ${JSON.stringify(dir)})`);
    expect(new Set(loaded.dtypes.values())).toEqual(new Set(["bfloat16"]));
    expectBitIdentical(loaded.values, want);
  });

  it("stack_params stacks each layer stack in layer order; together the entries are every weight once", () => {
    const plan = tinyPlan();
    const want = randomWeights(plan, 3);
    const got = pythonWeights(plan, "weights.stack_params(weights.random_weights(3))");
    const covered: string[] = [];
    for (const [name, values] of got.values) {
      if (!name.includes("*")) {
        expect(values, name).toEqual(want.get(name));
        covered.push(name);
        continue;
      }
      const members: string[] = [];
      for (let i = 0; want.has(name.replace("*", String(i))); i++) members.push(name.replace("*", String(i)));
      expect(members.length, name).toBeGreaterThan(1);
      expect(got.shapes.get(name), name).toEqual([members.length, ...weightShapes(plan).get(members[0])!]);
      const stacked = new Float32Array(members.reduce((n, m) => n + want.get(m)!.length, 0));
      let at = 0;
      for (const m of members) {
        stacked.set(want.get(m)!, at);
        at += want.get(m)!.length;
      }
      expectBitIdentical(new Map([[name, values]]), new Map([[name, stacked]]));
      covered.push(...members);
    }
    expect(covered.length).toBe(new Set(covered).size);
    expect(covered.sort()).toEqual([...want.keys()].sort());
    // The target's decoder layers are stacked (the kernels scan over them).
    expect(got.values.has("target.model.layers.*.mlp.up_proj.weight")).toBe(true);
  });

  it("load_checkpoint reads HF safetensors folders (target sharded over two files, drafter in F32/BF16)", () => {
    const plan = tinyPlan();
    const want = randomWeights(plan, 9);
    const dir = tempDir("ckpt");
    const target = [...want].filter(([n]) => n.startsWith("target.")).map(([n, data]) => [n.slice("target.".length), data] as const);
    const draft = [...want].filter(([n]) => n.startsWith("draft.")).map(([n, data]) => [n.slice("draft.".length), data] as const);
    const shape = (full: string) => weightShapes(plan).get(full)!;
    const half = Math.ceil(target.length / 2);
    writeSafetensors(join(dir, "model-00001-of-00002.safetensors"), new Map(target.slice(0, half).map(([n, d]) => [n, { shape: shape(`target.${n}`), data: d }])));
    writeSafetensors(join(dir, "model-00002-of-00002.safetensors"), new Map(target.slice(half).map(([n, d]) => [n, { shape: shape(`target.${n}`), data: d }])));
    // bf16-representable values stored as BF16 must load back exactly.
    const bf16 = (d: Float32Array) => Float32Array.from(d, (x) => Math.fround(Number(x.toPrecision(2))));
    const draftData = new Map(draft.map(([n, d], i) => [n, i % 2 ? bf16(d) : d]));
    writeSafetensors(
      join(dir, "draft.safetensors"),
      new Map(draft.map(([n], i) => [n, { shape: shape(`draft.${n}`), data: draftData.get(n)!, dtype: i % 2 ? ("BF16" as const) : ("F32" as const) }])),
    );
    const loaded = pythonWeights(plan, `weights.load_checkpoint(${JSON.stringify(dir)}, ${JSON.stringify(dir)})`);
    const got = loaded.values;
    expect(got.size).toBe(want.size);
    // Every tensor in the model dtype, whatever its storage dtype.
    expect(new Set(loaded.dtypes.values())).toEqual(new Set(["float32"]));
    for (const [n, d] of target) expect([...got.get(`target.${n}`)!]).toEqual([...d]);
    // BF16 storage truncates to 8 mantissa bits: compare against what the TS writer stored.
    for (const [n] of draft) {
      const g = got.get(`draft.${n}`)!;
      const w = draftData.get(n)!;
      for (let i = 0; i < w.length; i++) expect(Math.abs(g[i] - w[i])).toBeLessThanOrEqual(Math.abs(w[i]) / 128);
    }
  });

  it("load_checkpoint names what is missing", () => {
    const plan = tinyPlan();
    const dir = tempDir("ckpt-missing");
    writeSafetensors(join(dir, "model.safetensors"), new Map([["model.norm.weight", { shape: [64], data: new Float32Array(64) }]]));
    expect(() => pythonWeights(plan, `weights.load_checkpoint(${JSON.stringify(dir)}, ${JSON.stringify(dir)})`)).toThrow(/weight\(s\) missing from the checkpoint: target\.model\.embed_tokens\.weight/);
  });
});
