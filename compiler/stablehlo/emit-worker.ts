/**
 * The StableHLO worker's entry point (a worker thread started by parallel-emit.ts): builds the kernel
 * graphs of the signatures it is given, lowers each to its verified module text, posts the texts on
 * its port and wakes the waiting compiler thread. Any failure is posted as an error: the compiler
 * thread throws it (a compiler bug, exit 1).
 */
import { parentPort, workerData } from "node:worker_threads";
import { buildKernelGraph } from "../kernels/build-kernels.js";
import { emitGraphText } from "./emit.js";
import type { WorkerJob, WorkerReply } from "./parallel-emit.js";

const job = workerData as WorkerJob;
let reply: WorkerReply;
try {
  reply = { ok: true, texts: job.indices.map((i) => emitGraphText(buildKernelGraph(job.plan, job.plan.kernels[i]))) };
} catch (e) {
  reply = { ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
job.port.postMessage(reply);
Atomics.store(job.done, 0, 1);
Atomics.notify(job.done, 0);
parentPort?.close();
