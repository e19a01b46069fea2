/**
 * The StableHLO modules on two threads: lowering, verifying and printing a module is most of a
 * compile, and the modules are independent. When the compiler runs from its build (`dist/`, where
 * the worker's entry is JavaScript) on a machine with two or more cores, a worker thread takes two
 * of every five kernel buckets: it starts before the graphs are built and emits its share while this
 * thread emits the rest. `compilePlan` stays synchronous: this thread blocks on an Atomics flag the worker
 * raises, then takes the texts off a MessagePort without the event loop. Run from the TypeScript
 * sources (the tests), everything is emitted on this thread; both ways give the same texts.
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { DecoderPlan } from "../ir/plan.js";
import type { KernelGraph } from "../ir/graph.js";
import { EmitError } from "./emit.js";

/** What the worker is given: the plan, the indices into `plan.kernels` it emits, where to answer. */
export interface WorkerJob {
  readonly plan: DecoderPlan;
  readonly indices: readonly number[];
  readonly port: MessagePort;
  readonly done: Int32Array;
}

export type WorkerReply = { readonly ok: true; readonly texts: readonly string[] } | { readonly ok: false; readonly message: string };

/** How long this thread waits for the worker before calling it lost (a worker never takes this long). */
const WORKER_TIMEOUT_MS = 600_000;

/** A started worker and the kernel buckets it emits. */
export interface StableHloWorker {
  /** `plan.kernels` indices the worker emits. */
  readonly indices: ReadonlySet<number>;
  /** Blocks until the worker answers; its texts by `plan.kernels` index. */
  wait(): Map<number, string>;
}

const ENTRY = new URL("./emit-worker.js", import.meta.url);

/**
 * The worker's share: two of every five buckets, spread over the kernels. It starts (~0.1 s) and builds
 * its own graphs while this thread builds every graph (the JAX lowering needs them all), so an even
 * split would leave this thread waiting.
 */
const WORKER_SHARE = (k: number) => k % 5 === 1 || k % 5 === 3;

/** Starts the worker on its share of `indices` (into `plan.kernels`), or null when this process emits alone. */
export function startStableHloWorker(plan: DecoderPlan, indices: readonly number[]): StableHloWorker | null {
  if (indices.length < 2 || availableParallelism() < 2 || !import.meta.url.endsWith(".js") || !existsSync(fileURLToPath(ENTRY))) return null;
  const mine = indices.filter((_, k) => WORKER_SHARE(k));
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const job: WorkerJob = { plan, indices: mine, port: port2, done };
  const worker = new Worker(ENTRY, { workerData: job, transferList: [port2] });
  worker.unref();
  return {
    indices: new Set(mine),
    wait() {
      if (Atomics.wait(done, 0, 0, WORKER_TIMEOUT_MS) === "timed-out") throw new EmitError("internal error: the StableHLO worker did not answer");
      const reply = receiveMessageOnPort(port1)?.message as WorkerReply | undefined;
      port1.close();
      if (!reply) throw new EmitError("internal error: the StableHLO worker finished without an answer");
      if (!reply.ok) throw new EmitError(`internal error in the StableHLO worker: ${reply.message}`);
      return new Map(mine.map((i, k) => [i, reply.texts[k]]));
    },
  };
}

/** Texts of `graphs` (graph `k` is `plan.kernels[indices[k]]`): the worker's share from it, the rest emitted here by `emit`. */
export function emitTexts(graphs: readonly KernelGraph[], indices: readonly number[], worker: StableHloWorker | null, emit: (g: KernelGraph) => string): string[] {
  const here = new Map(graphs.flatMap((g, k) => (worker?.indices.has(indices[k]) ? [] : [[k, emit(g)] as const])));
  const there = worker?.wait() ?? new Map<number, string>();
  return graphs.map((_, k) => here.get(k) ?? there.get(indices[k])!);
}
