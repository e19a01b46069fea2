/**
 * Where weights come from: `random:SEED` (seeded, see random.ts for the distribution) or checkpoint
 * folders of safetensors files. A folder spec is `TARGET_DIR` or `TARGET_DIR,DRAFT_DIR`; without a
 * draft folder, `TARGET_DIR/draft` is used when it exists.
 */
import { existsSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import type { Manifest } from "../manifest.js";
import { randomWeights } from "./random.js";
import { loadCheckpointWeights } from "./safetensors.js";

export type WeightSource = { readonly kind: "random"; readonly seed: number } | { readonly kind: "folder"; readonly target: string; readonly draft: string | null };

export class WeightSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WeightSourceError";
  }
}

/** Parses `random:SEED` or `DIR[,DRAFT_DIR]`; `draftDir` (a separate flag) wins over the second part. */
export function parseWeightSource(spec: string, opts: { cwd?: string; draftDir?: string } = {}): WeightSource {
  const s = spec.trim();
  if (s.startsWith("random:")) {
    const seedText = s.slice("random:".length);
    if (!/^\d+$/.test(seedText) || Number(seedText) > 0xffffffff) throw new WeightSourceError(`weights '${spec}': random:SEED takes an integer seed 0..4294967295`);
    return { kind: "random", seed: Number(seedText) };
  }
  if (s === "" || s === "random") throw new WeightSourceError(`weights '${spec}': expected random:SEED or a checkpoint folder`);
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(opts.cwd ?? process.cwd(), p));
  const [target, draft, ...rest] = s.split(",");
  if (rest.length > 0) throw new WeightSourceError(`weights '${spec}': at most TARGET_DIR,DRAFT_DIR`);
  const t = abs(target);
  if (!existsSync(t)) throw new WeightSourceError(`weights folder ${t} does not exist`);
  let d: string | null = opts.draftDir ? abs(opts.draftDir) : draft ? abs(draft) : null;
  if (d === null && existsSync(join(t, "draft"))) d = join(t, "draft");
  if (d !== null && !existsSync(d)) throw new WeightSourceError(`draft weights folder ${d} does not exist`);
  return { kind: "folder", target: t, draft: d };
}

/** The weights a manifest needs, by kernel argument name. */
export function loadWeights(source: WeightSource, manifest: Manifest): Map<string, Float32Array> {
  if (source.kind === "random") return randomWeights(manifest.plan as DecoderPlan, source.seed);
  return loadCheckpointWeights(manifest, { target: source.target, draft: source.draft });
}
