import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DiagnosticError, type Diagnostic } from "../../contract/diagnostics.js";
import type { Attribute, Module, Op } from "../../stablehlo/ir.js";
import { parseModule, parseModules } from "../../stablehlo/parser.js";
import { printModule, printModules } from "../../stablehlo/printer.js";
import { verifyModule } from "../../stablehlo/verifier.js";

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), "utf8");

function syntaxError(text: string): Diagnostic {
  try {
    parseModules(text, "bad.mlir");
  } catch (e) {
    expect(e).toBeInstanceOf(DiagnosticError);
    const d = (e as DiagnosticError).diagnostics[0];
    expect(d.code).toBe("stablehlo-syntax");
    expect(d.file).toBe("bad.mlir");
    return d;
  }
  throw new Error("expected a syntax error");
}

/** The ops of the first function of a one-function text. */
function opsOf(text: string): readonly Op[] {
  return parseModule(text, "t.mlir").funcs[0].body.ops;
}

function wrap(body: string, args = ""): string {
  return `func.func @f(${args}) {\n${body}\n  func.return\n}\n`;
}

describe("parser: spec-style files", () => {
  const text = fixture("spec-style.mlir");
  const modules = parseModules(text, "spec-style.mlir");

  it("reads each // ----- part as a module, bare functions grouped", () => {
    expect(modules).toHaveLength(8);
    expect(modules[1].funcs.map((f) => f.name)).toEqual(["twice", "call_twice"]);
    expect(modules[1].funcs[0].visibility).toBe("private");
    expect(modules[7].name).toBe("jit_step");
    expect(modules[7].attrs["mhlo.num_replicas"]).toEqual({ kind: "int", value: 1, type: "i32" });
  });

  it("produces modules that verify", () => {
    for (const m of modules) expect(verifyModule(m)).toEqual([]);
  });

  it("re-prints stably: print, parse, print gives the same text", () => {
    const printed = printModules(modules);
    expect(printModules(parseModules(printed, "printed.mlir"))).toBe(printed);
  });

  it("locates every op at its first token", () => {
    const ops = modules[0].funcs[0].body.ops;
    expect(ops[0].loc).toEqual({ file: "spec-style.mlir", line: 5, column: 3 });
    expect(ops[3].name).toBe("check.expect_almost_eq_const");
    expect(ops[3].loc?.line).toBe(8);
    const whileOp = modules[2].funcs[0].body.ops[3];
    expect(whileOp.loc).toEqual({ file: "spec-style.mlir", line: 36, column: 3 });
    expect(whileOp.regions[1].blocks[0].ops[0].loc).toEqual({ file: "spec-style.mlir", line: 41, column: 5 });
    expect(modules[0].funcs[0].loc).toEqual({ file: "spec-style.mlir", line: 4, column: 1 });
  });

  it("reads the check ops with their attributes", () => {
    const ops = modules[6].funcs[0].body.ops;
    const [eq, almost, close] = ops.slice(4, 7);
    expect(eq.name).toBe("check.expect_eq");
    expect(almost.attrs.tolerance).toEqual({ kind: "float", value: 0.001 });
    expect(close.attrs).toEqual({ max_ulp_difference: { kind: "int", value: 1 }, min_ulp_difference: { kind: "int", value: 0 } });
    const tol = modules[3].funcs[0].body.ops[6];
    expect(tol.name).toBe("check.expect_almost_eq_const");
    expect(tol.attrs.tolerance).toEqual({ kind: "float", value: 0.001 });
  });

  it("names multi-result values as base#i and keeps separately named results", () => {
    const reduce = modules[3].funcs[0].body.ops[4];
    expect(reduce.results.map((r) => r.name)).toEqual(["%best#0", "%best#1"]);
    expect(modules[3].funcs[0].body.ops[5].operands[0].name).toBe("%best#1");
    const whileOp = modules[2].funcs[0].body.ops[3];
    expect(whileOp.results.map((r) => r.name)).toEqual(["%i", "%total"]);
    expect(whileOp.regions[0].blocks[0].args.map((a) => a.name)).toEqual(["%k", "%acc"]);
    expect(whileOp.regions[1].blocks[0].args.map((a) => a.name)).toEqual(["%k", "%acc"]);
  });

  it("reads `call` and `return` as func.call and func.return, and keeps argument attributes", () => {
    const ops = modules[1].funcs[1].body.ops;
    expect(ops[1].name).toBe("func.call");
    expect(ops[2].name).toBe("func.call");
    expect(ops[2].attrs.callee).toEqual({ kind: "symbol", value: "twice" });
    const main = modules[7].funcs[0];
    expect(main.body.ops[4].name).toBe("func.return");
    expect(main.args[0].attrs).toEqual({ "jax.buffer_donor": { kind: "bool", value: true } });
    expect(main.resultTypes).toEqual([{ shape: [2, 4], element: "f32" }]);
  });

  it("reads dense literals: splat, nested, hex bytes, hex bits, booleans", () => {
    const dense = (op: Op): Attribute => op.attrs.value;
    const spl = dense(modules[0].funcs[0].body.ops[1]);
    expect(spl).toEqual({ kind: "dense", value: { type: { shape: [3], element: "f32" }, splat: true, values: [0.5] } });
    const hexBytes = dense(modules[6].funcs[0].body.ops[0]);
    expect(hexBytes.kind === "dense" && hexBytes.value.values).toEqual([1, 2, 3, 4, 5]);
    const bf = dense(modules[5].funcs[0].body.ops[2]);
    expect(bf.kind === "dense" && bf.value.values).toEqual([1, 2]);
    const lowest = dense(modules[3].funcs[0].body.ops[2]);
    expect(lowest.kind === "dense" && lowest.value.values).toEqual([-Infinity]);
    const bools = modules[0].funcs[0].body.ops[5].attrs.value;
    expect(bools.kind === "dense" && bools.value.values).toEqual([1, 0, 0]);
  });
});

