/**
 * `dflashc serve <config.ts | compiled folder> --backend reference|jax --weights random:SEED|DIR
 *   [--tokenizer DIR|byte] [--host 127.0.0.1] [--port 8000] [--max-queued N] [--model-name NAME]`
 *
 * Builds the decoder as `run` does (run-input.ts: the same inputs, reference-backend memory check,
 * weights and tokenizer resolution: --tokenizer, else the declared one, else bytes for a 256-token
 * vocabulary; EOS ids: the declared ones, else the tokenizer's), starts the engine and an OpenAI-compatible
 * HTTP server over it (serve/server.ts), prints `listening on http://HOST:PORT` (the real port for
 * `--port 0`), and runs until SIGINT or SIGTERM: then it refuses new requests, cancels those in
 * flight, closes the engine (a JAX worker stops with it) and exits 0.
 * Exit codes: 0 stopped by a signal, 2 the user's input is wrong (flags, declaration, weights,
 * tokenizer, memory, an address it cannot listen on).
 */
import { forDisplay, printDiagnostics, userError, type AnyDiagnostic } from "../../contract/diagnostics.js";
import { Engine } from "../../runtime/engine.js";
import { parseWeightSource } from "../../runtime/weights/source.js";
import { createServer, type Server } from "../../serve/server.js";
import { ExitCode, type Io } from "./io.js";
import { outJson } from "./json.js";
import { estimateReferenceMemory, referenceMemoryProblem } from "./run.js";
import { loadRunInput, setupDiagnostic, type PreparedBackend } from "./run-input.js";
import { resolveTokenizer } from "./run-text.js";

export interface ServeOptions {
  readonly backend: "reference" | "jax";
  /** `random:SEED` or a checkpoint folder (`DIR` or `DIR,DRAFT_DIR`). */
  readonly weights: string;
  readonly draftWeights?: string;
  /** A Hugging Face tokenizer folder, or `byte`, instead of the declared one. */
  readonly tokenizer?: string;
  readonly host: string;
  readonly port: number;
  /** Requests waiting for admission before new ones get 429 (the engine's maxQueued). */
  readonly maxQueued?: number;
  /** The `model` clients name (default: the decoder's name). */
  readonly modelName?: string;
  readonly targetOnly?: boolean;
  readonly maxMemory?: number;
  readonly allowNonFinite?: boolean;
  /** Print one JSON document once listening (or failing) instead of the `listening on` line. */
  readonly json?: boolean;
}

export interface ServeControl {
  /** Settles when the server should stop (default: the first SIGINT or SIGTERM). */
  readonly stop?: Promise<unknown>;
  /** Called with the base URL once the server listens. */
  readonly onListening?: (url: string) => void;
}

/** Resolves on the first SIGINT or SIGTERM, and stops listening for both then. */
function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolveSignal) => {
    const on = (signal: NodeJS.Signals) => {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
      resolveSignal(signal);
    };
    process.on("SIGINT", on);
    process.on("SIGTERM", on);
  });
}

export async function serveCommand(given: string, opts: ServeOptions, io: Io, control: ServeControl = {}): Promise<number> {
  const fail = (diagnostics: readonly AnyDiagnostic[], extra?: Record<string, unknown>) => {
    printDiagnostics(
      diagnostics.map((d) => forDisplay(d, io.cwd)),
      io,
      { json: opts.json, command: "serve", extra },
    );
    return ExitCode.userError;
  };
  const usage = (msg: string) => fail([userError("usage", msg)]);
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) return usage(`--port takes a port number 0..65535 (0: any free port), got ${opts.port}`);
  if (opts.host.trim() === "") return usage("--host takes an address to listen on, e.g. 127.0.0.1");
  if (opts.maxQueued !== undefined && !(Number.isSafeInteger(opts.maxQueued) && opts.maxQueued >= 1)) return usage(`--max-queued takes a positive integer, got ${opts.maxQueued}`);
  if (opts.modelName !== undefined && opts.modelName.trim() === "") return usage("--model-name takes a non-empty name");
  if (opts.maxMemory !== undefined && !(Number.isSafeInteger(opts.maxMemory) && opts.maxMemory > 0)) return usage(`--max-memory takes a positive number of bytes, got ${opts.maxMemory}`);

  const loaded = await loadRunInput(given, io, "serve");
  if (!loaded.ok) return fail(loaded.diagnostics);
  const input = loaded.input;
  if (opts.backend === "reference") {
    // Refuse before compiling or allocating anything (run does the same).
    const problem = referenceMemoryProblem(input.memory, opts.maxMemory);
    if (problem) return fail([userError("memory", problem)], { memory: estimateReferenceMemory(input.memory) });
  }

  let prepared: PreparedBackend | null = null;
  let engine: Engine | null = null;
  let server: Server | null = null;
  try {
    // The cheap checks first: nothing is compiled or loaded for a tokenizer or weights source that will not do.
    const tokenizer = await resolveTokenizer(opts.tokenizer, input, io);
    const ws = parseWeightSource(opts.weights, { cwd: io.cwd, draftDir: opts.draftWeights });
    prepared = input.prepare(opts.backend, ws, !!opts.allowNonFinite, io);
    engine = await Engine.create(prepared.manifest, prepared.backend(), prepared.weights(), { targetOnly: opts.targetOnly, ...(opts.maxQueued !== undefined ? { maxQueued: opts.maxQueued } : {}) });
    const modelName = opts.modelName ?? input.name;
    server = await createServer({
      engine,
      tokenizer,
      eosTokenIds: input.eosTokenIds ?? tokenizer.eosTokenIds,
      modelName,
      onInternalError: (e) => io.err(`internal error (a dflashc bug, please report it): ${(e as Error)?.stack ?? String(e)}`),
    });
    const stop = control.stop ?? nextSignal();
    let url: string;
    try {
      url = await server.listen(opts.host, opts.port);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EAI_AGAIN") {
        return fail([userError("listen", `cannot listen on ${opts.host}:${opts.port}: ${code === "EADDRINUSE" ? "the port is in use" : code === "EACCES" ? "not permitted (ports below 1024 need privileges)" : "the address is not one of this machine's"} (${code})`)]);
      }
      throw e;
    }
    const mode = opts.targetOnly || !prepared.manifest.decoder.hasDraft ? "target-only" : "speculative";
    if (opts.json) {
      outJson(io, "serve", true, { url, model: modelName, decoder: input.name, input: input.source, backend: opts.backend, mode, tokenizer: tokenizer.source });
    } else {
      io.err(`serving ${input.name} as '${modelName}' (${mode} decoding on the ${opts.backend} backend, tokenizer ${tokenizer.source})`);
      io.out(`listening on ${url}`);
    }
    control.onListening?.(url);
    await stop;
    if (!opts.json) io.err("shutting down");
    return ExitCode.ok;
  } catch (e) {
    const d = setupDiagnostic(e);
    if (d) return fail([d]);
    throw e;
  } finally {
    // In this order: no new requests and the streams end, then the engine (and a JAX worker) stops.
    await server?.close();
    await engine?.close();
    prepared?.cleanup();
  }
}
