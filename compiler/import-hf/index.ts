/**
 * Hugging Face import: a target's `config.json` (and optionally a DFlash drafter's) -> a DSL declaration,
 * both as the evaluated object and as formatted TypeScript source. Errors are `DiagnosticError`s located
 * in the JSON files; warnings come back beside the result.
 */
import { defineDecoder, dflashDraft, llama, qwen2, qwen3 } from "../../dsl/builders.js";
import type { DecoderDeclaration, DecoderOptions, ModelOptions, TargetModel } from "../../dsl/types.js";
import type { Diagnostic } from "../../contract/diagnostics.js";
import { buildPlan } from "../plan/build-plan.js";
import { chooseServingDefaults, IMPORT_DEFAULTS, servingAt } from "./defaults.js";
import { importDraft } from "./draft.js";
import { emitDeclarationSource } from "./emit.js";
import { HfFields } from "./fields.js";
import { parseJsonSource } from "./json-source.js";
import { hfNameOf, sanitizeName } from "./names.js";
import { importTarget, type ImportedTarget } from "./target.js";
import { checkDeclaration, checkMemory, type ImportSources } from "./validate.js";

export { HfError } from "./fields.js";
export { sanitizeName } from "./names.js";
export { IMPORT_DEFAULTS } from "./defaults.js";

export interface HfConfigText {
  /** Path as the user gave it: it names the file in diagnostics and, by its folder, the model. */
  readonly file: string;
  readonly text: string;
}

export interface ImportHfResult {
  readonly declaration: DecoderDeclaration;
  readonly source: string;
  readonly warnings: readonly Diagnostic[];
}

function targetModel(t: ImportedTarget, name: string): TargetModel {
  const base: ModelOptions = {
    name,
    vocabSize: t.vocabSize,
    hiddenSize: t.hiddenSize,
    intermediateSize: t.intermediateSize,
    numLayers: t.numLayers,
    numHeads: t.numHeads,
    numKvHeads: t.numKvHeads,
    headDim: t.headDim,
    ropeTheta: t.ropeTheta,
    rmsNormEps: t.rmsNormEps,
    maxPositions: t.maxPositions,
    dtype: t.dtype,
    // Only what differs from the DSL's defaults, as a person would write it.
    ...(t.tieWordEmbeddings ? { tieWordEmbeddings: true } : {}),
    ...(t.ropeScaling ? { ropeScaling: t.ropeScaling } : {}),
  };
  if (t.family === "llama") return llama({ ...base, ...(t.attentionBias ? { attentionBias: true } : {}) });
  return t.family === "qwen3" ? qwen3(base) : qwen2(base);
}

/** The text side found beside config.json: written into the declaration as they are. */
export interface ImportedText {
  /** The tokenizer folder as the declaration writes it (relative to the declaration file). */
  readonly tokenizer?: string;
  /** generation_config.json's eos_token_id. */
  readonly eosTokenIds?: readonly number[];
}

export function importHf(target: HfConfigText, draft?: HfConfigText, opts: { readonly name?: string; readonly text?: ImportedText } = {}): ImportHfResult {
  const tSrc = parseJsonSource(target.text, target.file);
  const dSrc = draft ? parseJsonSource(draft.text, draft.file) : undefined;
  const tFields = new HfFields(tSrc);
  const imported = importTarget(tFields);
  const t = imported.value;
  const modelName = sanitizeName(hfNameOf(tFields.optString("_name_or_path"), target.file));
  const model = targetModel(t, modelName);
  const d = dSrc ? importDraft(new HfFields(dSrc), t) : undefined;

  const name = opts.name ? sanitizeName(opts.name) : d ? `${modelName}_dflash_b${d.blockSize}` : `${modelName}_target_only`;
  const skeleton: Pick<DecoderOptions, "name" | "target" | "draft" | "blockSize" | "verify"> = d
    ? { name, target: model, draft: dflashDraft(d.options), blockSize: d.blockSize, verify: "greedy" }
    : { name, target: model, verify: "greedy" };
  const srcs: ImportSources = { target: tSrc, draft: dSrc, nameFromFlag: opts.name !== undefined };
  // What `check` would reject is refused here, at the HF field it came from: first the model and
  // draft (shape and rules, with the default serving setup), before anything plans the declaration.
  checkDeclaration(defineDecoder({ ...skeleton, ...servingAt(skeleton) }), srcs);
  const serving = chooseServingDefaults(skeleton);
  // Property order follows examples/*.ts.
  const declaration = defineDecoder({
    name: skeleton.name,
    target: skeleton.target,
    ...(d ? { draft: skeleton.draft, blockSize: skeleton.blockSize } : {}),
    cache: serving.cache,
    batching: serving.batching,
    verify: "greedy",
    hardware: serving.hardware,
    ...(opts.text?.tokenizer !== undefined ? { tokenizer: opts.text.tokenizer } : {}),
    ...(opts.text?.eosTokenIds !== undefined ? { eosTokenIds: [...opts.text.eosTokenIds] } : {}),
  });

  checkDeclaration(declaration, srcs);
  checkMemory(
    buildPlan(declaration),
    srcs,
    `even ${serving.hardware.chips} ${serving.hardware.chip} chips (the most import-hf picks) leave no room for one ${IMPORT_DEFAULTS.maxContext}-token request: write the declaration by hand for a larger slice`,
  );

  const header = [
    "Imported by `dflashc import-hf` from",
    `  ${target.file} (${t.source})`,
    ...(draft ? [`  ${draft.file} (DFlash drafter)`] : []),
    d ? `Target ${modelName} with its DFlash drafter, block size ${d.blockSize}.` : `Target-only decoder (plain autoregressive decoding, the baseline).`,
    "Model fields come from config.json; cache, batching and hardware are dflashc's serving defaults",
    "(docs/cost-model.md, \"import-hf defaults\"): edit them to your deployment, then run `dflashc check`.",
    ...imported.warnings.map((w) => `warning: ${w.message}`),
  ];
  const defaultsNote = serving.overCapacity
    ? `${IMPORT_DEFAULTS.maxChips} chips still leave no room for a ${IMPORT_DEFAULTS.maxContext}-token request: \`dflashc check\` says what fits`
    : `numPages: the largest power of two up to ${IMPORT_DEFAULTS.maxPages} that fits ${serving.hardware.chips} ${serving.hardware.chip} chip(s)`;
  const source = emitDeclarationSource(declaration, header, { cache: defaultsNote });
  return { declaration, source, warnings: imported.warnings };
}
