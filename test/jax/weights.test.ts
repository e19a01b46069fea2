import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { decodeSafetensors, encodeSafetensors, loadCheckpointWeights, SafetensorsError, writeCheckpointFolders, writeSafetensors } from "../../runtime/weights/safetensors.js";
import { buildManifest } from "../../compiler/manifest.js";
import tiny from "../../examples/tiny.js";
import { PYTHON, python, requirePython, tempDir, tinyPlan, writePackage } from "./helpers.js";
import { planWeights } from "../../compiler/ir/weights.js";

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

/** Runs `code` (which prints one JSON document) with the generated package importable, as pythonWeights does. */
function pythonRun(plan: DecoderPlan, code: string): unknown {
  const dir = tempDir("weights-run");
  writePackage(dir, plan);
  return JSON.parse(
    python(
      join(dir, "jax"),
      `import json, numpy as np
from ${plan.name} import config, weights
from dflashc_jax import weights as lib
${code}`,
    ),
  );
}

/** The manifest shape of every weight of `plan`. */
function weightShapes(plan: DecoderPlan): Map<string, readonly number[]> {
  // Checkpoint tensors by their manifest names (kernels take the target's layers stacked).
  return new Map(planWeights(plan).map((w) => [w.name, w.shape] as const));
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

  it("random_weights(seed) is randomWeights(planWeights(plan), seed), bit for bit, as float32 arrays of the manifest shapes (f32)", () => {
    const plan = tinyPlan();
    const got = pythonWeights(plan, "weights.random_weights(1234)");
    expectBitIdentical(got.values, randomWeights(planWeights(plan), 1234));
    expect(new Set(got.dtypes.values())).toEqual(new Set(["float32"]));
    for (const [name, shape] of weightShapes(plan)) expect(got.shapes.get(name), name).toEqual(shape);
    // The shim is the library function bound to the package's config.
    expectBitIdentical(pythonWeights(plan, "lib.random_weights(config, 1234)").values, randomWeights(planWeights(plan), 1234));
  });

  it("random_weights of a bf16 decoder returns bfloat16 arrays, rounded exactly as the TS generator rounds", () => {
    const plan = tinyPlan({ name: "tiny_bf16", target: { ...tiny.target, dtype: "bf16" } });
    expect(plan.target.dtype).toBe("bf16");
    const got = pythonWeights(plan, "weights.random_weights(5)");
    // The model dtype, not f32: the kernels refuse f32 weights for a bf16 decoder.
    expect(new Set(got.dtypes.values())).toEqual(new Set(["bfloat16"]));
    // f32 view of the bf16 values (exact): the TS generator's bf16-rounded values, bit for bit.
    expectBitIdentical(got.values, randomWeights(planWeights(plan), 5));

    // A checkpoint loads into bfloat16 too (here F32 storage of bf16-representable values: exact).
    const dir = tempDir("ckpt-bf16");
    const want = randomWeights(planWeights(plan), 5);
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
    const want = randomWeights(planWeights(plan), 3);
    const got = pythonWeights(plan, "weights.stack_params(weights.random_weights(3))");
    const covered: string[] = [];
    for (const [name, values] of got.values) {
      if (!name.includes("$")) {
        expect(values, name).toEqual(want.get(name));
        covered.push(name);
        continue;
      }
      const members: string[] = [];
      for (let i = 0; want.has(name.replace("$", String(i))); i++) members.push(name.replace("$", String(i)));
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
    expect(got.values.has("target.model.layers.$.mlp.up_proj.weight")).toBe(true);
  });

  it("load_checkpoint reads HF safetensors folders (target sharded over two files, drafter in F32/BF16)", () => {
    const plan = tinyPlan();
    const want = randomWeights(planWeights(plan), 9);
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

  it("load_checkpoint refuses what the TypeScript loader refuses, with a CheckpointError naming the file", () => {
    const plan = tinyPlan();
    const manifest = buildManifest(plan, "examples/tiny.ts", new Map());
    const root = tempDir("ckpt-hostile");
    const raw = (header: string, dataBytes = 0, lengthField?: bigint) => {
      const json = Buffer.from(header, "utf8");
      const out = Buffer.alloc(8 + json.length + dataBytes);
      out.writeBigUInt64LE(lengthField ?? BigInt(json.length), 0);
      json.copy(out, 8);
      return out;
    };
    const e = (dtype: string, shape: unknown, offsets: unknown) => ({ dtype, shape, data_offsets: offsets });
    // case name → [folder, what the message must say]
    const cases: [string, string, RegExp][] = [];
    const folder = (name: string, file: Buffer | null, why: RegExp, setup?: (dir: string) => void) => {
      const dir = join(root, name);
      mkdirSync(dir);
      if (file) writeFileSync(join(dir, "model.safetensors"), file);
      setup?.(dir);
      cases.push([name, dir, why]);
    };
    folder("null-header", raw("null"), /model\.safetensors: header is null, not a JSON object of tensors/);
    folder("overlap", raw(JSON.stringify({ a: e("F32", [4], [0, 16]), b: e("F32", [2], [8, 16]) }), 16), /tensors a \[0, 16\] and b \[8, 16\] overlap/);
    folder("past-end", raw(JSON.stringify({ a: e("F32", [4], [0, 16]) }), 8), /data_offsets \[0, 16\] outside the file \(8 data bytes\)/);
    folder("negative", raw(JSON.stringify({ a: e("F32", [1], [-4, 0]) }), 8), /non-negative integers with begin <= end/);
    folder("fraction", raw(JSON.stringify({ a: e("F32", [1], [0.5, 4.5]) }), 8), /non-negative integers/);
    folder("huge-header", raw("{}", 0, 2n ** 40n), /header length 1099511627776 is larger than 100000000 bytes/);
    folder("header-past-end", raw("{}", 0, 1000n), /header length 1000 passes the end of the file/);
    folder("size-mismatch", raw(JSON.stringify({ a: e("F32", [3], [0, 16]) }), 16), /tensor a has 16 bytes, shape \[3\] F32 needs 12/);
    folder("unknown-dtype", raw(JSON.stringify({ a: e("F33", [1], [0, 4]) }), 4), /tensor a has unknown dtype "F33"/);
    folder("a-folder", null, /model\.safetensors: is a folder, not a safetensors file/, (d) => mkdirSync(join(d, "model.safetensors")));
    folder("link-loop", null, /model\.safetensors: cannot read it: a symbolic link loop/, (d) => symlinkSync(join(d, "model.safetensors"), join(d, "model.safetensors")));
    folder("index-missing-file", raw("{}"), /model\.safetensors\.index\.json: weight_map\['x'\] names gone\.safetensors, which is missing or unreadable/, (d) =>
      writeFileSync(join(d, "model.safetensors.index.json"), JSON.stringify({ weight_map: { x: "gone.safetensors" } })),
    );
    folder("index-escape", raw("{}"), /is not a file inside/, (d) => writeFileSync(join(d, "model.safetensors.index.json"), JSON.stringify({ weight_map: { x: "../x.safetensors" } })));
    folder("index-null", raw("{}"), /no weight_map object/, (d) => writeFileSync(join(d, "model.safetensors.index.json"), "null"));

    // The TypeScript loader refuses every one of them too.
    for (const [name, dir] of cases) expect(() => loadCheckpointWeights(manifest, { target: dir, draft: dir }), name).toThrow(SafetensorsError);

    const results = pythonRun(
      plan,
      `results = {}
for name, d in ${JSON.stringify(cases.map(([n, d]) => [n, d]))}:
    try:
        lib.load_checkpoint(config, d, d)
        results[name] = ["accepted", ""]
    except Exception as e:
        results[name] = [type(e).__name__, str(e)]
print(json.dumps(results))`,
    ) as Record<string, [string, string]>;
    for (const [name, dir, why] of cases) {
      const [kind, message] = results[name];
      expect(kind, `${name}: ${message}`).toBe("CheckpointError");
      expect(message, name).toMatch(why);
      expect(message.startsWith(dir), `${name}: ${message}`).toBe(true);
    }
  });

  it("load_checkpoint refuses NaN and infinities (F32, BF16, F16), naming the tensor and the first bad index, unless allowed", () => {
    const plan = tinyPlan();
    const manifest = buildManifest(plan, "examples/tiny.ts", new Map());
    const name = "model.layers.1.mlp.down_proj.weight";
    const cases: [string, number, "F32" | "BF16" | "F16"][] = [
      ["NaN", NaN, "F32"],
      ["Infinity", Infinity, "BF16"],
      ["-Infinity", -Infinity, "F16"],
    ];
    const dirs = cases.map(([what, value, dtype]) => {
      const t = tempDir(`nonfinite-${dtype}`);
      const d = tempDir(`nonfinite-${dtype}-draft`);
      writeCheckpointFolders(randomWeights(planWeights(plan), 2), manifest, { target: t, draft: d }, { dtype });
      const file = join(t, "model.safetensors");
      const tensors = decodeSafetensors(readFileSync(file)).tensors;
      const victim = tensors.get(name)!;
      const data = new Float32Array(victim.data);
      data[victim.shape[1] + 2] = value;
      tensors.set(name, { ...victim, data });
      writeFileSync(file, encodeSafetensors(tensors));
      return { what, t, d, file, element: victim.shape[1] + 2 };
    });
    const results = pythonRun(
      plan,
      `import os
results = []
for t, d in ${JSON.stringify(dirs.map((x) => [x.t, x.d]))}:
    row = []
    try:
        lib.load_checkpoint(config, t, d)
        row.append("accepted")
    except lib.CheckpointError as e:
        row.append(str(e))
    row.append(len(lib.load_checkpoint(config, t, d, allow_nonfinite=True)))
    os.environ[lib.ALLOW_NONFINITE_ENV] = "1"
    row.append(len(weights.load_checkpoint(t, d)))
    del os.environ[lib.ALLOW_NONFINITE_ENV]
    results.append(row)
print(json.dumps(results))`,
    ) as [string, number, number][];
    const weightCount = manifest.weights.length;
    dirs.forEach(({ what, file, element }, i) => {
      expect(results[i][0]).toBe(
        `${file}: tensor ${name} holds ${what} at index [1, 2] (element ${element}): a corrupt or overflowed checkpoint; pass --allow-nonfinite to load it anyway`,
      );
      expect(results[i].slice(1)).toEqual([weightCount, weightCount]);
    });
  });

  it("dflashc run --backend jax: the worker reads the checkpoint and refuses NaN (the user's weights error); --allow-nonfinite tells it to load them", async () => {
    const { runCommand } = await import("../../cli/commands/run.js");
    const { memoryIo } = await import("../../cli/commands/io.js");
    const plan = tinyPlan();
    const manifest = buildManifest(plan, "examples/tiny.ts", new Map());
    const t = tempDir("run-nonfinite");
    const d = tempDir("run-nonfinite-draft");
    writeCheckpointFolders(randomWeights(planWeights(plan), 2), manifest, { target: t, draft: d });
    const file = join(t, "model.safetensors");
    const tensors = decodeSafetensors(readFileSync(file)).tensors;
    const victim = tensors.get("model.norm.weight")!;
    tensors.set("model.norm.weight", { ...victim, data: Float32Array.from(victim.data, (x, i) => (i === 3 ? NaN : x)) });
    writeFileSync(file, encodeSafetensors(tensors));
    const repo = join(import.meta.dirname, "..", "..");
    const opts = { backend: "jax" as const, weights: t, draftWeights: d, promptIds: [[5, 6, 7]], maxNewTokens: 2, targetOnly: true };
    const refused = memoryIo(repo);
    const allowed = memoryIo(repo);
    // The worker runs on the project's JAX Python (runCommand reads DFLASHC_PYTHON).
    const saved = process.env.DFLASHC_PYTHON;
    process.env.DFLASHC_PYTHON = PYTHON;
    let code: number;
    try {
      expect(await runCommand("examples/tiny.ts", opts, refused)).toBe(2);
      expect(refused.stderr.join("\n")).toMatch(/^error weights: JAX worker: load_weights failed \(weights\): .*tensor model\.norm\.weight holds NaN at index \[3\]/m);
      code = await runCommand("examples/tiny.ts", { ...opts, allowNonFinite: true }, allowed);
    } finally {
      if (saved === undefined) delete process.env.DFLASHC_PYTHON;
      else process.env.DFLASHC_PYTHON = saved;
    }
    expect(code, allowed.stderr.join("\n")).toBe(0);
    expect(allowed.stdout[0]).toMatch(/target-only decoding on the jax backend/);
  }, 120_000);
});
