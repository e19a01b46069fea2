/**
 * What `serve` decodes with: a declaration (`config.ts`: compiled here, in memory for the reference
 * backend, into a temporary folder for jax) or a compiled output folder (or its manifest.json: the
 * reference backend reads its stablehlo/, the jax backend its jax/ package), made into a manifest and
 * a backend; and the one mapping of a setup failure (weights, backend) to a diagnostic.
 *
 * The text branch's `run` grows the same input handling (cli/commands/run-input.ts there): once both
 * are merged, `serve` should take `loadRunInput` and this file goes.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { compilePlan } from "../../compiler/compile.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { writeFolderAtomically } from "../../compiler/output.js";
import { loadAndPlan } from "../../compiler/pipeline.js";
import { userError, type AnyDiagnostic, type UnlocatedDiagnostic } from "../../contract/diagnostics.js";
import { ManifestError, readManifest, type Manifest } from "../../contract/manifest.js";
import { WeightsError, type Backend } from "../../runtime/backend.js";
import { JaxBackend } from "../../runtime/backends/jax.js";
import { ReferenceBackend } from "../../runtime/backends/reference.js";
import { SafetensorsError } from "../../runtime/weights/safetensors.js";
import { WeightSourceError, type WeightSource } from "../../runtime/weights/source.js";
import { displayPath } from "./json.js";
import type { Io } from "./io.js";
import { compileInMemory } from "./run.js";

export interface PreparedBackend {
  readonly manifest: Manifest;
  readonly backend: () => Backend;
  /** Removes what `prepare` wrote (the jax backend's temporary output folder). */
  readonly cleanup: () => void;
}

export interface DecoderInput {
  readonly name: string;
  /** The input as shown to the user. */
  readonly source: string;
  readonly vocabSize: number;
  /** The plan of a declaration (for the reference backend's memory estimate); null for a compiled folder. */
  readonly plan: DecoderPlan | null;
  prepare(backend: "reference" | "jax", weights: WeightSource, allowNonFinite: boolean, io: Io): PreparedBackend;
}

export type DecoderInputResult = { readonly ok: true; readonly input: DecoderInput } | { readonly ok: false; readonly diagnostics: readonly AnyDiagnostic[] };

/** A compiled folder that is not one, or lacks what the chosen backend reads. */
export class CompiledFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CompiledFolderError";
  }
}

export async function loadDecoderInput(given: string, io: Io): Promise<DecoderInputResult> {
  const path = resolve(io.cwd, given);
  if (path.endsWith(".ts")) return fromDeclaration(path, io);
  const isDir = existsSync(path) && statSync(path).isDirectory();
  if (isDir || basename(path) === "manifest.json") return fromCompiledFolder(isDir ? path : dirname(path), io);
  return { ok: false, diagnostics: [userError("usage", `expected a decoder declaration (.ts), a compiled output folder or its manifest.json; got ${displayPath(io, path)}`)] };
}

async function fromDeclaration(file: string, io: Io): Promise<DecoderInputResult> {
  const loaded = await loadAndPlan(file);
  if (!loaded.ok) return loaded;
  const plan = loaded.plan;
  const source = displayPath(io, file);
  const prepare = (backend: "reference" | "jax", weights: WeightSource, allowNonFinite: boolean, io2: Io): PreparedBackend => {
    if (backend === "reference") {
      const { manifest, files } = compileInMemory(plan, source);
      return { manifest, backend: () => new ReferenceBackend({ files }), cleanup: () => {} };
    }
    // The jax backend needs a real output folder with the generated package (its worker checks the manifest hash).
    const dir = mkdtempSync(join(tmpdir(), "dflashc-serve-"));
    const out = join(dir, plan.name);
    writeFolderAtomically(out, compilePlan(plan, { source, emit: new Set(["stablehlo", "jax"] as const) }));
    io2.err(`compiled ${plan.name} into ${out}`);
    return { manifest: readManifest(out), backend: jaxBackend(out, weights, allowNonFinite), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  };
  return { ok: true, input: { name: plan.name, source, vocabSize: plan.target.vocabSize, plan, prepare } };
}

function fromCompiledFolder(dir: string, io: Io): DecoderInputResult {
  let manifest: Manifest;
  try {
    manifest = readManifest(dir);
  } catch (e) {
    if (e instanceof ManifestError) return { ok: false, diagnostics: [userError("compiled-folder", e.message)] };
    throw e;
  }
  const shown = displayPath(io, dir);
  const prepare = (backend: "reference" | "jax", weights: WeightSource, allowNonFinite: boolean): PreparedBackend => {
    const missing = backend === "reference" ? manifest.kernels.find((k) => !existsSync(join(dir, k.file)))?.file : existsSync(join(dir, "jax")) ? undefined : "jax/";
    if (missing !== undefined) {
      throw new CompiledFolderError(`${shown} has no ${missing}: the ${backend} backend needs it (compile with --emit ${backend === "reference" ? "stablehlo" : "jax"}, or everything by default)`);
    }
    return { manifest, backend: backend === "reference" ? () => new ReferenceBackend({ dir }) : jaxBackend(dir, weights, allowNonFinite), cleanup: () => {} };
  };
  return { ok: true, input: { name: manifest.name, source: shown, vocabSize: manifest.decoder.vocabSize, plan: null, prepare } };
}

function jaxBackend(outDir: string, weights: WeightSource, allowNonFinite: boolean): () => Backend {
  // The worker's loader (dflashc_jax.weights.load_checkpoint) refuses non-finite tensors too, unless told.
  return () => new JaxBackend({ outDir, weights, ...(allowNonFinite ? { env: { DFLASHC_ALLOW_NONFINITE: "1" } } : {}) });
}

/** A failure while weights load and the backend starts, as the user's diagnostic; null: a dflashc bug. */
export function setupDiagnostic(e: unknown): UnlocatedDiagnostic | null {
  // A JAX worker that cannot start (no python3, no jax) is the environment, not a dflashc bug.
  if (e instanceof Error && e.name === "JaxBackendError") return userError("backend", e.message);
  if (e instanceof CompiledFolderError) return userError("compiled-folder", e.message);
  if (e instanceof WeightSourceError) return userError("weights-source", e.message);
  if (e instanceof SafetensorsError || e instanceof WeightsError) return userError("weights", e.message);
  return null;
}
