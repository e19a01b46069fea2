// validateDeclaration on arbitrary data, without the front end: it never throws, and whatever it
// accepts, buildPlan plans. Leaves of a valid declaration are replaced by anything fast-check makes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defineDecoder, dflashDraft, pagedKV, pow2Buckets, qwen3, staticKV } from "../../dsl/index.js";
import { validateDeclaration, VALIDATION_CODES } from "../../compiler/validate/validate.js";

const VALID = defineDecoder({
  name: "tiny_dflash",
  target: qwen3({
    name: "tiny_qwen3",
    vocabSize: 256,
    hiddenSize: 64,
    intermediateSize: 128,
    numLayers: 2,
    numHeads: 4,
    numKvHeads: 2,
    headDim: 16,
    ropeTheta: 10_000,
    rmsNormEps: 1e-6,
    maxPositions: 1024,
    dtype: "f32",
  }),
  draft: dflashDraft({ numLayers: 1, targetLayerIds: [0, 1], maskTokenId: 255 }),
  blockSize: 4,
  cache: { target: pagedKV({ pageSize: 16, numPages: 64 }), draft: staticKV({ maxContext: 240 }) },
  batching: { maxRequests: 4, tokens: pow2Buckets({ min: 16, max: 256 }) },
  hardware: { chip: "tpu-v5e", chips: 1 },
});

type Path = (string | number)[];

function leafPaths(v: unknown, path: Path = []): Path[] {
  if (typeof v !== "object" || v === null) return [path];
  const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
  return [path, ...entries.flatMap(([k, x]) => leafPaths(x, [...path, k]))];
}
const PATHS = leafPaths(VALID);

function replaced(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  if (value === DELETE && rest.length === 0) delete copy[head];
  else copy[head] = replaced(copy[head], rest, value);
  return copy;
}
const DELETE = Symbol("delete");

const leafValue = fc.oneof(
  fc.constant(DELETE),
  fc.constantFrom(0, -1, 0.5, NaN, Infinity, 2 ** 31, 2 ** 53, 1e308, 3, 7, 255, 256, 1024, "", "x", "bf16", "paged", null, [], {}),
  fc.integer({ min: -5, max: 5000 }),
  fc.anything({ maxDepth: 2 }),
);

function assertResult(value: unknown): void {
  const result = validateDeclaration(value);
  if (result.ok) {
    expect(result.plan.kernels.length).toBeGreaterThan(0);
    return;
  }
  expect(result.issues.length).toBeGreaterThan(0);
  for (const i of result.issues) {
    expect(VALIDATION_CODES).toContain(i.code);
    expect(i.message).not.toMatch(/[\n\r]/);
  }
}

describe("validateDeclaration on arbitrary data", () => {
  it("accepts the valid declaration", () => {
    expect(validateDeclaration(VALID).ok).toBe(true);
  });

  it("never throws on anything at all", () => {
    fc.assert(fc.property(fc.anything(), (v) => assertResult(v)), { numRuns: 300 });
  });

  it("never throws when leaves of a valid declaration are replaced or deleted", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(PATHS.length - 1), leafValue), { minLength: 1, maxLength: 3 }), (edits) => {
        const value = edits.reduce<unknown>((v, [i, leaf]) => replaced(v, PATHS[i], leaf), VALID);
        assertResult(value);
      }),
      { numRuns: 400 },
    );
  });
});
