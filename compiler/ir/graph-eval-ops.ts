/**
 * Plain reference implementations of the graph ops, one per op, straight from docs/kernels.md.
 * Floats are computed in f32 (f64 accumulators for sums), and a bf16 result is rounded once per op.
 * Index semantics follow XLA, which the StableHLO lowering inherits: gathers and dynamic_update_slice
 * clamp their start indices; scatters drop out-of-range rows.
 */
import type { GType, OpAttrMap, OpName } from "./graph.js";
import { ropeInvFreq } from "../../contract/rope.js";
import { roundArray, strides, zeros, type GraphTensor } from "./graph-tensor.js";
import { evalAcceptSample, evalSamplingProbs } from "./graph-eval-sampling.js";

export interface EvalContext {
  call(name: string, args: readonly GraphTensor[]): GraphTensor[];
}

export type EvalRule<K extends OpName> = (x: readonly GraphTensor[], attrs: OpAttrMap[K], out: readonly GType[], ctx: EvalContext) => GraphTensor[];

const f = (t: GraphTensor) => t.data as Float32Array;
const n = (t: GraphTensor) => t.data as Int32Array;
const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** A float result of type `type`, filled by `fill`, rounded to its dtype. */
function floatOut(type: GType, fill: (o: Float32Array) => void): GraphTensor {
  const t = zeros(type);
  fill(f(t));
  roundArray(f(t), type.dtype);
  return t;
}

function copy(t: GraphTensor): GraphTensor {
  return { dtype: t.dtype, shape: t.shape, data: t.data.slice() };
}

/** Row-wise RMSNorm over the last axis of width `w.length`. */
function rmsRows(x: Float32Array, w: Float32Array, eps: number, o: Float32Array): void {
  const h = w.length;
  for (let r = 0; r < x.length / h; r++) {
    let ss = 0;
    for (let j = 0; j < h; j++) ss += x[r * h + j] * x[r * h + j];
    const meanSq = Math.fround(Math.fround(ss) / h);
    const inv = Math.fround(1 / Math.sqrt(Math.fround(meanSq + Math.fround(eps))));
    for (let j = 0; j < h; j++) o[r * h + j] = Math.fround(x[r * h + j] * inv) * w[j];
  }
}

/** `x[N, I] @ w[O, I]^T` into `o[N, O]`. */
function matmulT(x: Float32Array, w: Float32Array, rows: number, inner: number, outs: number, o: Float32Array, bias?: Float32Array): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < outs; c++) {
      let acc = 0;
      for (let k = 0; k < inner; k++) acc += x[r * inner + k] * w[c * inner + k];
      o[r * outs + c] = bias ? Math.fround(acc) + bias[c] : acc;
    }
  }
}

/**
 * Softmax attention of one query row over `keys` key rows: `valid(s)` masks, `kAt(s)`/`vAt(s)` give
 * each key row's offset; writes `d` outputs at `o[oOff]`.
 */
function attendRow(
  q: Float32Array, qOff: number, d: number, keys: number, valid: (s: number) => boolean,
  kData: Float32Array, kAt: (s: number) => number, vData: Float32Array, vAt: (s: number) => number,
  o: Float32Array, oOff: number,
): void {
  const scale = Math.fround(1 / Math.sqrt(d));
  const scores = new Float64Array(keys);
  let max = -Infinity;
  for (let s = 0; s < keys; s++) {
    if (!valid(s)) {
      scores[s] = -Infinity;
      continue;
    }
    let acc = 0;
    const ko = kAt(s);
    for (let j = 0; j < d; j++) acc += q[qOff + j] * kData[ko + j];
    scores[s] = Math.fround(Math.fround(acc) * scale);
    if (scores[s] > max) max = scores[s];
  }
  let sum = 0;
  for (let s = 0; s < keys; s++) {
    scores[s] = Math.fround(Math.exp(Math.fround(scores[s] - max)));
    sum += scores[s];
  }
  const total = Math.fround(sum);
  const acc = new Float64Array(d);
  for (let s = 0; s < keys; s++) {
    if (scores[s] === 0) continue;
    const p = Math.fround(scores[s] / total);
    const vo = vAt(s);
    for (let j = 0; j < d; j++) acc[j] += p * vData[vo + j];
  }
  for (let j = 0; j < d; j++) o[oOff + j] = acc[j];
}

