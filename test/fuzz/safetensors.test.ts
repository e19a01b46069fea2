// Fuzz: safetensors files as `dflashc run --weights DIR` reads them (runtime/weights/safetensors.ts),
// mutated from small valid files the project's own writer makes: the header length field, the header
// JSON (values and text), dtypes, shapes, offsets, truncation and bytes. Each case decodes the bytes in
// memory (decodeSafetensors) and, for a share of the cases, opens them as a file and reads every tensor
// (SafetensorsFile), then checks the values are finite as the loader does. A SafetensorsError (a
// NonFiniteWeightError included) is the user-facing refusal (exit 2); anything else is a bug.
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkFinite, decodeSafetensors, encodeSafetensors, SafetensorsError, SafetensorsFile, type NamedTensor, type SafetensorsDType } from "../../runtime/weights/safetensors.js";
import { describeError, fuzz, FuzzBug, pick, timeoutOf, type Outcome } from "./harness.js";
import { jsonMutation, mutateJsonValue, mutateText, textMutation } from "./json-mutations.js";

const dir = mkdtempSync(join(tmpdir(), "dflashc-fuzz-st-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DTYPES: readonly SafetensorsDType[] = ["F32", "BF16", "F16"];
const tensorArb = fc.record({
  shape: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
  dtype: fc.constantFrom(...DTYPES),
  values: fc.array(fc.oneof(fc.float({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1, -1, 65_504, 1e-8)), { maxLength: 216 }),
});
const NAMES = ["model.embed_tokens.weight", "model.layers.0.self_attn.q_proj.weight", "lm_head.weight", "model.norm.weight", "__proto__", "constructor", "", "a/b", "ü"];

/** A valid file of 0..4 tensors (the seed every mutation starts from). */
const validFile = fc
  .tuple(fc.array(fc.tuple(fc.nat(), tensorArb), { maxLength: 4 }), fc.boolean())
  .map(([ts, withMetadata]) => {
    const tensors = new Map<string, NamedTensor>();
    ts.forEach(([n, t], i) => {
      const count = t.shape.reduce((a, b) => a * b, 1);
      const data = Float32Array.from({ length: count }, (_, k) => (t.values.length === 0 ? k : t.values[k % t.values.length]));
      tensors.set(`${pick(NAMES, n)}${i}`, { shape: t.shape, dtype: t.dtype, data });
    });
    return encodeSafetensors(tensors, withMetadata ? { format: "pt" } : {});
  });

type Mutation =
  | { kind: "length"; value: bigint }
  | { kind: "length-delta"; delta: number }
  | { kind: "header-value"; ms: Parameters<typeof mutateJsonValue>[1]; fixLength: boolean }
  | { kind: "header-text"; ms: Parameters<typeof mutateText>[1]; fixLength: boolean }
  | { kind: "truncate"; at: number }
  | { kind: "append"; bytes: Uint8Array }
  | { kind: "flip"; at: number; byte: number }
  | { kind: "nonfinite"; at: number; which: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("length" as const), value: fc.oneof(fc.constantFrom(0n, 1n, 2n, 7n, 8n, 100_000_000n, 100_000_001n, 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })) }),
  fc.record({ kind: fc.constant("length-delta" as const), delta: fc.integer({ min: -16, max: 16 }) }),
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("header-value" as const), ms: fc.array(jsonMutation, { minLength: 1, maxLength: 3 }), fixLength: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("header-text" as const), ms: fc.array(textMutation, { minLength: 1, maxLength: 3 }), fixLength: fc.boolean() }) },
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("append" as const), bytes: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("nonfinite" as const), at: fc.nat(), which: fc.nat(2) }),
);

function headerOf(bytes: Uint8Array): { len: number; json: string } | undefined {
  if (bytes.length < 8) return undefined;
  const len = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  if (len > BigInt(bytes.length - 8)) return undefined;
  return { len: Number(len), json: Buffer.from(bytes.subarray(8, 8 + Number(len))).toString("utf8") };
}

