/**
 * What `run` and `serve` decode with: a declaration (`config.ts`, compiled here: in memory for the
 * reference backend, into a temporary folder for jax) or a compiled output folder (or its
 * manifest.json: the reference backend reads its stablehlo/, the jax backend its jax/ package).
 * Either way the command gets the manifest, a backend factory, the weights as the backend wants them,
 * the tokenizer and EOS ids the decoder declares, and one mapping of a setup failure to a diagnostic.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { compilePlan } from "../../compiler/compile.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { writeFolderAtomically } from "../../compiler/output.js";
import { loadAndPlan } from "../../compiler/pipeline.js";
import { tokenizerFolder } from "../../compiler/tokenizer-files.js";
import { userError, type AnyDiagnostic, type UnlocatedDiagnostic } from "../../contract/diagnostics.js";
import { ManifestError, parseManifest, readManifest, type Manifest, type TensorSig } from "../../contract/manifest.js";
import { WeightsError, WeightsReadByBackend, type Backend, type Weights } from "../../runtime/backend.js";
import { JaxBackend, JaxBackendError } from "../../runtime/backends/jax.js";
import { ReferenceBackend } from "../../runtime/backends/reference.js";
import { checkCheckpointTensors, SafetensorsError } from "../../runtime/weights/safetensors.js";
import { loadWeights, WeightSourceError, type WeightSource } from "../../runtime/weights/source.js";
import { displayPath } from "./json.js";
import { RunTokenizerError } from "./run-text.js";
import type { Io } from "./io.js";

/** What the reference backend's memory estimate reads: a plan, or a compiled manifest. */
export interface MemoryInputs {
  readonly name: string;
  readonly kernels: readonly { readonly args: readonly TensorSig[] }[];
  readonly memory: { readonly activationBytes: number };
}

export interface PreparedBackend {
  readonly manifest: Manifest;
  readonly backend: () => Backend;
  /** The weights for `Engine.create`: on the host, or WeightsReadByBackend when the JAX worker reads them. */
  readonly weights: () => Weights;
  /** Removes what `prepare` wrote (the jax backend's temporary output folder). */
  readonly cleanup: () => void;
}

type BackendName = "reference" | "jax";

export interface RunInput {
  readonly name: string;
  /** The input as shown to the user. */
  readonly source: string;
  readonly memory: MemoryInputs;
  readonly hasDraft: boolean;
  readonly vocabSize: number;
  /** `byte`, an absolute tokenizer folder, or null when the decoder declares none. */
  readonly tokenizer: string | null;
  /** Declared EOS ids; null: the tokenizer's. */
  readonly eosTokenIds: readonly number[] | null;
  prepare(backend: BackendName, weights: WeightSource, allowNonFinite: boolean, io: Io): PreparedBackend;
}

export type RunInputResult = { readonly ok: true; readonly input: RunInput } | { readonly ok: false; readonly diagnostics: readonly AnyDiagnostic[] };

/** The kernel modules and manifest of a plan, rendered in memory (what `compile --emit stablehlo` writes). */
export function compileInMemory(plan: DecoderPlan, source: string): { manifest: Manifest; files: Map<string, string> } {
  const files = compilePlan(plan, { source, emit: new Set(["stablehlo"]) });
  return { manifest: parseManifest(files.get("manifest.json")!), files };
}

/** `command` names the command in the usage error. */
export async function loadRunInput(given: string, io: Io, command: "run" | "serve" = "run"): Promise<RunInputResult> {
  const path = resolve(io.cwd, given);
  if (path.endsWith(".ts")) return fromDeclaration(path, io);
  const isDir = existsSync(path) && statSync(path).isDirectory();
  if (isDir || basename(path) === "manifest.json") return fromCompiledFolder(isDir ? path : dirname(path), io);
  return {
    ok: false,
    diagnostics: [userError("usage", `${command} takes a decoder declaration (.ts), a compiled output folder or its manifest.json; got ${displayPath(io, path)}`)],
  };
}

async function fromDeclaration(file: string, io: Io): Promise<RunInputResult> {
  const loaded = await loadAndPlan(file);
  if (!loaded.ok) return loaded;
  const plan = loaded.plan;
  const source = displayPath(io, file);
  return {
    ok: true,
    input: {
      name: plan.name,
      source,
      memory: plan,
      hasDraft: plan.draft !== null,
      vocabSize: plan.target.vocabSize,
      tokenizer: plan.tokenizer?.kind === "byte" ? "byte" : tokenizerFolder(file, plan),
      eosTokenIds: plan.eosTokenIds,
      prepare: (backend, weights, allowNonFinite, io2) => {
        if (backend === "reference") {
          const { manifest, files } = compileInMemory(plan, source);
          return { manifest, backend: () => new ReferenceBackend({ files }), weights: hostWeights(backend, weights, manifest, allowNonFinite), cleanup: () => {} };
        }
        // The jax backend needs a real output folder with the generated package (its worker checks the
        // manifest hash).
        const dir = mkdtempSync(join(tmpdir(), "dflashc-run-"));
        const out = join(dir, plan.name);
        writeFolderAtomically(out, compilePlan(plan, { source, emit: new Set(["stablehlo", "jax"] as const) }));
        io2.err(`compiled ${plan.name} into ${out}`);
        const manifest = readManifest(out);
        return {
          manifest,
          backend: jaxBackend(out, weights, allowNonFinite),
          weights: hostWeights(backend, weights, manifest, allowNonFinite),
          cleanup: () => rmSync(dir, { recursive: true, force: true }),
        };
      },
    },
  };
}

