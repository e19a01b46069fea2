/**
 * safetensors, read and written for real: an 8-byte little-endian header length, a JSON header
 * (`{name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {...}}`, offsets relative to
 * the data that follows), then the raw little-endian tensor bytes. F32, BF16 and F16 load as f32
 * (BF16/F16 converted exactly); files are read tensor by tensor, so multi-gigabyte shards never have
 * to fit in one buffer.
 *
 * Folders load by Hugging Face names: a target checkpoint's tensors become `target.<name>`, a DFlash
 * drafter's (`fc.weight`, `hidden_norm.weight`, `layers.N...`, `norm.weight`) `draft.<name>`.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Manifest } from "../manifest.js";

export class SafetensorsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SafetensorsError";
  }
}

export type SafetensorsDType = "F32" | "BF16" | "F16";
const BYTES: Record<SafetensorsDType, number> = { F32: 4, BF16: 2, F16: 2 };

export interface TensorEntry {
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly data_offsets: readonly [number, number];
}

export interface SafetensorsHeader {
  readonly tensors: ReadonlyMap<string, TensorEntry>;
  readonly metadata: Readonly<Record<string, string>>;
  /** Byte offset of the data section in the file. */
  readonly dataStart: number;
}

export interface NamedTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
  /** Storage dtype when written (default F32). */
  readonly dtype?: SafetensorsDType;
}

// ---- element conversion ----

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

export function bf16BitsToF32(b: number): number {
  u32[0] = (b & 0xffff) << 16;
  return f32[0];
}

/** f32 → bf16 bits, round to nearest even (NaN stays NaN). */
export function f32ToBf16Bits(x: number): number {
  f32[0] = x;
  const bits = u32[0];
  if ((bits & 0x7f800000) === 0x7f800000 && (bits & 0x7fffff) !== 0) return 0x7fc0;
  return ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16) & 0xffff;
}

export function f16BitsToF32(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m === 0 ? s * Infinity : NaN;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

/** f32 → f16 bits, round to nearest even, overflow to infinity. */
export function f32ToF16Bits(x: number): number {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(Math.fround(x));
  if (a === Infinity) return sign | 0x7c00;
  if (a < 2 ** -14) {
    // subnormal: units of 2^-24, ties to even
    const q = a / 2 ** -24;
    let r = Math.round(q);
    if (Math.abs(q - Math.trunc(q)) === 0.5 && r % 2 === 1) r -= 1;
    return sign | r; // r == 1024 rolls into the smallest normal, which is the right encoding
  }
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (2 ** (e + 1) <= a) e++;
  const q = (a / 2 ** e - 1) * 1024;
  let m = Math.round(q);
  if (Math.abs(q - Math.trunc(q)) === 0.5 && m % 2 === 1) m -= 1;
  if (m === 1024) {
    m = 0;
    e++;
  }
  if (e > 15) return sign | 0x7c00;
  return sign | ((e + 15) << 10) | m;
}

function decode(dtype: string, bytes: Uint8Array, n: number, where: string): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(n);
  if (dtype === "F32") for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
  else if (dtype === "BF16") for (let i = 0; i < n; i++) out[i] = bf16BitsToF32(view.getUint16(i * 2, true));
  else if (dtype === "F16") for (let i = 0; i < n; i++) out[i] = f16BitsToF32(view.getUint16(i * 2, true));
  else throw new SafetensorsError(`${where}: dtype ${dtype} is not supported (F32, BF16, F16)`);
  return out;
}

function encode(dtype: SafetensorsDType, data: Float32Array): Uint8Array {
  const out = new Uint8Array(data.length * BYTES[dtype]);
  const view = new DataView(out.buffer);
  if (dtype === "F32") for (let i = 0; i < data.length; i++) view.setFloat32(i * 4, data[i], true);
  else if (dtype === "BF16") for (let i = 0; i < data.length; i++) view.setUint16(i * 2, f32ToBf16Bits(data[i]), true);
  else for (let i = 0; i < data.length; i++) view.setUint16(i * 2, f32ToF16Bits(data[i]), true);
  return out;
}