export const EVAL_RULES: { readonly [K in OpName]: EvalRule<K> } = {
  embed([table, ids], _a, [out]) {
    const [v, h] = table.shape;
    return [floatOut(out, (o) => n(ids).forEach((id, r) => o.set(f(table).subarray(clamp(id, 0, v - 1) * h, (clamp(id, 0, v - 1) + 1) * h), r * h)))];
  },
  rmsNorm([x, w], { eps }, [out]) {
    return [floatOut(out, (o) => rmsRows(f(x), f(w), eps, o))];
  },
  linear([x, w, b], _a, [out]) {
    const [rows, inner] = x.shape;
    return [floatOut(out, (o) => matmulT(f(x), f(w), rows, inner, w.shape[0], o, b && f(b)))];
  },
  headNorm([x, w], { eps }, [out]) {
    return [floatOut(out, (o) => rmsRows(f(x), f(w), eps, o))];
  },
  rope([x, pos], { theta, scaling }, [out]) {
    const [rows, heads, d] = x.shape;
    const half = d / 2;
    const inv = ropeInvFreq(theta, d, scaling);
    return [
      floatOut(out, (o) => {
        const xs = f(x);
        for (let r = 0; r < rows; r++) {
          const p = Math.fround(n(pos)[r]);
          for (let i = 0; i < half; i++) {
            const angle = Math.fround(p * inv[i]);
            const c = Math.fround(Math.cos(angle));
            const s = Math.fround(Math.sin(angle));
            for (let hd = 0; hd < heads; hd++) {
              const base = (r * heads + hd) * d;
              const x1 = xs[base + i];
              const x2 = xs[base + i + half];
              o[base + i] = Math.fround(x1 * c) + Math.fround(-x2 * s);
              o[base + i + half] = Math.fround(x2 * c) + Math.fround(x1 * s);
            }
          }
        }
      }),
    ];
  },
  reshape([x], _a, [out]) {
    return [{ dtype: x.dtype, shape: out.shape, data: x.data }];
  },
  slice([x], { start }, [out]) {
    const t = zeros(out);
    const xs = strides(x.shape);
    const os = strides(out.shape);
    const total = t.data.length;
    for (let i = 0; i < total; i++) {
      let src = 0;
      let rem = i;
      for (let k = 0; k < out.shape.length; k++) {
        const c = Math.floor(rem / os[k]);
        rem -= c * os[k];
        src += (c + start[k]) * xs[k];
      }
      t.data[i] = x.data[src];
    }
    return [t];
  },
  concat(xs, { axis }, [out]) {
    const t = zeros(out);
    const outer = out.shape.slice(0, axis).reduce((a, b) => a * b, 1);
    const inner = out.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    let offset = 0;
    for (const x of xs) {
      const w = x.shape[axis] * inner;
      for (let o = 0; o < outer; o++) t.data.set(x.data.subarray(o * w, (o + 1) * w), o * out.shape[axis] * inner + offset);
      offset += w;
    }
    return [t];
  },
  add([a, b], _a, [out]) {
    return [floatOut(out, (o) => f(a).forEach((v, i) => (o[i] = v + f(b)[i])))];
  },
  swiglu([g, u], _a, [out]) {
    return [
      floatOut(out, (o) =>
        f(g).forEach((v, i) => {
          const sig = Math.fround(1 / (1 + Math.exp(-v)));
          o[i] = Math.fround(v * sig) * f(u)[i];
        }),
      ),
    ];
  },
  lmHead([x, w], _a, [out]) {
    const [rows, inner] = x.shape;
    return [floatOut(out, (o) => matmulT(f(x), f(w), rows, inner, w.shape[0], o))];
  },
  argmax([x], _a, [out]) {
    const t = zeros(out);
    const [rows, v] = x.shape;
    for (let r = 0; r < rows; r++) {
      let best = 0;
      for (let j = 1; j < v; j++) if (f(x)[r * v + j] > f(x)[r * v + best]) best = j;
      t.data[r] = best;
    }
    return [t];
  },
  acceptGreedy([block, target], _a, [out]) {
    const t = zeros(out);
    const [rows, k] = block.shape;
    for (let r = 0; r < rows; r++) {
      let a = 0;
      while (a + 1 < k && n(block)[r * k + a + 1] === n(target)[r * k + a]) a++;
      t.data[r] = a;
    }
    return [t];
  },
  samplingProbs(x, _a, [out]) {
    return [evalSamplingProbs(x, out)];
  },
  acceptSample(x, _a, out) {
    return evalAcceptSample(x, out);
  },
  makeBlock([last, drafts], { blockSize, maskTokenId }, [out]) {
    const t = zeros(out);
    n(last).forEach((b0, r) => {
      t.data[r * blockSize] = b0;
      for (let i = 1; i < blockSize; i++) t.data[r * blockSize + i] = drafts ? n(drafts)[r * (blockSize - 1) + i - 1] : maskTokenId;
    });
    return [t];
  },
  blockPositions([seqLens], { blockSize }, [out]) {
    const t = zeros(out);
    n(seqLens).forEach((s, r) => {
      for (let i = 0; i < blockSize; i++) t.data[r * blockSize + i] = s + i;
    });
    return [t];
  },
  gatherRows([table, idx], _a, [out]) {
    const t = zeros(out);
    const w = table.data.length / table.shape[0];
    n(idx).forEach((i, r) => t.data.set(table.data.subarray(clamp(i, 0, table.shape[0] - 1) * w, (clamp(i, 0, table.shape[0] - 1) + 1) * w), r * w));
    return [t];
  },
  scatterRows([table, idx, rows]) {
    const t = copy(table);
    const s = table.shape[0];
    const w = table.data.length / s;
    n(idx).forEach((i, r) => {
      if (i >= 0 && i < s) t.data.set(rows.data.subarray(r * w, (r + 1) * w), i * w);
    });
    return [t];
  },
  stateRows([next, held, lens], _a, [out]) {
    const t = zeros(out);
    n(next).forEach((v, r) => {
      t.data[2 * r] = n(held)[r] >= 0 ? n(held)[r] : v;
      t.data[2 * r + 1] = n(lens)[r];
    });
    return [t];
  },
  advanceState([state, tokens, accepted], _a, [out]) {
    const t = zeros(out);
    const [r, k] = tokens.shape;
    for (let j = 0; j < r; j++) {
      const a = accepted ? clamp(n(accepted)[j], 0, k - 1) : 0;
      t.data[2 * j] = n(tokens)[j * k + a];
      t.data[2 * j + 1] = n(state)[2 * j + 1] + a + 1;
    }
    return [t];
  },
  pagedRows([tables, pos], { pageSize }, [out]) {
    const t = zeros(out);
    const [g, p] = tables.shape;
    const q = pos.shape[1];
    for (let a = 0; a < g; a++) {
      for (let b = 0; b < q; b++) {
        const position = n(pos)[a * q + b];
        const col = clamp(Math.trunc(position / pageSize), 0, p - 1);
        t.data[a * q + b] = n(tables)[a * p + col] * pageSize + (position % pageSize);
      }
    }
    return [t];
  },
  constI32(_x, { value }, [out]) {
    const t = zeros(out);
    t.data[0] = value;
    return [t];
  },
  writePagedRows([pool, k, v, rows, layerT]) {
    const t = copy(pool);
    const [layers, , h, pages, ps, d] = pool.shape;
    const layer = n(layerT)[0];
    // Pool [L, 2, kvHeads, pages, pageSize, D]: flat row r of head kh of K (kv 0) or V (1).
    const at = (kv: number, kh: number, r: number) => (((layer * 2 + kv) * h + kh) * pages * ps + r) * d;
    n(rows).forEach((r, i) => {
      if (layer < 0 || layer >= layers || r < 0 || r >= pages * ps) return;
      for (let kh = 0; kh < h; kh++) {
        const src = (i * h + kh) * d;
        t.data.set(k.data.subarray(src, src + d), at(0, kh, r));
        t.data.set(v.data.subarray(src, src + d), at(1, kh, r));
      }
    });
    return [t];
  },
  writeStaticRows([cache, x, rows], { layer }) {
    const t = copy(cache);
    const [, slots, cap, h, d] = cache.shape;
    const row = h * d;
    const base = layer * slots * cap * row;
    n(rows).forEach((r, i) => {
      if (r < 0 || r >= slots * cap) return;
      t.data.set(x.data.subarray(i * row, (i + 1) * row), base + r * row);
    });
    return [t];
  },
  writeStaticBlock([cache, x, slots, starts], { layer }) {
    const t = copy(cache);
    const [, numSlots, cap, h, d] = cache.shape;
    const [r, k] = x.shape;
    const w = k * h * d;
    for (let i = 0; i < r; i++) {
      const slot = clamp(n(slots)[i], 0, numSlots - 1);
      const start = clamp(n(starts)[i], 0, cap - k);
      t.data.set(x.data.subarray(i * w, (i + 1) * w), ((layer * numSlots + slot) * cap + start) * h * d);
    }
    return [t];
  },
  readStaticCache([cache, slots], { layer }, [out]) {
    const t = zeros(out);
    const [, numSlots, cap, h, d] = cache.shape;
    const w = cap * h * d;
    n(slots).forEach((s, i) => {
      const src = (layer * numSlots + clamp(s, 0, numSlots - 1)) * w;
      t.data.set(cache.data.subarray(src, src + w), i * w);
    });
    return [t];
  },
  readPagedCache([pool, tables], { layer, kv }, [out]) {
    const t = zeros(out);
    const [, , h, pages, ps, d] = pool.shape;
    const [g, p] = tables.shape;
    for (let a = 0; a < g; a++) {
      for (let s = 0; s < p * ps; s++) {
        const page = clamp(n(tables)[a * p + Math.floor(s / ps)], 0, pages - 1);
        for (let kh = 0; kh < h; kh++) {
          const src = ((((layer * 2 + kv) * h + kh) * pages + page) * ps + (s % ps)) * d;
          t.data.set(pool.data.subarray(src, src + d), ((a * p * ps + s) * h + kh) * d);
        }
      }
    }
    return [t];
  },
  pagedAttention([q, pool, tables, pos, layerT, groupTable], _attrs, [out]) {
    const [g, nq, heads, d] = q.shape;
    const [layers, , kvHeads, pages, ps] = pool.shape;
    const layer = clamp(n(layerT)[0], 0, layers - 1);
    const [rows, p] = tables.shape;
    const rep = heads / kvHeads;
    return [
      floatOut(out, (o) => {
        for (let a = 0; a < g; a++) {
          const row = groupTable ? clamp(n(groupTable)[a], 0, rows - 1) : a;
          const pageOf = (s: number) => clamp(n(tables)[row * p + Math.floor(s / ps)], 0, pages - 1);
          const at = (s: number, kv: number, kh: number) => ((((layer * 2 + kv) * kvHeads + kh) * pages + pageOf(s)) * ps + (s % ps)) * d;
          for (let b = 0; b < nq; b++) {
            const limit = n(pos)[a * nq + b];
            for (let hd = 0; hd < heads; hd++) {
              const kh = Math.floor(hd / rep);
              const off = ((a * nq + b) * heads + hd) * d;
              attendRow(f(q), off, d, p * ps, (s) => s <= limit, f(pool), (s) => at(s, 0, kh), f(pool), (s) => at(s, 1, kh), o, off);
            }
          }
        }
      }),
    ];
  },
  blockAttention([q, kCtx, vCtx, kBlk, vBlk, seqLens], { window }, [out]) {
    const [r, k, heads, d] = q.shape;
    const [, c, kvHeads] = kCtx.shape;
    const rep = heads / kvHeads;
    // One key list per request and KV head: the C context rows, then the K block rows.
    return [
      floatOut(out, (o) => {
        const keys = new Float32Array((c + k) * d);
        const vals = new Float32Array((c + k) * d);
        for (let a = 0; a < r; a++) {
          const len = n(seqLens)[a];
          for (let kh = 0; kh < kvHeads; kh++) {
            for (let s = 0; s < c + k; s++) {
              const src = s < c ? ((a * c + s) * kvHeads + kh) * d : ((a * k + s - c) * kvHeads + kh) * d;
              keys.set(f(s < c ? kCtx : kBlk).subarray(src, src + d), s * d);
              vals.set(f(s < c ? vCtx : vBlk).subarray(src, src + d), s * d);
            }
            for (let i = 0; i < k; i++) {
              const valid = (s: number) => s >= c || (s < len && (window === null || s > len + i - window));
              for (let hd = kh * rep; hd < (kh + 1) * rep; hd++) {
                const off = ((a * k + i) * heads + hd) * d;
                attendRow(f(q), off, d, c + k, valid, keys, (s) => s * d, vals, (s) => s * d, o, off);
              }
            }
          }
        }
      }),
    ];
  },
  call(x, { callee }, _out, ctx) {
    return ctx.call(callee, x);
  },
  scanLayers(x, { callee, layers, carries, invariants, collect }, _out, ctx) {
    let carried = x.slice(0, carries);
    const fixed = x.slice(carries, carries + invariants);
    const stacked = x.slice(carries + invariants);
    const collected: GraphTensor[] = new Array<GraphTensor>(collect.length);
    for (let i = 0; i < layers; i++) {
      const slices = stacked.map((s) => layerSlice(s, i));
      const index: GraphTensor = { dtype: "i32", shape: [], data: Int32Array.of(i) };
      carried = ctx.call(callee, [...carried, ...fixed, index, ...slices]);
      collect.forEach((l, k) => {
        if (l === i) collected[k] = carried[0];
      });
    }
    return [...carried, ...collected];
  },
  cycleLoop(x, { callee, cycles, carries }, _out, ctx) {
    let carried = x.slice(0, carries);
    const fixed = x.slice(carries);
    for (let i = 0; i < cycles && n(carried[0]).some((v) => v > 0); i++) {
      carried = ctx.call(callee, [...carried, ...fixed, { dtype: "i32", shape: [], data: Int32Array.of(i) }]);
    }
    return carried;
  },
  maskRows([x, live], { fill }) {
    const t = copy(x);
    const w = x.data.length / x.shape[0];
    n(live).forEach((v, r) => {
      if (v <= 0) t.data.fill(fill, r * w, (r + 1) * w);
    });
    return [t];
  },
  remainingAfter([remaining, tokens, accepted, stopIds]) {
    const t = copy(remaining);
    const [r, k] = tokens.shape;
    const s = stopIds.shape[1];
    for (let j = 0; j < r; j++) {
      const left = n(remaining)[j];
      if (left <= 0) continue;
      const a = clamp(n(accepted)[j], 0, k - 1);
      let hit = false;
      for (let c = 0; c <= a && !hit; c++) {
        for (let q = 0; q < s; q++) if (n(tokens)[j * k + c] === n(stopIds)[j * s + q]) hit = true;
      }
      t.data[j] = hit ? 0 : Math.max(left - (a + 1), 0);
    }
    return [t];
  },
  writeCycle([buf, x, i]) {
    const t = copy(buf);
    const row = clamp(n(i)[0], 0, buf.shape[0] - 1);
    t.data.set(x.data, row * x.data.length);
    return [t];
  },
  cycleBuffer(_x, { value }, [out]) {
    const t = zeros(out);
    t.data.fill(value);
    return [t];
  },
};

/** Layer `i` of a stacked tensor `[L, ...]` (a view: the evaluator never modifies its inputs). */
function layerSlice(s: GraphTensor, i: number): GraphTensor {
  const shape = s.shape.slice(1);
  const n = shape.reduce((a, b) => a * b, 1);
  return { dtype: s.dtype, shape, data: s.data.subarray(i * n, (i + 1) * n) };
}
