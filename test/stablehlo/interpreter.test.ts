/**
 * Unit tests of the StableHLO interpreter: bf16 rounding, tensor storage, argument handling and
 * errors, the paths the spec-format files do not reach (interpreted region bodies, multi-operand
 * scatter, if/case, custom_call checks), and decode-sized dot_general/reduce against naive loops.
 */
import { describe, expect, test } from "vitest";
import type { Module, Op, TensorType } from "../../stablehlo/ir.js";
import { roundBf16, roundBf16Array, roundBf16Once } from "../../stablehlo/interpreter/bf16.js";
import { InterpreterError } from "../../stablehlo/interpreter/errors.js";
import { Interpreter, runFunction, runModule } from "../../stablehlo/interpreter/interpreter.js";
import { lookupRule, OP_TABLE } from "../../stablehlo/interpreter/op-table.js";
import { tensorFromValues, toArray, type Tensor } from "../../stablehlo/interpreter/tensor.js";
import { parseModule } from "../../stablehlo/parser.js";
import { parseArgLiterals, runStableHloText } from "../../compiler/stablehlo/run-file.js";

const t = (shape: number[], element: TensorType["element"]): TensorType => ({ shape, element });
const tensor = (shape: number[], element: TensorType["element"], values: number[]): Tensor =>
  tensorFromValues(t(shape, element), values);

