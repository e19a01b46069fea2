/**
 * Builds the kernel graph of every KernelSig of a plan (docs/kernels.md says what each computes).
 * `@main` takes exactly the signature's arguments and returns its results; decoder layers are
 * functions (build-kernels-layers.ts), one per distinct layer body: the target's layers run as one
 * `scanLayers` loop over the stacked layer weights, the draft's few layers are called once each.
 */
import { GraphBuilder, type FuncBuilder, type GVal } from "../ir/graph-builder.js";
import { GraphError, type KernelGraph } from "../ir/graph.js";
import { verifyGraph } from "../ir/graph-verify.js";
import type { DecoderPlan, ResolvedDraft } from "../ir/plan.js";
import { draftContextFunc, draftLayerFunc, targetLayerFunc } from "./build-kernels-layers.js";
import { decodeLoopCycles, type KernelSig, type TensorSig } from "../../contract/manifest.js";

/** What a kernel body needs: the plan, the signature, and main's builder with every argument. */
interface Ctx {
  readonly plan: DecoderPlan;
  readonly sig: KernelSig;
  readonly g: GraphBuilder;
  readonly main: FuncBuilder;
  readonly weights: readonly TensorSig[];
  /** Current value of each cache (updated as layers write). */
  readonly caches: Map<string, GVal>;
  /** The batch's rows of the device state, read once (`requestState`). */
  state: RequestRows | null;
  /** Values that stand for arguments of the same name (a decode cycle's masked slots and tables); others are `main`'s params. */
  readonly bound?: ReadonlyMap<string, GVal>;
}

/** A decode kernel's view of its rows of `seq_state`: `rows[R, 2]`, and its two columns. */
interface RequestRows {
  readonly rows: GVal;
  /** Last committed token of each request `[R]`. */
  readonly lastTokens: GVal;
  /** Valid cache rows (committed - 1) `[R]`. */
  readonly seqLens: GVal;
}

/**
 * The rows of `seq_state` at `slots` (padded rows: slot -1, clamped to the never-written slot 0). Each
 * column is built on first use, so a kernel that reads only the lengths (verify) has no dead values.
 */
function requestState(c: Ctx): RequestRows {
  if (c.state) return c.state;
  const b = c.main;
  const rows = b.gatherRows(c.caches.get("seq_state")!, arg(c, "slots"));
  const r = rows.type.shape[0];
  const columns: GVal[] = [];
  const column = (i: number) => (columns[i] ??= b.reshape(b.slice(rows, [0, i], [r, i + 1]), [r]));
  c.state = {
    rows,
    get lastTokens() {
      return column(0);
    },
    get seqLens() {
      return column(1);
    },
  };
  return c.state;
}

/** Writes each request's state after a step that committed `tokens[r, 0..accepted[r]]` (accepted null: one token). */
function advanceRequestState(c: Ctx, tokens: GVal, accepted: GVal | null): void {
  const b = c.main;
  const next = b.advanceState(requestState(c).rows, tokens, accepted);
  c.caches.set("seq_state", b.scatterRows(c.caches.get("seq_state")!, arg(c, "slots"), next));
}

const arg = (c: Ctx, name: string) => c.bound?.get(name) ?? c.main.param(name);
const draftOf = (c: Ctx): ResolvedDraft => {
  if (!c.plan.draft) throw new GraphError(`${c.sig.kernel} needs a draft model`);
  return c.plan.draft;
};

function lmHeadWeight(c: Ctx): GVal {
  return c.main.hasParam("target.lm_head.weight") ? arg(c, "target.lm_head.weight") : arg(c, "target.model.embed_tokens.weight");
}

/** Greedy tokens of hidden rows `x[N,H]` through `normName` and the target's LM head. */
function greedy(c: Ctx, x: GVal, normName: string, eps: number): GVal {
  return c.main.argmax(c.main.lmHead(c.main.rmsNorm(x, arg(c, normName), eps), lmHeadWeight(c)));
}

/**
 * Runs every target layer on `x[N,H]` (`positions[G,Q]`, pool rows `rows[N]`; group `g` reads its
 * pages through row `groupTable[g]` of `tables[R,P]`, or row `g` without a groupTable); returns the
 * final hidden rows and (with `withFeatures`, when there is a drafter) the outputs of the layers that feed
 * it, in `targetLayerIds` order.
 */