function fromCompiledFolder(dir: string, io: Io): RunInputResult {
  let manifest: Manifest;
  try {
    manifest = readManifest(dir);
  } catch (e) {
    if (e instanceof ManifestError) return { ok: false, diagnostics: [userError("compiled-folder", e.message)] };
    throw e;
  }
  const shown = displayPath(io, dir);
  const memory = (manifest.plan as { memory?: { activationBytes?: unknown } } | null)?.memory;
  const t = manifest.tokenizer ?? null;
  return {
    ok: true,
    input: {
      name: manifest.name,
      source: shown,
      memory: { name: manifest.name, kernels: manifest.kernels, memory: { activationBytes: typeof memory?.activationBytes === "number" ? memory.activationBytes : 0 } },
      hasDraft: manifest.decoder.hasDraft,
      vocabSize: manifest.decoder.vocabSize,
      tokenizer: t === null ? null : t.kind === "byte" ? "byte" : resolve(dir, t.path),
      eosTokenIds: manifest.eosTokenIds ?? null,
      prepare: (backend, weights, allowNonFinite) => {
        const missing = backend === "reference" ? manifest.kernels.find((k) => !existsSync(join(dir, k.file)))?.file : existsSync(join(dir, "jax")) ? undefined : "jax/";
        if (missing !== undefined) {
          const emit = backend === "reference" ? "stablehlo" : "jax";
          throw new CompiledFolderError(`${shown} has no ${missing}: the ${backend} backend needs it (compile with --emit ${emit}, or all of them by default)`);
        }
        return {
          manifest,
          backend: backend === "reference" ? () => new ReferenceBackend({ dir }) : jaxBackend(dir, weights, allowNonFinite),
          weights: hostWeights(backend, weights, manifest, allowNonFinite),
          cleanup: () => {},
        };
      },
    },
  };
}

/** A compiled folder that lacks what the chosen backend reads. */
export class CompiledFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CompiledFolderError";
  }
}

function jaxBackend(outDir: string, weights: WeightSource, allowNonFinite: boolean): () => Backend {
  // The worker's loader (dflashc_jax.weights.load_checkpoint) refuses non-finite tensors too, unless told.
  return () => new JaxBackend({ outDir, weights, ...(allowNonFinite ? { env: { DFLASHC_ALLOW_NONFINITE: "1" } } : {}) });
}

/**
 * The JAX worker reads a checkpoint folder or draws `random:SEED` itself (runtime/backends/jax.ts):
 * loading them on the host too would hold an 8B model twice. The host still checks a folder's
 * safetensors headers (every tensor there, its shape) so that a wrong checkpoint is the user's
 * `weights` error before a worker starts; NaN/Inf the worker finds. `copy:SEED` is built on the host
 * and travels to the worker; the reference backend always takes host weights.
 */
function hostWeights(backend: BackendName, source: WeightSource, manifest: Manifest, allowNonFinite: boolean): () => Weights {
  if (backend === "jax" && source.kind !== "copy") {
    return () => {
      if (source.kind === "folder") checkCheckpointTensors(manifest, source);
      return new WeightsReadByBackend();
    };
  }
  return () => loadWeights(source, manifest, { allowNonFinite });
}

/** A failure while the input, tokenizer and weights load and the backend starts, as the user's diagnostic; null: a dflashc bug. */
export function setupDiagnostic(e: unknown): UnlocatedDiagnostic | null {
  if (e instanceof RunTokenizerError) return userError(e.code, e.message);
  // A checkpoint the JAX worker read and refused (NaN/Inf, a bad file) is the user's weights.
  if (e instanceof JaxBackendError && e.kind === "weights") return userError("weights", e.message);
  // A JAX worker that cannot start (no python3, no jax) is the environment, not a dflashc bug.
  if (e instanceof JaxBackendError) return userError("backend", e.message);
  if (e instanceof CompiledFolderError) return userError("compiled-folder", e.message);
  if (e instanceof WeightSourceError) return userError("weights-source", e.message);
  if (e instanceof SafetensorsError || e instanceof WeightsError) return userError("weights", e.message);
  return null;
}
