import { describe, expect, it } from "vitest";
import { type FuncBuilder, ModuleBuilder } from "../../stablehlo/builder.js";
import { type Module, type TensorType, type Value, roundBf16, tensorType } from "../../stablehlo/ir.js";
import { parseModule } from "../../stablehlo/parser.js";
import { printModule } from "../../stablehlo/printer.js";
import { verifyModule } from "../../stablehlo/verifier.js";

const f32 = (...shape: number[]) => tensorType(shape, "f32");
const i32 = (...shape: number[]) => tensorType(shape, "i32");
const DONOR = { "jax.buffer_donor": { kind: "bool" as const, value: true } };

/** x / sqrt(mean(x^2) + eps) * w over the last dimension of a [T, H] input. */
function rmsNorm(f: FuncBuilder, x: Value, w: Value, eps: number): Value {
  const [t, h] = x.type.shape;
  const sq = f.reduce(f.multiply(x, x), f.scalar(0, "f32"), [1], "add");
  const mean = f.divide(sq, f.constant(f32(t), h));
  const inv = f.rsqrt(f.add(mean, f.constant(f32(t), eps)));
  return f.multiply(f.multiply(x, f.broadcastInDim(inv, [t, h], [0])), f.broadcastInDim(w, [t, h], [1]));
}

/** Softmax over the last dimension of [T, S] scores. */
function softmax(f: FuncBuilder, s: Value): Value {
  const [t, n] = s.type.shape;
  const max = f.reduce(s, f.scalar(-Infinity, "f32"), [1], "maximum");
  const e = f.exp(f.subtract(s, f.broadcastInDim(max, [t, n], [0])));
  const sum = f.reduce(e, f.scalar(0, "f32"), [1], "add");
  return f.divide(e, f.broadcastInDim(sum, [t, n], [0]));
}

/** A tiny decoder: two attention layers as private functions, a KV cache write, argmax over logits. */
function tinyDecoder(): Module {
  const T = 4;
  const H = 8;
  const S = 16;
  const V = 11;
  const m = new ModuleBuilder("jit_decode", { "mhlo.num_partitions": { kind: "int", value: 1, type: "i32" } });
  const layerArgs = [{ type: f32(T, H) }, { type: f32(H) }, { type: f32(H, H) }, { type: f32(S, H) }, { type: i32() }];
  for (let l = 0; l < 2; l++) {
    m.func(`layer_${l}`, "private", layerArgs, (f, [x, normW, wq, cache, pos]) => {
      const h = rmsNorm(f, x, normW, 1e-6);
      const q = f.dotGeneral(h, wq, { lhsContract: [1], rhsContract: [0] });
      const zero = f.scalar(0, "i32");
      const newCache = f.dynamicUpdateSlice(cache, q, [pos, zero]);
      const scores = f.dotGeneral(q, newCache, { lhsContract: [1], rhsContract: [1] });
      const rows = f.iota(i32(T, S), 0);
      const cols = f.iota(i32(T, S), 1);
      const visible = f.compare("LE", cols, f.add(rows, f.broadcastInDim(pos, [T, S], [])));
      const masked = f.select(visible, scores, f.constant(f32(T, S), -1e30));
      const attn = f.dotGeneral(softmax(f, masked), newCache, { lhsContract: [1], rhsContract: [0] });
      return [f.add(x, attn), newCache];
    });
  }
  m.func(
    "main",
    "public",
    [
      { name: "tokens", type: i32(T) },
      { name: "embed", type: f32(V, H) },
      { type: f32(H) },
      { type: f32(H, H) },
      { type: f32(2, S, H), attrs: DONOR },
      { name: "pos", type: i32() },
    ],
    (f, [tokens, embed, normW, wq, caches, pos]) => {
      let x = f.gather(embed, f.reshape(tokens, [T, 1]), { offsetDims: [1], collapsedSliceDims: [0], startIndexMap: [0], indexVectorDim: 1 }, [1, H]);
      const zero = f.scalar(0, "i32");
      let all = caches;
      for (let l = 0; l < 2; l++) {
        const layer = f.scalar(l, "i32");
        const cache = f.reshape(f.dynamicSlice(all, [layer, zero, zero], [1, S, H]), [S, H]);
        const [y, updated] = f.call(`layer_${l}`, [x, normW, wq, cache, pos]);
        all = f.dynamicUpdateSlice(all, f.reshape(updated, [1, S, H]), [layer, zero, zero]);
        x = y;
      }
      const logits = f.dotGeneral(x, embed, { lhsContract: [1], rhsContract: [1] });
      const [, best] = f.reduceMulti([logits, f.iota(i32(T, V), 1)], [f.scalar(-Infinity, "f32"), zero], [1], (g, [av, ai], [bv, bi]) => {
        const pick = g.or(g.compare("GT", av, bv), g.and(g.compare("EQ", av, bv), g.compare("LT", ai, bi)));
        return [g.select(pick, av, bv), g.select(pick, ai, bi)];
      });
      return [best, all];
    },
  );
  return m.build();
}

