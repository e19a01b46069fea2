/**
 * The text side of a Hugging Face model folder, for import-hf: the tokenizer (tokenizer.json beside
 * config.json) and generation_config.json's EOS ids. The folder is written into the declaration
 * relative to where the declaration goes, so `check` and `run` find it from there.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { ImportedText } from "./index.js";

export interface FoundText {
  readonly text: ImportedText;
  /** What was found, or why something was skipped (printed by the command as notes/warnings). */
  readonly warnings: readonly string[];
}

/**
 * `configFile`: the target's config.json (absolute); `declarationDir`: the folder the declaration is
 * written to (the working folder for stdout).
 */
export function findModelText(configFile: string, declarationDir: string, vocabSize: number): FoundText {
  const modelDir = dirname(configFile);
  const warnings: string[] = [];
  let tokenizer: string | undefined;
  if (existsSync(join(modelDir, "tokenizer.json"))) {
    const rel = relative(resolve(declarationDir), modelDir).split(sep).join("/");
    tokenizer = rel === "" ? "." : rel.startsWith(".") || rel.startsWith("/") ? rel : `./${rel}`;
  }
  let eosTokenIds: number[] | undefined;
  const generation = join(modelDir, "generation_config.json");
  if (existsSync(generation)) {
    let eos: unknown;
    try {
      eos = (JSON.parse(readFileSync(generation, "utf8")) as { eos_token_id?: unknown }).eos_token_id;
    } catch (e) {
      warnings.push(`${generation}: not valid JSON (${(e as Error).message}); no eosTokenIds imported`);
    }
    const ids = Array.isArray(eos) ? eos : eos === undefined || eos === null ? [] : [eos];
    if (ids.every((id) => Number.isInteger(id) && id >= 0 && id < vocabSize)) {
      if (ids.length > 0) eosTokenIds = ids as number[];
    } else warnings.push(`${generation}: eos_token_id ${JSON.stringify(eos)} is not a list of ids in the vocabulary (0..${vocabSize - 1}); no eosTokenIds imported`);
  }
  return { text: { ...(tokenizer !== undefined ? { tokenizer } : {}), ...(eosTokenIds ? { eosTokenIds } : {}) }, warnings };
}
