/**
 * The jax backend: runs the kernels in the generated JAX package, in a worker process
 * (`python3 -m <decoder>.worker`, PYTHONPATH at the output folder's `jax/`, PYTHONSAFEPATH so that the
 * current directory never shadows an installed package), over the frame protocol
 * of docs/protocol.md. Weights and caches live in the worker (on its device) between calls; only the
 * kernels' inputs (int32, and f32 for the sampling parameters) and int32 outputs cross the pipe.
 *
 * Whatever goes wrong with the worker — it cannot start, exits, stops answering, or answers something
 * that is not a well-formed reply of the right shapes — becomes a JaxBackendError from the call in
 * flight (so from the engine's `generate()`), the worker is killed, and every later call fails fast.
 * Nothing waits forever and no malformed reply ever reaches the engine as tokens.
 *
 * Calls are pipelined: each request is written as soon as it is made (its inputs encoded before
 * `run` returns), and replies are matched to requests in order. The worker dispatches request n+1
 * before it reads back reply n, so an engine that enqueues step n+1 before awaiting step n keeps the
 * device busy. A request's reply timeout starts when the replies before it are in.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Backend, KernelInput, Weights } from "../backend.js";
import type { Manifest, ManifestKernel } from "../../contract/manifest.js";
import type { WeightSource } from "../weights/source.js";
import { encodeFrame, f32, FrameDecoder, type FramingError, i32, type Frame, type FrameHeader, type WireArray } from "./jax-framing.js";

export const PROTOCOL = 1;

export interface JaxBackendOptions {
  /** The compiled output folder: it holds `manifest.json` and `jax/<decoder name>/`. */
  readonly outDir: string;
  /** The Python interpreter (default `$DFLASHC_PYTHON`, else `python3`). */
  readonly python?: string;
  /**
   * Where the worker gets its weights. `inline` (default): the f32 arrays given to `init` travel
   * through the pipe (so do `copy:SEED` weights). A `WeightSource` lets the worker read a checkpoint or draw `random:SEED`
   * itself (the same values as `randomWeights`), which is what real model sizes want.
   */
  readonly weights?: "inline" | WeightSource;
  /** Longest wait for one reply to a kernel call (default 120 s; the first call of a bucket compiles it). */
  readonly timeoutMs?: number;
  /** Longest wait for the handshake plus loading weights (default 600 s). */
  readonly initTimeoutMs?: number;
  /** Compile every bucket during `init`, so that no `run` pays for a compile. */
  readonly precompile?: boolean;
  /** The full worker command line instead of `python -m <name>.worker` (tests use fake workers). */
  readonly command?: readonly string[];
  /** Extra environment for the worker. */
  readonly env?: Readonly<Record<string, string>>;
}

export class JaxBackendError extends Error {
  constructor(
    message: string,
    /** The kind of a request the worker refused (`weights`: the checkpoint it was given does not do), else undefined. */
    readonly kind?: string,
  ) {
    super(message);
    this.name = "JaxBackendError";
  }
}

/** How much of the worker's stderr an error message quotes. */
const STDERR_TAIL = 2000;

interface Pending {
  readonly op: string;
  readonly timeoutMs: number;
  readonly resolve: (f: Frame) => void;
  readonly reject: (e: Error) => void;
  /** Armed while this request is the oldest without a reply. */
  timer: NodeJS.Timeout | null;
}

