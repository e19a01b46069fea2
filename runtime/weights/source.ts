/**
 * Where weights come from: `random:SEED` (seeded, see random.ts for the distribution), `copy:SEED`
 * (random-seeded target, hand-built drafter that follows it: copy.ts), or checkpoint folders of safetensors files. A folder spec is `TARGET_DIR` or `TARGET_DIR,DRAFT_DIR`; without a
 * draft folder, `TARGET_DIR/draft` is used when it exists.
 */
import { existsSync, lstatSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import type { Manifest } from "../../contract/manifest.js";
import { CopyWeightsError, copyWeights } from "./copy.js";
import { randomWeights } from "./random.js";
import { describeErrno } from "./read-bounded.js";
import { loadCheckpointWeights, type LoadCheckpointOptions } from "./safetensors.js";

export type WeightSource =
  | { readonly kind: "random"; readonly seed: number }
  | { readonly kind: "copy"; readonly seed: number }
  | { readonly kind: "folder"; readonly target: string; readonly draft: string | null };

export class WeightSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WeightSourceError";
  }
}

/** Parses `random:SEED`, `copy:SEED` or `DIR[,DRAFT_DIR]`; `draftDir` (a separate flag) wins over the second part. */
export function parseWeightSource(spec: string, opts: { cwd?: string; draftDir?: string } = {}): WeightSource {
  const s = spec.trim();
  for (const kind of ["random", "copy"] as const) {
    if (!s.startsWith(`${kind}:`)) continue;
    const seedText = s.slice(kind.length + 1);
    if (!/^\d+$/.test(seedText) || Number(seedText) > 0xffffffff) throw new WeightSourceError(`weights '${spec}': ${kind}:SEED takes an integer seed 0..4294967295`);
    return { kind, seed: Number(seedText) };
  }
  if (s === "" || s === "random" || s === "copy") throw new WeightSourceError(`weights '${spec}': expected random:SEED, copy:SEED or a checkpoint folder`);
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(opts.cwd ?? process.cwd(), p));
  const [target, draft, ...rest] = s.split(",");
  if (rest.length > 0) throw new WeightSourceError(`weights '${spec}': at most TARGET_DIR,DRAFT_DIR`);
  const t = abs(target);
  requireFolder(t, "weights folder");
  let d: string | null = opts.draftDir ? abs(opts.draftDir) : draft ? abs(draft) : null;
  if (d === null && existsSync(join(t, "draft"))) d = join(t, "draft");
  if (d !== null) requireFolder(d, "draft weights folder");
  return { kind: "folder", target: t, draft: d };
}

/** `path` must be a folder: a missing path, a file, a dangling link or a link loop is named as such. */
function requireFolder(path: string, what: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    let linked = false;
    try {
      linked = lstatSync(path).isSymbolicLink();
    } catch {
      // not there at all
    }
    const { code, words } = describeErrno(e);
    if (code === "ENOENT" && !linked) throw new WeightSourceError(`${what} ${path} does not exist`);
    throw new WeightSourceError(`${what} ${path} cannot be read: ${linked && code === "ENOENT" ? "a symbolic link to nothing" : words} (${code})`);
  }
  if (!isDir) throw new WeightSourceError(`${what} ${path} is a file, not a folder: give the checkpoint's folder (the one holding *.safetensors and config.json)`);
}

/**
 * The weights a manifest needs, by kernel argument name. Checkpoint tensors holding NaN or ±Infinity
 * are refused (naming the tensor and its first bad element) unless `allowNonFinite`; `random:SEED`
 * and `copy:SEED` weights are finite by construction. `copy:SEED` refuses a decoder it cannot build a
 * following drafter for (a WeightSourceError, the user's input).
 */
export function loadWeights(source: WeightSource, manifest: Manifest, opts: LoadCheckpointOptions = {}): Map<string, Float32Array> {
  if (source.kind === "random") return randomWeights(manifest.weights, source.seed);
  if (source.kind === "copy") {
    try {
      return copyWeights(manifest, source.seed);
    } catch (e) {
      if (e instanceof CopyWeightsError) throw new WeightSourceError(e.message);
      throw e;
    }
  }
  return loadCheckpointWeights(manifest, { target: source.target, draft: source.draft }, opts);
}
