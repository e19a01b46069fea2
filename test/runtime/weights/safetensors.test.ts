import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { randomWeights } from "../../../runtime/weights/random.js";
import {
  bf16BitsToF32,
  decodeSafetensors,
  encodeSafetensors,
  f16BitsToF32,
  f32ToBf16Bits,
  f32ToF16Bits,
  loadCheckpointWeights,
  SafetensorsFile,
  writeCheckpointFolders,
  writeSafetensors,
} from "../../../runtime/weights/safetensors.js";
import { loadWeights, parseWeightSource } from "../../../runtime/weights/source.js";
import { toyManifest } from "../helpers/toy.js";

const tmp = mkdtempSync(join(tmpdir(), "dflashc-st-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const d = join(tmp, String(n++));
  mkdirSync(d, { recursive: true });
  return d;
};

describe("safetensors format", () => {
  it("writes the 8-byte little-endian header length, an 8-aligned JSON header and __metadata__", () => {
    const bytes = encodeSafetensors(new Map([["b", { shape: [2], data: new Float32Array([1, -2]) }], ["a", { shape: [1, 1], data: new Float32Array([0.5]) }]]), { format: "pt" });
    const len = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect((8 + len) % 8).toBe(0);
    const header = JSON.parse(Buffer.from(bytes.subarray(8, 8 + len)).toString("utf8"));
    expect(header.__metadata__).toEqual({ format: "pt" });
    expect(header.a).toEqual({ dtype: "F32", shape: [1, 1], data_offsets: [0, 4] });
    expect(header.b).toEqual({ dtype: "F32", shape: [2], data_offsets: [4, 12] });
    expect(bytes.length).toBe(8 + len + 12);
    expect(new DataView(bytes.buffer).getFloat32(8 + len + 4, true)).toBe(1);
  });

  it("round-trips F32 exactly, BF16 and F16 to their rounding", () => {
    const data = new Float32Array([0, 1, -1.5, 3.14159, 1e-3, 65504, -0, 1e-7]);
    const bytes = encodeSafetensors(
      new Map([
        ["f32", { shape: [8], data }],
        ["bf16", { shape: [2, 4], data, dtype: "BF16" as const }],
        ["f16", { shape: [8], data, dtype: "F16" as const }],
      ]),
    );
    const back = decodeSafetensors(bytes).tensors;
    expect([...back.get("f32")!.data]).toEqual([...data]);
    expect(back.get("bf16")!.shape).toEqual([2, 4]);
    expect([...back.get("bf16")!.data]).toEqual([...data].map((x) => bf16BitsToF32(f32ToBf16Bits(x))));
    expect(back.get("bf16")!.data[3]).toBe(3.140625);
    expect([...back.get("f16")!.data]).toEqual([...data].map((x) => f16BitsToF32(f32ToF16Bits(x))));
    expect(back.get("f16")!.data[5]).toBe(65504);
    expect(back.get("f16")!.data[3]).toBeCloseTo(3.140625, 6);
  });

  it("converts f16 edge values by the IEEE rules", () => {
    expect(f32ToF16Bits(1)).toBe(0x3c00);
    expect(f32ToF16Bits(-2)).toBe(0xc000);
    expect(f32ToF16Bits(65520)).toBe(0x7c00); // rounds past the largest finite: infinity
    expect(f32ToF16Bits(2 ** -24)).toBe(1);
    expect(f32ToF16Bits(2 ** -25)).toBe(0); // tie to even
    expect(f32ToF16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie to even
    expect(f32ToF16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(f16BitsToF32(0x7c00)).toBe(Infinity);
    expect(f16BitsToF32(0x0001)).toBe(2 ** -24);
    expect(f32ToBf16Bits(1 + 2 ** -8)).toBe(0x3f80); // tie to even
    expect(f32ToBf16Bits(1 + 3 * 2 ** -8)).toBe(0x3f82);
  });

  it("reports corrupt files clearly", () => {
    const d = fresh();
    const p = join(d, "x.safetensors");
    writeSafetensors(p, new Map([["t", { shape: [4], data: new Float32Array(4) }]]));
    const full = readFileSync(p);
    writeFileSync(p, full.subarray(0, full.length - 4));
    expect(() => new SafetensorsFile(p)).toThrow(/data_offsets \[0, 16\] outside the file/);
    writeFileSync(p, Buffer.from([1, 2, 3]));
    expect(() => new SafetensorsFile(p)).toThrow(/too short/);
    const bad = Buffer.alloc(16);
    bad.writeBigUInt64LE(8n, 0);
    bad.write("{nope!!}", 8);
    writeFileSync(p, bad);
    expect(() => new SafetensorsFile(p)).toThrow(/header is not JSON/);
  });
});

describe("checkpoint folders", () => {
  const m = toyManifest();
  const weights = randomWeights(m.weights, 11);

  it("loads a target folder and a separate drafter folder into kernel argument names", () => {
    const t = fresh();
    const d = fresh();
    writeCheckpointFolders(weights, m, { target: t, draft: d });
    // the files carry Hugging Face names, not kernel names
    const names = [...new SafetensorsFile(join(t, "model.safetensors")).header.tensors.keys()];
    expect(names).toContain("model.layers.0.self_attn.q_proj.weight");
    expect([...new SafetensorsFile(join(d, "model.safetensors")).header.tensors.keys()]).toEqual(
      expect.arrayContaining(["fc.weight", "hidden_norm.weight", "layers.0.self_attn.k_proj.weight", "norm.weight"]),
    );
    const back = loadCheckpointWeights(m, { target: t, draft: d });
    expect(back.size).toBe(m.weights.length);
    for (const w of m.weights) expect([...back.get(w.name)!]).toEqual([...weights.get(w.name)!]);
  });

  it("follows model.safetensors.index.json across shards, and BF16 loads as f32", () => {
    const t = fresh();
    const d = fresh();
    writeCheckpointFolders(weights, m, { target: t, draft: d }, { shards: 3, dtype: "BF16" });
    const idx = JSON.parse(readFileSync(join(t, "model.safetensors.index.json"), "utf8"));
    expect(new Set(Object.values(idx.weight_map)).size).toBe(3);
    const back = loadCheckpointWeights(m, { target: t, draft: d });
    const name = "target.model.layers.1.mlp.down_proj.weight";
    expect([...back.get(name)!]).toEqual([...weights.get(name)!].map((x) => bf16BitsToF32(f32ToBf16Bits(x))));
  });

  it("names a missing tensor, a wrong shape, and a missing drafter folder", () => {
    const t = fresh();
    const d = fresh();
    writeCheckpointFolders(weights, m, { target: t, draft: d });
    expect(() => loadCheckpointWeights(m, { target: t })).toThrow(/has a draft: give the drafter's checkpoint folder/);
    const tensors = decodeSafetensors(readFileSync(join(t, "model.safetensors"))).tensors;
    tensors.delete("model.norm.weight");
    const q = tensors.get("model.layers.0.self_attn.k_proj.weight")!;
    writeSafetensors(join(t, "model.safetensors"), tensors);
    expect(() => loadCheckpointWeights(m, { target: t, draft: d })).toThrow(/missing from the checkpoint: model.norm.weight/);
    tensors.set("model.norm.weight", { shape: [8], data: new Float32Array(8) });
    tensors.set("model.layers.0.self_attn.k_proj.weight", { shape: [q.shape[1], q.shape[0]], data: q.data });
    writeSafetensors(join(t, "model.safetensors"), tensors);
    expect(() => loadCheckpointWeights(m, { target: t, draft: d })).toThrow(/k_proj.weight has shape \[8, 4\], toy_decoder expects \[4, 8\]/);
  });

  it("accepts a drafter published with a model. prefix", () => {
    const t = fresh();
    const d = fresh();
    writeCheckpointFolders(weights, m, { target: t, draft: d });
    const dt = decodeSafetensors(readFileSync(join(d, "model.safetensors"))).tensors;
    writeSafetensors(join(d, "model.safetensors"), new Map([...dt].map(([k, v]) => [`model.${k}`, v])));
    const back = loadCheckpointWeights(m, { target: t, draft: d });
    expect([...back.get("draft.fc.weight")!]).toEqual([...weights.get("draft.fc.weight")!]);
  });
});

describe("weight sources", () => {
  it("parses random:SEED and folders, and rejects the rest", () => {
    expect(parseWeightSource("random:42")).toEqual({ kind: "random", seed: 42 });
    expect(() => parseWeightSource("random:x")).toThrow(/integer seed/);
    expect(() => parseWeightSource("random")).toThrow(/expected random:SEED/);
    expect(() => parseWeightSource(join(tmp, "nope"))).toThrow(/does not exist/);
    const t = fresh();
    mkdirSync(join(t, "draft"));
    expect(parseWeightSource(t)).toEqual({ kind: "folder", target: t, draft: join(t, "draft") });
    const d = fresh();
    expect(parseWeightSource(`${t},${d}`)).toEqual({ kind: "folder", target: t, draft: d });
  });

  it("random weights are seeded and cover the manifest", () => {
    const m = toyManifest();
    const a = loadWeights({ kind: "random", seed: 3 }, m);
    const b = loadWeights({ kind: "random", seed: 3 }, m);
    for (const w of m.weights) expect([...a.get(w.name)!]).toEqual([...b.get(w.name)!]);
    expect([...loadWeights({ kind: "random", seed: 4 }, m).get("target.model.embed_tokens.weight")!]).not.toEqual([...a.get("target.model.embed_tokens.weight")!]);
  });
});
