/**
 * scatter, with the spec's full dimension numbers. Updates are applied in row-major order of the
 * update scatter positions; each update window combines with the current values through the
 * update region `(input_0..input_N-1, update_0..update_N-1) -> (..)`. A window that does not fit
 * entirely inside the input is skipped (XLA's behaviour; the spec leaves it to the implementation),
 * so out-of-bounds updates are dropped.
 */
import { scatterAttr } from "../attrs.js";
import type { OpRule } from "../context.js";
import { InterpreterError } from "../errors.js";
import { elementBody } from "../element-body.js";
import { stridedCopy } from "../strided.js";
import { finish, stridesOf, type Scalar, type TensorData } from "../tensor.js";
import { batchPosition, forEachIndex, IndexVectors } from "./index-space.js";

/** True when the update body just returns its update argument (a plain overwrite). */
function isOverwrite(op: Parameters<OpRule>[0]): boolean {
  const block = op.regions[0]?.blocks[0];
  if (!block || block.args.length !== 2 || block.ops.length !== 1) return false;
  const ret = block.ops[0];
  return ret.operands.length === 1 && ret.operands[0].name === block.args[1].name;
}

export const scatterRule: OpRule = (op, operands, ctx) => {
  const n = (operands.length - 1) / 2;
  const inputs = operands.slice(0, n);
  const indices = operands[n];
  const updates = operands.slice(n + 1);
  const dn = scatterAttr(op);
  const iShape = inputs[0].type.shape;
  const iStrides = stridesOf(iShape);
  const uShape = updates[0].type.shape;
  const uStrides = stridesOf(uShape);
  const windowUpdateDims = new Set(dn.updateWindowDims);
  const scatterDims = uShape.map((_, d) => d).filter((d) => !windowUpdateDims.has(d));
  const vectors = new IndexVectors(indices, dn.indexVectorDim);
  if (vectors.batchShape.length !== scatterDims.length || scatterDims.some((d, i) => uShape[d] !== vectors.batchShape[i])) {
    throw new InterpreterError(`${op.name}: update scatter dims [${scatterDims.map((d) => uShape[d])}] do not match indices batch shape [${vectors.batchShape}]`, op.loc);
  }
  const dropped = new Set([...dn.insertedWindowDims, ...dn.inputBatchingDims]);
  const windowInputDims = iShape.map((_, d) => d).filter((d) => !dropped.has(d));
  if (windowInputDims.length !== dn.updateWindowDims.length) {
    throw new InterpreterError(`${op.name}: ${dn.updateWindowDims.length} update_window_dims for ${windowInputDims.length} window dims`, op.loc);
  }
  const windowShape = dn.updateWindowDims.map((d) => uShape[d]);
  const windowInStrides = windowInputDims.map((d) => iStrides[d]);
  const windowUpdStrides = dn.updateWindowDims.map((d) => uStrides[d]);
  const scatterUpdStrides = scatterDims.map((d) => uStrides[d]);
  // Per input dim: how far the window reaches (window size, or 1 for dropped dims).
  const extent = iShape.map(() => 1);
  windowInputDims.forEach((d, m) => (extent[d] = windowShape[m]));
  const batchPos = dn.scatterIndicesBatchingDims.map((d) => batchPosition(d, dn.indexVectorDim));

  const results: TensorData[] = inputs.map((t) => t.data.slice());
  const types = op.results.map((r) => r.type);
  const overwrite = n === 1 && isOverwrite(op);
  const body = overwrite ? undefined : elementBody(op.regions[0], ctx);
  const wide = inputs.some((t) => t.type.element === "i64");
  const args = (wide ? new Array<Scalar>(2 * n).fill(0) : new Float64Array(2 * n)) as Scalar[];
  const out = new Array<Scalar>(n).fill(0);
  const res = results as unknown as Scalar[][];
  const start = new Array<number>(vectors.length).fill(0);
  const full = new Array<number>(iShape.length).fill(0);

  forEachIndex(vectors.batchShape, (batch) => {
    vectors.read(batch, start);
    full.fill(0);
    for (let j = 0; j < start.length; j++) full[dn.scatterDimsToOperandDims[j]] += start[j];
    for (let i = 0; i < dn.inputBatchingDims.length; i++) full[dn.inputBatchingDims[i]] += batch[batchPos[i]];
    let dst = 0;
    for (let d = 0; d < iShape.length; d++) {
      if (full[d] < 0 || full[d] + extent[d] > iShape[d]) return; // out of bounds: skip the window
      dst += full[d] * iStrides[d];
    }
    let src = 0;
    for (let i = 0; i < batch.length; i++) src += batch[i] * scatterUpdStrides[i];
    if (overwrite) {
      stridedCopy(windowShape, updates[0].data, windowUpdStrides, src, results[0], windowInStrides, dst);
      return;
    }
    forEachIndex(windowShape, (w) => {
      let r = dst;
      let u = src;
      for (let m = 0; m < w.length; m++) {
        r += w[m] * windowInStrides[m];
        u += w[m] * windowUpdStrides[m];
      }
      for (let k = 0; k < n; k++) {
        args[k] = res[k][r];
        args[n + k] = updates[k].data[u];
      }
      body!(args, out);
      for (let k = 0; k < n; k++) res[k][r] = out[k];
    });
  });
  return types.map((type, k) => ({ type, data: finish(type.element, results[k]) }));
};
