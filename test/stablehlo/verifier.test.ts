import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Diagnostic, formatDiagnostic } from "../../contract/diagnostics.js";
import { checkStableHlo } from "../../compiler/stablehlo/check-file.js";
import { tensorType } from "../../stablehlo/ir.js";
import { parseModule } from "../../stablehlo/parser.js";
import { ShapeError, checkOp, inferResultTypes, knownOps } from "../../stablehlo/shape-rules.js";
import { verifyModule } from "../../stablehlo/verifier.js";

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), "utf8");

const ARGS = "%a: tensor<2xf32>, %b: tensor<3xf32>, %m: tensor<2x3xf32>, %i: tensor<i32>, %p: tensor<2xi1>";

/** Verifies one function whose body is `body` (line 2 onward), then `func.return`. */
function verify(body: string, args = ARGS): Diagnostic[] {
  const text = `func.func @f(${args}) {\n${body}\n  func.return\n}\n`;
  return verifyModule(parseModule(text, "v.mlir"));
}

function only(ds: Diagnostic[]): Diagnostic {
  expect(ds.map(formatDiagnostic)).toHaveLength(1);
  return ds[0];
}

describe("verifier: op rules", () => {
  const cases: { name: string; body: string; code: string; line?: number; column?: number; message: string }[] = [
    {
      name: "element-wise operands of different shapes",
      body: "  %0 = stablehlo.add %a, %b : (tensor<2xf32>, tensor<3xf32>) -> tensor<2xf32>",
      code: "stablehlo-type-mismatch",
      line: 2,
      column: 3,
      message: "stablehlo.add: operands must have the same type: tensor<2xf32> vs tensor<3xf32>",
    },
    {
      name: "a value used with another type than its definition",
      body: "  %0 = stablehlo.negate %a : tensor<3xf32>",
      code: "stablehlo-type-mismatch",
      message: "%a has type tensor<2xf32>, but is used as tensor<3xf32>",
    },
    {
      name: "a wrong declared result shape",
      body: "  %0 = stablehlo.transpose %m, dims = [1, 0] : (tensor<2x3xf32>) -> tensor<2x3xf32>",
      code: "stablehlo-type-mismatch",
      message: "result type should be (tensor<3x2xf32>), but is (tensor<2x3xf32>)",
    },
    {
      name: "dot_general contracting sizes that differ",
      body: "  %0 = stablehlo.dot_general %m, %m, contracting_dims = [1] x [1] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x2xf32>\n  %1 = stablehlo.dot_general %m, %m, contracting_dims = [1] x [0] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>",
      code: "stablehlo-type-mismatch",
      line: 3,
      message: "contracting dimension sizes differ: lhs 1 is 3, rhs 0 is 2",
    },
    {
      name: "dot_general result dimensions out of order",
      body: "  %0 = stablehlo.dot_general %m, %b, contracting_dims = [1] x [0] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2xf32>\n  %1 = stablehlo.dot_general %a, %m, contracting_dims = [0] x [0] : (tensor<2xf32>, tensor<2x3xf32>) -> tensor<3x1xf32>",
      code: "stablehlo-type-mismatch",
      line: 3,
      message: "should be (tensor<3xf32>)",
    },
    {
      name: "broadcast_in_dim onto a dimension of another size",
      body: "  %0 = stablehlo.broadcast_in_dim %b, dims = [0] : (tensor<3xf32>) -> tensor<2x3xf32>",
      code: "stablehlo-type-mismatch",
      message: "operand dimension 0 (3) must be 1 or equal result dimension 0 (2)",
    },
    {
      name: "a slice past the end",
      body: "  %0 = stablehlo.slice %b [1:4] : (tensor<3xf32>) -> tensor<3xf32>",
      code: "stablehlo-type-mismatch",
      message: "slice [1:4] is out of range for dimension 0 of tensor<3xf32>",
    },
    {
      name: "dynamic_slice with too few start indices",
      body: "  %0 = stablehlo.dynamic_slice %m, %i, sizes = [1, 3] : (tensor<2x3xf32>, tensor<i32>) -> tensor<1x3xf32>",
      code: "stablehlo-type-mismatch",
      message: "expects 2 start indices, got 1",
    },
    {
      name: "dynamic_update_slice with an update larger than the operand",
      body: "  %0 = stablehlo.dynamic_update_slice %a, %b, %i : (tensor<2xf32>, tensor<3xf32>, tensor<i32>) -> tensor<2xf32>",
      code: "stablehlo-type-mismatch",
      message: "update tensor<3xf32> does not fit in tensor<2xf32>",
    },
    {
      name: "concatenate of operands that differ off the axis",
      body: "  %0 = stablehlo.concatenate %m, %a, dim = 0 : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<4x3xf32>",
      code: "stablehlo-type-mismatch",
      message: "operands must share element type and rank",
    },
    {
      name: "a select predicate of another shape",
      body: "  %0 = stablehlo.select %p, %b, %b : (tensor<2xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>",
      code: "stablehlo-type-mismatch",
      message: "the predicate tensor<2xi1> must be a scalar or shaped like tensor<3xf32>",
    },
    {
      name: "a compare type that does not fit the element type",
      body: "  %0 = stablehlo.compare GT, %a, %a, SIGNED : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xi1>",
      code: "stablehlo-type-mismatch",
      message: "compare_type SIGNED does not fit element type f32",
    },
    {
      name: "a convert that changes the shape",
      body: "  %0 = stablehlo.convert %a : (tensor<2xf32>) -> tensor<3xbf16>",
      code: "stablehlo-type-mismatch",
      message: "convert keeps the shape",
    },
    {
      name: "a reshape that changes the element count",
      body: "  %0 = stablehlo.reshape %m : (tensor<2x3xf32>) -> tensor<5xf32>",
      code: "stablehlo-type-mismatch",
      message: "reshape keeps the element count",
    },
    {
      name: "an iota dimension out of range",
      body: "  %0 = stablehlo.iota dim = 2 : tensor<2x3xi32>",
      code: "stablehlo-type-mismatch",
      message: "iota_dimension 2 is out of range for tensor<2x3xi32>",
    },
    {
      name: "a float op on integers",
      body: "  %0 = stablehlo.exponential %i : tensor<i32>",
      code: "stablehlo-type-mismatch",
      message: "needs a float element type, got tensor<i32>",
    },
    {
      name: "a missing attribute in the generic form",
      body: '  %0 = "stablehlo.transpose"(%m) : (tensor<2x3xf32>) -> tensor<3x2xf32>',
      code: "stablehlo-bad-attribute",
      message: "missing attribute 'permutation'",
    },
    {
      name: "an attribute of the wrong kind",
      body: '  %0 = "stablehlo.concatenate"(%a, %a) {dimension = "zero"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>',
      code: "stablehlo-bad-attribute",
      message: "attribute 'dimension' must be int, not string",
    },
    {
      name: "a reduce body whose block arguments have the wrong type",
      body: [
        "  %z = stablehlo.constant dense<0.0> : tensor<f32>",
        '  %0 = "stablehlo.reduce"(%m, %z) ({',
        "  ^bb0(%x: tensor<i32>, %y: tensor<i32>):",
        "    stablehlo.return %x : tensor<i32>",
        "  }) {dimensions = array<i64: 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>",
      ].join("\n"),
      code: "stablehlo-type-mismatch",
      line: 3,
      message: "the reduce body takes (tensor<f32>, tensor<f32>), but its block declares (tensor<i32>, tensor<i32>)",
    },
    {
      name: "a while cond that yields a float",
      body: [
        "  %0 = stablehlo.while(%k = %i) : tensor<i32>",
        "  cond {",
        "    %f = stablehlo.constant dense<1.0> : tensor<f32>",
        "    stablehlo.return %f : tensor<f32>",
        "  } do {",
        "    stablehlo.return %k : tensor<i32>",
        "  }",
      ].join("\n"),
      code: "stablehlo-type-mismatch",
      message: "the while cond must return (tensor<i1>), but returns (tensor<f32>)",
    },
    {
      name: "a gather whose result shape is wrong",
      body: [
        "  %idx = stablehlo.constant dense<[[1]]> : tensor<1x1xi32>",
        '  %0 = "stablehlo.gather"(%m, %idx) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 3>}> : (tensor<2x3xf32>, tensor<1x1xi32>) -> tensor<3x1xf32>',
      ].join("\n"),
      code: "stablehlo-type-mismatch",
      line: 3,
      message: "result type should be (tensor<1x3xf32>)",
    },
    {
      name: "a scatter whose updates do not match the indices",
      body: [
        "  %idx = stablehlo.constant dense<[[1]]> : tensor<1x1xi32>",
        "  %u = stablehlo.constant dense<1.0> : tensor<2x3xf32>",
        '  %0 = "stablehlo.scatter"(%m, %idx, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({',
        "  ^bb0(%x: tensor<f32>, %y: tensor<f32>):",
        "    stablehlo.return %y : tensor<f32>",
        "  }) : (tensor<2x3xf32>, tensor<1x1xi32>, tensor<2x3xf32>) -> tensor<2x3xf32>",
      ].join("\n"),
      code: "stablehlo-type-mismatch",
      line: 4,
      message: "updates tensor<2x3xf32> dimension 0 must be 1 to match the indices tensor<1x1xi32>",
    },
    {
      name: "check.expect_eq_const against a constant of another type",
      body: "  check.expect_eq_const %a, dense<1.0> : tensor<3xf32>",
      code: "stablehlo-type-mismatch",
      message: "%a has type tensor<2xf32>, but is used as tensor<3xf32>",
    },
  ];

  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      const d = only(verify(c.body));
      expect(d.code).toBe(c.code);
      expect(d.message).toContain(c.message);
      expect(d.file).toBe("v.mlir");
      expect(d.line).toBe(c.line ?? 2);
      expect(d.column).toBe(c.column ?? 3);
      expect(d.severity).toBe("error");
    });
  }
});

