// Hostile and broken checkpoints: every one is the user's input (a SafetensorsError / WeightSourceError,
// `dflashc run` exit 2 naming the file), never a crash, and NaN/Inf weights are refused before use.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../../cli/cli.js";
import { memoryIo } from "../../../cli/commands/io.js";
import { runCommand, type RunOptions } from "../../../cli/commands/run.js";
import { buildManifest } from "../../../compiler/manifest.js";
import { buildPlan } from "../../../compiler/plan/build-plan.js";
import tiny from "../../../examples/tiny.js";
import { randomWeights } from "../../../runtime/weights/random.js";
import { readFileBounded } from "../../../runtime/weights/read-bounded.js";
import {
  checkpointIndex,
  decodeSafetensors,
  encodeSafetensors,
  firstNonFinite,
  loadCheckpointWeights,
  MAX_HEADER_BYTES,
  NonFiniteWeightError,
  SafetensorsError,
  SafetensorsFile,
  unravelIndex,
  writeCheckpointFolders,
  writeSafetensors,
} from "../../../runtime/weights/safetensors.js";
import { parseWeightSource, WeightSourceError } from "../../../runtime/weights/source.js";
import { planWeights } from "../../../compiler/ir/weights.js";

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "dflashc-st-hard-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const d = join(tmp, String(n++));
  mkdirSync(d, { recursive: true });
  return d;
};

/** A safetensors file with this header (any JSON text) and `dataBytes` zero bytes of data. */
function rawFile(header: string, dataBytes = 0, lengthField?: bigint): Buffer {
  const json = Buffer.from(header, "utf8");
  const out = Buffer.alloc(8 + json.length + dataBytes);
  out.writeBigUInt64LE(lengthField ?? BigInt(json.length), 0);
  json.copy(out, 8);
  return out;
}

/** The error `new SafetensorsFile` throws for these bytes (and decodeSafetensors must agree). */
function refusal(bytes: Buffer): string {
  const p = join(fresh(), "model.safetensors");
  writeFileSync(p, bytes);
  let fileError: unknown;
  try {
    new SafetensorsFile(p).close();
  } catch (e) {
    fileError = e;
  }
  expect(fileError, "SafetensorsFile accepted it").toBeInstanceOf(SafetensorsError);
  expect(() => decodeSafetensors(bytes, p)).toThrow(SafetensorsError);
  expect((fileError as Error).message.startsWith(p)).toBe(true);
  return (fileError as Error).message;
}

const entry = (dtype: string, shape: unknown, offsets: unknown) => ({ dtype, shape, data_offsets: offsets });

