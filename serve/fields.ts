/**
 * Typed reads of a JSON request body's fields: each returns the value or throws a 400 ApiError naming
 * the field, so that a wrong type never reaches the engine.
 */
import { badRequest } from "./errors.js";

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The body as a JSON object (fastify has parsed it; an array or a scalar is the client's mistake). */
export function bodyObject(body: unknown): JsonObject {
  if (!isObject(body)) throw badRequest("the request body must be a JSON object");
  return body;
}

/** Absent and null both mean "not given" (OpenAI's clients send null for unset optional fields). */
function given(o: JsonObject, key: string): unknown {
  const v = o[key];
  return v === null ? undefined : v;
}

export function optionalNumber(o: JsonObject, key: string, range: { min?: number; max?: number; integer?: boolean; minExclusive?: boolean } = {}): number | undefined {
  const v = given(o, key);
  if (v === undefined) return undefined;
  const what = range.integer ? "an integer" : "a number";
  if (typeof v !== "number" || !Number.isFinite(v) || (range.integer && !Number.isSafeInteger(v))) throw badRequest(`${key} must be ${what}, got ${JSON.stringify(v)}`, key);
  const { min, max } = range;
  const low = min !== undefined && (range.minExclusive ? v <= min : v < min);
  if (low || (max !== undefined && v > max)) {
    const lo = min === undefined ? "" : range.minExclusive ? `> ${min}` : `>= ${min}`;
    const hi = max === undefined ? "" : `<= ${max}`;
    throw badRequest(`${key} must be ${[lo, hi].filter((s) => s).join(" and ")}, got ${v}`, key);
  }
  return v;
}

export function optionalBoolean(o: JsonObject, key: string): boolean | undefined {
  const v = given(o, key);
  if (v === undefined) return undefined;
  if (typeof v !== "boolean") throw badRequest(`${key} must be a boolean, got ${JSON.stringify(v)}`, key);
  return v;
}

export function optionalString(o: JsonObject, key: string): string | undefined {
  const v = given(o, key);
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw badRequest(`${key} must be a string, got ${JSON.stringify(v)}`, key);
  return v;
}

export function optionalObject(o: JsonObject, key: string): JsonObject | undefined {
  const v = given(o, key);
  if (v === undefined) return undefined;
  if (!isObject(v)) throw badRequest(`${key} must be an object`, key);
  return v;
}

/** A field this server does not implement: refused unless absent or at its no-op value. */
export function unsupportedUnless(o: JsonObject, key: string, isNoOp: (v: unknown) => boolean, why: string): void {
  const v = given(o, key);
  if (v !== undefined && !isNoOp(v)) throw badRequest(`${key} is not supported by this server (${why})`, key, "unsupported_parameter");
}
