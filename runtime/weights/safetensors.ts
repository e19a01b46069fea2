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
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readSync, statSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { Manifest } from "../../contract/manifest.js";
import { BoundedReadError, describeErrno, readFileBounded } from "./read-bounded.js";

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

/** The largest JSON header accepted (the reference implementation's bound): a corrupt length fails fast. */
export const MAX_HEADER_BYTES = 100_000_000;

/** Bytes per element of every safetensors dtype (sizes are checked for all; F32/BF16/F16 also load). */
const DTYPE_BYTES: Readonly<Record<string, number>> = {
  BOOL: 1, U8: 1, I8: 1, F8_E5M2: 1, F8_E4M3: 1, F8_E8M0: 1,
  I16: 2, U16: 2, F16: 2, BF16: 2,
  I32: 4, U32: 4, F32: 4,
  I64: 8, U64: 8, F64: 8, C64: 8,
};

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

function parseHeader(json: string, fileSize: number, headerLen: number, where: string): SafetensorsHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new SafetensorsError(`${where}: header is not JSON (${(e as Error).message})`);
  }
  if (!isObj(raw)) throw new SafetensorsError(`${where}: header is ${raw === null ? "null" : Array.isArray(raw) ? "an array" : typeof raw}, not a JSON object of tensors`);
  const dataStart = 8 + headerLen;
  const dataSize = fileSize - dataStart;
  const tensors = new Map<string, TensorEntry>();
  let metadata: Record<string, string> = {};
  for (const [name, v] of Object.entries(raw)) {
    if (name === "__metadata__") {
      if (!isObj(v) || Object.values(v).some((x) => typeof x !== "string")) throw new SafetensorsError(`${where}: __metadata__ must be an object of strings`);
      metadata = v as Record<string, string>;
      continue;
    }
    if (!isObj(v) || !Array.isArray(v.shape) || !Array.isArray(v.data_offsets) || typeof v.dtype !== "string") {
      throw new SafetensorsError(`${where}: tensor ${name} has no dtype/shape/data_offsets`);
    }
    const per = DTYPE_BYTES[v.dtype];
    if (per === undefined) throw new SafetensorsError(`${where}: tensor ${name} has unknown dtype ${JSON.stringify(v.dtype)}`);
    const shape = v.shape as unknown[];
    if (!shape.every(isCount)) throw new SafetensorsError(`${where}: tensor ${name} has shape ${JSON.stringify(shape)}: dims must be non-negative integers`);
    const offsets = v.data_offsets as unknown[];
    const [b, end] = offsets;
    if (offsets.length !== 2 || !isCount(b) || !isCount(end) || b > end) {
      throw new SafetensorsError(`${where}: tensor ${name} has data_offsets ${JSON.stringify(offsets)}: expected [begin, end], non-negative integers with begin <= end`);
    }
    if (end > dataSize) {
      throw new SafetensorsError(`${where}: tensor ${name} has data_offsets [${b}, ${end}] outside the file (${Math.max(0, dataSize)} data bytes)`);
    }
    const n = (shape as number[]).reduce((a, d) => a * d, 1);
    if (!Number.isSafeInteger(n * per) || end - b !== n * per) {
      throw new SafetensorsError(`${where}: tensor ${name} has ${end - b} bytes, shape [${shape.join(", ")}] ${v.dtype} needs ${n * per}`);
    }
    tensors.set(name, { dtype: v.dtype, shape: shape as number[], data_offsets: [b, end] });
  }
  // Two tensors may not share bytes (a crafted file could alias one tensor's data into another's).
  const spans = [...tensors].filter(([, e]) => e.data_offsets[1] > e.data_offsets[0]).sort((x, y) => x[1].data_offsets[0] - y[1].data_offsets[0]);
  for (let k = 1; k < spans.length; k++) {
    const [pn, p] = spans[k - 1];
    const [cn, c] = spans[k];
    if (c.data_offsets[0] < p.data_offsets[1]) {
      throw new SafetensorsError(`${where}: tensors ${pn} [${p.data_offsets.join(", ")}] and ${cn} [${c.data_offsets.join(", ")}] overlap`);
    }
  }
  return { tensors, metadata, dataStart };
}

/** The header length field, checked against the file size and MAX_HEADER_BYTES. */
function headerLength(raw: bigint, fileSize: number, where: string): number {
  if (raw > BigInt(MAX_HEADER_BYTES)) throw new SafetensorsError(`${where}: header length ${raw} is larger than ${MAX_HEADER_BYTES} bytes: not a safetensors file, or a corrupt one`);
  const n = Number(raw);
  if (8 + n > fileSize) throw new SafetensorsError(`${where}: header length ${n} passes the end of the file (${fileSize} bytes)`);
  return n;
}