describe("parser: generic and pretty forms agree", () => {
  const cases: [string, string, string][] = [
    ["%a: tensor<2xf32>", `%r = "stablehlo.add"(%a, %a) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>`, "%r = stablehlo.add %a, %a : tensor<2xf32>"],
    ["%a: tensor<2xf32>", `%r = "stablehlo.exponential"(%a) : (tensor<2xf32>) -> tensor<2xf32>`, "%r = stablehlo.exponential %a : tensor<2xf32>"],
    [
      "%a: tensor<2xi32>",
      `%r = "stablehlo.compare"(%a, %a) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi1>`,
      "%r = stablehlo.compare LE, %a, %a, SIGNED : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi1>",
    ],
    [
      "%p: tensor<2xi1>, %a: tensor<2xf32>",
      `%r = "stablehlo.select"(%p, %a, %a) : (tensor<2xi1>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>`,
      "%r = stablehlo.select %p, %a, %a : tensor<2xi1>, tensor<2xf32>",
    ],
    [
      "%a: tensor<f32>, %x: tensor<3xf32>",
      `%r = "stablehlo.clamp"(%a, %x, %a) : (tensor<f32>, tensor<3xf32>, tensor<f32>) -> tensor<3xf32>`,
      "%r = stablehlo.clamp %a, %x, %a : (tensor<f32>, tensor<3xf32>, tensor<f32>) -> tensor<3xf32>",
    ],
    ["%a: tensor<2xf32>", `%r = "stablehlo.convert"(%a) : (tensor<2xf32>) -> tensor<2xbf16>`, "%r = stablehlo.convert %a : (tensor<2xf32>) -> tensor<2xbf16>"],
    ["%a: tensor<2x3xf32>", `%r = "stablehlo.reshape"(%a) : (tensor<2x3xf32>) -> tensor<6xf32>`, "%r = stablehlo.reshape %a : (tensor<2x3xf32>) -> tensor<6xf32>"],
    [
      "%a: tensor<2x3xf32>",
      `%r = "stablehlo.transpose"(%a) {permutation = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>`,
      "%r = stablehlo.transpose %a, dims = [1, 0] : (tensor<2x3xf32>) -> tensor<3x2xf32>",
    ],
    [
      "%a: tensor<3xf32>",
      `%r = "stablehlo.broadcast_in_dim"(%a) {broadcast_dimensions = dense<[1]> : tensor<1xi64>} : (tensor<3xf32>) -> tensor<2x3xf32>`,
      "%r = stablehlo.broadcast_in_dim %a, dims = [1] : (tensor<3xf32>) -> tensor<2x3xf32>",
    ],
    [
      "%a: tensor<2xf32>",
      `%r = "stablehlo.concatenate"(%a, %a) {dimension = 0 : i64} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>`,
      "%r = stablehlo.concatenate %a, %a, dim = 0 : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>",
    ],
    [
      "%a: tensor<8xf32>",
      `%r = "stablehlo.slice"(%a) <{start_indices = array<i64: 1>, limit_indices = array<i64: 7>, strides = array<i64: 3>}> : (tensor<8xf32>) -> tensor<2xf32>`,
      "%r = stablehlo.slice %a [1:7:3] : (tensor<8xf32>) -> tensor<2xf32>",
    ],
    [
      "%a: tensor<8xf32>, %i: tensor<i32>",
      `%r = "stablehlo.dynamic_slice"(%a, %i) {slice_sizes = array<i64: 2>} : (tensor<8xf32>, tensor<i32>) -> tensor<2xf32>`,
      "%r = stablehlo.dynamic_slice %a, %i, sizes = [2] : (tensor<8xf32>, tensor<i32>) -> tensor<2xf32>",
    ],
    [
      "%a: tensor<8xf32>, %u: tensor<2xf32>, %i: tensor<i32>",
      `%r = "stablehlo.dynamic_update_slice"(%a, %u, %i) : (tensor<8xf32>, tensor<2xf32>, tensor<i32>) -> tensor<8xf32>`,
      "%r = stablehlo.dynamic_update_slice %a, %u, %i : (tensor<8xf32>, tensor<2xf32>, tensor<i32>) -> tensor<8xf32>",
    ],
    ["", `%r = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<4xi32>`, "%r = stablehlo.iota dim = 0 : tensor<4xi32>"],
    ["", `%r = "stablehlo.constant"() <{value = dense<[1, 2]> : tensor<2xi32>}> : () -> tensor<2xi32>`, "%r = stablehlo.constant dense<[1, 2]> : tensor<2xi32>"],
    [
      "%a: tensor<2x3x4xf32>, %b: tensor<2x4x5xf32>",
      `%r = "stablehlo.dot_general"(%a, %b) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>`,
      "%r = stablehlo.dot_general %a, %b, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>",
    ],
    [
      "%a: tensor<2x3xf32>, %z: tensor<f32>",
      `%r = "stablehlo.reduce"(%a, %z) ({\n  ^bb0(%x: tensor<f32>, %y: tensor<f32>):\n    %m = "stablehlo.maximum"(%x, %y) : (tensor<f32>, tensor<f32>) -> tensor<f32>\n    "stablehlo.return"(%m) : (tensor<f32>) -> ()\n  }) {dimensions = array<i64: 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>`,
      "%r = stablehlo.reduce(%a init: %z) applies stablehlo.maximum across dimensions = [1] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>",
    ],
    [
      "%a: tensor<i32>",
      `%r = "stablehlo.while"(%a) ({\n  ^bb0(%k: tensor<i32>):\n    %c = "stablehlo.compare"(%k, %k) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i32>, tensor<i32>) -> tensor<i1>\n    "stablehlo.return"(%c) : (tensor<i1>) -> ()\n  }, {\n  ^bb0(%k: tensor<i32>):\n    "stablehlo.return"(%k) : (tensor<i32>) -> ()\n  }) : (tensor<i32>) -> tensor<i32>`,
      "%r = stablehlo.while(%k = %a) : tensor<i32>\n  cond {\n    %c = stablehlo.compare LT, %k, %k : (tensor<i32>, tensor<i32>) -> tensor<i1>\n    stablehlo.return %c : tensor<i1>\n  } do {\n    stablehlo.return %k : tensor<i32>\n  }",
    ],
    [
      "%a: tensor<2xf32>",
      `"check.expect_almost_eq_const"(%a) {value = dense<1.0> : tensor<2xf32>, tolerance = 1.0e-2 : f64} : (tensor<2xf32>) -> ()`,
      "check.expect_almost_eq_const %a, dense<1.0> : tensor<2xf32>, tolerance = 1.0e-2",
    ],
  ];

  for (const [args, generic, pretty] of cases) {
    const name = /"([\w.]+)"/.exec(generic)![1];
    it(`reads ${name} in both forms alike`, () => {
      const g = parseModule(wrap(`  ${generic}`, args), "g.mlir");
      const p = parseModule(wrap(`  ${pretty}`, args), "p.mlir");
      const strip = (m: Module): string => printModule(m);
      expect(strip(g)).toBe(strip(p));
      expect(verifyModule(g)).toEqual([]);
    });
  }

  it("reads a multi-operand reduce in its pretty reducer form", () => {
    const text = wrap(
      [
        "  %r:2 = stablehlo.reduce(%a init: %z), (%i init: %j) across dimensions = [0] : (tensor<4xf32>, tensor<4xi32>, tensor<f32>, tensor<i32>) -> (tensor<f32>, tensor<i32>)",
        "    reducer(%x: tensor<f32>, %y: tensor<f32>) (%xi: tensor<i32>, %yi: tensor<i32>) {",
        "      %m = stablehlo.maximum %x, %y : tensor<f32>",
        "      %n = stablehlo.minimum %xi, %yi : tensor<i32>",
        "      stablehlo.return %m, %n : tensor<f32>, tensor<i32>",
        "    }",
      ].join("\n"),
      "%a: tensor<4xf32>, %i: tensor<4xi32>, %z: tensor<f32>, %j: tensor<i32>",
    );
    const m = parseModule(text, "r.mlir");
    const reduce = m.funcs[0].body.ops[0];
    expect(reduce.regions[0].blocks[0].args.map((a) => a.name)).toEqual(["%x", "%xi", "%y", "%yi"]);
    expect(verifyModule(m)).toEqual([]);
  });
});