describe("safetensors headers are checked before any tensor is read", () => {
  it("a null, array or scalar header", () => {
    expect(refusal(rawFile("null"))).toMatch(/header is null, not a JSON object of tensors/);
    expect(refusal(rawFile("[1,2]"))).toMatch(/header is an array/);
    expect(refusal(rawFile("7"))).toMatch(/header is number/);
  });

  it("a tensor entry that is null, and __metadata__ that is not strings", () => {
    expect(refusal(rawFile('{"t": null}'))).toMatch(/tensor t has no dtype\/shape\/data_offsets/);
    expect(refusal(rawFile('{"__metadata__": {"a": 1}}'))).toMatch(/__metadata__ must be an object of strings/);
    expect(refusal(rawFile('{"__metadata__": null}'))).toMatch(/__metadata__/);
  });

  it("overlapping data offsets", () => {
    const h = JSON.stringify({ a: entry("F32", [4], [0, 16]), b: entry("F32", [2], [8, 16]) });
    expect(refusal(rawFile(h, 16))).toMatch(/tensors a \[0, 16\] and b \[8, 16\] overlap/);
    // Back to back is fine, and so is an empty tensor anywhere.
    const ok = JSON.stringify({ a: entry("F32", [2], [0, 8]), b: entry("F32", [2], [8, 16]), e: entry("F32", [0], [4, 4]) });
    const p = join(fresh(), "ok.safetensors");
    writeFileSync(p, rawFile(ok, 16));
    const f = new SafetensorsFile(p);
    expect([...f.header.tensors.keys()].sort()).toEqual(["a", "b", "e"]);
    expect(f.read("e").data.length).toBe(0);
    f.close();
  });

  it("offsets past the end, negative, non-integer, reversed or not a pair", () => {
    expect(refusal(rawFile(JSON.stringify({ a: entry("F32", [4], [0, 16]) }), 8))).toMatch(/data_offsets \[0, 16\] outside the file \(8 data bytes\)/);
    expect(refusal(rawFile(JSON.stringify({ a: entry("F32", [1], [-4, 0]) }), 8))).toMatch(/data_offsets \[-4,0\]: expected \[begin, end\], non-negative integers/);
    expect(refusal(rawFile(JSON.stringify({ a: entry("F32", [1], [0.5, 4.5]) }), 8))).toMatch(/non-negative integers/);
    expect(refusal(rawFile(JSON.stringify({ a: entry("F32", [1], [8, 4]) }), 8))).toMatch(/begin <= end/);
    expect(refusal(rawFile(JSON.stringify({ a: entry("F32", [1], [0, 4, 8]) }), 8))).toMatch(/expected \[begin, end\]/);
    expect(refusal(rawFile(JSON.stringify({ a: entry("F32", [1], ["0", "4"]) }), 8))).toMatch(/expected \[begin, end\]/);
  });

  it("a header length past the file, or above the sane bound, without allocating it", () => {
    expect(refusal(rawFile("{}", 0, 1000n))).toMatch(/header length 1000 passes the end of the file/);
    expect(refusal(rawFile("{}", 0, 2n ** 63n))).toMatch(new RegExp(`header length ${2n ** 63n} is larger than ${MAX_HEADER_BYTES} bytes`));
    expect(refusal(rawFile("{}", 0, BigInt(MAX_HEADER_BYTES) + 1n))).toMatch(/is larger than/);
  });

  it("a shape whose byte size is not the offsets' span; bad dims", () => {
    expect(refusal(rawFile(JSON.stringify({ a: entry("F32", [3], [0, 16]) }), 16))).toMatch(/tensor a has 16 bytes, shape \[3\] F32 needs 12/);
    expect(refusal(rawFile(JSON.stringify({ a: entry("BF16", [2, 2], [0, 16]) }), 16))).toMatch(/needs 8/);
    expect(refusal(rawFile(JSON.stringify({ a: entry("F32", [-1, -4], [0, 16]) }), 16))).toMatch(/dims must be non-negative integers/);
    expect(refusal(rawFile(JSON.stringify({ a: entry("F32", [1.5], [0, 16]) }), 16))).toMatch(/dims must be non-negative integers/);
    // A product beyond 2^53 cannot match any real span.
    expect(refusal(rawFile(JSON.stringify({ a: entry("F32", [2 ** 30, 2 ** 30, 2 ** 10], [0, 16]) }), 16))).toMatch(/tensor a has 16 bytes/);
  });

  it("an unknown dtype is refused by name; a known but unloadable one only when read", () => {
    expect(refusal(rawFile(JSON.stringify({ a: entry("F33", [1], [0, 4]) }), 4))).toMatch(/tensor a has unknown dtype "F33"/);
    const p = join(fresh(), "i64.safetensors");
    writeFileSync(p, rawFile(JSON.stringify({ a: entry("I64", [1], [0, 8]) }), 8));
    const f = new SafetensorsFile(p);
    expect(() => f.read("a")).toThrow(/dtype I64 is not supported \(F32, BF16, F16\)/);
    f.close();
  });
});