const numel = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

// ---- files ----

/** The bytes of a safetensors file holding `tensors` (sorted by name; header padded to 8 bytes). */
export function encodeSafetensors(tensors: ReadonlyMap<string, NamedTensor>, metadata: Readonly<Record<string, string>> = {}): Uint8Array {
  const names = [...tensors.keys()].sort();
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  const blobs: Uint8Array[] = [];
  let offset = 0;
  for (const name of names) {
    const t = tensors.get(name)!;
    if (t.data.length !== numel(t.shape)) throw new SafetensorsError(`${name}: ${t.data.length} values for shape [${t.shape.join(", ")}]`);
    const dtype = t.dtype ?? "F32";
    const bytes = encode(dtype, t.data);
    header[name] = { dtype, shape: [...t.shape], data_offsets: [offset, offset + bytes.length] };
    blobs.push(bytes);
    offset += bytes.length;
  }
  let json = JSON.stringify(header);
  while ((Buffer.byteLength(json) + 8) % 8 !== 0) json += " ";
  const jsonBytes = Buffer.from(json, "utf8");
  const out = new Uint8Array(8 + jsonBytes.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(jsonBytes.length), true);
  out.set(jsonBytes, 8);
  let at = 8 + jsonBytes.length;
  for (const b of blobs) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

export function writeSafetensors(path: string, tensors: ReadonlyMap<string, NamedTensor>, metadata: Readonly<Record<string, string>> = {}): void {
  writeFileSync(path, encodeSafetensors(tensors, metadata));
}

function parseHeader(json: string, fileSize: number, headerLen: number, where: string): SafetensorsHeader {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(json) as Record<string, unknown>;
  } catch (e) {
    throw new SafetensorsError(`${where}: header is not JSON (${(e as Error).message})`);
  }
  const dataStart = 8 + headerLen;
  const tensors = new Map<string, TensorEntry>();
  let metadata: Record<string, string> = {};
  for (const [name, v] of Object.entries(raw)) {
    if (name === "__metadata__") {
      metadata = v as Record<string, string>;
      continue;
    }
    const e = v as TensorEntry;
    if (!e || !Array.isArray(e.shape) || !Array.isArray(e.data_offsets) || typeof e.dtype !== "string") {
      throw new SafetensorsError(`${where}: tensor ${name} has no dtype/shape/data_offsets`);
    }
    const [b, end] = e.data_offsets;
    if (!(Number.isInteger(b) && Number.isInteger(end) && 0 <= b && b <= end && dataStart + end <= fileSize)) {
      throw new SafetensorsError(`${where}: tensor ${name} has data_offsets [${b}, ${end}] outside the file`);
    }
    const per = BYTES[e.dtype as SafetensorsDType];
    if (per !== undefined && end - b !== numel(e.shape) * per) {
      throw new SafetensorsError(`${where}: tensor ${name} has ${end - b} bytes, shape [${e.shape.join(", ")}] ${e.dtype} needs ${numel(e.shape) * per}`);
    }
    tensors.set(name, e);
  }
  return { tensors, metadata, dataStart };
}

/** Parses a whole safetensors file held in memory. */
export function decodeSafetensors(bytes: Uint8Array, where = "<bytes>"): { tensors: Map<string, NamedTensor>; metadata: Record<string, string> } {
  if (bytes.length < 8) throw new SafetensorsError(`${where}: ${bytes.length} bytes, too short for a safetensors file`);
  const n = Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
  if (8 + n > bytes.length) throw new SafetensorsError(`${where}: header length ${n} passes the end of the file`);
  const h = parseHeader(Buffer.from(bytes.subarray(8, 8 + n)).toString("utf8"), bytes.length, n, where);
  const tensors = new Map<string, NamedTensor>();
  for (const [name, e] of h.tensors) {
    const [b, end] = e.data_offsets;
    const data = decode(e.dtype, bytes.subarray(h.dataStart + b, h.dataStart + end), numel(e.shape), `${where}: ${name}`);
    tensors.set(name, { shape: e.shape, data, dtype: e.dtype as SafetensorsDType });
  }
  return { tensors, metadata: { ...h.metadata } };
}

