/**
 * `dflashc serve <config.ts | compiled folder> --backend reference|jax --weights random:SEED|DIR
 *   [--tokenizer DIR|byte] [--host 127.0.0.1] [--port 8000] [--max-queued N] [--model-name NAME]`
 *
 * Builds the decoder (serve-input.ts), loads the weights, starts the engine and an OpenAI-compatible
 * HTTP server over it (serve/server.ts), prints `listening on http://HOST:PORT` (the real port for
 * `--port 0`), and runs until SIGINT or SIGTERM: then it refuses new requests, cancels those in
 * flight, closes the engine (a JAX worker stops with it) and exits 0.
 * Exit codes: 0 stopped by a signal, 2 the user's input is wrong (flags, declaration, weights,
 * tokenizer, an address it cannot listen on).
 */
import { resolve } from "node:path";
import { forDisplay, printDiagnostics, userError, type AnyDiagnostic } from "../../contract/diagnostics.js";
import { Engine } from "../../runtime/engine.js";
import { TextTokenizer, TokenizerError } from "../../runtime/text/index.js";
import { loadWeights, parseWeightSource } from "../../runtime/weights/source.js";
import { createServer, type Server } from "../../serve/server.js";
import { ExitCode, type Io } from "./io.js";
import { outJson } from "./json.js";
import { referenceMemoryProblem } from "./run.js";
import { loadDecoderInput, setupDiagnostic, type PreparedBackend } from "./serve-input.js";

export interface ServeOptions {
  readonly backend: "reference" | "jax";
  /** `random:SEED` or a checkpoint folder (`DIR` or `DIR,DRAFT_DIR`). */
  readonly weights: string;
  readonly draftWeights?: string;
  /** A Hugging Face tokenizer folder, or `byte`. */
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

/** The vocabulary of the byte-level tokenizer: a decoder of exactly this size speaks bytes unless told otherwise. */
const BYTE_VOCAB = 256;

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

/**
 * `--tokenizer byte|DIR`; without it, the byte-level tokenizer for a decoder whose vocabulary is
 * exactly the 256 byte values (the tiny examples), else the decoder cannot be served as text.
 */
async function loadTokenizer(flag: string | undefined, vocabSize: number, name: string, io: Io): Promise<TextTokenizer> {
  if (flag === undefined && vocabSize !== BYTE_VOCAB) {
    throw new TokenizerError(`${name} has a vocabulary of ${vocabSize} tokens: pass --tokenizer DIR (the model's Hugging Face tokenizer folder)`);
  }
  const which = flag === undefined || flag === "byte" ? "byte" : resolve(io.cwd, flag);
  const tok = which === "byte" ? TextTokenizer.byteLevel() : await TextTokenizer.load(which);
  if (tok.vocabSize > vocabSize) throw new TokenizerError(`the tokenizer ${which} has ${tok.vocabSize} ids but ${name}'s vocabulary only ${vocabSize}: they do not belong together`);
  return tok;
}

export async function serveCommand(given: string, opts: ServeOptions, io: Io, control: ServeControl = {}): Promise<number> {
  const fail = (diagnostics: readonly AnyDiagnostic[]) => {
    printDiagnostics(
      diagnostics.map((d) => forDisplay(d, io.cwd)),
      io,
      { json: opts.json },
    );
    return ExitCode.userError;
  };
  const usage = (msg: string) => fail([userError("usage", msg)]);
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) return usage(`--port takes a port number 0..65535 (0: any free port), got ${opts.port}`);
  if (opts.host.trim() === "") return usage("--host takes an address to listen on, e.g. 127.0.0.1");
  if (opts.maxQueued !== undefined && !(Number.isSafeInteger(opts.maxQueued) && opts.maxQueued >= 1)) return usage(`--max-queued takes a positive integer, got ${opts.maxQueued}`);
  if (opts.modelName !== undefined && opts.modelName.trim() === "") return usage("--model-name takes a non-empty name");
  if (opts.maxMemory !== undefined && !(Number.isSafeInteger(opts.maxMemory) && opts.maxMemory > 0)) return usage(`--max-memory takes a positive number of bytes, got ${opts.maxMemory}`);

  const loaded = await loadDecoderInput(given, io);
  if (!loaded.ok) return fail(loaded.diagnostics);
  const input = loaded.input;
  if (opts.backend === "reference" && input.plan) {
    // Refuse before compiling or allocating anything (run does the same).
    const problem = referenceMemoryProblem(input.plan, opts.maxMemory);
    if (problem) return fail([userError("memory", problem)]);
  }

  let prepared: PreparedBackend | null = null;
  let engine: Engine | null = null;
  let server: Server | null = null;
  try {
    // The cheap checks first: nothing is compiled or loaded for a tokenizer or weights source that will not do.
    const tokenizer = await loadTokenizer(opts.tokenizer, input.vocabSize, input.name, io);
    const ws = parseWeightSource(opts.weights, { cwd: io.cwd, draftDir: opts.draftWeights });
    prepared = input.prepare(opts.backend, ws, !!opts.allowNonFinite, io);
    const weights = loadWeights(ws, prepared.manifest, { allowNonFinite: opts.allowNonFinite });
    engine = await Engine.create(prepared.manifest, prepared.backend(), weights, { targetOnly: opts.targetOnly, ...(opts.maxQueued !== undefined ? { maxQueued: opts.maxQueued } : {}) });
    const modelName = opts.modelName ?? input.name;
    server = await createServer({
      engine,
      tokenizer,
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
    if (e instanceof TokenizerError) return fail([userError("tokenizer", e.message)]);
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