describe("checkpoint folders that are not what they claim", () => {
  const m = buildManifest(buildPlan(tiny), "examples/tiny.ts", new Map());
  const weights = randomWeights(m.weights, 5);

  it("a folder named model.safetensors", () => {
    const d = fresh();
    mkdirSync(join(d, "model.safetensors"));
    expect(() => checkpointIndex(d)).toThrow(new RegExp(`${join(d, "model.safetensors")}: is a folder, not a safetensors file`));
  });

  it("a symbolic link loop, as a shard and as the folder itself", () => {
    const d = fresh();
    symlinkSync(join(d, "model.safetensors"), join(d, "model.safetensors"));
    expect(() => checkpointIndex(d)).toThrow(/model\.safetensors: cannot read it: a symbolic link loop .*\(ELOOP\)/);
    const loop = join(fresh(), "loop");
    symlinkSync(loop, loop);
    expect(() => parseWeightSource(loop)).toThrow(WeightSourceError);
    expect(() => parseWeightSource(loop)).toThrow(/cannot be read: a symbolic link loop/);
    expect(() => checkpointIndex(loop)).toThrow(SafetensorsError);
  });

  it("an index whose weight_map names a missing file, a folder, or a path outside the folder", () => {
    const t = fresh();
    const dr = fresh();
    writeCheckpointFolders(weights, m, { target: t, draft: dr }, { shards: 2 });
    const indexPath = join(t, "model.safetensors.index.json");
    const index = JSON.parse(readFileSync(indexPath, "utf8"));
    const first = Object.keys(index.weight_map)[0];
    const edit = (file: unknown) => writeFileSync(indexPath, JSON.stringify({ weight_map: { ...index.weight_map, [first]: file } }));
    edit("model-00009-of-00009.safetensors");
    expect(() => checkpointIndex(t)).toThrow(/model\.safetensors\.index\.json: weight_map\[".*"\] names model-00009-of-00009\.safetensors, which cannot be read: no such file or folder \(ENOENT\)/);
    mkdirSync(join(t, "sub.safetensors"));
    edit("sub.safetensors");
    expect(() => checkpointIndex(t)).toThrow(/names sub\.safetensors, which is a folder/);
    edit("../escape.safetensors");
    expect(() => checkpointIndex(t)).toThrow(/is not a file inside/);
    edit(null);
    expect(() => checkpointIndex(t)).toThrow(/must be a file name, found null/);
    writeFileSync(indexPath, "null");
    expect(() => checkpointIndex(t)).toThrow(/no weight_map object/);
    writeFileSync(indexPath, "{nope");
    expect(() => checkpointIndex(t)).toThrow(/index\.json: not JSON/);
  });

  it("a file given where the folder belongs", () => {
    const d = fresh();
    writeSafetensors(join(d, "model.safetensors"), new Map([["t", { shape: [1], data: new Float32Array(1) }]]));
    expect(() => parseWeightSource(join(d, "model.safetensors"))).toThrow(/is a file, not a folder/);
    expect(() => checkpointIndex(join(d, "model.safetensors"))).toThrow(/not a folder/);
  });
});

