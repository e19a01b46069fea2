import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ModuleBuilder } from "../../stablehlo/builder.js";
import { type Module, type Op, roundBf16, tensorType } from "../../stablehlo/ir.js";
import { parseModule, parseModules } from "../../stablehlo/parser.js";
import { formatFloat, printModule, printModules, printOp } from "../../stablehlo/printer.js";
import { verifyModule } from "../../stablehlo/verifier.js";

// Regenerate the fixture after an intended printer change (then read the diff):
//   UPDATE_STABLEHLO_FIXTURES=1 npx vitest run test/stablehlo/printer.test.ts
const ALL_OPS_FIXTURE = fileURLToPath(new URL("./fixtures/all-ops.mlir", import.meta.url));

const f32 = (...shape: number[]) => tensorType(shape, "f32");
const bf16 = (...shape: number[]) => tensorType(shape, "bf16");
const i32 = (...shape: number[]) => tensorType(shape, "i32");
const i1 = (...shape: number[]) => tensorType(shape, "i1");

/** One module that uses every op the printer knows, built the way the kernel emitter builds. */
function allOpsModule(): Module {
  const m = new ModuleBuilder("all_ops", {
    "mhlo.num_partitions": { kind: "int", value: 1, type: "i32" },
    "mhlo.num_replicas": { kind: "int", value: 1, type: "i32" },
  });
  m.func("layer_0", "private", [{ type: f32(2, 4) }, { type: f32(4, 4) }], (f, [x, w]) => {
    const y = f.dotGeneral(x, w, { lhsContract: [1], rhsContract: [0] });
    return [f.tanh(y), y];
  });
  m.func(
    "main",
    "public",
    [
      { type: f32(2, 4), attrs: { "jax.buffer_donor": { kind: "bool", value: true } } },
      { type: f32(4, 4) },
      { type: i32(3) },
      { type: bf16(2, 3, 4) },
      { name: "pos", type: i32() },
    ],
    (f, [x, w, idx, xb, pos]) => {
      const a = f.add(x, x);
      const b = f.subtract(a, x);
      const c = f.multiply(b, x);
      const d = f.divide(c, a);
      const e = f.maximum(d, f.minimum(a, b));
      const p = f.power(f.abs(e), f.floor(e));
      const r = f.remainder(p, f.negate(p));
      const u = f.logistic(f.sine(f.cosine(f.rsqrt(f.sqrt(f.log(f.exp(r)))))));
      const gt = f.compare("GT", u, x);
      const eq = f.compare("EQ", idx, idx);
      const lt = f.compare("LT", u, x, "TOTALORDER");
      const mask = f.not(f.or(f.and(gt, lt), f.xor(gt, lt)));
      const sel = f.select(mask, u, x);
      const zero = f.scalar(0, "f32");
      const one = f.scalar(1, "f32");
      const clamped = f.clamp(zero, sel, one);
      const table = f.constant(f32(2, 2), [0.1, 1 / 3, -0, 1e-40]);
      const specials = f.constant(f32(3), [NaN, Infinity, -Infinity]);
      const bfc = f.constant(bf16(2), [0.1, 3.140625]);
      const bools = f.constant(i1(2), [1, 0]);
      const ints = f.constant(i32(2, 2), [1, -2, 3, 2147483647]);
      const splat = f.constant(f32(2, 4), 0.5);
      const iota = f.iota(i32(4, 2), 1);
      const reshaped = f.reshape(clamped, [4, 2]);
      const transposed = f.transpose(reshaped, [1, 0]);
      const row = f.slice(transposed, [0, 0], [1, 4]);
      const strided = f.slice(transposed, [0, 1], [2, 4], [1, 2]);
      const bcast = f.broadcastInDim(f.reshape(row, [4]), [2, 4], [1]);
      const cat = f.concatenate([bcast, splat], 0);
      const dyn = f.dynamicSlice(cat, [pos, pos], [2, 4]);
      const upd = f.dynamicUpdateSlice(cat, dyn, [pos, f.scalar(0, "i32")]);
      const batched = f.dotGeneral(xb, xb, { lhsBatch: [0], rhsBatch: [0], lhsContract: [2], rhsContract: [2] }, "f32");
      const sum = f.reduce(upd, zero, [1], "add");
      const sumsq = f.reduce(upd, zero, [0], (g, l, rr) => g.add(l, g.multiply(rr, rr)));
      const iotaRows = f.iota(i32(2, 4), 1);
      const [maxv, argmax] = f.reduceMulti([clamped, iotaRows], [f.scalar(-Infinity, "f32"), f.scalar(0, "i32")], [1], (g, [av, ai], [bv, bi]) => {
        const better = g.compare("GT", av, bv);
        const tie = g.and(g.compare("EQ", av, bv), g.compare("LT", ai, bi));
        const pickA = g.or(better, tie);
        return [g.select(pickA, av, bv), g.select(pickA, ai, bi)];
      });
      const gathered = f.gather(
        w,
        f.reshape(idx, [3, 1]),
        { offsetDims: [1], collapsedSliceDims: [0], startIndexMap: [0], indexVectorDim: 1 },
        [1, 4],
      );
      const updates = f.constant(f32(3, 4), 2);
      const scatterDims = { updateWindowDims: [1], insertedWindowDims: [0], scatterDimsToOperandDims: [0], indexVectorDim: 1 };
      const replaced = f.scatter(w, f.reshape(idx, [3, 1]), updates, scatterDims, "replace", { uniqueIndices: true });
      const accumulated = f.scatter(replaced, f.reshape(idx, [3, 1]), updates, scatterDims, "add");
      const [count, total] = f.while(
        [f.scalar(0, "i32"), zero],
        (g, [k]) => g.compare("LT", k, g.scalar(3, "i32")),
        (g, [k, acc]) => [g.add(k, g.scalar(1, "i32")), g.add(acc, one)],
      );
      const [layerOut] = f.call("layer_0", [a, w]);
      const asBf16 = f.convert(layerOut, "bf16");
      const back = f.convert(asBf16, "f32");
      const ceil = f.unary("ceil", back);
      const sign = f.unary("sign", ceil);
      return [sign, eq, mask, table, specials, bfc, bools, ints, iota, strided, batched, sum, sumsq, maxv, argmax, gathered, accumulated, count, total];
    },
  );
  return m.build();
}