describe("verifier: SSA, symbols and structure", () => {
  it("rejects a value used before it is defined", () => {
    const d = only(verify("  %0 = stablehlo.add %1, %a : tensor<2xf32>\n  %1 = stablehlo.negate %a : tensor<2xf32>"));
    expect(d.code).toBe("stablehlo-undefined-value");
    expect([d.line, d.column]).toEqual([2, 3]);
    expect(d.message).toBe("%1 is used but not defined before");
  });

  it("rejects a value defined twice", () => {
    const d = only(verify("  %0 = stablehlo.negate %a : tensor<2xf32>\n  %0 = stablehlo.negate %a : tensor<2xf32>"));
    expect(d.code).toBe("stablehlo-redefined-value");
    expect(d.line).toBe(3);
  });

  it("keeps values defined in a region inside it", () => {
    const body = [
      "  %z = stablehlo.constant dense<0.0> : tensor<f32>",
      "  %0 = stablehlo.reduce(%m init: %z) across dimensions = [1] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>",
      "    reducer(%x: tensor<f32>, %y: tensor<f32>) {",
      "      %s = stablehlo.add %x, %y : tensor<f32>",
      "      stablehlo.return %s : tensor<f32>",
      "    }",
      "  %1 = stablehlo.negate %s : tensor<f32>",
    ].join("\n");
    const d = only(verify(body));
    expect(d.code).toBe("stablehlo-undefined-value");
    expect(d.line).toBe(8);
  });

  it("rejects an unknown op", () => {
    const d = only(verify("  %0 = stablehlo.frobnicate %a : tensor<2xf32>"));
    expect(d.code).toBe("stablehlo-unknown-op");
    expect(d.message).toBe("unknown op 'stablehlo.frobnicate'");
  });

  it("checks func.call against its callee", () => {
    const text = [
      "func.func private @g(%x: tensor<2xf32>) -> tensor<2xf32> {",
      "  func.return %x : tensor<2xf32>",
      "}",
      "func.func @f(%a: tensor<2xf32>, %b: tensor<3xf32>) {",
      "  %0 = func.call @g(%b) : (tensor<3xf32>) -> tensor<2xf32>",
      "  %1 = func.call @g(%a) : (tensor<2xf32>) -> tensor<3xf32>",
      "  %2 = func.call @missing(%a) : (tensor<2xf32>) -> tensor<2xf32>",
      "  func.return",
      "}",
    ].join("\n");
    const ds = verifyModule(parseModule(text, "c.mlir"));
    expect(ds.map((d) => [d.code, d.line])).toEqual([
      ["stablehlo-type-mismatch", 5],
      ["stablehlo-type-mismatch", 6],
      ["stablehlo-unknown-callee", 7],
    ]);
    expect(ds[0].message).toBe("func.call passes (tensor<3xf32>), but @g takes (tensor<2xf32>)");
    expect(ds[1].message).toBe("func.call expects (tensor<3xf32>), but @g returns (tensor<2xf32>)");
  });

  it("checks func.return against the signature", () => {
    const text = "func.func @f(%a: tensor<2xf32>) -> tensor<3xf32> {\n  return %a : tensor<2xf32>\n}\n";
    const d = only(verifyModule(parseModule(text, "r.mlir")));
    expect(d.code).toBe("stablehlo-type-mismatch");
    expect([d.line, d.column]).toEqual([2, 3]);
    expect(d.message).toBe("func.return returns (tensor<2xf32>), but @f is declared to return (tensor<3xf32>)");
  });

  it("requires terminators at the end of functions and regions, and only there", () => {
    const noReturn = only(verifyModule(parseModule("func.func @f(%a: tensor<2xf32>) {\n  %0 = stablehlo.negate %a : tensor<2xf32>\n}\n", "t.mlir")));
    expect(noReturn.code).toBe("stablehlo-missing-terminator");
    const early = verify("  func.return\n  %0 = stablehlo.negate %a : tensor<2xf32>");
    expect(early[0].code).toBe("stablehlo-misplaced-terminator");
    expect(early[0].line).toBe(2);
  });

  it("rejects two functions of one name", () => {
    const text = "func.func @f() {\n  func.return\n}\nfunc.func @f() {\n  func.return\n}\n";
    const d = only(verifyModule(parseModule(text, "d.mlir")));
    expect(d.code).toBe("stablehlo-redefined-symbol");
    expect(d.line).toBe(4);
  });
});