/** Parses `text` and runs `@name` on `args`; fails the test on any failed check. */
function run(text: string, name = "main", args: Tensor[] = []): number[][] {
  const module = parseModule(text, "test.mlir");
  const interp = new Interpreter(module);
  const results = interp.run(name, args);
  expect(interp.checks.filter((c) => !c.passed)).toEqual([]);
  return results.map(toArray);
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe("bf16 rounding", () => {
  test("round to nearest, ties to even", () => {
    expect(roundBf16(1 + 2 ** -8)).toBe(1); // tie, 1 is even
    expect(roundBf16(1 + 3 * 2 ** -8)).toBe(1 + 2 ** -6); // tie, rounds up to the even neighbour
    expect(roundBf16(1 + 2 ** -8 + 2 ** -20)).toBe(1 + 2 ** -7); // just above the tie
    expect(roundBf16(1 + 2 ** -8 - 2 ** -20)).toBe(1); // just below
    expect(roundBf16(-(1 + 3 * 2 ** -8))).toBe(-(1 + 2 ** -6));
    expect(roundBf16(3.14159265)).toBe(3.140625);
  });

  test("specials: NaN stays NaN, infinities and zeros keep their sign, overflow goes to inf", () => {
    expect(roundBf16(NaN)).toBeNaN();
    expect(roundBf16(Infinity)).toBe(Infinity);
    expect(roundBf16(-Infinity)).toBe(-Infinity);
    expect(Object.is(roundBf16(-0), -0)).toBe(true);
    expect(roundBf16(3.4028234663852886e38)).toBe(Infinity); // f32 max rounds past bf16 max
    expect(roundBf16(3.3895313892515355e38)).toBe(3.3895313892515355e38); // bf16 max is exact
    expect(roundBf16(2 ** -133)).toBe(2 ** -133); // a bf16 subnormal
  });

  test("rounds through f32 first, as XLA narrows an f32 result", () => {
    // Just above the bf16 tie in f64, but exactly the tie once rounded to f32: ties to even.
    const x = 1 + 2 ** -8 + 2 ** -40;
    expect(Math.fround(x)).toBe(1 + 2 ** -8);
    expect(roundBf16(x)).toBe(1);
  });

  test("roundBf16Once rounds a double once, where going through f32 would round twice", () => {
    const x = 1 + 2 ** -8 + 2 ** -40;
    expect(roundBf16Once(x)).toBe(1 + 2 ** -7);
    expect(roundBf16Once(-x)).toBe(-(1 + 2 ** -7));
    expect(roundBf16Once(1 + 2 ** -8)).toBe(1); // an exact tie still goes to even
    expect(roundBf16Once(1 + 2 ** -8 - 2 ** -40)).toBe(1);
    expect(roundBf16Once(NaN)).toBeNaN();
    expect(roundBf16Once(1e300)).toBe(Infinity);
  });

  test("the array form agrees with the scalar form", () => {
    const next = rng(7);
    const values = Array.from({ length: 2000 }, () => (next() - 0.5) * 10 ** Math.floor(next() * 20 - 10));
    values.push(NaN, Infinity, -Infinity, 0, -0);
    const arr = new Float32Array(values);
    roundBf16Array(arr);
    arr.forEach((v, i) => expect(Object.is(v, roundBf16(values[i])) || (Number.isNaN(v) && Number.isNaN(values[i]))).toBe(true));
  });
});

describe("tensor storage", () => {
  test("values are rounded to their element type", () => {
    expect(toArray(tensor([3], "i32", [2 ** 31, -1, 5]))).toEqual([-(2 ** 31), -1, 5]);
    expect(toArray(tensor([2], "ui32", [-1, 7]))).toEqual([4294967295, 7]);
    expect(toArray(tensor([3], "i1", [0, 2, -1]))).toEqual([0, 1, 1]);
    expect(toArray(tensor([2], "bf16", [1 + 2 ** -8, 1.01171875]))).toEqual([1, 1.015625]);
    expect(toArray(tensor([1], "f32", [0.1]))).toEqual([Math.fround(0.1)]);
    expect(toArray(tensor([1], "i64", [2 ** 40 + 1]))).toEqual([2 ** 40 + 1]);
  });

  test("a wrong value count is an error", () => {
    expect(() => tensor([2, 2], "f32", [1, 2, 3])).toThrow("tensor<2x2xf32> needs 4 values, got 3");
  });
});

describe("functions and arguments", () => {
  const text = `
func.func @main(%a: tensor<2xbf16>, %b: tensor<2xbf16>) -> tensor<2xbf16> {
  %c = stablehlo.add %a, %b : tensor<2xbf16>
  func.return %c : tensor<2xbf16>
}`;

  test("runFunction runs on given tensors; bf16 arguments are rounded on entry", () => {
    const module = parseModule(text, "f.mlir");
    // Unrounded, 1 + 2^-8 plus 2^-8 would be exactly 1 + 2^-7; rounded on entry it is 1 + 2^-8 -> 1.
    const a: Tensor = { type: t([2], "bf16"), data: Float32Array.of(1 + 2 ** -8, 1) };
    const b: Tensor = { type: t([2], "bf16"), data: Float32Array.of(2 ** -8, 2) };
    const [r] = runFunction(module, "main", [a, b]);
    expect(toArray(r)).toEqual([1, 3]);
    // The caller's arrays are left alone.
    expect(a.data[0]).toBe(1 + 2 ** -8);
  });

  test("runModule runs @main and returns its checks", () => {
    const module = parseModule(text, "f.mlir");
    const { results, checks } = runModule(module, [tensor([2], "bf16", [0.5, 1]), tensor([2], "bf16", [0.25, 2])]);
    expect(toArray(results[0])).toEqual([0.75, 3]);
    expect(checks).toEqual([]);
  });

  test("argument count and types are checked", () => {
    const module = parseModule(text, "f.mlir");
    expect(() => runFunction(module, "main", [])).toThrow("@main takes 2 arguments, got 0");
    expect(() => runFunction(module, "main", [tensor([3], "bf16", [1, 2, 3]), tensor([2], "bf16", [1, 2])])).toThrow(
      "@main argument 0: expected tensor<2xbf16>, got tensor<3xbf16>",
    );
    expect(() => runFunction(module, "nope", [])).toThrow("no function @nope");
  });

  test("errors inside an op name the op and its location", () => {
    const bad = parseModule(
      `func.func @main() -> tensor<4xf32> {
  %a = stablehlo.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %b = stablehlo.reshape %a : (tensor<3xf32>) -> tensor<4xf32>
  func.return %b : tensor<4xf32>
}`,
      "bad.mlir",
    );
    const err = (() => {
      try {
        runFunction(bad, "main", []);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InterpreterError);
    expect((err as InterpreterError).message).toBe("bad.mlir:3:3: stablehlo.reshape: cannot reshape 3 elements to 4");
  });

  test("an unknown op is an error naming it and its location", () => {
    const op: Op = {
      name: "stablehlo.mystery",
      operands: [],
      results: [{ name: "%0", type: t([], "f32") }],
      attrs: {},
      regions: [],
      loc: { file: "m.mlir", line: 4, column: 7 },
    };
    const module: Module = {
      attrs: {},
      funcs: [
        {
          name: "main",
          visibility: "public",
          args: [],
          resultTypes: [t([], "f32")],
          body: { args: [], ops: [op, { name: "func.return", operands: op.results, results: [], attrs: {}, regions: [] }] },
        },
      ],
    };
    expect(() => runFunction(module, "main", [])).toThrow("m.mlir:4:7: unsupported op 'stablehlo.mystery'");
  });

  test("the op table has one rule per supported op and nothing from Object's prototype", () => {
    for (const name of ["stablehlo.add", "stablehlo.dot_general", "stablehlo.gather", "stablehlo.scatter", "stablehlo.while", "func.call", "check.expect_eq_const"]) {
      expect(OP_TABLE[name], name).toBeTypeOf("function");
    }
    expect(lookupRule("call")).toBe(OP_TABLE["func.call"]);
    expect(lookupRule("toString")).toBeUndefined();
    expect(lookupRule("stablehlo.constructor")).toBeUndefined();
  });
});

describe("region bodies", () => {
  test("a reduce body that is not all-scalar runs through the interpreter with the same result", () => {
    // The body calls a function, so it cannot be compiled to a scalar closure.
    const [interpreted] = run(`
func.func private @pick(%a: tensor<f32>, %b: tensor<f32>) -> tensor<f32> {
  %m = stablehlo.maximum %a, %b : tensor<f32>
  func.return %m : tensor<f32>
}
func.func @main() -> tensor<2xf32> {
  %x = stablehlo.constant dense<[[1.0, 9.0, 3.0], [-4.0, -5.0, -6.0]]> : tensor<2x3xf32>
  %i = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %r = stablehlo.reduce(%x init: %i) across dimensions = [1] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>
   reducer(%a: tensor<f32>, %b: tensor<f32>) {
    %m = func.call @pick(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    stablehlo.return %m : tensor<f32>
  }
  func.return %r : tensor<2xf32>
}`);
    expect(interpreted).toEqual([9, -4]);
  });

  test("multi-operand scatter applies its body to every operand pair", () => {
    // Keeps the larger value and its tag per slot: a scatter-argmax.
    const [vals, tags] = run(`
func.func @main() -> (tensor<3xf32>, tensor<3xi32>) {
  %v = stablehlo.constant dense<[0.0, 0.0, 0.0]> : tensor<3xf32>
  %t = stablehlo.constant dense<[-1, -1, -1]> : tensor<3xi32>
  %idx = stablehlo.constant dense<[[2], [0], [2], [2]]> : tensor<4x1xi32>
  %uv = stablehlo.constant dense<[5.0, 1.0, 7.0, 6.0]> : tensor<4xf32>
  %ut = stablehlo.constant dense<[10, 11, 12, 13]> : tensor<4xi32>
  %r:2 = "stablehlo.scatter"(%v, %t, %idx, %uv, %ut) ({
  ^bb0(%a: tensor<f32>, %ai: tensor<i32>, %b: tensor<f32>, %bi: tensor<i32>):
    %gt = stablehlo.compare GT, %b, %a, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %x = stablehlo.select %gt, %b, %a : tensor<i1>, tensor<f32>
    %y = stablehlo.select %gt, %bi, %ai : tensor<i1>, tensor<i32>
    stablehlo.return %x, %y : tensor<f32>, tensor<i32>
  }) {scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>} : (tensor<3xf32>, tensor<3xi32>, tensor<4x1xi32>, tensor<4xf32>, tensor<4xi32>) -> (tensor<3xf32>, tensor<3xi32>)
  func.return %r#0, %r#1 : tensor<3xf32>, tensor<3xi32>
}`);
    expect(vals).toEqual([1, 0, 7]);
    expect(tags).toEqual([11, -1, 12]);
  });

  test("if and case pick a branch; an out-of-range case index runs the last branch", () => {
    const text = (pred: string, index: number) => `
func.func @main() -> (tensor<i32>, tensor<i32>) {
  %p = stablehlo.constant dense<${pred}> : tensor<i1>
  %k = stablehlo.constant dense<${index}> : tensor<i32>
  %one = stablehlo.constant dense<1> : tensor<i32>
  %two = stablehlo.constant dense<2> : tensor<i32>
  %three = stablehlo.constant dense<3> : tensor<i32>
  %a = "stablehlo.if"(%p) ({
    stablehlo.return %one : tensor<i32>
  }, {
    stablehlo.return %two : tensor<i32>
  }) : (tensor<i1>) -> tensor<i32>
  %b = "stablehlo.case"(%k) ({
    stablehlo.return %one : tensor<i32>
  }, {
    stablehlo.return %two : tensor<i32>
  }, {
    stablehlo.return %three : tensor<i32>
  }) : (tensor<i32>) -> tensor<i32>
  func.return %a, %b : tensor<i32>, tensor<i32>
}`;
    expect(run(text("true", 1))).toEqual([[1], [2]]);
    expect(run(text("false", 7))).toEqual([[2], [3]]);
    expect(run(text("false", -1))).toEqual([[2], [3]]);
  });
});

describe("edge semantics", () => {
  test("float to int conversion saturates and maps NaN to 0; negative to ui32 is 0", () => {
    const [i, u] = run(`
func.func @main() -> (tensor<4xi32>, tensor<2xui32>) {
  %x = stablehlo.constant dense<[3.0e10, -3.0e10, 0x7FC00000, -1.5]> : tensor<4xf32>
  %i = stablehlo.convert %x : (tensor<4xf32>) -> tensor<4xi32>
  %y = stablehlo.constant dense<[-5.5, 4.0e9]> : tensor<2xf32>
  %u = stablehlo.convert %y : (tensor<2xf32>) -> tensor<2xui32>
  func.return %i, %u : tensor<4xi32>, tensor<2xui32>
}`);
    expect(i).toEqual([2147483647, -2147483648, 0, -1]);
    expect(u).toEqual([0, 4.0e9]);
  });

  test("rounding ops, is_finite and integer popcnt", () => {
    const [even, afz, fin, pop] = run(`
func.func @main() -> (tensor<4xf32>, tensor<4xf32>, tensor<3xi1>, tensor<2xi32>) {
  %x = stablehlo.constant dense<[0.5, 1.5, 2.5, -2.5]> : tensor<4xf32>
  %e = stablehlo.round_nearest_even %x : tensor<4xf32>
  %a = stablehlo.round_nearest_afz %x : tensor<4xf32>
  %y = stablehlo.constant dense<[1.0, 0x7F800000, 0x7FC00000]> : tensor<3xf32>
  %f = stablehlo.is_finite %y : (tensor<3xf32>) -> tensor<3xi1>
  %n = stablehlo.constant dense<[7, -1]> : tensor<2xi32>
  %p = stablehlo.popcnt %n : tensor<2xi32>
  func.return %e, %a, %f, %p : tensor<4xf32>, tensor<4xf32>, tensor<3xi1>, tensor<2xi32>
}`);
    expect(even).toEqual([0, 2, 2, -2]);
    expect(afz).toEqual([1, 2, 3, -3]);
    expect(fin).toEqual([1, 0, 0]);
    expect(pop).toEqual([3, 32]);
  });

  test("check ops: bitwise equality for floats, ULP closeness, custom_call form", () => {
    const module = parseModule(
      `func.func @main() {
  %n = stablehlo.constant dense<[0x7FC00000, 0.0]> : tensor<2xf32>
  %z = stablehlo.constant dense<[0x7FC00000, -0.0]> : tensor<2xf32>
  check.expect_eq_const %n, dense<[0x7FC00000, 0.0]> : tensor<2xf32>
  check.expect_eq %n, %z : tensor<2xf32>
  %a = stablehlo.constant dense<1.0> : tensor<f32>
  %b = stablehlo.constant dense<1.00000024> : tensor<f32>
  %c = stablehlo.constant dense<1.0000006> : tensor<f32>
  check.expect_close %a, %b : tensor<f32>
  check.expect_close %a, %c, max_ulp_difference = 2 : tensor<f32>
  "stablehlo.custom_call"(%a, %b) {call_target_name = "check.expect_close", has_side_effect = true} : (tensor<f32>, tensor<f32>) -> ()
  func.return
}`,
      "c.mlir",
    );
    const interp = new Interpreter(module);
    interp.run("main", []);
    // NaN equals NaN bitwise; -0 differs from +0; 1 ULP is close; 5 ULPs are not within 2.
    expect(interp.checks.map((c) => c.passed)).toEqual([true, false, true, false, true]);
  });
});

describe("decode-sized kernels agree with naive loops", () => {
  test("dot_general [16x64] . [64x256] in f32 equals an f64 naive sum rounded once", () => {
    const next = rng(1);
    const M = 16;
    const K = 64;
    const N = 256;
    const a = tensor([M, K], "f32", Array.from({ length: M * K }, () => next() * 2 - 1));
    const b = tensor([K, N], "f32", Array.from({ length: K * N }, () => next() * 2 - 1));
    const module = parseModule(
      `func.func @main(%a: tensor<16x64xf32>, %b: tensor<64x256xf32>) -> tensor<16x256xf32> {
  %r = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0] : (tensor<16x64xf32>, tensor<64x256xf32>) -> tensor<16x256xf32>
  func.return %r : tensor<16x256xf32>
}`,
      "dot.mlir",
    );
    const [r] = runFunction(module, "main", [a, b]);
    for (let i = 0; i < M; i += 5) {
      for (let j = 0; j < N; j += 37) {
        let s = 0;
        for (let k = 0; k < K; k++) s += (a.data[i * K + k] as number) * (b.data[k * N + j] as number);
        expect(r.data[i * N + j]).toBe(Math.fround(s));
      }
    }
  });

  test("argmax over a [16x256] logits tensor matches a naive first-max scan", () => {
    const next = rng(2);
    // Coarse values make ties common.
    const values = Array.from({ length: 16 * 256 }, () => Math.floor(next() * 8));
    const module = parseModule(
      `func.func @main(%x: tensor<16x256xf32>) -> tensor<16xi32> {
  %idx = stablehlo.iota dim = 1 : tensor<16x256xi32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %zero = stablehlo.constant dense<0> : tensor<i32>
  %r:2 = stablehlo.reduce(%x init: %ninf), (%idx init: %zero) across dimensions = [1] : (tensor<16x256xf32>, tensor<16x256xi32>, tensor<f32>, tensor<i32>) -> (tensor<16xf32>, tensor<16xi32>)
   reducer(%a: tensor<f32>, %b: tensor<f32>) (%ai: tensor<i32>, %bi: tensor<i32>) {
    %gt = stablehlo.compare GT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %eq = stablehlo.compare EQ, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %lt = stablehlo.compare LT, %ai, %bi, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %tie = stablehlo.and %eq, %lt : tensor<i1>
    %keep = stablehlo.or %gt, %tie : tensor<i1>
    %v = stablehlo.select %keep, %a, %b : tensor<i1>, tensor<f32>
    %i = stablehlo.select %keep, %ai, %bi : tensor<i1>, tensor<i32>
    stablehlo.return %v, %i : tensor<f32>, tensor<i32>
  }
  func.return %r#1 : tensor<16xi32>
}`,
      "argmax.mlir",
    );
    const [r] = runFunction(module, "main", [tensor([16, 256], "f32", values)]);
    const expected = Array.from({ length: 16 }, (_, row) => {
      const slice = values.slice(row * 256, row * 256 + 256);
      return slice.indexOf(Math.max(...slice));
    });
    expect(toArray(r)).toEqual(expected);
  });
});

describe("runStableHloText", () => {
  const main = `
func.func @main(%a: tensor<2xf32>, %k: tensor<i32>) -> tensor<2xf32> {
  %c = stablehlo.convert %k : (tensor<i32>) -> tensor<f32>
  %b = stablehlo.broadcast_in_dim %c, dims = [] : (tensor<f32>) -> tensor<2xf32>
  %r = stablehlo.multiply %a, %b : tensor<2xf32>
  func.return %r : tensor<2xf32>
}`;

  test("args mode runs @main on dense literal arguments", () => {
    const run = runStableHloText(main, "m.mlir", { args: ["dense<[1.5, -2.0]> : tensor<2xf32>", "dense<3> : tensor<i32>"] });
    expect(run.ok).toBe(true);
    expect(run.functions).toHaveLength(1);
    expect(toArray(run.functions[0].results![0])).toEqual([4.5, -6]);
  });

  test("args may also be tensors", () => {
    const run = runStableHloText(main, "m.mlir", { args: [tensor([2], "f32", [1, 2]), "dense<2> : tensor<i32>"] });
    expect(toArray(run.functions[0].results![0])).toEqual([2, 4]);
  });

  test("arguments that do not fit @main are refused before running", () => {
    expect(() => runStableHloText(main, "m.mlir", { args: ["dense<[1.5, -2.0, 3.0]> : tensor<3xf32>", "dense<3> : tensor<i32>"] })).toThrow(
      "argument 0 of @main is tensor<2xf32>, got tensor<3xf32>",
    );
    expect(() => runStableHloText(main, "m.mlir", { args: ["dense<[1.5, -2.0]> : tensor<2xf32>"] })).toThrow("@main takes 2 arguments, got 1");
  });

  test("a runtime failure is reported in the function, not thrown", () => {
    const text = 'func.func @main(%a: tensor<1xf32>) -> tensor<1xf32> {\n  %b = "stablehlo.fft"(%a) : (tensor<1xf32>) -> tensor<1xf32>\n  func.return %b : tensor<1xf32>\n}\n';
    const run = runStableHloText(text, "m.mlir", { args: ["dense<[1.0]> : tensor<1xf32>"] });
    expect(run.ok).toBe(false);
    expect(run.functions[0].error).toContain("stablehlo.fft");
  });

  test("nothing to run is not ok", () => {
    expect(runStableHloText(main, "m.mlir")).toMatchObject({ ok: false, error: "m.mlir: no public zero-argument function to run" });
    expect(runStableHloText(main, "m.mlir", { args: [], entry: "other" })).toMatchObject({ ok: false, error: "m.mlir: no function @other" });
  });

  test("parse errors propagate as diagnostics", () => {
    expect(() => runStableHloText("func.func @f( {", "broken.mlir")).toThrow(/broken\.mlir:1:/);
  });

  test("parseArgLiterals reads splats, i1 and multi-dim literals", () => {
    const [a, b, c] = parseArgLiterals(["dense<0.5> : tensor<2x2xbf16>", "dense<[true, false]> : tensor<2xi1>", "dense<[[1, 2]]> : tensor<1x2xi64>"]);
    expect(a.type).toEqual(t([2, 2], "bf16"));
    expect(toArray(a)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(toArray(b)).toEqual([1, 0]);
    expect(toArray(c)).toEqual([1, 2]);
  });
});
