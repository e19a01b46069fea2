/**
 * The TypeScript side of the frame format the JAX worker speaks (docs/protocol.md; the Python side is
 * the JAX support library's `dflashc_jax/framing.py`):
 *
 *   magic "DFLF" | u32 header length | u64 payload length      (little-endian, 16 bytes)
 *   header: UTF-8 JSON object; "arrays" lists {name, dtype, shape, offset, nbytes}
 *   payload: the arrays' raw little-endian bytes, row-major
 */
import type { TensorDType } from "../../contract/dtypes.js";

export const MAGIC = "DFLF";
export const PREFIX_BYTES = 16;
/** A header is a small JSON object; a bigger one means the peer is not speaking this protocol. */
export const MAX_HEADER_BYTES = 1 << 24;

/** A kernel tensor dtype, or u8 (raw bytes). */
export type WireDType = TensorDType | "u8";

/** An array on the wire. bf16 travels as raw 16-bit patterns. */
export type WireArray =
  | { readonly dtype: "i32"; readonly shape: readonly number[]; readonly data: Int32Array }
  | { readonly dtype: "f32"; readonly shape: readonly number[]; readonly data: Float32Array }
  | { readonly dtype: "bf16"; readonly shape: readonly number[]; readonly data: Uint16Array }
  | { readonly dtype: "u8"; readonly shape: readonly number[]; readonly data: Uint8Array };

export type FrameHeader = Record<string, unknown>;

export interface Frame {
  readonly header: FrameHeader;
  readonly arrays: Map<string, WireArray>;
}

export class FramingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FramingError";
  }
}

const ITEM_BYTES: Record<WireDType, number> = { i32: 4, f32: 4, bf16: 2, u8: 1 };

const numel = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

export function i32(shape: readonly number[], data: Int32Array): WireArray {
  return { dtype: "i32", shape, data };
}

export function f32(shape: readonly number[], data: Float32Array): WireArray {
  return { dtype: "f32", shape, data };
}

/** One frame: `header` (an "arrays" key is added) and the arrays' bytes. */
export function encodeFrame(header: FrameHeader, arrays: ReadonlyMap<string, WireArray> = new Map()): Buffer {
  const descriptors: { name: string; dtype: WireDType; shape: number[]; offset: number; nbytes: number }[] = [];
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const [name, a] of arrays) {
    if (a.data.length !== numel(a.shape)) throw new FramingError(`array ${name}: ${a.data.length} values for shape [${a.shape.join(", ")}]`);
    const bytes = Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength);
    descriptors.push({ name, dtype: a.dtype, shape: [...a.shape], offset, nbytes: bytes.length });
    chunks.push(bytes);
    offset += bytes.length;
  }
  const head = Buffer.from(JSON.stringify({ ...header, arrays: descriptors }), "utf8");
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.write(MAGIC, 0, "latin1");
  prefix.writeUInt32LE(head.length, 4);
  prefix.writeBigUInt64LE(BigInt(offset), 8);
  return Buffer.concat([prefix, head, ...chunks]);
}

function readPrefix(buf: Buffer): { headerLen: number; payloadLen: number } {
  const magic = buf.toString("latin1", 0, 4);
  if (magic !== MAGIC) throw new FramingError(`bad magic ${JSON.stringify(magic)}: the peer is not speaking the dflashc frame protocol`);
  const headerLen = buf.readUInt32LE(4);
  if (headerLen > MAX_HEADER_BYTES) throw new FramingError(`header of ${headerLen} bytes exceeds ${MAX_HEADER_BYTES}`);
  const payloadLen = buf.readBigUInt64LE(8);
  if (payloadLen > BigInt(Number.MAX_SAFE_INTEGER)) throw new FramingError(`payload of ${payloadLen} bytes`);
  return { headerLen, payloadLen: Number(payloadLen) };
}

function copyArray(dtype: WireDType, bytes: Buffer): WireArray["data"] {
  // Copy into a fresh buffer: the payload slice may not be aligned for the typed array.
  const own = new Uint8Array(bytes.length);
  own.set(bytes);
  switch (dtype) {
    case "i32":
      return new Int32Array(own.buffer);
    case "f32":
      return new Float32Array(own.buffer);
    case "bf16":
      return new Uint16Array(own.buffer);
    case "u8":
      return own;
  }
}

function decodeBody(head: Buffer, payload: Buffer): Frame {
  let header: unknown;
  try {
    header = JSON.parse(head.toString("utf8"));
  } catch (e) {
    throw new FramingError(`header is not JSON: ${(e as Error).message}`);
  }
  if (!header || typeof header !== "object" || Array.isArray(header)) throw new FramingError("header is not a JSON object");
  const { arrays: table = [], ...rest } = header as FrameHeader & { arrays?: unknown };
  if (!Array.isArray(table)) throw new FramingError("header.arrays is not a list");
  const arrays = new Map<string, WireArray>();
  for (const d of table as Record<string, unknown>[]) {
    const dtype = d?.dtype as WireDType;
    const shape = d?.shape as number[];
    const { offset, nbytes, name } = d ?? {};
    if (
      typeof name !== "string" ||
      !(dtype in ITEM_BYTES) ||
      !Array.isArray(shape) ||
      !shape.every((n) => Number.isSafeInteger(n) && n >= 0) ||
      !Number.isSafeInteger(offset) ||
      !Number.isSafeInteger(nbytes)
    ) {
      throw new FramingError(`bad array descriptor ${JSON.stringify(d)}`);
    }
    const o = offset as number;
    const n = nbytes as number;
    if (n !== numel(shape) * ITEM_BYTES[dtype] || o < 0 || o + n > payload.length) {
      throw new FramingError(`array ${name}: ${n} bytes at ${o} do not fit shape [${shape.join(", ")}] in a ${payload.length}-byte payload`);
    }
    arrays.set(name, { dtype, shape, data: copyArray(dtype, payload.subarray(o, o + n)) } as WireArray);
  }
  return { header: rest, arrays };
}

/** Parses one complete frame held in memory. */
export function decodeFrame(buf: Buffer): Frame {
  if (buf.length < PREFIX_BYTES) throw new FramingError("truncated frame prefix");
  const { headerLen, payloadLen } = readPrefix(buf);
  const end = PREFIX_BYTES + headerLen + payloadLen;
  if (buf.length !== end) throw new FramingError(`frame of ${buf.length} bytes, prefix says ${end}`);
  return decodeBody(buf.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLen), buf.subarray(PREFIX_BYTES + headerLen));
}

/** Incremental decoder for a byte stream: push chunks as they arrive, take whole frames out. */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Total bytes of the frame being received, once its prefix is in. */
  private need: number | null = null;

  /** Bytes received that do not yet form a whole frame. */
  get pendingBytes(): number {
    return this.buffered;
  }

  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0];
  }

  /** Frames completed by `chunk`. Throws FramingError as soon as the stream cannot be frames. */
  push(chunk: Buffer): Frame[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Frame[] = [];
    for (;;) {
      if (this.need === null) {
        if (this.buffered < PREFIX_BYTES) break;
        const { headerLen, payloadLen } = readPrefix(this.joined());
        this.need = PREFIX_BYTES + headerLen + payloadLen;
      }
      // Large payloads arrive in many chunks: join them once, when the frame is complete.
      if (this.buffered < this.need) break;
      const buf = this.joined();
      const headerLen = buf.readUInt32LE(4);
      frames.push(decodeBody(buf.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLen), buf.subarray(PREFIX_BYTES + headerLen, this.need)));
      const rest = buf.subarray(this.need);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
      this.need = null;
    }
    return frames;
  }
}