function withLength(bytes: Uint8Array, len: bigint): Uint8Array {
  const out = bytes.length >= 8 ? Uint8Array.from(bytes) : new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt.asUintN(64, len), true);
  return out;
}

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  switch (m.kind) {
    case "length":
      return withLength(bytes, m.value);
    case "length-delta": {
      const h = bytes.length >= 8 ? new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true) : 0n;
      return withLength(bytes, h + BigInt(m.delta));
    }
    case "header-value":
    case "header-text": {
      const h = headerOf(bytes);
      if (!h) return bytes;
      let text: string;
      try {
        text = m.kind === "header-value" ? mutateJsonValue(h.json, m.ms).trim() : mutateText(h.json, m.ms);
      } catch {
        return bytes; // the header was already not JSON: nothing to mutate at the value level
      }
      const json = Buffer.from(text, "utf8");
      const out = new Uint8Array(8 + json.length + (bytes.length - 8 - h.len));
      out.set(json, 8);
      out.set(bytes.subarray(8 + h.len), 8 + json.length);
      new DataView(out.buffer).setBigUint64(0, BigInt(m.fixLength ? json.length : h.len), true);
      return out;
    }
    case "truncate":
      return bytes.subarray(0, m.at % (bytes.length + 1));
    case "append": {
      const out = new Uint8Array(bytes.length + m.bytes.length);
      out.set(bytes);
      out.set(m.bytes, bytes.length);
      return out;
    }
    case "flip": {
      if (bytes.length === 0) return bytes;
      const out = Uint8Array.from(bytes);
      out[m.at % out.length] = m.byte;
      return out;
    }
    case "nonfinite": {
      // A NaN / +Inf / -Inf in the data area, as F32 and as a 16-bit pattern, 2-byte aligned.
      const h = headerOf(bytes);
      const start = h ? 8 + h.len : 8;
      if (bytes.length - start < 4) return bytes;
      const out = Uint8Array.from(bytes);
      const at = start + 2 * ((m.at % ((bytes.length - start) / 2 - 1)) | 0);
      const view = new DataView(out.buffer);
      const f32 = [NaN, Infinity, -Infinity][m.which];
      if (at + 4 <= out.length && m.at % 2 === 0) view.setFloat32(at, f32, true);
      else view.setUint16(at, [0x7fc0, 0x7f80, 0xfc00][m.which], true);
      return out;
    }
  }
}

const fileCase = fc.tuple(validFile, fc.array(mutation, { maxLength: 4 }), fc.nat(3)).map(([bytes, ms, viaFile]) => ({ bytes: ms.reduce(apply, bytes), viaFile: viaFile === 0 }));

let fileCounter = 0;
function exec(c: { bytes: Uint8Array; viaFile: boolean }): Outcome {
  try {
    const { tensors } = decodeSafetensors(c.bytes, "<fuzz>");
    for (const [name, t] of tensors) {
      if (t.data.length !== t.shape.reduce((a, b) => a * b, 1)) throw new FuzzBug(`${name}: ${t.data.length} values for shape [${t.shape.join(", ")}]`);
      checkFinite(t.data, t.shape, name, "<fuzz>");
    }
    if (c.viaFile) {
      const path = join(dir, `f${fileCounter++ % 8}.safetensors`);
      writeFileSync(path, c.bytes);
      const f = new SafetensorsFile(path);
      try {
        for (const name of f.header.tensors.keys()) {
          const t = f.read(name);
          checkFinite(t.data, t.shape, name, path);
        }
      } finally {
        f.close();
      }
    }
    return "ok";
  } catch (e) {
    if (e instanceof SafetensorsError) return "user-error";
    if (e instanceof FuzzBug) throw e;
    throw new FuzzBug(`reading a safetensors file threw ${describeError(e)}`, e);
  }
}

describe("fuzz: safetensors headers and files", () => {
  it("reads what the writer wrote", () => {
    const t = new Map<string, NamedTensor>([["w", { shape: [2, 3], dtype: "BF16", data: Float32Array.of(1, 2, 3, 4, 5, 6) }]]);
    expect(exec({ bytes: encodeSafetensors(t), viaFile: true })).toBe("ok");
  });

  it("never throws, never takes too long, never grows memory past the bound", async () => {
    const stats = await fuzz("safetensors", fileCase, exec);
    expect(stats.cases).toBeGreaterThan(0);
  }, timeoutOf("safetensors"));
});
