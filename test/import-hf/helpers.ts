import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { HfConfigText } from "../../compiler/import-hf/index.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/hf/", import.meta.url));

export function fixture(model: string): HfConfigText {
  const file = `${FIXTURES}${model}/config.json`;
  return { file, text: readFileSync(file, "utf8") };
}

/** A fixture with some fields changed (null removes the field), re-serialized as HF does (2-space JSON). */
export function edited(model: string, change: (cfg: Record<string, unknown>) => void): HfConfigText {
  const base = fixture(model);
  const cfg = JSON.parse(base.text) as Record<string, unknown>;
  change(cfg);
  return { file: base.file, text: `${JSON.stringify(cfg, null, 2)}\n` };
}

/** 1-based line and column where `"key":` first appears (the importer points at the value after it). */
export function valueLoc(text: string, key: string): { line: number; column: number } {
  const at = text.indexOf(`"${key}":`);
  if (at < 0) throw new Error(`no key ${key}`);
  const valueAt = at + key.length + 4; // `"key": ` then the value
  const before = text.slice(0, valueAt);
  const line = before.split("\n").length;
  return { line, column: valueAt - before.lastIndexOf("\n") };
}
