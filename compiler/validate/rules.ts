/**
 * Semantic rules over a declaration that already has the right shape (validate-shape.ts). Each rule
 * checks one concern and returns its issues; a rule skips values that another rule already reports
 * (a dim that is not a positive integer is reported once, by `dims`, not again by every rule using it).
 */
import type { DecoderDeclaration, DFlashDraft, PagedKV, Pow2Buckets, TargetModel } from "../../dsl/types.js";
import { packageShadowProblem } from "../ir/python-names.js";
import { defaultTargetLayerIds } from "../plan/resolve.js";
import { issue, show, type IssuePath, type ValidationIssue } from "./issue.js";

export interface Rule {
  /** What the rule checks, for docs and test names. */
  readonly name: string;
  /** Every code the rule may report. */
  readonly codes: readonly string[];
  readonly check: (d: DecoderDeclaration) => ValidationIssue[];
}

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
export const isPositiveInt = (v: unknown): v is number => isInt(v) && v > 0;
export function isPow2(v: unknown): v is number {
  if (!isPositiveInt(v)) return false;
  let p = 1;
  while (p < v) p *= 2;
  return p === v;
}

/** Largest value of any dim: shapes and indices are int32 in the emitted kernels. */
export const MAX_DIM = 2 ** 31 - 1;
/**
 * Tighter limits where the plan's size grows with the value (every layer's weights appear in every
 * kernel signature, every bucket is a kernel): far above any published model, far below what would
 * make planning itself the problem.
 */
export const LIMITS = {
  targetLayers: 512,
  draftLayers: 64,
  maxRequests: 2 ** 16,
  bucketMax: 2 ** 20,
  chips: 2 ** 16,
  blockSize: 1024,
} as const;

// ---------------------------------------------------------------------------------------- helpers

function dim(out: ValidationIssue[], path: IssuePath, name: string, v: number | undefined, max: number = MAX_DIM): void {
  if (v === undefined) return;
  if (!isPositiveInt(v)) out.push(issue(path, "dim-not-positive-integer", `${name} = ${show(v)} must be a positive integer`));
  else if (v > max) out.push(issue(path, "dim-too-large", `${name} = ${show(v)} is larger than dflashc supports (at most ${max})`));
}

const TARGET_DIMS = ["vocabSize", "hiddenSize", "intermediateSize", "numHeads", "numKvHeads", "headDim", "maxPositions"] as const;
const DRAFT_DIMS = ["intermediateSize", "numHeads", "numKvHeads", "headDim", "slidingWindow"] as const;

/** The draft's resolved head counts, as resolve.ts computes them. */
function draftHeads(d: DFlashDraft, t: TargetModel) {
  return { numHeads: d.numHeads ?? t.numHeads, numKvHeads: d.numKvHeads ?? t.numKvHeads };
}

// Python keywords and TypeScript/JavaScript reserved words: a name becomes an identifier in both.
const RESERVED = new Set(
  (
    "false none true and as assert async await break class continue def del elif else except finally for from global if import in is " +
    "lambda nonlocal not or pass raise return try while with yield case catch const debugger default delete do enum export extends " +
    "function instanceof new null super switch this throw typeof var void implements interface let package private protected public " +
    "static match type"
  ).split(" "),
);
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

const MAX_NAME = 64;

// ------------------------------------------------------------------------------------------ rules

const dims: Rule = {
  name: "dims are positive integers",
  codes: ["dim-not-positive-integer", "dim-too-large"],
  check: (d) => {
    const out: ValidationIssue[] = [];
    for (const k of TARGET_DIMS) dim(out, ["target", k], k, d.target[k]);
    dim(out, ["target", "numLayers"], "numLayers", d.target.numLayers, LIMITS.targetLayers);
    if (d.draft) {
      for (const k of DRAFT_DIMS) dim(out, ["draft", k], `draft.${k}`, d.draft[k]);
      dim(out, ["draft", "numLayers"], "draft.numLayers", d.draft.numLayers, LIMITS.draftLayers);
    }
    const caches: [string, PagedKV | { maxContext: number }][] = [["target", d.cache.target]];
    if (d.cache.draft) caches.push(["draft", d.cache.draft]);
    for (const [which, c] of caches) {
      if ("pageSize" in c) {
        dim(out, ["cache", which, "pageSize"], "pageSize", c.pageSize);
        dim(out, ["cache", which, "numPages"], "numPages", c.numPages);
      }
      dim(out, ["cache", which, "maxContext"], "maxContext", c.maxContext);
    }
    dim(out, ["batching", "maxRequests"], "maxRequests", d.batching.maxRequests, LIMITS.maxRequests);
    return out;
  },
};