function targetLayers(c: Ctx, x: GVal, positions: GVal, tables: GVal, rows: GVal, groupTable?: GVal, withFeatures = true): { x: GVal; features: GVal[] } {
  const m = c.plan.target;
  const [groups, perGroup] = positions.type.shape;
  const poolSig = c.sig.args.find((a) => a.name === "target_kv")!;
  const layer = targetLayerFunc(c.g, m, c.weights, poolSig, groups, perGroup, tables.type, groupTable !== undefined);
  const invariants = groupTable ? [positions, tables, groupTable, rows] : [positions, tables, rows];
  const collect = c.plan.draft && withFeatures ? c.plan.draft.targetLayerIds : [];
  const [y, kv, ...features] = c.main.scanLayers(layer.fn, [x, c.caches.get("target_kv")!], invariants, layer.weights.map((w) => arg(c, w.name)), m.numLayers, collect);
  c.caches.set("target_kv", kv);
  return { x: y, features };
}

/** How the projected context rows land in the draft cache. */
type CtxWrite =
  | { readonly kind: "rows"; readonly rows: GVal }
  | { readonly kind: "block"; readonly positions: GVal };

/** Target features `[N,H] x F` → `hidden_norm(fc(concat))` → each draft layer's K/V rows, written per `write`. */
function writeDraftContext(c: Ctx, features: readonly GVal[], positionsFlat: GVal, write: CtxWrite): void {
  const d = draftOf(c);
  const m = d.model;
  const b = c.main;
  const feats = features.length === 1 ? features[0] : b.concat(features, 1);
  const ctx = b.rmsNorm(b.linear(feats, arg(c, "draft.fc.weight")), arg(c, "draft.hidden_norm.weight"), m.rmsNormEps);
  const rows = ctx.type.shape[0];
  const cache = c.plan.caches.draft!;
  for (let j = 0; j < m.numLayers; j++) {
    const layer = draftContextFunc(c.g, m, c.weights, j, rows);
    const [k, v] = b.call(layer.fn, [ctx, positionsFlat, ...layer.weights.map((w) => arg(c, w.name))]);
    if (cache.kind === "paged") {
      const flatRows =
        write.kind === "rows"
          ? write.rows
          : b.reshape(b.pagedRows(arg(c, "draft_block_tables"), write.positions, cache.pageSize), [rows]);
      c.caches.set("draft_kv", b.writePagedRows(c.caches.get("draft_kv")!, k, v, flatRows, b.constI32(j)));
    } else if (write.kind === "rows") {
      c.caches.set("draft_k", b.writeStaticRows(c.caches.get("draft_k")!, k, write.rows, j));
      c.caches.set("draft_v", b.writeStaticRows(c.caches.get("draft_v")!, v, write.rows, j));
    } else {
      const [r, kk] = write.positions.type.shape;
      const blk = (t: GVal) => b.reshape(t, [r, kk, m.numKvHeads, m.headDim]);
      const starts = requestState(c).seqLens;
      c.caches.set("draft_k", b.writeStaticBlock(c.caches.get("draft_k")!, blk(k), arg(c, "draft_slots"), starts, j));
      c.caches.set("draft_v", b.writeStaticBlock(c.caches.get("draft_v")!, blk(v), arg(c, "draft_slots"), starts, j));
    }
  }
}

