/**
 * The declared tokenizer folder on disk: whether it is there (a located diagnostic in `check` when not),
 * and its files, which `compile` copies into the output's tokenizer/ so that a compiled folder carries
 * its tokenizer wherever it is moved. The folder is relative to the config file.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { TOKENIZER_DIR, TOKENIZER_FILES } from "../contract/manifest.js";
import type { DecoderPlan } from "./ir/plan.js";

/** The declared tokenizer folder as an absolute path, or null (none, or "byte"). */
export function tokenizerFolder(configFile: string, plan: DecoderPlan): string | null {
  return plan.tokenizer?.kind === "hf" ? resolve(dirname(configFile), plan.tokenizer.path) : null;
}

/** Why the declared tokenizer folder cannot be used, or null. */
export function missingTokenizerProblem(configFile: string, plan: DecoderPlan): string | null {
  const dir = tokenizerFolder(configFile, plan);
  if (dir === null || existsSync(join(dir, TOKENIZER_FILES[0]))) return null;
  const declared = plan.tokenizer?.kind === "hf" ? plan.tokenizer.path : "";
  return existsSync(dir)
    ? `tokenizer ${JSON.stringify(declared)}: the folder has no ${TOKENIZER_FILES[0]} (a Hugging Face tokenizer folder holds tokenizer.json and tokenizer_config.json)`
    : `tokenizer ${JSON.stringify(declared)}: no such folder (resolved relative to the config file: ${dir}); use "byte" or a Hugging Face tokenizer folder`;
}

/** The tokenizer folder's files under the output's tokenizer/ (empty without a folder). */
export function tokenizerFiles(configFile: string, plan: DecoderPlan): Map<string, string> {
  const dir = tokenizerFolder(configFile, plan);
  const files = new Map<string, string>();
  if (dir === null) return files;
  for (const name of TOKENIZER_FILES) {
    const path = join(dir, name);
    if (existsSync(path)) files.set(`${TOKENIZER_DIR}/${name}`, readFileSync(path, "utf8"));
  }
  return files;
}
