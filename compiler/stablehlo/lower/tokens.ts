/**
 * StableHLO lowering of the integer ops: argmax (a two-operand reduce, lowest index on ties), greedy
 * acceptance (a min-reduce over the first mismatch), block layout, block positions and paged row ids.
 */
import type { FuncBuilder } from "../../../stablehlo/builder.js";
import { tensorType, type Value } from "../../../stablehlo/ir.js";
import { bcast, splat, withScalar, type StableHloRules } from "./context.js";

/** Index of each row's maximum of `x[N, V]`; among equal maxima the lowest index wins. */
export function argmax(f: FuncBuilder, x: Value): Value {
  const [n, v] = x.type.shape;
  const idx = f.iota(tensorType([n, v], "i32"), 1);
  const [, best] = f.reduceMulti([x, idx], [splat(f, -Infinity, [], x.type.element), splat(f, 0, [], "i32")], [1], (g, [a, ai], [b, bi]) => {
    const takeA = g.or(g.compare("GT", a, b), g.and(g.compare("EQ", a, b), g.compare("LT", ai, bi)));
    return [g.select(takeA, a, b), g.select(takeA, ai, bi)];
  });
  return best;
}

/**
 * `a` = leading `i in 1..K-1` with `block[i] == target[i-1]`: each column j = i-1 proposes
 * `K-1` when it matches and `j` when it does not; the minimum is the first mismatch.
 */
function acceptGreedy(f: FuncBuilder, block: Value, target: Value): Value {
  const [r, k] = block.type.shape;
  if (k === 1) return splat(f, 0, [r], "i32");
  const drafted = f.slice(block, [0, 1], [r, k]);
  const predicted = f.slice(target, [0, 0], [r, k - 1]);
  const matches = f.compare("EQ", drafted, predicted);
  const column = f.iota(tensorType([r, k - 1], "i32"), 1);
  const proposal = f.select(matches, splat(f, k - 1, [r, k - 1], "i32"), column);
  return f.reduce(proposal, splat(f, k - 1, [], "i32"), [1], "minimum");
}

export const TOKEN_RULES: StableHloRules = {
  argmax: (f, [x]) => [argmax(f, x)],
  acceptGreedy: (f, [block, target]) => [acceptGreedy(f, block, target)],
  makeBlock: (f, [last, drafts], { blockSize, maskTokenId }) => {
    const r = last.type.shape[0];
    const first = f.reshape(last, [r, 1]);
    if (blockSize === 1) return [first];
    return [f.concatenate([first, drafts ?? splat(f, maskTokenId, [r, blockSize - 1], "i32")], 1)];
  },
  blockPositions: (f, [seqLens], { blockSize }) => {
    const shape = [seqLens.type.shape[0], blockSize];
    return [f.add(bcast(f, seqLens, shape, [0]), f.iota(tensorType(shape, "i32"), 1))];
  },
  pagedRows: (f, [tables, pos], { pageSize }) => {
    const [g, q] = pos.type.shape;
    const group = f.reshape(f.iota(tensorType([g, q], "i32"), 0), [g, q, 1]);
    const column = f.reshape(withScalar(f, "divide", pos, pageSize), [g, q, 1]);
    const page = f.gather(
      tables,
      f.concatenate([group, column], 2),
      { offsetDims: [], collapsedSliceDims: [0, 1], startIndexMap: [0, 1], indexVectorDim: 2 },
      [1, 1],
    );
    return [f.add(withScalar(f, "multiply", page, pageSize), withScalar(f, "remainder", pos, pageSize))];
  },
};