/** The DFlash block forward from the draft cache: `draft_tokens[R, K-1]`. */
function draftBlock(c: Ctx): GVal {
  const d = draftOf(c);
  const m = d.model;
  const b = c.main;
  const K = c.plan.blockSize;
  const { seqLens, lastTokens } = requestState(c);
  const r = seqLens.type.shape[0];
  const block = b.makeBlock(lastTokens, null, K, d.maskTokenId);
  const positions = b.reshape(b.blockPositions(seqLens, K), [r * K]);
  let x = b.embed(arg(c, "target.model.embed_tokens.weight"), b.reshape(block, [r * K]));
  const cache = c.plan.caches.draft!;
  for (let j = 0; j < m.numLayers; j++) {
    const [kCtx, vCtx] =
      cache.kind === "static"
        ? [b.readStaticCache(c.caches.get("draft_k")!, arg(c, "draft_slots"), j), b.readStaticCache(c.caches.get("draft_v")!, arg(c, "draft_slots"), j)]
        : [b.readPagedCache(c.caches.get("draft_kv")!, arg(c, "draft_block_tables"), j, 0), b.readPagedCache(c.caches.get("draft_kv")!, arg(c, "draft_block_tables"), j, 1)];
    const window = d.layerTypes[j] === "sliding_attention" ? d.slidingWindow : null;
    const layer = draftLayerFunc(c.g, m, c.weights, j, r, K, kCtx.type.shape[1], window);
    [x] = b.call(layer.fn, [x, positions, seqLens, kCtx, vCtx, ...layer.weights.map((w) => arg(c, w.name))]);
  }
  // Only block positions 1..K-1 become draft tokens: skip row 0 before the (vocab-wide) LM head.
  const h = m.hiddenSize;
  const rest = b.reshape(b.slice(b.reshape(x, [r, K, h]), [0, 1, 0], [r, K, h]), [r * (K - 1), h]);
  return b.reshape(greedy(c, rest, "draft.norm.weight", m.rmsNormEps), [r, K - 1]);
}

/** Turns the target's hidden rows `x[R*K, H]` at `block[R, K]` into `accepted[R]` and `target_tokens[R, K]`. */
type Verdict = (c: Ctx, x: GVal, block: GVal) => { accepted: GVal; targetTokens: GVal };

const greedyVerdict: Verdict = (c, x, block) => {
  const m = c.plan.target;
  const targetTokens = c.main.reshape(greedy(c, x, "target.model.norm.weight", m.rmsNormEps), block.type.shape);
  return { accepted: c.main.acceptGreedy(block, targetTokens), targetTokens };
};

/** The target's sampling probabilities `[R, Q, V]` at hidden rows `x[R*Q, H]`, under the per-request parameters. */
function targetProbs(c: Ctx, x: GVal, r: number, q: number): GVal {
  const b = c.main;
  const m = c.plan.target;
  const logits = b.reshape(b.lmHead(b.rmsNorm(x, arg(c, "target.model.norm.weight"), m.rmsNormEps), lmHeadWeight(c)), [r, q, m.vocabSize]);
  return b.samplingProbs(logits, arg(c, "temperature"), arg(c, "top_k"), arg(c, "top_p"));
}

/** Speculative sampling against the one-hot draft in `block` (docs/kernels.md, "Sampling"). */
const samplingVerdict: Verdict = (c, x, block) => {
  const [r, k] = block.type.shape;
  const [accepted, targetTokens] = c.main.acceptSample(block, targetProbs(c, x, r, k), arg(c, "uniforms"));
  return { accepted, targetTokens };
};

/** Target forward over `block[R,K]` at `seq_lens + i`, acceptance by `verdict`, draft-context write. */
function verifyBlock(c: Ctx, block: GVal, verdict: Verdict = greedyVerdict): { accepted: GVal; targetTokens: GVal } {
  const b = c.main;
  const K = c.plan.blockSize;
  const [r] = block.type.shape;
  const positions = b.blockPositions(requestState(c).seqLens, K);
  const tables = arg(c, "block_tables");
  const rows = b.reshape(b.pagedRows(tables, positions, c.plan.caches.target.pageSize), [r * K]);
  const x0 = b.embed(arg(c, "target.model.embed_tokens.weight"), b.reshape(block, [r * K]));
  const { x, features } = targetLayers(c, x0, positions, tables, rows);
  const { accepted, targetTokens } = verdict(c, x, block);
  writeDraftContext(c, features, b.reshape(positions, [r * K]), { kind: "block", positions });
  return { accepted, targetTokens };
}

/** One autoregressive target step: `last_tokens[R]` at positions `seq_lens`, K/V written; the final hidden rows `[R, H]`. */
function targetStepHidden(c: Ctx): GVal {
  const b = c.main;
  const { lastTokens } = requestState(c);
  const r = lastTokens.type.shape[0];
  const positions = b.blockPositions(requestState(c).seqLens, 1);
  const tables = arg(c, "block_tables");
  const rows = b.reshape(b.pagedRows(tables, positions, c.plan.caches.target.pageSize), [r]);
  return targetLayers(c, b.embed(arg(c, "target.model.embed_tokens.weight"), lastTokens), positions, tables, rows, undefined, false).x;
}