/** Parses a whole safetensors file held in memory. */
export function decodeSafetensors(bytes: Uint8Array, where = "<bytes>"): { tensors: Map<string, NamedTensor>; metadata: Record<string, string> } {
  if (bytes.length < 8) throw new SafetensorsError(`${where}: ${bytes.length} bytes, too short for a safetensors file`);
  const n = headerLength(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true), bytes.length, where);
  const h = parseHeader(Buffer.from(bytes.subarray(8, 8 + n)).toString("utf8"), bytes.length, n, where);
  const tensors = new Map<string, NamedTensor>();
  for (const [name, e] of h.tensors) {
    const [b, end] = e.data_offsets;
    const data = decode(e.dtype, bytes.subarray(h.dataStart + b, h.dataStart + end), numel(e.shape), `${where}: ${name}`);
    tensors.set(name, { shape: e.shape, data, dtype: e.dtype as SafetensorsDType });
  }
  return { tensors, metadata: { ...h.metadata } };
}

/** Runs a file-system call; its failure (ENOENT, ELOOP, EISDIR, EACCES...) is a SafetensorsError naming `path`. */
function fsStep<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof SafetensorsError) throw e;
    const { code, words } = describeErrno(e);
    throw new SafetensorsError(`${path}: cannot read it: ${words} (${code})`);
  }
}

/** Reads until `buf` is full or the file ends; the bytes read. */
function readFully(fd: number, buf: Uint8Array, position: number, path: string): number {
  let got = 0;
  while (got < buf.length) {
    const r = fsStep(path, () => readSync(fd, buf, got, buf.length - got, position + got));
    if (r === 0) break;
    got += r;
  }
  return got;
}

/** A safetensors file opened for reading tensor by tensor. */
export class SafetensorsFile {
  readonly header: SafetensorsHeader;
  private readonly fd: number;

  constructor(readonly path: string) {
    const st = fsStep(path, () => statSync(path));
    if (st.isDirectory()) throw new SafetensorsError(`${path}: is a folder, not a safetensors file`);
    if (!st.isFile()) throw new SafetensorsError(`${path}: is not a regular file`);
    this.fd = fsStep(path, () => openSync(path, "r"));
    try {
      const size = st.size;
      const lenBuf = Buffer.alloc(8);
      if (size < 8 || readFully(this.fd, lenBuf, 0, path) !== 8) throw new SafetensorsError(`${path}: ${size} bytes, too short for a safetensors file`);
      const n = headerLength(lenBuf.readBigUInt64LE(0), size, path);
      const hb = Buffer.alloc(n);
      if (readFully(this.fd, hb, 8, path) !== n) throw new SafetensorsError(`${path}: header is truncated`);
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
    if (readFully(this.fd, buf, this.header.dataStart + b, this.path) !== buf.length) throw new SafetensorsError(`${this.path}: ${name} is truncated`);
    return { shape: e.shape, data: decode(e.dtype, buf, numel(e.shape), `${this.path}: ${name}`), dtype: e.dtype as SafetensorsDType };
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** The largest `model.safetensors.index.json` read (real ones are a few hundred KiB). */
export const MAX_INDEX_BYTES = 64 * 2 ** 20;

/**
 * The tensors of a checkpoint folder: name → file. With `model.safetensors.index.json` its
 * `weight_map` decides (every file it names must be a safetensors file inside the folder); otherwise
 * every `*.safetensors` in the folder (a name in two files is an error).
 */
export function checkpointIndex(dir: string): Map<string, string> {
  const st = fsStep(dir, () => statSync(dir));
  if (!st.isDirectory()) throw new SafetensorsError(`${dir}: not a folder (give the checkpoint's folder, not a file in it)`);
  const index = join(dir, "model.safetensors.index.json");
  const out = new Map<string, string>();
  if (fsStep(index, () => existsSync(index) || lstatExists(index))) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileBounded(index, MAX_INDEX_BYTES, "the index").toString("utf8"));
    } catch (e) {
      if (e instanceof BoundedReadError) throw new SafetensorsError(e.message);
      throw new SafetensorsError(`${index}: not JSON (${(e as Error).message})`);
    }
    const map = isObj(raw) ? raw.weight_map : undefined;
    if (!isObj(map)) throw new SafetensorsError(`${index}: no weight_map object`);
    const root = resolve(dir);
    const checked = new Set<string>();
    for (const [name, file] of Object.entries(map)) {
      if (typeof file !== "string" || file === "") throw new SafetensorsError(`${index}: weight_map["${name}"] must be a file name, found ${JSON.stringify(file)}`);
      const path = join(dir, file);
      const rel = relative(root, resolve(path));
      if (isAbsolute(file) || rel === "" || rel.startsWith("..") || isAbsolute(rel)) {
        throw new SafetensorsError(`${index}: weight_map["${name}"] = ${JSON.stringify(file)} is not a file inside ${dir}`);
      }
      if (!checked.has(path)) {
        let fst;
        try {
          fst = statSync(path);
        } catch (e) {
          const { code, words } = describeErrno(e);
          throw new SafetensorsError(`${index}: weight_map["${name}"] names ${file}, which cannot be read: ${words} (${code})`);
        }
        if (!fst.isFile()) throw new SafetensorsError(`${index}: weight_map["${name}"] names ${file}, which is ${fst.isDirectory() ? "a folder" : "not a regular file"}`);
        checked.add(path);
      }
      out.set(name, path);
    }
    return out;
  }
  const files = fsStep(dir, () => readdirSync(dir))
    .filter((f) => f.endsWith(".safetensors"))
    .sort();
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

/** True for a path that exists as a link even when following it fails (a dangling link or a loop). */
function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Thrown for a NaN or an infinity in a checkpoint tensor (a SafetensorsError: the user's input). */
export class NonFiniteWeightError extends SafetensorsError {
  constructor(message: string) {
    super(message);
    this.name = "NonFiniteWeightError";
  }
}

/** The first index of a NaN or ±Infinity in `data`, or -1. */
export function firstNonFinite(data: Float32Array): number {
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    // x - x is 0 for every finite x and NaN for NaN and ±Infinity.
    if (x - x !== 0) return i;
  }
  return -1;
}

/** Flat index → `[i, j, ...]` in a row-major `shape`. */
export function unravelIndex(flat: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length).fill(0);
  for (let k = shape.length - 1; k >= 0; k--) {
    out[k] = flat % shape[k];
    flat = Math.floor(flat / shape[k]);
  }
  return out;
}