describe("checkStableHlo", () => {
  it("accepts the fixtures", () => {
    expect(checkStableHlo(fixture("spec-style.mlir"), "spec-style.mlir")).toEqual([]);
    expect(checkStableHlo(fixture("all-ops.mlir"), "all-ops.mlir")).toEqual([]);
  });

  it("returns syntax errors as diagnostics", () => {
    const ds = checkStableHlo("func.func @f() {\n  %0 = stablehlo.add\n}\n", "s.mlir");
    expect(ds).toHaveLength(1);
    expect(ds[0].code).toBe("stablehlo-syntax");
    expect(ds[0].line).toBe(2);
  });

  it("reports problems in every part of a split file", () => {
    const part = "func.func @f(%a: tensor<2xf32>) {\n  %0 = stablehlo.bogus %a : tensor<2xf32>\n  func.return\n}\n";
    const ds = checkStableHlo(`${part}// -----\n${part}`, "p.mlir");
    expect(ds.map((d) => [d.code, d.line])).toEqual([
      ["stablehlo-unknown-op", 2],
      ["stablehlo-unknown-op", 7],
    ]);
  });
});

describe("shape rules", () => {
  const f32 = (...s: number[]) => tensorType(s, "f32");

  it("orders dot_general result dimensions batch, lhs free, rhs free", () => {
    const dims = { kind: "dot" as const, value: { lhsBatchingDimensions: [1], rhsBatchingDimensions: [0], lhsContractingDimensions: [2], rhsContractingDimensions: [1] } };
    expect(inferResultTypes("stablehlo.dot_general", [f32(5, 2, 3), f32(2, 3, 7)], { dot_dimension_numbers: dims })).toEqual([f32(2, 5, 7)]);
  });

  it("lets a bf16 dot_general produce f32, but not an integer", () => {
    const dims = { kind: "dot" as const, value: { lhsBatchingDimensions: [], rhsBatchingDimensions: [], lhsContractingDimensions: [1], rhsContractingDimensions: [0] } };
    const bf = (...s: number[]) => tensorType(s, "bf16");
    expect(checkOp("stablehlo.dot_general", [bf(2, 3), bf(3, 4)], [f32(2, 4)], { dot_dimension_numbers: dims })).toEqual([]);
    expect(checkOp("stablehlo.dot_general", [bf(2, 3), bf(3, 4)], [tensorType([2, 4], "i32")], { dot_dimension_numbers: dims })).toHaveLength(1);
  });

  it("infers gather shapes with batch and offset dimensions interleaved", () => {
    const g = {
      kind: "gather" as const,
      value: { offsetDims: [0, 2], collapsedSliceDims: [1], operandBatchingDims: [], startIndicesBatchingDims: [], startIndexMap: [1], indexVectorDim: 1 },
    };
    const types = inferResultTypes("stablehlo.gather", [f32(4, 10, 6), tensorType([5, 1], "i32")], {
      dimension_numbers: g,
      slice_sizes: { kind: "ints", values: [4, 1, 6] },
    });
    expect(types).toEqual([f32(4, 5, 6)]);
  });

  it("throws a ShapeError with a code for unknown ops and missing attributes", () => {
    expect(() => inferResultTypes("stablehlo.nope", [], {})).toThrow(ShapeError);
    try {
      inferResultTypes("stablehlo.slice", [f32(2)], {});
    } catch (e) {
      expect((e as ShapeError).code).toBe("stablehlo-bad-attribute");
    }
  });

  it("covers every op the project emits", () => {
    const ops = knownOps();
    for (const name of ["reduce", "while", "gather", "scatter", "dot_general", "dynamic_update_slice", "iota", "select", "convert", "compare"]) {
      expect(ops).toContain(`stablehlo.${name}`);
    }
    expect(ops).toContain("func.call");
    expect(ops).toContain("check.expect_almost_eq_const");
  });
});