type Body = (c: Ctx) => Record<string, GVal>;

/** One speculative step on the cache state: draft, verify `[b0, drafts]`, commit. */
function decodeStep(c: Ctx): { accepted: GVal; targetTokens: GVal; drafts: GVal } {
  const drafts = draftBlock(c);
  const block = c.main.makeBlock(requestState(c).lastTokens, drafts, c.plan.blockSize, draftOf(c).maskTokenId);
  const { accepted, targetTokens } = verifyBlock(c, block);
  advanceRequestState(c, targetTokens, accepted);
  return { accepted, targetTokens, drafts };
}

/** How a decode cycle finds a request's rows: the inputs a stopped request loses (its slot, its tables), padding values for it. */
const CYCLE_MASKED: Readonly<Record<string, number>> = { slots: -1, block_tables: 0, draft_slots: 0, draft_block_tables: 0 };

/**
 * `decode_loop_c<C>` (docs/kernels.md): up to C `decode_step` cycles in one `cycleLoop`. The cycle
 * function carries `remaining[R]` (tokens each request may still commit; 0 once it committed a stop
 * id), the per-cycle outputs and the caches; a request whose `remaining` is 0 runs as a padded row
 * (slot -1, trash page and slot), so its caches and `seq_state` stay as they were.
 */
function decodeLoop(c: Ctx, cycles: number): Record<string, GVal> {
  const b = c.main;
  const K = c.plan.blockSize;
  const slots = arg(c, "slots");
  const cacheNames = [...c.caches.keys()];
  const invariantNames = c.sig.args.filter((a) => a.role !== "cache" && a.name !== "budgets").map((a) => a.name);
  const buffers = [b.cycleBuffer(slots, cycles, [K], 0), b.cycleBuffer(slots, cycles, [], -1), b.cycleBuffer(slots, cycles, [K - 1], 0)];
  const carries = [arg(c, "budgets"), ...buffers, ...cacheNames.map((n) => c.caches.get(n)!)];
  const carryNames = ["remaining", "cycle_tokens", "cycle_accepted", "cycle_drafts", ...cacheNames];
  const invariants = invariantNames.map((n) => arg(c, n));
  const params = [...carryNames.map((name, k) => ({ name, type: carries[k].type })), ...invariantNames.map((name, k) => ({ name, type: invariants[k].type })), { name: "cycle", type: { shape: [], dtype: "i32" as const } }];
  const fb = c.g.func("decode_cycle", params);
  const remaining = fb.param("remaining");
  const bound = new Map(invariantNames.filter((n) => n in CYCLE_MASKED).map((n) => [n, fb.maskRows(fb.param(n), remaining, CYCLE_MASKED[n])]));
  const cc: Ctx = { ...c, main: fb, caches: new Map(cacheNames.map((n) => [n, fb.param(n)])), state: null, bound };
  const { accepted, targetTokens, drafts } = decodeStep(cc);
  const i = fb.param("cycle");
  const next = [
    fb.remainingAfter(remaining, targetTokens, accepted, fb.param("stop_ids")),
    fb.writeCycle(fb.param("cycle_tokens"), targetTokens, i),
    fb.writeCycle(fb.param("cycle_accepted"), fb.maskRows(accepted, remaining, -1), i),
    fb.writeCycle(fb.param("cycle_drafts"), drafts, i),
    ...cacheNames.map((n) => cc.caches.get(n)!),
  ];
  fb.ret(next);
  const [, tokens, acceptedAll, draftTokens, ...finalCaches] = b.cycleLoop("decode_cycle", carries, invariants, cycles);
  cacheNames.forEach((n, k) => c.caches.set(n, finalCaches[k]));
  return { tokens, accepted: acceptedAll, draft_tokens: draftTokens };
}