describe("non-finite weights", () => {
  const plan = buildPlan(tiny);
  const m = buildManifest(plan, "examples/tiny.ts", new Map());

  it("finds the first NaN or infinity and its coordinates", () => {
    expect(firstNonFinite(new Float32Array([0, -1, 3.4e38]))).toBe(-1);
    expect(firstNonFinite(new Float32Array([0, 1, Infinity, NaN]))).toBe(2);
    expect(firstNonFinite(new Float32Array([NaN]))).toBe(0);
    expect(unravelIndex(7, [2, 3, 4])).toEqual([0, 1, 3]);
    expect(unravelIndex(23, [2, 3, 4])).toEqual([1, 2, 3]);
  });

  function poisoned(value: number, dtype: "F32" | "BF16" | "F16" = "F32") {
    const t = fresh();
    const d = fresh();
    const w = randomWeights(planWeights(plan), 2);
    writeCheckpointFolders(w, m, { target: t, draft: d }, { dtype });
    const file = join(t, "model.safetensors");
    const tensors = decodeSafetensors(readFileSync(file)).tensors;
    const name = "model.layers.1.mlp.down_proj.weight";
    const victim = tensors.get(name)!;
    const data = new Float32Array(victim.data);
    const cols = victim.shape[1];
    data[1 * cols + 2] = value;
    tensors.set(name, { ...victim, data });
    writeFileSync(file, encodeSafetensors(tensors));
    return { t, d, file, name, cols, w };
  }

  for (const [what, value, dtype] of [["NaN", NaN, "F32"], ["Infinity", Infinity, "BF16"], ["-Infinity", -Infinity, "F16"]] as const) {
    it(`a ${dtype} tensor holding ${what} is refused, naming the tensor and the first bad index, unless allowed`, () => {
      const { t, d, file, name, cols } = poisoned(value, dtype);
      let err: unknown;
      try {
        loadCheckpointWeights(m, { target: t, draft: d });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(NonFiniteWeightError);
      expect((err as Error).message).toBe(
        `${file}: tensor ${name} holds ${what} at index [1, 2] (element ${cols + 2}): a corrupt or overflowed checkpoint; pass --allow-nonfinite to load it anyway`,
      );
      const loaded = loadCheckpointWeights(m, { target: t, draft: d }, { allowNonFinite: true });
      expect(loaded.get(`target.${name}`)![cols + 2]).toBe(value);
    });
  }

  const base: RunOptions = { backend: "reference", weights: "", promptIds: [[5, 6, 7]], maxNewTokens: 3, checkLossless: true };

  it("`dflashc run` exits 2 naming the tensor; --allow-nonfinite decodes anyway", async () => {
    const { t, d, name } = poisoned(NaN);
    const io = memoryIo(repo);
    expect(await runCommand("examples/tiny.ts", { ...base, weights: t, draftWeights: d }, io)).toBe(2);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.join("\n")).toMatch(new RegExp(`error weights: .*tensor ${name.replace(/\./g, "\\.")} holds NaN at index \\[1, 2\\]`));
    const io2 = memoryIo(repo);
    const code = await runCommand("examples/tiny.ts", { ...base, weights: t, draftWeights: d, allowNonFinite: true }, io2);
    expect(io2.stderr.join("\n")).not.toMatch(/internal error/);
    expect([0, 3]).toContain(code);
    // Through the command line too: the flag exists and reaches the loader.
    const io3 = memoryIo(repo);
    expect(await main(["run", "examples/tiny.ts", "--weights", `${t},${d}`, "--prompt-ids", "5,6,7", "--max-new-tokens", "2"], io3)).toBe(2);
    const io4 = memoryIo(repo);
    const code4 = await main(["run", "examples/tiny.ts", "--weights", `${t},${d}`, "--prompt-ids", "5,6,7", "--max-new-tokens", "2", "--allow-nonfinite"], io4);
    expect(code4, io4.stderr.join("\n")).not.toBe(2);
  });

  it("hostile folders through `dflashc run`: exit 2, the file named", async () => {
    const t = fresh();
    writeFileSync(join(t, "model.safetensors"), rawFile("null"));
    const io = memoryIo(repo);
    expect(await runCommand("examples/tiny.ts", { ...base, weights: t, draftWeights: t }, io)).toBe(2);
    expect(io.stderr.join("\n")).toMatch(/model\.safetensors: header is null/);
    const loop = fresh();
    symlinkSync(join(loop, "model.safetensors"), join(loop, "model.safetensors"));
    const io2 = memoryIo(repo);
    expect(await runCommand("examples/tiny.ts", { ...base, weights: loop, draftWeights: loop }, io2)).toBe(2);
    expect(io2.stderr.join("\n")).toMatch(/model\.safetensors: cannot read it: a symbolic link loop/);
    const dir = fresh();
    mkdirSync(join(dir, "model.safetensors"));
    const io3 = memoryIo(repo);
    expect(await runCommand("examples/tiny.ts", { ...base, weights: dir, draftWeights: dir }, io3)).toBe(2);
    expect(io3.stderr.join("\n")).toMatch(/model\.safetensors: is a folder/);
  });
});

describe("bounded reads", () => {
  it("refuses a file over the bound, reading at most bound+1 bytes of an endless stream", () => {
    const d = fresh();
    writeFileSync(join(d, "big"), Buffer.alloc(1025));
    expect(() => readFileBounded(join(d, "big"), 1024)).toThrow(/the file is larger than 1 KiB, the most dflashc reads/);
    expect(readFileBounded(join(d, "big"), 1025).length).toBe(1025);
    expect(() => readFileBounded("/dev/zero", 4096, "config.json")).toThrow(/\/dev\/zero: config.json is larger than 4 KiB/);
    expect(() => readFileBounded(d, 10)).toThrow(/is a folder, not a file/);
    expect(() => readFileBounded(join(d, "nope"), 10)).toThrow(/cannot read it: no such file or folder \(ENOENT\)/);
  });
});
