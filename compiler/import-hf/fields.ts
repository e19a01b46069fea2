/**
 * Typed, located access to the fields of one config.json object. Every rejection names the field and
 * carries its location, so the user sees `config.json:12:17: error hf-invalid-field: ...`.
 */
import { DiagnosticError } from "../../contract/diagnostics.js";
import { jsonDiagnostic, type JsonSource, type JsonValue } from "./json-source.js";

/** Stable error codes of the importer. */
export const HfError = {
  invalidJson: "hf-invalid-json",
  missingField: "hf-missing-field",
  invalidField: "hf-invalid-field",
  unsupportedModel: "hf-unsupported-model",
  unsupportedRopeScaling: "hf-unsupported-rope-scaling",
  unsupportedMoe: "hf-unsupported-moe",
  unsupportedField: "hf-unsupported-field",
  draftMismatch: "hf-draft-mismatch",
} as const;

export class HfFields {
  constructor(
    readonly src: JsonSource,
    readonly path: readonly (string | number)[] = [],
  ) {
    if (!isObject(this.value)) this.fail([], HfError.invalidField, `${this.label([])} must be a JSON object`);
  }

  get value(): JsonValue {
    let v: JsonValue = this.src.value;
    for (const p of this.path) v = (v as Record<string, JsonValue>)[p as string];
    return v;
  }

  private get obj(): Record<string, JsonValue> {
    return this.value as Record<string, JsonValue>;
  }

  /** `rope_scaling.rope_type`, as the user would search for it in the file. */
  label(sub: readonly (string | number)[]): string {
    const parts = [...this.path, ...sub];
    if (parts.length === 0) return "the config";
    return parts.map((p, k) => (typeof p === "number" ? `[${p}]` : k === 0 ? p : `.${p}`)).join("");
  }

  fail(sub: readonly (string | number)[], code: string, message: string): never {
    throw new DiagnosticError([jsonDiagnostic(this.src.file, this.src.locOf([...this.path, ...sub]), code, message)]);
  }

  /** Present and not null (HF writes `null` for "not set"). */
  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.obj, key) && this.obj[key] !== null;
  }

  raw(key: string): JsonValue | undefined {
    return this.has(key) ? this.obj[key] : undefined;
  }

  keys(): string[] {
    return Object.keys(this.obj);
  }

  child(key: string): HfFields | undefined {
    if (!this.has(key)) return undefined;
    if (!isObject(this.obj[key])) this.fail([key], HfError.invalidField, `${this.label([key])} must be an object`);
    return new HfFields(this.src, [...this.path, key]);
  }

  optNumber(key: string): number | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v !== "number") this.fail([key], HfError.invalidField, `${this.label([key])} must be a number, found ${show(v)}`);
    if (!(v > 0)) this.fail([key], HfError.invalidField, `${this.label([key])} must be positive, found ${v}`);
    return v;
  }

  optInt(key: string, min = 1): number | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isInteger(v) || v < min) {
      this.fail([key], HfError.invalidField, `${this.label([key])} must be an integer >= ${min}, found ${show(v)}`);
    }
    return v;
  }

  int(key: string, min = 1): number {
    const v = this.optInt(key, min);
    if (v === undefined) this.fail([], HfError.missingField, `${this.label([key])} is required and missing`);
    return v!;
  }

  optString(key: string): string | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v !== "string") this.fail([key], HfError.invalidField, `${this.label([key])} must be a string, found ${show(v)}`);
    return v;
  }

  optBool(key: string): boolean | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v !== "boolean") this.fail([key], HfError.invalidField, `${this.label([key])} must be true or false, found ${show(v)}`);
    return v;
  }

  optIntArray(key: string, min = 0): number[] | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) this.fail([key], HfError.invalidField, `${this.label([key])} must be an array of integers`);
    return (v as JsonValue[]).map((e, k) => {
      if (typeof e !== "number" || !Number.isInteger(e) || e < min) {
        this.fail([key, k], HfError.invalidField, `${this.label([key, k])} must be an integer >= ${min}, found ${show(e)}`);
      }
      return e as number;
    });
  }

  optStringArray(key: string): string[] | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) this.fail([key], HfError.invalidField, `${this.label([key])} must be an array of strings`);
    return (v as JsonValue[]).map((e, k) => {
      if (typeof e !== "string") this.fail([key, k], HfError.invalidField, `${this.label([key, k])} must be a string, found ${show(e)}`);
      return e as string;
    });
  }
}

export function isObject(v: JsonValue | undefined): v is { [key: string]: JsonValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function show(v: JsonValue | undefined): string {
  return v === undefined ? "nothing" : JSON.stringify(v);
}
