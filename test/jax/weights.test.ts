import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { writeSafetensors } from "../../runtime/weights/safetensors.js";
import tiny from "../../examples/tiny.js";
import { python, requireNumpy, tempDir, tinyPlan, writePackage } from "./helpers.js";

/** Runs `expr` (a dict name → numpy array) in the generated package and returns the arrays as f32 bytes. */
function pythonWeights(plan: DecoderPlan, expr: string): Map<string, Float32Array> {
  const dir = tempDir("weights");
  writePackage(dir, plan);
  const out = join(dir, "out.bin");
  const names = python(
    join(dir, "jax"),
    `import json, numpy as np
from ${plan.name} import weights
params = ${expr}
with open(${JSON.stringify(out)}, "wb") as f:
    for name, a in params.items():
        f.write(np.asarray(a, dtype=np.float32).tobytes())
print(json.dumps([[n, int(np.asarray(a).size)] for n, a in params.items()]))`,
  );
  const bytes = readFileSync(out);
  const result = new Map<string, Float32Array>();
  let offset = 0;
  for (const [name, size] of JSON.parse(names) as [string, number][]) {
    result.set(name, new Float32Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + size * 4)));
    offset += size * 4;
  }
  return result;
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

describe("weights.py", () => {
  beforeAll(requireNumpy);

  it("random_weights(seed) is randomWeights(plan, seed), bit for bit (f32)", () => {
    const plan = tinyPlan();
    expectBitIdentical(pythonWeights(plan, "weights.random_weights(1234)"), randomWeights(plan, 1234));
  });

  it("random_weights rounds to bf16 exactly as the TS generator (bf16 plans)", () => {
    const plan = tinyPlan({ name: "tiny_bf16", target: { ...tiny.target, dtype: "bf16" } });
    // f32 view of the bf16 values: the worker casts them to bf16 without further rounding.
    expectBitIdentical(pythonWeights(plan, "{n: a for n, a in weights.random_weights(5).items()}"), randomWeights(plan, 5));
  });

  it("load_checkpoint reads HF safetensors folders (target sharded over two files, drafter in F32/BF16)", () => {
    const plan = tinyPlan();
    const want = randomWeights(plan, 9);
    const dir = tempDir("ckpt");
    const target = [...want].filter(([n]) => n.startsWith("target.")).map(([n, data]) => [n.slice("target.".length), data] as const);
    const draft = [...want].filter(([n]) => n.startsWith("draft.")).map(([n, data]) => [n.slice("draft.".length), data] as const);
    const shape = (full: string) => plan.kernels.flatMap((k) => k.args).find((a) => a.name === full)!.shape;
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
    const got = pythonWeights(plan, `weights.load_checkpoint(${JSON.stringify(dir)}, ${JSON.stringify(dir)})`);
    expect(got.size).toBe(want.size);
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
