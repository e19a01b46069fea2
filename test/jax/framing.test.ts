import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeFrame, encodeFrame, FrameDecoder, FramingError, MAX_HEADER_BYTES, type Frame, type WireArray } from "../../runtime/backends/jax-framing.js";
import { PYTHON, pythonEnv, requirePython, tempDir, tinyPlan, writePackage } from "./helpers.js";

function sampleArrays(): Map<string, WireArray> {
  const big = new Float32Array(300_000).map((_, i) => Math.sin(i) * 1e3);
  return new Map<string, WireArray>([
    ["tokens", { dtype: "i32", shape: [2, 3], data: Int32Array.from([1, -2, 3, 2147483647, -2147483648, 0]) }],
    ["x", { dtype: "f32", shape: [4], data: Float32Array.from([0.5, -1.25, 3.0e-38, 65504]) }],
    ["w", { dtype: "bf16", shape: [2], data: Uint16Array.from([0x3f80, 0xc000]) }],
    ["bytes", { dtype: "u8", shape: [3], data: Uint8Array.from([0, 7, 255]) }],
    ["empty", { dtype: "i32", shape: [0, 5], data: new Int32Array(0) }],
    ["big", { dtype: "f32", shape: [300, 1000], data: big }],
  ]);
}

const plain = (a: WireArray) => ({ dtype: a.dtype, shape: [...a.shape], data: [...a.data] });

describe("frames, TypeScript side", () => {
  it("round-trips a frame in memory", () => {
    const arrays = sampleArrays();
    const frame = decodeFrame(encodeFrame({ op: "run", id: 7, note: "ünïcode" }, arrays));
    expect(frame.header).toEqual({ op: "run", id: 7, note: "ünïcode" });
    expect([...frame.arrays.keys()]).toEqual([...arrays.keys()]);
    for (const [k, a] of arrays) expect(plain(frame.arrays.get(k)!)).toEqual(plain(a));
  });

  it("reassembles frames from arbitrary chunks, including several frames in one chunk", () => {
    const bytes = Buffer.concat([encodeFrame({ n: 1 }, sampleArrays()), encodeFrame({ n: 2 }), encodeFrame({ n: 3 }, new Map([["t", { dtype: "i32", shape: [1], data: Int32Array.of(9) }]]))]);
    const decoder = new FrameDecoder();
    const frames: Frame[] = [];
    for (let i = 0; i < bytes.length; ) {
      const step = 1 + ((i * 7919) % 70_000);
      frames.push(...decoder.push(bytes.subarray(i, i + step)));
      i += step;
    }
    expect(frames.map((f) => f.header.n)).toEqual([1, 2, 3]);
    expect(decoder.pendingBytes).toBe(0);
    expect([...frames[2].arrays.get("t")!.data]).toEqual([9]);
  });

  it("rejects garbage as soon as a prefix shows it", () => {
    expect(() => new FrameDecoder().push(Buffer.from("Traceback (most recent call last):\n"))).toThrow(/bad magic/);
    const huge = Buffer.alloc(16);
    huge.write("DFLF", 0, "latin1");
    huge.writeUInt32LE(MAX_HEADER_BYTES + 1, 4);
    expect(() => new FrameDecoder().push(huge)).toThrow(FramingError);
  });

  it("rejects inconsistent headers and array tables", () => {
    const frame = (head: string, payload = Buffer.alloc(0)) => {
      const h = Buffer.from(head);
      const p = Buffer.alloc(16);
      p.write("DFLF", 0, "latin1");
      p.writeUInt32LE(h.length, 4);
      p.writeBigUInt64LE(BigInt(payload.length), 8);
      return Buffer.concat([p, h, payload]);
    };
    expect(() => decodeFrame(frame("not json"))).toThrow(/not JSON/);
    expect(() => decodeFrame(frame("[1,2]"))).toThrow(/not a JSON object/);
    expect(() => decodeFrame(frame('{"arrays":[{"name":"a","dtype":"i32","shape":[4],"offset":0,"nbytes":16}]}', Buffer.alloc(8)))).toThrow(/do not fit/);
    expect(() => decodeFrame(frame('{"arrays":[{"name":"a","dtype":"f64","shape":[1],"offset":0,"nbytes":8}]}', Buffer.alloc(8)))).toThrow(/bad array descriptor/);
    expect(() => decodeFrame(encodeFrame({}).subarray(0, 10))).toThrow(/truncated/);
  });
});

