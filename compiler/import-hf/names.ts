/**
 * Identifiers for the declaration: `[a-z_][a-z0-9_]*` (they become Python and TypeScript names).
 * `Qwen/Qwen3-8B` -> `qwen3_8b`, `meta-llama/Llama-3.1-8B-Instruct` -> `llama_3_1_8b_instruct`.
 */
export function sanitizeName(raw: string): string {
  const base = raw.split(/[\\/]/).filter((s) => s.length > 0).pop() ?? "";
  let id = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (id === "") id = "model";
  if (/^[0-9]/.test(id)) id = `m_${id}`;
  return id;
}

/** The HF name of a config: its `_name_or_path` when the file records one, else its folder's name. */
export function hfNameOf(nameOrPath: string | undefined, configPath: string): string {
  if (nameOrPath && nameOrPath.trim() !== "") return nameOrPath;
  const parts = configPath.split(/[\\/]/).filter((s) => s.length > 0);
  // `.../Qwen3-8B/config.json` -> `Qwen3-8B`; a bare `config.json` -> `model`.
  return parts.length >= 2 ? parts[parts.length - 2] : "model";
}