describe("builder", () => {
  const module = tinyDecoder();

  it("builds a module that verifies", () => {
    expect(verifyModule(module)).toEqual([]);
  });

  it("prints text that parses, verifies and prints back identically", () => {
    const text = printModule(module);
    const parsed = parseModule(text, "tiny.mlir");
    expect(verifyModule(parsed)).toEqual([]);
    expect(printModule(parsed)).toBe(text);
  });

  it("names values the way MLIR prints them", () => {
    const text = printModule(module);
    expect(text).toContain(
      "func.func public @main(%tokens: tensor<4xi32>, %embed: tensor<11x8xf32>, %arg2: tensor<8xf32>, %arg3: tensor<8x8xf32>, %arg4: tensor<2x16x8xf32> {jax.buffer_donor = true}, %pos: tensor<i32>) -> (tensor<4xi32>, tensor<2x16x8xf32>) {",
    );
    expect(text).toContain("%2 = stablehlo.reduce(%0 init: %1) applies stablehlo.add across dimensions = [1]");
    const main = module.funcs[2];
    const names = main.body.ops.flatMap((o) => o.results.map((r) => r.name));
    expect(names.slice(0, 3)).toEqual(["%0", "%1", "%2"]);
    expect(names).toContain("%12#0");
    expect(text).toContain("%12:2 = func.call @layer_1(%6#0, %arg2, %arg3, %11, %pos)");
    const argmax = main.body.ops.find((o) => o.name === "stablehlo.reduce")!;
    expect(argmax.regions[0].blocks[0].args.map((a) => a.name)).toEqual(["%arg6", "%arg7", "%arg8", "%arg9"]);
  });

  it("numbers a while loop's results before its regions and names its loop values %iterArg", () => {
    const m = new ModuleBuilder("loop");
    m.func("main", "public", [{ type: i32() }], (f, [n]) => {
      const one = f.scalar(1, "i32");
      const [a] = f.while([f.scalar(0, "i32")], (g, [k]) => g.compare("LT", k, n), (g, [k]) => [g.add(k, one)]);
      const [b, c] = f.while([a, a], (g, [k]) => g.compare("LT", k, n), (g, [k, j]) => [g.add(k, one), j]);
      return [b, c];
    });
    const built = m.build();
    const text = printModule(built);
    expect(text).toContain("%2 = stablehlo.while(%iterArg = %1) : tensor<i32>");
    expect(text).toContain("%5:2 = stablehlo.while(%iterArg_0 = %2, %iterArg_1 = %2) : tensor<i32>, tensor<i32>");
    expect(verifyModule(built)).toEqual([]);
  });

  it("rounds constants to their element type", () => {
    const m = new ModuleBuilder();
    m.func("main", "public", [], (f) => [f.constant(f32(2), [0.1, 1e-50]), f.constant(tensorType([1], "bf16"), [0.1])]);
    const ops = m.build().funcs[0].body.ops;
    const v = (k: number) => (ops[k].attrs.value.kind === "dense" ? ops[k].attrs.value.value.values : []);
    expect(v(0)).toEqual([Math.fround(0.1), 0]);
    expect(v(1)).toEqual([roundBf16(0.1)]);
  });

  it("picks the comparison type from the element type", () => {
    const m = new ModuleBuilder();
    m.func("main", "public", [{ type: f32(2) }, { type: i32(2) }, { type: tensorType([2], "ui32") }], (f, [a, b, c]) => [
      f.compare("LT", a, a),
      f.compare("LT", b, b),
      f.compare("LT", c, c),
    ]);
    const types = m.build().funcs[0].body.ops.filter((o) => o.name === "stablehlo.compare").map((o) => o.attrs.compare_type);
    expect(types.map((t) => (t?.kind === "enum" ? t.value : ""))).toEqual(["FLOAT", "SIGNED", "UNSIGNED"]);
  });
});