const positiveReals: Rule = {
  name: "ropeTheta and rmsNormEps are positive",
  codes: ["value-not-positive"],
  check: (d) => {
    const out: ValidationIssue[] = [];
    const each: [IssuePath, number | undefined][] = [
      [["target", "ropeTheta"], d.target.ropeTheta],
      [["target", "rmsNormEps"], d.target.rmsNormEps],
      [["draft", "ropeTheta"], d.draft?.ropeTheta],
      [["draft", "rmsNormEps"], d.draft?.rmsNormEps],
    ];
    for (const [path, v] of each) {
      if (v !== undefined && !(v > 0)) out.push(issue(path, "value-not-positive", `${path.join(".")} = ${show(v)} must be greater than 0`));
    }
    return out;
  },
};

const names: Rule = {
  name: "names are identifiers",
  codes: ["invalid-identifier"],
  check: (d) => {
    const out: ValidationIssue[] = [];
    for (const [path, v] of [
      [["name"], d.name],
      [["target", "name"], d.target.name],
    ] as const) {
      const why = !IDENTIFIER.test(v)
        ? "must match [a-z_][a-z0-9_]*"
        : RESERVED.has(v)
          ? "is a reserved word in Python or TypeScript"
          : v.length > MAX_NAME
            ? `is longer than ${MAX_NAME} characters`
            : undefined;
      if (why) out.push(issue(path, "invalid-identifier", `${path.join(".")} = ${show(v)} ${why}: it becomes a Python and TypeScript identifier`));
    }
    // The decoder's name is the generated Python package's: no standard library module, dependency or dunder name.
    const shadow = typeof d.name === "string" && IDENTIFIER.test(d.name) && !RESERVED.has(d.name) ? packageShadowProblem(d.name) : null;
    if (shadow) out.push(issue(["name"], "invalid-identifier", `name = ${show(d.name)}: ${shadow.replace(/^"[^"]*" /, "")}; pick another name`));
    return out;
  },
};

const heads: Rule = {
  name: "numHeads is a multiple of numKvHeads",
  codes: ["heads-not-divisible"],
  check: (d) => {
    const out: ValidationIssue[] = [];
    const t = d.target;
    if (isPositiveInt(t.numHeads) && isPositiveInt(t.numKvHeads) && t.numHeads % t.numKvHeads !== 0) {
      out.push(issue(["target", "numKvHeads"], "heads-not-divisible", `numHeads = ${t.numHeads} is not a multiple of numKvHeads = ${t.numKvHeads}`));
    }
    if (d.draft && (d.draft.numHeads !== undefined || d.draft.numKvHeads !== undefined)) {
      const h = draftHeads(d.draft, t);
      if (isPositiveInt(h.numHeads) && isPositiveInt(h.numKvHeads) && h.numHeads % h.numKvHeads !== 0) {
        const at = d.draft.numKvHeads !== undefined ? "numKvHeads" : "numHeads";
        out.push(issue(["draft", at], "heads-not-divisible", `the draft's numHeads = ${h.numHeads} is not a multiple of its numKvHeads = ${h.numKvHeads}`));
      }
    }
    return out;
  },
};

const headDim: Rule = {
  name: "hiddenSize == numHeads * headDim unless headDim is explicit",
  codes: ["hidden-size-not-divisible"],
  check: (d) => {
    const t = d.target;
    if (t.headDim !== undefined || !isPositiveInt(t.hiddenSize) || !isPositiveInt(t.numHeads) || t.hiddenSize % t.numHeads === 0) return [];
    return [
      issue(
        ["target", "hiddenSize"],
        "hidden-size-not-divisible",
        `hiddenSize = ${t.hiddenSize} is not numHeads * headDim: ${t.numHeads} heads do not divide it; declare headDim explicitly`,
      ),
    ];
  },
};