/** A safetensors file opened for reading tensor by tensor. */
export class SafetensorsFile {
  readonly header: SafetensorsHeader;
  private readonly fd: number;

  constructor(readonly path: string) {
    this.fd = openSync(path, "r");
    try {
      const size = statSync(path).size;
      const lenBuf = Buffer.alloc(8);
      if (size < 8 || readSync(this.fd, lenBuf, 0, 8, 0) !== 8) throw new SafetensorsError(`${path}: too short for a safetensors file`);
      const n = Number(lenBuf.readBigUInt64LE(0));
      if (8 + n > size) throw new SafetensorsError(`${path}: header length ${n} passes the end of the file`);
      const hb = Buffer.alloc(n);
      readSync(this.fd, hb, 0, n, 8);
      this.header = parseHeader(hb.toString("utf8"), size, n, path);
    } catch (e) {
      closeSync(this.fd);
      throw e;
    }
  }

  read(name: string): NamedTensor {
    const e = this.header.tensors.get(name);
    if (!e) throw new SafetensorsError(`${this.path}: no tensor ${name}`);
    const [b, end] = e.data_offsets;
    const buf = Buffer.alloc(end - b);
    let got = 0;
    while (got < buf.length) {
      const r = readSync(this.fd, buf, got, buf.length - got, this.header.dataStart + b + got);
      if (r === 0) throw new SafetensorsError(`${this.path}: ${name} is truncated`);
      got += r;
    }
    return { shape: e.shape, data: decode(e.dtype, buf, numel(e.shape), `${this.path}: ${name}`), dtype: e.dtype as SafetensorsDType };
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * The tensors of a checkpoint folder: name → file. With `model.safetensors.index.json` its
 * `weight_map` decides; otherwise every `*.safetensors` in the folder (a name in two files is an error).
 */
export function checkpointIndex(dir: string): Map<string, string> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new SafetensorsError(`${dir}: not a folder`);
  const index = join(dir, "model.safetensors.index.json");
  const out = new Map<string, string>();
  if (existsSync(index)) {
    let map: Record<string, string>;
    try {
      map = (JSON.parse(readFileSync(index, "utf8")) as { weight_map: Record<string, string> }).weight_map;
    } catch (e) {
      throw new SafetensorsError(`${index}: ${(e as Error).message}`);
    }
    if (!map || typeof map !== "object") throw new SafetensorsError(`${index}: no weight_map`);
    for (const [name, file] of Object.entries(map)) out.set(name, join(dir, file));
    return out;
  }
  const files = readdirSync(dir).filter((f) => f.endsWith(".safetensors")).sort();
  if (files.length === 0) throw new SafetensorsError(`${dir}: no *.safetensors files`);
  for (const f of files) {
    const st = new SafetensorsFile(join(dir, f));
    try {
      for (const name of st.header.tensors.keys()) {
        if (out.has(name)) throw new SafetensorsError(`${dir}: tensor ${name} is in both ${out.get(name)} and ${join(dir, f)}`);
        out.set(name, join(dir, f));
      }
    } finally {
      st.close();
    }
  }
  return out;
}

export interface CheckpointFolders {
  readonly target: string;
  /** The DFlash drafter's folder (required when the decoder has a draft). */
  readonly draft?: string | null;
}

/**
 * Loads every weight the manifest lists from checkpoint folders, by kernel argument name. Missing
 * tensors and wrong shapes are errors that name the tensor, the file and both shapes.
 */
export function loadCheckpointWeights(manifest: Manifest, folders: CheckpointFolders): Map<string, Float32Array> {
  const targetIdx = checkpointIndex(folders.target);
  const needsDraft = manifest.weights.some((w) => w.name.startsWith("draft."));
  if (needsDraft && !folders.draft) throw new SafetensorsError(`${manifest.name} has a draft: give the drafter's checkpoint folder too`);
  const draftIdx = needsDraft ? checkpointIndex(folders.draft!) : new Map<string, string>();
  const open = new Map<string, SafetensorsFile>();
  const missing: string[] = [];
  const out = new Map<string, Float32Array>();
  try {
    for (const w of manifest.weights) {
      const isDraft = w.name.startsWith("draft.");
      const hf = w.name.slice(isDraft ? "draft.".length : "target.".length);
      const idx = isDraft ? draftIdx : targetIdx;
      // Some drafters are published with a `model.` prefix on every tensor.
      const name = idx.has(hf) ? hf : isDraft && idx.has(`model.${hf}`) ? `model.${hf}` : null;
      if (name === null) {
        missing.push(`${hf} (in ${isDraft ? folders.draft : folders.target})`);
        continue;
      }
      const file = idx.get(name)!;
      let st = open.get(file);
      if (!st) open.set(file, (st = new SafetensorsFile(file)));
      const t = st.read(name);
      if (t.shape.length !== w.shape.length || t.shape.some((d, i) => d !== w.shape[i])) {
        throw new SafetensorsError(`${file}: tensor ${name} has shape [${t.shape.join(", ")}], ${manifest.name} expects [${w.shape.join(", ")}]`);
      }
      out.set(w.name, t.data);
    }
  } finally {
    for (const f of open.values()) f.close();
  }
  if (missing.length > 0) {
    throw new SafetensorsError(`${missing.length} tensor(s) missing from the checkpoint: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", ..." : ""}`);
  }
  return out;
}

/** Writes kernel-named weights as checkpoint folders with HF names (what a test loads back). */
export function writeCheckpointFolders(
  weights: ReadonlyMap<string, Float32Array>,
  manifest: Manifest,
  folders: { target: string; draft?: string },
  opts: { dtype?: SafetensorsDType; shards?: number } = {},
): void {
  const shape = new Map(manifest.weights.map((w) => [w.name, w.shape]));
  const groups: Record<"target" | "draft", Map<string, NamedTensor>> = { target: new Map(), draft: new Map() };
  for (const [name, data] of weights) {
    const s = shape.get(name);
    if (!s) continue;
    const isDraft = name.startsWith("draft.");
    groups[isDraft ? "draft" : "target"].set(name.slice(isDraft ? 6 : 7), { shape: s, data, dtype: opts.dtype ?? "F32" });
  }
  for (const which of ["target", "draft"] as const) {
    const dir = folders[which];
    if (!dir || groups[which].size === 0) continue;
    const names = [...groups[which].keys()].sort();
    const shards = Math.max(1, Math.min(opts.shards ?? 1, names.length));
    if (shards === 1) {
      writeSafetensors(join(dir, "model.safetensors"), groups[which], { format: "pt" });
      continue;
    }
    const weightMap: Record<string, string> = {};
    for (let s = 0; s < shards; s++) {
      const file = `model-${String(s + 1).padStart(5, "0")}-of-${String(shards).padStart(5, "0")}.safetensors`;
      const part = new Map(names.filter((_, i) => i % shards === s).map((n) => [n, groups[which].get(n)!]));
      for (const n of part.keys()) weightMap[n] = file;
      writeSafetensors(join(dir, file), part, { format: "pt" });
    }
    writeFileSync(join(dir, "model.safetensors.index.json"), `${JSON.stringify({ metadata: {}, weight_map: weightMap }, null, 2)}\n`);
  }
}
