/**
 * The serve tests' fixtures: the tiny example compiled once (its StableHLO modules rendered on first
 * use), random:0 weights, an engine on the reference backend, and an in-process server on
 * 127.0.0.1:0. A gate in front of the backend holds engine steps while a test lines requests up, so
 * queueing and cancellation are checked without timing.
 */
import type { DecoderDeclaration } from "../../dsl/types.js";
import tiny from "../../examples/tiny.js";
import type { Manifest, ManifestKernel } from "../../contract/manifest.js";
import type { Backend, KernelInput, Weights } from "../../runtime/backend.js";
import { Engine, type EngineOptions, type GenerateResult } from "../../runtime/engine.js";
import { TextTokenizer } from "../../runtime/text/index.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { createServer, type Server, type ServerOptions } from "../../serve/server.js";
import { vi } from "vitest";
import { compileTiny, type Compiled } from "../runtime/helpers/reference.js";

const compiled = new Map<DecoderDeclaration, Compiled>();

/** The declaration compiled (cached per declaration object: the render cache is shared). */
export function compiledOf(decl: DecoderDeclaration = tiny): Compiled {
  let c = compiled.get(decl);
  if (!c) compiled.set(decl, (c = compileTiny(decl)));
  return c;
}

export function weightsOf(manifest: Manifest, seed = 0): Weights {
  return randomWeights(manifest.weights, seed);
}

/** Holds every backend call while closed; `open()` lets them (and later ones) through. */
export class GatedBackend implements Backend {
  private gate: Promise<void> | null = null;
  private release: () => void = () => {};
  /** Calls that reached the gate while it was closed. */
  waiting = 0;
  /** The next call throws this (a backend that breaks). */
  failNext: Error | null = null;

  constructor(private readonly inner: Backend) {}

  hold(): void {
    this.gate ??= new Promise((r) => (this.release = r));
  }

  open(): void {
    this.gate = null;
    this.release();
  }

  init(manifest: Manifest, weights: Weights): Promise<void> {
    return this.inner.init(manifest, weights);
  }

  async run(kernel: ManifestKernel, inputs: ReadonlyMap<string, KernelInput>): Promise<Map<string, Int32Array>> {
    if (this.gate) {
      this.waiting++;
      await this.gate;
      this.waiting--;
    }
    const failure = this.failNext;
    if (failure) {
      this.failNext = null;
      throw failure;
    }
    return this.inner.run(kernel, inputs);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

export interface TestServer {
  readonly url: string;
  readonly server: Server;
  readonly engine: Engine;
  readonly gate: GatedBackend;
  readonly compiled: Compiled;
  readonly weights: Weights;
  close(): Promise<void>;
}

/** A server on 127.0.0.1:0 over a fresh engine for `decl` (default: examples/tiny.ts), byte-level tokenizer. */
export async function startTestServer(
  o: { decl?: DecoderDeclaration; engine?: EngineOptions; server?: Partial<Omit<ServerOptions, "engine">> } = {},
): Promise<TestServer> {
  const c = compiledOf(o.decl);
  const weights = weightsOf(c.manifest);
  const gate = new GatedBackend(c.backend());
  const engine = await Engine.create(c.manifest, gate, weights, o.engine ?? {});
  const server = await createServer({ engine, tokenizer: TextTokenizer.byteLevel(), modelName: c.manifest.name, ...o.server });
  const url = await server.listen("127.0.0.1", 0);
  return {
    url,
    server,
    engine,
    gate,
    compiled: c,
    weights,
    async close() {
      gate.open();
      await server.close();
      await engine.close();
    },
  };
}

/** What the same prompts give when each runs alone on a fresh engine (greedy). */
export async function aloneResults(c: Compiled, weights: Weights, prompts: readonly (readonly number[])[], maxNewTokens: number): Promise<GenerateResult[]> {
  const out: GenerateResult[] = [];
  for (const p of prompts) {
    const engine = await Engine.create(c.manifest, c.backend(), weights);
    out.push(...(await engine.generate([{ promptIds: p, maxNewTokens }])));
    await engine.close();
  }
  return out;
}

/** `fetch` a JSON POST; returns the status and the parsed body. */
export async function postJson(url: string, body: unknown, init: { raw?: string; contentType?: string } = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": init.contentType ?? "application/json" },
    body: init.raw ?? JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: the test looks at the text
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** The `data:` payloads of a server-sent event stream, `[DONE]` included. */
export function sseData(text: string): string[] {
  return text
    .split("\n\n")
    .filter((e) => e.trim() !== "")
    .map((e) => {
      if (!e.startsWith("data: ")) throw new Error(`not a data event: ${JSON.stringify(e)}`);
      return e.slice("data: ".length);
    });
}

/**
 * Waits until `check` stops throwing: for what the server does on its own between steps (notice a
 * closed connection, finish a cancelled request). Generous, as the first kernel call of a backend parses
 * its modules on a shared machine; a condition that never holds still fails the test.
 */
export function until<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 60_000, interval: 10 });
}