const evenHeadDim: Rule = {
  name: "head dims are even (RoPE rotates pairs of dimensions)",
  codes: ["head-dim-odd"],
  check: (d) => {
    const t = d.target;
    const out: ValidationIssue[] = [];
    // The resolved head dims (resolve.ts); values other rules report are skipped.
    const whole = (n: number, k: number) => (isPositiveInt(n) && isPositiveInt(k) && n % k === 0 ? n / k : undefined);
    const targetDim = t.headDim !== undefined ? (isPositiveInt(t.headDim) ? t.headDim : undefined) : whole(t.hiddenSize, t.numHeads);
    if (targetDim !== undefined && targetDim % 2 !== 0) {
      out.push(issue(["target", t.headDim !== undefined ? "headDim" : "hiddenSize"], "head-dim-odd", `the target's head dim ${targetDim} is odd: rotary embeddings need an even head dim`));
    }
    const dr = d.draft;
    if (dr) {
      const draftDim = dr.headDim !== undefined ? (isPositiveInt(dr.headDim) ? dr.headDim : undefined) : dr.numHeads !== undefined ? whole(t.hiddenSize, dr.numHeads) : undefined;
      if (draftDim !== undefined && draftDim % 2 !== 0) {
        out.push(issue(["draft", dr.headDim !== undefined ? "headDim" : "numHeads"], "head-dim-odd", `the draft's head dim ${draftDim} is odd: rotary embeddings need an even head dim`));
      }
    }
    return out;
  },
};

const draftDims: Rule = {
  name: "the draft's dims agree with the target's shared embedding and LM head",
  codes: ["draft-dims-mismatch"],
  check: (d) => {
    const dr = d.draft;
    const t = d.target;
    // The draft's hidden size is the target's; without its own headDim, its head dim is hiddenSize / numHeads.
    if (!dr || dr.numHeads === undefined || dr.headDim !== undefined || !isPositiveInt(dr.numHeads) || !isPositiveInt(t.hiddenSize)) return [];
    if (t.hiddenSize % dr.numHeads === 0) return [];
    return [
      issue(
        ["draft", "numHeads"],
        "draft-dims-mismatch",
        `draft.numHeads = ${dr.numHeads} does not divide the hidden size ${t.hiddenSize} the draft shares with the target; declare draft.headDim`,
      ),
    ];
  },
};

const layerIds: Rule = {
  name: "targetLayerIds are in range, unique and ascending",
  codes: ["draft-layers-empty", "draft-layer-not-integer", "draft-layer-out-of-range", "draft-layer-duplicate", "draft-layers-not-ascending"],
  check: (d) => {
    const dr = d.draft;
    const L = d.target.numLayers;
    if (!dr || !isPositiveInt(L) || !isPositiveInt(dr.numLayers) || dr.numLayers > LIMITS.draftLayers) return [];
    const declared = dr.targetLayerIds !== undefined;
    const ids = dr.targetLayerIds ?? defaultTargetLayerIds(L, dr.numLayers);
    const name = (i: number) => (declared ? `targetLayerIds[${i}]` : `the default targetLayerIds[${i}]`);
    const path = (i: number): IssuePath => (declared ? ["draft", "targetLayerIds", i] : ["draft", "targetLayerIds"]);
    const hint = declared ? "" : `; declare targetLayerIds (default for ${dr.numLayers} draft layers: [${ids.join(", ")}])`;
    if (ids.length === 0) return [issue(["draft", "targetLayerIds"], "draft-layers-empty", "targetLayerIds is empty: the draft needs at least one target layer")];
    const out: ValidationIssue[] = [];
    ids.forEach((id, i) => {
      if (!isInt(id)) out.push(issue(path(i), "draft-layer-not-integer", `${name(i)} = ${show(id)} is not a layer id${hint}`));
      else if (id < 0 || id >= L) {
        out.push(issue(path(i), "draft-layer-out-of-range", `${name(i)} = ${id}, but the target has ${L} layers (0..${L - 1})${hint}`));
      } else if (ids.indexOf(id) < i) {
        out.push(issue(path(i), "draft-layer-duplicate", `${name(i)} = ${id} repeats targetLayerIds[${ids.indexOf(id)}]${hint}`));
      } else if (i > 0 && isInt(ids[i - 1]) && id < ids[i - 1]) {
        out.push(issue(path(i), "draft-layers-not-ascending", `${name(i)} = ${id} comes after ${ids[i - 1]}: targetLayerIds must ascend${hint}`));
      }
    });
    return out;
  },
};

