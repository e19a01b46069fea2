/**
 * The per-element body of reduce and scatter: `(acc_0..acc_N-1, x_0..x_N-1) -> (acc'_0..)` on
 * scalars. All-scalar regions run compiled (scalar-region.ts); anything else runs through the
 * interpreter on rank-0 tensors, which is slow but exact.
 */
import type { Region } from "../ir.js";
import type { EvalContext } from "./context.js";
import { compileScalarRegion, type ScalarFn } from "./scalar-region.js";
import { allocData, type Scalar } from "./tensor.js";

export function elementBody(region: Region, ctx: EvalContext): ScalarFn {
  return compileScalarRegion(region) ?? interpretedBody(region, ctx);
}

function interpretedBody(region: Region, ctx: EvalContext): ScalarFn {
  const argTypes = region.blocks[0].args.map((a) => a.type);
  return (args, out) => {
    const tensors = argTypes.map((type, i) => {
      const data = allocData(type.element, 1);
      (data as unknown as Scalar[])[0] = args[i]; // number or (i64) bigint storage
      return { type, data };
    });
    const results = ctx.runRegion(region, tensors);
    for (let m = 0; m < results.length; m++) out[m] = results[m].data[0];
  };
}