const BODIES: Record<Exclude<KernelSig["kernel"], `decode_loop_c${number}`>, Body> = {
  prefill(c) {
    const b = c.main;
    const m = c.plan.target;
    const tokens = arg(c, "tokens");
    const t = tokens.type.shape[0];
    const positions = b.reshape(arg(c, "positions"), [t, 1]);
    // One group per token, reading its pages through its request's row of block_tables.
    const x0 = b.embed(arg(c, "target.model.embed_tokens.weight"), tokens);
    const { x, features } = targetLayers(c, x0, positions, arg(c, "block_tables"), arg(c, "target_rows"), arg(c, "token_request"));
    if (c.plan.draft) writeDraftContext(c, features, arg(c, "positions"), { kind: "rows", rows: arg(c, "draft_rows") });
    const next = greedy(c, b.gatherRows(x, arg(c, "last_index")), "target.model.norm.weight", m.rmsNormEps);
    const rows = b.stateRows(next, arg(c, "state_tokens"), arg(c, "state_lens"));
    c.caches.set("seq_state", b.scatterRows(c.caches.get("seq_state")!, arg(c, "state_slots"), rows));
    return { next_tokens: next };
  },
  draft(c) {
    return { draft_tokens: draftBlock(c) };
  },
  verify(c) {
    const { accepted, targetTokens } = verifyBlock(c, arg(c, "block_tokens"));
    advanceRequestState(c, targetTokens, accepted);
    return { accepted, target_tokens: targetTokens };
  },
  decode_step(c) {
    const { accepted, targetTokens, drafts } = decodeStep(c);
    return { accepted, target_tokens: targetTokens, draft_tokens: drafts };
  },
  target_step(c) {
    const b = c.main;
    const m = c.plan.target;
    const next = greedy(c, targetStepHidden(c), "target.model.norm.weight", m.rmsNormEps);
    advanceRequestState(c, b.reshape(next, [next.type.shape[0], 1]), null);
    return { next_tokens: next };
  },
  verify_sample(c) {
    const { accepted, targetTokens } = verifyBlock(c, arg(c, "block_tokens"), samplingVerdict);
    advanceRequestState(c, targetTokens, accepted);
    return { accepted, target_tokens: targetTokens };
  },
  decode_step_sample(c) {
    const drafts = draftBlock(c);
    const block = c.main.makeBlock(requestState(c).lastTokens, drafts, c.plan.blockSize, draftOf(c).maskTokenId);
    const { accepted, targetTokens } = verifyBlock(c, block, samplingVerdict);
    advanceRequestState(c, targetTokens, accepted);
    return { accepted, target_tokens: targetTokens, draft_tokens: drafts };
  },
  target_step_sample(c) {
    const b = c.main;
    const { lastTokens } = requestState(c);
    const r = lastTokens.type.shape[0];
    const [, tokens] = b.acceptSample(b.reshape(lastTokens, [r, 1]), targetProbs(c, targetStepHidden(c), r, 1), arg(c, "uniforms"));
    advanceRequestState(c, tokens, null);
    return { next_tokens: b.reshape(tokens, [r]) };
  },
};

/** The verified graph of one kernel × bucket of `plan`. */
export function buildKernelGraph(plan: DecoderPlan, sig: KernelSig): KernelGraph {
  const g = new GraphBuilder(sig);
  const weights = sig.args.filter((a) => a.role === "weight");
  // main is finished last, after the layer functions it calls; finish() lists it first.
  const main = g.func(
    "main",
    sig.args.map((a) => ({ name: a.name, type: { shape: a.shape, dtype: a.dtype } })),
  );
  const caches = new Map(sig.args.filter((a) => a.role === "cache").map((a) => [a.name, main.param(a.name)]));
  const c: Ctx = { plan, sig, g, main, weights, caches, state: null };
  const cycles = decodeLoopCycles(sig.kernel);
  const outputs = cycles !== null ? decodeLoop(c, cycles) : BODIES[sig.kernel as keyof typeof BODIES](c);
  const results = sig.results.map((r) => {
    const v = r.role === "cache" ? caches.get(r.name) : outputs[r.name];
    if (!v) throw new GraphError(`${sig.kernel}.${sig.bucketId}: nothing computes result '${r.name}'`);
    return v;
  });
  main.ret(results);
  const graph = g.finish();
  verifyGraph(graph);
  return graph;
}

/** Every kernel graph of the plan, in plan order. */
export function buildKernelGraphs(plan: DecoderPlan): KernelGraph[] {
  return plan.kernels.map((sig) => buildKernelGraph(plan, sig));
}