const maskToken: Rule = {
  name: "maskTokenId < vocabSize",
  codes: ["mask-token-out-of-range"],
  check: (d) => {
    const dr = d.draft;
    const V = d.target.vocabSize;
    if (!dr || !isPositiveInt(V)) return [];
    const m = dr.maskTokenId;
    if (isInt(m) && m >= 0 && m < V) return [];
    return [issue(["draft", "maskTokenId"], "mask-token-out-of-range", `maskTokenId = ${show(m)}, but the vocabulary has ${V} tokens (0..${V - 1})`)];
  },
};

const tokenizer: Rule = {
  name: "tokenizer: \"byte\" fits the vocabulary, EOS ids inside it",
  codes: ["tokenizer-vocab", "tokenizer-path", "eos-token-out-of-range"],
  check: (d) => {
    const V = d.target.vocabSize;
    const out: ValidationIssue[] = [];
    if (d.tokenizer === "byte" && isPositiveInt(V) && V < 256) {
      out.push(issue(["tokenizer"], "tokenizer-vocab", `the byte-level tokenizer has 256 ids, but the vocabulary has ${V} tokens: raise target.vocabSize to 256 or more`));
    }
    if (d.tokenizer !== undefined && d.tokenizer.trim() === "") out.push(issue(["tokenizer"], "tokenizer-path", `tokenizer is empty: use "byte" or a tokenizer folder's path`));
    d.eosTokenIds?.forEach((id, i) => {
      if (isPositiveInt(V) && !(isInt(id) && id >= 0 && id < V)) {
        out.push(issue(["eosTokenIds", i], "eos-token-out-of-range", `eosTokenIds[${i}] = ${show(id)}, but the vocabulary has ${V} tokens (0..${V - 1})`));
      }
    });
    return out;
  },
};

const blockSize: Rule = {
  name: "blockSize in 2..1024, required iff there is a draft",
  codes: ["block-size-without-draft", "block-size-missing", "block-size-out-of-range"],
  check: (d) => {
    const K = d.blockSize;
    if (!d.draft) {
      return K === undefined ? [] : [issue(["blockSize"], "block-size-without-draft", "blockSize is set but there is no draft: a target-only decoder has no blocks")];
    }
    if (K === undefined) return [issue(["blockSize"], "block-size-missing", "a decoder with a draft needs blockSize (16 is typical)")];
    if (isInt(K) && K >= 2 && K <= LIMITS.blockSize) return [];
    return [issue(["blockSize"], "block-size-out-of-range", `blockSize = ${show(K)} must be an integer in 2..${LIMITS.blockSize}`)];
  },
};

/** Most cycles one decode call may run: the loop's outputs grow with C, and 64 blocks is far past any gain. */
export const MAX_CYCLES_PER_DISPATCH = 64;

const cyclesPerDispatch: Rule = {
  name: "cyclesPerDispatch: integers in 1..64, ascending and unique, 1 included, C > 1 only with a draft",
  codes: ["invalid-cycles-per-dispatch"],
  check: (d) => {
    const cs = d.cyclesPerDispatch;
    if (cs === undefined) return [];
    const bad = (path: IssuePath, message: string) => [issue(path, "invalid-cycles-per-dispatch", message)];
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (!isInt(c) || c < 1 || c > MAX_CYCLES_PER_DISPATCH) return bad(["cyclesPerDispatch", i], `cyclesPerDispatch[${i}] = ${show(c)} must be an integer in 1..${MAX_CYCLES_PER_DISPATCH}`);
      if (i > 0 && c <= cs[i - 1]) return bad(["cyclesPerDispatch", i], `cyclesPerDispatch must ascend without repeats: ${show(c)} after ${show(cs[i - 1])}`);
    }
    if (cs[0] !== 1) return bad(["cyclesPerDispatch"], `cyclesPerDispatch must include 1 (the engine falls back to one cycle near a limit), e.g. [1, 4]`);
    if (!d.draft && cs.length > 1) return bad(["cyclesPerDispatch"], "cyclesPerDispatch above 1 needs a draft: a target-only decoder runs one token per call");
    return [];
  },
};