describe("printer", () => {
  const module = allOpsModule();
  const text = printModule(module);

  it("prints the all-ops module exactly as the fixture", () => {
    // Regenerated only by hand, never in CI (as `npm run golden`): with CI set this always compares.
    if (process.env.UPDATE_STABLEHLO_FIXTURES && !process.env.CI) writeFileSync(ALL_OPS_FIXTURE, text);
    expect(text).toBe(readFileSync(ALL_OPS_FIXTURE, "utf8"));
  });

  it("prints text that parses, verifies and re-prints identically", () => {
    const parsed = parseModule(text, "all-ops.mlir");
    expect(verifyModule(parsed)).toEqual([]);
    expect(printModule(parsed)).toBe(text);
  });

  it("is deterministic", () => {
    expect(printModule(allOpsModule())).toBe(text);
  });

  it("uses the forms JAX prints", () => {
    const lines = text.split("\n").map((l) => l.trim());
    const expected = [
      "module @all_ops attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {",
      "func.func private @layer_0(%arg0: tensor<2x4xf32>, %arg1: tensor<4x4xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>) {",
      "%0 = stablehlo.dot_general %arg0, %arg1, contracting_dims = [1] x [0] : (tensor<2x4xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>",
      "return %1, %0 : tensor<2x4xf32>, tensor<2x4xf32>",
      "func.func public @main(%arg0: tensor<2x4xf32> {jax.buffer_donor = true}, %arg1: tensor<4x4xf32>, %arg2: tensor<3xi32>, %arg3: tensor<2x3x4xbf16>, %pos: tensor<i32>) -> (tensor<2x4xf32>, tensor<3xi1>, tensor<2x4xi1>, tensor<2x2xf32>, tensor<3xf32>, tensor<2xbf16>, tensor<2xi1>, tensor<2x2xi32>, tensor<4x2xi32>, tensor<2x2xf32>, tensor<2x3x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<2xf32>, tensor<2xi32>, tensor<3x4xf32>, tensor<4x4xf32>, tensor<i32>, tensor<f32>) {",
      "%0 = stablehlo.add %arg0, %arg0 : tensor<2x4xf32>",
      "%18 = stablehlo.compare  GT, %17, %arg0,  FLOAT : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xi1>",
      "%19 = stablehlo.compare  EQ, %arg2, %arg2,  SIGNED : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi1>",
      "%25 = stablehlo.select %24, %17, %arg0 : tensor<2x4xi1>, tensor<2x4xf32>",
      "%26 = stablehlo.constant dense<0.000000e+00> : tensor<f32>",
      "%28 = stablehlo.clamp %26, %25, %27 : (tensor<f32>, tensor<2x4xf32>, tensor<f32>) -> tensor<2x4xf32>",
      "%29 = stablehlo.constant dense<[[1.000000e-01, 3.3333334e-01], [-0.000000e+00, 9.999946e-41]]> : tensor<2x2xf32>",
      "%30 = stablehlo.constant dense<[0x7FC00000, 0x7F800000, 0xFF800000]> : tensor<3xf32>",
      "%31 = stablehlo.constant dense<[1.000977e-01, 3.140625e+00]> : tensor<2xbf16>",
      "%32 = stablehlo.constant dense<[true, false]> : tensor<2xi1>",
      "%35 = stablehlo.iota dim = 1 : tensor<4x2xi32>",
      "%37 = stablehlo.transpose %36, dims = [1, 0] : (tensor<4x2xf32>) -> tensor<2x4xf32>",
      "%38 = stablehlo.slice %37 [0:1, 0:4] : (tensor<2x4xf32>) -> tensor<1x4xf32>",
      "%39 = stablehlo.slice %37 [0:2, 1:4:2] : (tensor<2x4xf32>) -> tensor<2x2xf32>",
      "%41 = stablehlo.broadcast_in_dim %40, dims = [1] : (tensor<4xf32>) -> tensor<2x4xf32>",
      "%42 = stablehlo.concatenate %41, %34, dim = 0 : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<4x4xf32>",
      "%43 = stablehlo.dynamic_slice %42, %pos, %pos, sizes = [2, 4] : (tensor<4x4xf32>, tensor<i32>, tensor<i32>) -> tensor<2x4xf32>",
      "%45 = stablehlo.dynamic_update_slice %42, %43, %pos, %44 : (tensor<4x4xf32>, tensor<2x4xf32>, tensor<i32>, tensor<i32>) -> tensor<4x4xf32>",
      "%46 = stablehlo.dot_general %arg3, %arg3, batching_dims = [0] x [0], contracting_dims = [2] x [2] : (tensor<2x3x4xbf16>, tensor<2x3x4xbf16>) -> tensor<2x3x3xf32>",
      "%47 = stablehlo.reduce(%45 init: %26) applies stablehlo.add across dimensions = [1] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>",
      "%48 = stablehlo.reduce(%45 init: %26) across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>",
      "reducer(%arg5: tensor<f32>, %arg6: tensor<f32>) {",
      "%54:2 = stablehlo.reduce(%28 init: %52), (%51 init: %53) across dimensions = [1] : (tensor<2x4xf32>, tensor<2x4xi32>, tensor<f32>, tensor<i32>) -> (tensor<2xf32>, tensor<2xi32>)",
      "reducer(%arg7: tensor<f32>, %arg9: tensor<f32>) (%arg8: tensor<i32>, %arg10: tensor<i32>) {",
      "stablehlo.return %60, %61 : tensor<f32>, tensor<i32>",
      '%63 = "stablehlo.gather"(%arg1, %62) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 4>}> : (tensor<4x4xf32>, tensor<3x1xi32>) -> tensor<3x4xf32>',
      '%66 = "stablehlo.scatter"(%arg1, %65, %64) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = true}> ({',
      "^bb0(%arg11: tensor<f32>, %arg12: tensor<f32>):",
      "%71:2 = stablehlo.while(%iterArg = %70, %iterArg_0 = %26) : tensor<i32>, tensor<f32>",
      "cond {",
      "} do {",
      "%77:2 = func.call @layer_0(%0, %arg1) : (tensor<2x4xf32>, tensor<4x4xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>)",
      "%78 = stablehlo.convert %77#0 : (tensor<2x4xf32>) -> tensor<2x4xbf16>",
    ];
    for (const line of expected) expect(lines).toContain(line);
  });

  it("falls back to the generic form when an op carries more than its pretty form says", () => {
    const op: Op = {
      name: "stablehlo.add",
      operands: [
        { name: "%a", type: f32(2) },
        { name: "%b", type: f32(2) },
      ],
      results: [{ name: "%c", type: f32(2) }],
      attrs: { note: { kind: "string", value: 'say "hi"' } },
      regions: [],
    };
    const printed = printOp(op, "  ");
    expect(printed).toBe('  %c = "stablehlo.add"(%a, %b) <{note = "say \\22hi\\22"}> : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>');
    const text = `func.func @f(%a: tensor<2xf32>, %b: tensor<2xf32>) -> tensor<2xf32> {\n${printed}\n  return %c : tensor<2xf32>\n}\n`;
    const parsed = parseModule(text, "g.mlir").funcs[0].body.ops[0];
    expect(parsed.attrs.note).toEqual({ kind: "string", value: 'say "hi"' });
  });

  it("separates several modules with // -----", () => {
    const text2 = printModules([allOpsModule(), allOpsModule()]);
    const parts = parseModules(text2, "two.mlir");
    expect(parts).toHaveLength(2);
    expect(printModules(parts)).toBe(text2);
  });
});