describe("parser: attributes", () => {
  it("reads every attribute kind of the generic syntax and prints it back", () => {
    const op =
      '  %0 = "test.op"(%a) <{i = 3 : i32, n = -4, f = 1.5 : f32, d = 2.5, b = false, s = "x\\22y", sym = @g, arr = array<i64: 1, 2>, none = array<i64>, e = #stablehlo<comparison_direction GT>, u}> {extra = 7 : i64} : (tensor<2xf32>) -> tensor<2xf32>';
    const m = parseModule(wrap(op, "%a: tensor<2xf32>"), "a.mlir");
    expect(m.funcs[0].body.ops[0].attrs).toEqual({
      i: { kind: "int", value: 3, type: "i32" },
      n: { kind: "int", value: -4 },
      f: { kind: "float", value: 1.5, type: "f32" },
      d: { kind: "float", value: 2.5 },
      b: { kind: "bool", value: false },
      s: { kind: "string", value: 'x"y' },
      sym: { kind: "symbol", value: "g" },
      arr: { kind: "ints", values: [1, 2] },
      none: { kind: "ints", values: [] },
      e: { kind: "enum", value: "GT" },
      u: { kind: "bool", value: true },
      extra: { kind: "int", value: 7 },
    });
    const printed = printModule(m);
    expect(printed).toContain('arr = array<i64: 1, 2>, b = false, d = 2.500000e+00 : f64, e = #stablehlo<e GT>, extra = 7 : i64, f = 1.500000e+00 : f32');
    expect(printModule(parseModule(printed, "b.mlir"))).toBe(printed);
  });
});