describe("builder: type errors are compiler bugs, thrown at once", () => {
  function inMain(args: TensorType[], body: (f: FuncBuilder, xs: Value[]) => Value[]): () => Module {
    return () => {
      const m = new ModuleBuilder();
      m.func("main", "public", args.map((type) => ({ type })), body);
      return m.build();
    };
  }

  it("rejects mismatched element-wise operands", () => {
    expect(inMain([f32(2), f32(3)], (f, [a, b]) => [f.add(a, b)])).toThrow(
      "stablehlo builder: stablehlo.add: operands must have the same type: tensor<2xf32> vs tensor<3xf32>",
    );
  });

  it("rejects a reshape that changes the element count", () => {
    expect(inMain([f32(2, 3)], (f, [a]) => [f.reshape(a, [5])])).toThrow("reshape keeps the element count");
  });

  it("rejects contracting dimensions of different sizes", () => {
    expect(inMain([f32(2, 3)], (f, [a]) => [f.dotGeneral(a, a, { lhsContract: [1], rhsContract: [0] })])).toThrow("contracting dimension sizes differ");
  });

  it("rejects widening an integer dot", () => {
    expect(inMain([i32(2, 2)], (f, [a]) => [f.dotGeneral(a, a, { lhsContract: [1], rhsContract: [0] }, "f32")])).toThrow("cannot produce f32 from i32");
  });

  it("rejects bad constants", () => {
    expect(inMain([], (f) => [f.constant(f32(3), [1, 2])])).toThrow("2 values for tensor<3xf32>");
    expect(inMain([], (f) => [f.constant(i32(), 1.5)])).toThrow("1.5 is not an integer");
  });

  it("rejects a reduce body that returns the wrong type", () => {
    expect(inMain([f32(2, 3)], (f, [a]) => [f.reduce(a, f.scalar(0, "f32"), [1], (g) => g.scalar(0, "i32"))])).toThrow(
      "the reduce body must return (tensor<f32>), but returns (tensor<i32>)",
    );
  });

  it("rejects calls to unknown functions or with wrong argument types", () => {
    expect(inMain([f32(2)], (f, [a]) => f.call("nowhere", [a]))).toThrow("@nowhere is not defined (yet) in this module");
    const m = new ModuleBuilder();
    m.func("g", "private", [{ type: f32(3) }], (_f, [x]) => [x]);
    expect(() => m.func("main", "public", [{ type: f32(2) }], (f, [a]) => f.call("g", [a]))).toThrow("@g takes (tensor<3xf32>), got (tensor<2xf32>)");
  });

  it("rejects values that belong to another function", () => {
    const m = new ModuleBuilder();
    let leaked: Value | undefined;
    m.func("g", "private", [{ type: f32(2) }], (_f, [x]) => {
      leaked = x;
      return [x];
    });
    expect(() => m.func("main", "public", [], (f) => [f.negate(leaked!)])).toThrow("operand %arg0 does not belong to @main");
  });

  it("rejects argument names that clash and functions defined twice", () => {
    const m = new ModuleBuilder();
    expect(() => m.func("a", "public", [{ name: "arg1", type: f32() }], () => [])).toThrow("clashes with generated names");
    expect(() => m.func("b", "public", [{ name: "x", type: f32() }, { name: "x", type: f32() }], () => [])).toThrow("declared twice");
    m.func("c", "public", [], () => []);
    expect(() => m.func("c", "public", [], () => [])).toThrow("@c is defined twice");
  });
});