describe("frames between TypeScript and the support library's framing.py (jax/dflashc_jax/framing.py)", () => {
  let jaxDir = "";
  let framingPy = "";
  beforeAll(() => {
    requirePython();
    const pkg = writePackage(tempDir("framing"), tinyPlan());
    jaxDir = join(pkg, "..");
    framingPy = join(jaxDir, "dflashc_jax", "framing.py");
  });

  /** Sends `frames` to `framing.py --echo` (run as a script, or as `-m dflashc_jax.framing`) and collects its replies. */
  async function echo(frames: Buffer[], how: "script" | "module" = "script"): Promise<Frame[]> {
    const args = how === "script" ? [framingPy, "--echo"] : ["-m", "dflashc_jax.framing", "--echo"];
    const child = spawn(PYTHON, args, { stdio: ["pipe", "pipe", "pipe"], cwd: jaxDir, env: pythonEnv({ PYTHONPATH: jaxDir }) });
    const decoder = new FrameDecoder();
    const replies: Frame[] = [];
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => replies.push(...decoder.push(c)));
    child.stderr.on("data", (c: Buffer) => (stderr += c));
    for (const f of frames) child.stdin.write(f);
    child.stdin.end();
    const code = await new Promise<number | null>((done) => child.on("close", done));
    if (code !== 0) throw new Error(`framing.py --echo exited with ${code}: ${stderr}`);
    return replies;
  }

  it("is the library's module: the decoder's package has no framing.py of its own", () => {
    expect(existsSync(framingPy)).toBe(true);
    expect(existsSync(join(jaxDir, "tiny_dflash", "framing.py"))).toBe(false);
  });

  it("round-trips headers and arrays of every wire dtype; numpy sees the same values", async () => {
    const arrays = sampleArrays();
    const [reply, second] = await echo([encodeFrame({ op: "echo", id: 1, text: 'quote " and \\ and ✓' }, arrays), encodeFrame({ op: "echo", id: 2 })]);
    expect(reply.header.id).toBe(1);
    expect(reply.header.text).toBe('quote " and \\ and ✓');
    for (const [k, a] of arrays) expect(plain(reply.arrays.get(k)!)).toEqual(plain(a));
    const sums = reply.header.sums as Record<string, number>;
    expect(sums.tokens).toBe(1 - 2 + 3 + 2147483647 - 2147483648 + 0);
    expect(sums.bytes).toBe(262);
    const bigSum = [...arrays.get("big")!.data].reduce((s, v) => s + v, 0);
    expect(sums.big).toBeCloseTo(bigSum, 3);
    expect(second.header).toMatchObject({ op: "echo", id: 2 });
    expect(second.arrays.size).toBe(0);
  });

  it("stops on a shutdown frame", async () => {
    const replies = await echo([encodeFrame({ op: "shutdown" }), encodeFrame({ op: "never read" })]);
    expect(replies.map((r) => r.header.op)).toEqual(["shutdown"]);
  });

  it("echoes the same way run as a module of the copied library", async () => {
    const arrays = new Map<string, WireArray>([["tokens", { dtype: "i32", shape: [3], data: Int32Array.from([4, -5, 6]) }]]);
    const [reply] = await echo([encodeFrame({ op: "echo", id: 3 }, arrays)], "module");
    expect(reply.header).toMatchObject({ op: "echo", id: 3, sums: { tokens: 5 } });
    expect(plain(reply.arrays.get("tokens")!)).toEqual(plain(arrays.get("tokens")!));
  });
});