describe("parser: syntax errors", () => {
  it("points at the offending token", () => {
    const d = syntaxError("func.func @f(%a: tensor<2xf32>) {\n  %0 = stablehlo.add %a, %a : tensor<2xf32> tensor<2xf32>\n  func.return\n}\n");
    expect([d.line, d.column]).toEqual([2, 45]);
    expect(d.message).toContain("'tensor<2xf32>'");
    const missing = syntaxError("func.func @f(%a: tensor<2xf32>) {\n  %0 = stablehlo.add %a, %a\n  func.return\n}\n");
    expect([missing.line, missing.column]).toEqual([2, 8]);
    expect(missing.message).toContain("stablehlo.add needs ': <types>'");
  });

  it("rejects unsupported element types by name", () => {
    const d = syntaxError(wrap("  %0 = stablehlo.constant dense<1> : tensor<2xi8>"));
    expect(d.message).toContain("unsupported element type 'i8'");
    expect([d.line, d.column]).toEqual([2, 38]);
  });

  it("rejects a dense literal whose shape differs from its type", () => {
    const d = syntaxError(wrap("  %0 = stablehlo.constant dense<[1, 2, 3]> : tensor<2xi32>"));
    expect(d.message).toContain("3 elements in dimension 0");
    expect(d.line).toBe(2);
  });

  it("rejects a float literal for an integer type and an out-of-range integer", () => {
    expect(syntaxError(wrap("  %0 = stablehlo.constant dense<1.5> : tensor<i32>")).message).toContain("expected an integer literal");
    expect(syntaxError(wrap("  %0 = stablehlo.constant dense<4294967296> : tensor<ui32>")).message).toContain("out of range");
  });

  it("rejects stray characters and a missing closing brace", () => {
    const stray = syntaxError("func.func @f() {\n  ~\n}\n");
    expect([stray.line, stray.column]).toEqual([2, 3]);
    const eof = syntaxError("func.func @f() {\n  func.return\n");
    expect(eof.message).toContain("end of file");
  });

  it("rejects nesting deep enough to overflow the parser's stack, at the bracket too many", () => {
    const deep = syntaxError(wrap(`  %0 = stablehlo.constant dense<${"[".repeat(20_000)}1${"]".repeat(20_000)}> : tensor<i32>`));
    // The body's `{` and dense's `<` count too: the 255th `[` is the 257th open bracket.
    expect([deep.line, deep.column, deep.message]).toEqual([2, 3 + "%0 = stablehlo.constant dense<".length + 254, "brackets nested deeper than 256 levels"]);
    // 200 levels still parse.
    expect(() => parseModules(wrap(`  %0 = stablehlo.constant dense<${"[".repeat(200)}1${"]".repeat(200)}> : tensor<${"1x".repeat(200)}i32>`), "ok.mlir")).not.toThrow();
  });

  it("rejects a type list that does not match the operands", () => {
    const d = syntaxError(wrap("  %0 = stablehlo.add %a, %a : (tensor<2xf32>) -> tensor<2xf32>", "%a: tensor<2xf32>"));
    expect(d.message).toContain("2 operand(s) but its type lists 1");
  });

  it("reports syntax errors in a later part with that part's real line", () => {
    const d = syntaxError(`${wrap("")}// -----\n${wrap("  %0 = stablehlo.bogus")}`);
    expect(d.line).toBe(7);
  });

  it("splits only at // ----- lines, not at the marker inside a line", () => {
    const text = "func.func @f() {  // ----- just a comment\n  func.return\n}\n  // -----\nfunc.func @g() {\n  func.return\n}\n// -----\n";
    expect(parseModules(text, "s.mlir").map((m) => m.funcs.map((f) => f.name))).toEqual([["f"], ["g"]]);
  });

  it("parseModule wants exactly one module", () => {
    expect(() => parseModule(`${wrap("")}// -----\n${wrap("")}`, "two.mlir")).toThrow(DiagnosticError);
  });

  it("keeps a bare return from swallowing a following op", () => {
    const ops = opsOf("func.func @f() {\n  stablehlo.return\n  func.return\n}\n");
    expect(ops.map((o) => o.name)).toEqual(["stablehlo.return", "func.return"]);
  });
});