const draftCache: Rule = {
  name: "a draft cache is declared iff there is a draft",
  codes: ["draft-cache-missing", "draft-cache-without-draft"],
  check: (d) => {
    if (d.draft && !d.cache.draft) {
      return [issue(["cache", "draft"], "draft-cache-missing", "the decoder has a draft, so cache.draft is required (e.g. staticKV({ maxContext }))")];
    }
    if (!d.draft && d.cache.draft) return [issue(["cache", "draft"], "draft-cache-without-draft", "cache.draft is declared but the decoder has no draft")];
    return [];
  },
};

const pageSize: Rule = {
  name: "pageSize is a power of two",
  codes: ["page-size-not-power-of-two"],
  check: (d) => {
    const out: ValidationIssue[] = [];
    for (const [which, c] of [["target", d.cache.target], ["draft", d.cache.draft]] as const) {
      if (c?.kind === "paged" && isPositiveInt(c.pageSize) && !isPow2(c.pageSize)) {
        out.push(issue(["cache", which, "pageSize"], "page-size-not-power-of-two", `pageSize = ${c.pageSize} must be a power of two`));
      }
    }
    return out;
  },
};

const enoughPages: Rule = {
  name: "enough pages for maxRequests blocks plus the trash page",
  codes: ["not-enough-pages"],
  check: (d) => {
    const R = d.batching.maxRequests;
    const K = d.draft ? d.blockSize : 1;
    if (!isPositiveInt(R) || R > LIMITS.maxRequests || !isPositiveInt(K) || K > LIMITS.blockSize) return [];
    const out: ValidationIssue[] = [];
    for (const [which, c] of [["target", d.cache.target], ["draft", d.cache.draft]] as const) {
      if (c?.kind !== "paged" || !isPow2(c.pageSize) || !isPositiveInt(c.numPages)) continue;
      const perRequest = Math.ceil(K / c.pageSize);
      const needed = R * perRequest + 1;
      if (c.numPages < needed) {
        out.push(
          issue(
            ["cache", which, "numPages"],
            "not-enough-pages",
            `numPages = ${c.numPages} is too few: ${R} requests of one block (${K} tokens, ${perRequest} page${perRequest > 1 ? "s" : ""} each) plus the trash page need ${needed}`,
          ),
        );
      }
    }
    return out;
  },
};

const maxContext: Rule = {
  name: "cache maxContext <= maxPositions",
  codes: ["max-context-exceeds-positions"],
  check: (d) => {
    const P = d.target.maxPositions;
    if (!isPositiveInt(P)) return [];
    const out: ValidationIssue[] = [];
    for (const [which, c] of [["target", d.cache.target], ["draft", d.cache.draft]] as const) {
      const m = c?.maxContext;
      if (isPositiveInt(m) && m > P) {
        out.push(issue(["cache", which, "maxContext"], "max-context-exceeds-positions", `maxContext = ${m} is more than the target's maxPositions = ${P}`));
      }
    }
    return out;
  },
};

function bucketIssues(b: Pow2Buckets, path: IssuePath, name: string): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const end of ["min", "max"] as const) {
    const v = b[end];
    const p = [...path, end];
    if (!(v >= 1)) out.push(issue(p, "bucket-below-one", `${name}.${end} = ${show(v)}: buckets are at least 1`));
    else if (!isPow2(v)) out.push(issue(p, "bucket-not-power-of-two", `${name}.${end} = ${show(v)} must be a power of two`));
    else if (v > LIMITS.bucketMax) out.push(issue(p, "dim-too-large", `${name}.${end} = ${v} is larger than dflashc supports (at most ${LIMITS.bucketMax})`));
  }
  if (out.length === 0 && b.min > b.max) out.push(issue([...path, "min"], "bucket-min-exceeds-max", `${name}.min = ${b.min} is more than ${name}.max = ${b.max}`));
  return out;
}

const buckets: Rule = {
  name: "buckets are powers of two with min <= max, and the request buckets hold maxRequests",
  codes: ["bucket-below-one", "bucket-not-power-of-two", "dim-too-large", "bucket-min-exceeds-max", "request-bucket-too-small", "token-bucket-too-small"],
  check: (d) => {
    const b = d.batching;
    const out = bucketIssues(b.tokens, ["batching", "tokens"], "tokens");
    if (b.requests) {
      const own = bucketIssues(b.requests, ["batching", "requests"], "requests");
      out.push(...own);
      if (own.length === 0 && isPositiveInt(b.maxRequests) && b.requests.max < b.maxRequests) {
        out.push(
          issue(["batching", "requests", "max"], "request-bucket-too-small", `requests.max = ${b.requests.max} is less than maxRequests = ${b.maxRequests}`),
        );
      }
      // A prefill call brings at least one token per request: some token bucket must hold the smallest request bucket.
      if (out.length === 0 && b.tokens.max < b.requests.min) {
        out.push(
          issue(
            ["batching", "tokens", "max"],
            "token-bucket-too-small",
            `tokens.max = ${b.tokens.max} is less than requests.min = ${b.requests.min}: no prefill bucket holds one token per request`,
          ),
        );
      }
    }
    return out;
  },
};