describe("float literals", () => {
  // A seeded generator: the same values on every run.
  let seed = 12345;
  const rand = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const bits = new Uint32Array(1);
  const asF32 = new Float32Array(bits.buffer);

  it("prints f32 values that re-parse to the identical f32", () => {
    for (let i = 0; i < 2000; i++) {
      bits[0] = Math.floor(rand() * 2 ** 32);
      const v = asF32[0];
      if (!Number.isFinite(v)) continue;
      const s = formatFloat(v, "f32");
      expect(Math.fround(Number(s))).toBe(v);
    }
  });

  it("uses MLIR's six-digit form when it is exact and more digits when not", () => {
    expect(formatFloat(1, "f32")).toBe("1.000000e+00");
    expect(formatFloat(Math.fround(0.1), "f32")).toBe("1.000000e-01");
    expect(formatFloat(Math.fround(1 / 3), "f32")).toBe("3.3333334e-01");
    expect(formatFloat(1 / 3, "f64")).toBe("3.333333333333333e-01");
    expect(formatFloat(-0, "f32")).toBe("-0.000000e+00");
    expect(formatFloat(1e-300, "f64")).toBe("1.000000e-300");
  });

  it("prints bf16 values that re-parse to the identical bf16", () => {
    for (let i = 0; i < 500; i++) {
      const v = roundBf16((rand() - 0.5) * 10 ** Math.floor(rand() * 20 - 10));
      expect(roundBf16(Number(formatFloat(v, "bf16")))).toBe(v);
    }
  });

  it("prints NaN and infinities as hex bit patterns that parse back", () => {
    expect(formatFloat(NaN, "f32")).toBe("0x7FC00000");
    expect(formatFloat(Infinity, "bf16")).toBe("0x7F80");
    expect(formatFloat(-Infinity, "f64")).toBe("0xFFF0000000000000");
    const m = parseModule(
      "func.func @f() {\n  %0 = stablehlo.constant dense<[0x7FC00000, 0x7F800000, 0xFF800000]> : tensor<3xf32>\n  return\n}\n",
      "h.mlir",
    );
    const v = m.funcs[0].body.ops[0].attrs.value;
    expect(v.kind === "dense" && v.value.values).toEqual([NaN, Infinity, -Infinity]);
  });
});