/** Throws a NonFiniteWeightError naming the tensor, the file and the first bad element. */
export function checkFinite(data: Float32Array, shape: readonly number[], name: string, file: string): void {
  const i = firstNonFinite(data);
  if (i < 0) return;
  const v = data[i];
  const what = Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
  throw new NonFiniteWeightError(
    `${file}: tensor ${name} holds ${what} at index [${unravelIndex(i, shape).join(", ")}] (element ${i}): a corrupt or overflowed checkpoint; pass --allow-nonfinite to load it anyway`,
  );
}

export interface CheckpointFolders {
  readonly target: string;
  /** The DFlash drafter's folder (required when the decoder has a draft). */
  readonly draft?: string | null;
}

export interface LoadCheckpointOptions {
  /** Load tensors holding NaN or ±Infinity instead of refusing them (`dflashc run --allow-nonfinite`). */
  readonly allowNonFinite?: boolean;
}

/** Where one weight the manifest lists is in a checkpoint: its open file and its name there. */
interface LocatedTensor {
  readonly weight: string;
  readonly file: SafetensorsFile;
  readonly name: string;
}

/**
 * Finds every weight the manifest lists in the checkpoint folders from the safetensors headers alone
 * (no tensor data is read): missing tensors and wrong shapes are errors that name the tensor, the file
 * and both shapes. The files it opens go into `open` (the caller closes them).
 */
function locateTensors(manifest: Manifest, folders: CheckpointFolders, open: Map<string, SafetensorsFile>): LocatedTensor[] {
  const targetIdx = checkpointIndex(folders.target);
  const needsDraft = manifest.weights.some((w) => w.name.startsWith("draft."));
  if (needsDraft && !folders.draft) throw new SafetensorsError(`${manifest.name} has a draft: give the drafter's checkpoint folder too`);
  const draftIdx = needsDraft ? checkpointIndex(folders.draft!) : new Map<string, string>();
  const missing: string[] = [];
  const located: LocatedTensor[] = [];
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
    const path = idx.get(name)!;
    let file = open.get(path);
    if (!file) open.set(path, (file = new SafetensorsFile(path)));
    const shape = file.header.tensors.get(name)?.shape;
    if (!shape) throw new SafetensorsError(`${path}: no tensor ${name}`);
    if (shape.length !== w.shape.length || shape.some((d, i) => d !== w.shape[i])) {
      throw new SafetensorsError(`${path}: tensor ${name} has shape [${shape.join(", ")}], ${manifest.name} expects [${w.shape.join(", ")}]`);
    }
    located.push({ weight: w.name, file, name });
  }
  if (missing.length > 0) {
    throw new SafetensorsError(`${missing.length} tensor(s) missing from the checkpoint: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", ..." : ""}`);
  }
  return located;
}

/**
 * Checks that the checkpoint folders hold every weight the manifest lists, with its shape, reading
 * the safetensors headers only: what the host can say about a checkpoint a JAX worker will load.
 */
export function checkCheckpointTensors(manifest: Manifest, folders: CheckpointFolders): void {
  const open = new Map<string, SafetensorsFile>();
  try {
    locateTensors(manifest, folders, open);
  } finally {
    for (const f of open.values()) f.close();
  }
}

/**
 * Loads every weight the manifest lists from checkpoint folders, by kernel argument name. Missing
 * tensors and wrong shapes are errors that name the tensor, the file and both shapes; so is a NaN or
 * an infinity (its first index), unless `allowNonFinite`.
 */
export function loadCheckpointWeights(manifest: Manifest, folders: CheckpointFolders, opts: LoadCheckpointOptions = {}): Map<string, Float32Array> {
  const open = new Map<string, SafetensorsFile>();
  const out = new Map<string, Float32Array>();
  try {
    for (const { weight, file, name } of locateTensors(manifest, folders, open)) {
      const t = file.read(name);
      if (!opts.allowNonFinite) checkFinite(t.data, t.shape, name, file.path);
      out.set(weight, t.data);
    }
  } finally {
    for (const f of open.values()) f.close();
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
