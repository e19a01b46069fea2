/** What a validation rule reports: a property path into the declaration, a stable code, a message. */
export type IssuePath = readonly (string | number)[];

export interface ValidationIssue {
  readonly path: IssuePath;
  /** Stable kebab-case code. */
  readonly code: string;
  readonly message: string;
}

export const issue = (path: IssuePath, code: string, message: string): ValidationIssue => ({ path, code, message });

/** `draft.targetLayerIds[4]` */
export function formatPath(path: IssuePath): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out === "" ? key : `.${key}`;
  return out === "" ? "the declaration" : out;
}

/** A value as it appears in a message: strings quoted and escaped, so a message stays on one line. */
export function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (typeof v === "number") return Object.is(v, -0) ? "0" : String(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  return String(v);
}