const layerTypes: Rule = {
  name: "layerTypes has one entry per draft layer; slidingWindow given iff a layer slides",
  codes: ["layer-types-length", "sliding-window-missing", "sliding-window-unused"],
  check: (d) => {
    const dr = d.draft;
    if (!dr) return [];
    const out: ValidationIssue[] = [];
    const types = dr.layerTypes;
    if (types !== undefined && isPositiveInt(dr.numLayers) && types.length !== dr.numLayers) {
      out.push(issue(["draft", "layerTypes"], "layer-types-length", `layerTypes has ${types.length} entries, but the draft has ${dr.numLayers} layers`));
    }
    const sliding = types?.indexOf("sliding_attention") ?? -1;
    if (sliding >= 0 && dr.slidingWindow === undefined) {
      out.push(issue(["draft", "layerTypes", sliding], "sliding-window-missing", `layerTypes[${sliding}] is sliding_attention but slidingWindow is not set`));
    }
    if (sliding < 0 && dr.slidingWindow !== undefined) {
      out.push(issue(["draft", "slidingWindow"], "sliding-window-unused", "slidingWindow is set but no entry of layerTypes is sliding_attention"));
    }
    return out;
  },
};

const ropeScaling: Rule = {
  name: "ropeScaling values are sane",
  codes: ["rope-scaling-invalid"],
  check: (d) => {
    const s = d.target.ropeScaling;
    if (!s) return [];
    const out: ValidationIssue[] = [];
    const at = (k: string): IssuePath => ["target", "ropeScaling", k];
    if (!(s.factor >= 1)) out.push(issue(at("factor"), "rope-scaling-invalid", `ropeScaling.factor = ${show(s.factor)} must be at least 1`));
    if (!(s.lowFreqFactor > 0)) out.push(issue(at("lowFreqFactor"), "rope-scaling-invalid", `ropeScaling.lowFreqFactor = ${show(s.lowFreqFactor)} must be greater than 0`));
    else if (!(s.highFreqFactor > s.lowFreqFactor)) {
      out.push(
        issue(at("highFreqFactor"), "rope-scaling-invalid", `ropeScaling.highFreqFactor = ${show(s.highFreqFactor)} must be greater than lowFreqFactor = ${show(s.lowFreqFactor)}`),
      );
    }
    const o = s.originalMaxPositions;
    if (!isPositiveInt(o)) out.push(issue(at("originalMaxPositions"), "rope-scaling-invalid", `ropeScaling.originalMaxPositions = ${show(o)} must be a positive integer`));
    else if (isPositiveInt(d.target.maxPositions) && o > d.target.maxPositions) {
      out.push(
        issue(at("originalMaxPositions"), "rope-scaling-invalid", `ropeScaling.originalMaxPositions = ${o} is more than maxPositions = ${d.target.maxPositions}`),
      );
    }
    return out;
  },
};

const chips: Rule = {
  name: "hardware chips is a positive integer",
  codes: ["chips-not-positive-integer"],
  check: (d) => {
    const c = d.hardware?.chips;
    if (c === undefined || (isPositiveInt(c) && c <= LIMITS.chips)) return [];
    return [issue(["hardware", "chips"], "chips-not-positive-integer", `hardware.chips = ${show(c)} must be an integer in 1..${LIMITS.chips}`)];
  },
};

/** Every semantic rule but the memory fit (validate-memory.ts), which needs all of these to pass. */
export const RULES: readonly Rule[] = [
  dims,
  positiveReals,
  names,
  heads,
  headDim,
  evenHeadDim,
  draftDims,
  layerIds,
  maskToken,
  tokenizer,
  blockSize,
  cyclesPerDispatch,
  draftCache,
  pageSize,
  enoughPages,
  maxContext,
  buckets,
  layerTypes,
  ropeScaling,
  chips,
];