export class JaxBackend implements Backend {
  private child: ChildProcessWithoutNullStreams | null = null;
  private decoder = new FrameDecoder();
  /** Requests written and not yet answered, oldest first (replies come in this order). */
  private readonly pending: Pending[] = [];
  /** Set once the worker is unusable: every later call fails with it. */
  private failure: JaxBackendError | null = null;
  private stderr = "";
  private nextId = 1;
  private manifest: Manifest | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly options: JaxBackendOptions) {}

  async init(manifest: Manifest, weights: Weights): Promise<void> {
    if (this.child) throw new JaxBackendError("init() called twice");
    this.manifest = manifest;
    this.start(manifest);
    try {
      await this.handshakeAndLoad(manifest, weights);
    } catch (e) {
      // A worker that refused the manifest or the weights is of no further use: stop it now.
      this.fail((e as Error).message);
      await this.exited;
      throw e;
    }
  }

  private async handshakeAndLoad(manifest: Manifest, weights: Weights): Promise<void> {
    const initTimeout = this.options.initTimeoutMs ?? 600_000;
    await this.request({ op: "hello", protocol: PROTOCOL, manifest_hash: manifest.contentHash }, new Map(), initTimeout);
    const source = this.options.weights ?? "inline";
    // copy:SEED weights are built on the host (runtime/weights/copy.ts) and travel inline.
    if (source === "inline" || source.kind === "copy") {
      const arrays = new Map<string, WireArray>();
      for (const w of manifest.weights) {
        const data = weights.get(w.name);
        if (!data) throw new JaxBackendError(`weight ${w.name} missing`);
        arrays.set(w.name, f32(w.shape, data));
      }
      await this.request({ op: "load_weights", source: "inline" }, arrays, initTimeout);
    } else if (source.kind === "random") {
      await this.request({ op: "load_weights", source: "random", seed: source.seed }, new Map(), initTimeout);
    } else {
      await this.request({ op: "load_weights", source: "folder", target: source.target, draft: source.draft }, new Map(), initTimeout);
    }
    if (this.options.precompile) await this.request({ op: "compile" }, new Map(), initTimeout);
  }

  async run(kernel: ManifestKernel, inputs: ReadonlyMap<string, KernelInput>): Promise<Map<string, Int32Array>> {
    if (this.failure) throw this.failure;
    if (!this.manifest) throw new JaxBackendError("run() before init()");
    const arrays = new Map<string, WireArray>();
    for (const a of kernel.args) {
      if (a.role !== "input") continue;
      const v = inputs.get(a.name);
      if (!v) throw new JaxBackendError(`${kernel.kernel}.${kernel.bucketId}: input ${a.name} missing`);
      // Each input travels in its manifest dtype: the sampling parameters as f32, the rest as int32.
      if (a.dtype === "f32" && v instanceof Float32Array) arrays.set(a.name, f32(a.shape, v));
      else if (a.dtype === "i32" && v instanceof Int32Array) arrays.set(a.name, i32(a.shape, v));
      else throw new JaxBackendError(`${kernel.kernel}.${kernel.bucketId}: input ${a.name} is ${a.dtype} but came as a ${v.constructor.name}`);
    }
    const reply = await this.request({ op: "run", kernel: kernel.kernel, bucket: kernel.bucketId }, arrays, this.options.timeoutMs ?? 120_000);
    const out = new Map<string, Int32Array>();
    for (const r of kernel.results) {
      if (r.role === "cache") continue;
      const a = reply.arrays.get(r.name);
      const want = `i32[${r.shape.join(", ")}]`;
      if (!a || a.dtype !== "i32" || a.shape.join(",") !== r.shape.join(",")) {
        throw this.fail(`${kernel.kernel}.${kernel.bucketId}: the worker's reply has ${a ? `${a.dtype}[${a.shape.join(", ")}]` : "no array"} for ${r.name}, expected ${want}`);
      }
      out.set(r.name, a.data as Int32Array);
    }
    return out;
  }

  /** Reads a cache back from the device (f32, or raw bf16 bits). For checks and debugging. */
  async readCache(name: string): Promise<WireArray> {
    const reply = await this.request({ op: "read_cache", name }, new Map(), this.options.timeoutMs ?? 120_000);
    const a = reply.arrays.get(name);
    if (!a) throw this.fail(`read_cache ${name}: no array in the reply`);
    return a;
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    if (!this.failure) {
      try {
        await this.request({ op: "shutdown" }, new Map(), 10_000);
      } catch {
        // A worker that cannot shut down cleanly is killed below.
      }
    }
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await this.exited;
    this.child = null;
  }

  // -------------------------------------------------------------------------------------------------

  private start(manifest: Manifest): void {
    const outDir = resolve(this.options.outDir);
    const python = this.options.python ?? process.env.DFLASHC_PYTHON ?? "python3";
    const [cmd, ...args] = this.options.command ?? [python, "-m", `${manifest.name}.worker`];
    // Installed packages must never be shadowed by the current directory: the output folder holds a
    // `jax/` folder, which Python would otherwise import as a namespace package in place of JAX (and a
    // missing JAX would then fail deep inside the worker instead of with its "no_jax" reply). So: no
    // current directory on sys.path (PYTHONSAFEPATH, Python 3.11+), the worker runs inside `<out>/jax`
    // (which holds only the generated package and dflashc_jax), and PYTHONPATH is `<out>/jax` first,
    // then the caller's own entries without empty ones (an empty entry means the current directory).
    const inherited = (this.options.env?.PYTHONPATH ?? process.env.PYTHONPATH ?? "").split(":").filter((p) => p !== "" && p !== ".");
    const packageDir = join(outDir, "jax");
    const child = spawn(cmd, args, {
      cwd: existsSync(packageDir) ? packageDir : outDir,
      env: { ...process.env, PYTHONUNBUFFERED: "1", ...this.options.env, PYTHONSAFEPATH: "1", PYTHONPATH: [packageDir, ...inherited].join(":") },
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child = child;
    this.exited = new Promise((done) => child.once("close", () => done()));
    child.stdout.on("data", (chunk: Buffer) => this.onData(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString("utf8")).slice(-STDERR_TAIL);
    });
    child.on("error", (e: NodeJS.ErrnoException) => {
      const why = e.code === "ENOENT" ? `${cmd} not found` : e.message;
      this.fail(`cannot start the JAX worker (${[cmd, ...args].join(" ")}): ${why}`);
    });
    child.on("exit", (code, signal) => {
      if (this.failure) return;
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      this.fail(`the JAX worker ${how}${this.pending.length > 0 ? ` during ${this.pending[0].op}` : ""}${this.stderrNote()}`);
    });
    // Writing to a worker that died surfaces as EPIPE here; the exit handler reports the cause.
    child.stdin.on("error", () => undefined);
  }

  private stderrNote(): string {
    const tail = this.stderr.trim();
    return tail ? `\n--- worker stderr (last lines) ---\n${tail}` : "";
  }

  private onData(chunk: Buffer): void {
    if (this.failure) return;
    let frames: Frame[];
    try {
      frames = this.decoder.push(chunk);
    } catch (e) {
      this.fail(`the JAX worker answered garbage: ${(e as FramingError).message}${this.stderrNote()}`);
      return;
    }
    for (const f of frames) {
      const p = this.pending.shift();
      if (!p) {
        this.fail(`the JAX worker sent an unrequested frame: ${JSON.stringify(f.header).slice(0, 200)}`);
        return;
      }
      if (p.timer) clearTimeout(p.timer);
      if (this.pending.length > 0) this.arm(this.pending[0]);
      p.resolve(f);
    }
  }

  /** Marks the worker unusable, kills it and fails the call in flight. Returns the error. */
  private fail(message: string): JaxBackendError {
    if (!this.failure) {
      this.failure = new JaxBackendError(message);
      for (const p of this.pending.splice(0)) {
        if (p.timer) clearTimeout(p.timer);
        p.reject(this.failure);
      }
      const child = this.child;
      if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    return this.failure;
  }

  /** Starts the reply timeout of the oldest unanswered request. */
  private arm(p: Pending): void {
    p.timer = setTimeout(() => this.fail(`the JAX worker did not answer ${p.op} within ${p.timeoutMs} ms${this.stderrNote()}`), p.timeoutMs);
  }

  /**
   * One request, one reply. The frame is written now (so `arrays` may be reused once this returns);
   * replies arrive in request order. A reply with ok=false is an error.
   */
  private request(header: FrameHeader, arrays: ReadonlyMap<string, WireArray>, timeoutMs: number): Promise<Frame> {
    if (this.failure) return Promise.reject(this.failure);
    const child = this.child;
    if (!child) return Promise.reject(new JaxBackendError("the JAX worker is not running"));
    const id = this.nextId++;
    const op = String(header.op);
    const frame = new Promise<Frame>((resolve, reject) => {
      const p: Pending = { op, timeoutMs, resolve, reject, timer: null };
      this.pending.push(p);
      if (this.pending.length === 1) this.arm(p);
      child.stdin.write(encodeFrame({ ...header, id }, arrays));
    });
    return frame.then((f) => {
      const h = f.header;
      if (h.id !== id || typeof h.ok !== "boolean") {
        throw this.fail(`the JAX worker answered ${op} with a malformed reply: ${JSON.stringify(h).slice(0, 200)}`);
      }
      if (!h.ok) {
        // The worker refused this request and keeps serving; the caller decides what it means.
        throw new JaxBackendError(`JAX worker: ${op} failed (${String(h.kind)}): ${String(h.error)}`, String(h.kind));
      }
      return f;
    });
  }
}
