// scanLayers, the loop over a stack of identical layers: the evaluator's loop equals the layers called
// one by one, the StableHLO lowering (one while, dynamic_slice per stacked weight) equals the
// evaluator in the interpreter, and the type rule refuses a malformed loop.
import { describe, expect, it } from "vitest";
import { GraphBuilder, type GVal } from "../../compiler/ir/graph-builder.js";
import { evaluateKernel } from "../../compiler/ir/graph-eval.js";
import { fromData } from "../../compiler/ir/graph-tensor.js";
import type { GType, KernelGraph } from "../../compiler/ir/graph.js";
import { emitGraph } from "../../compiler/stablehlo/emit.js";
import { runFunction } from "../../stablehlo/interpreter/interpreter.js";
import { parseModule } from "../../stablehlo/parser.js";
import { printModule } from "../../stablehlo/printer.js";
import type { KernelSig, TensorSig } from "../../contract/manifest.js";

const f32 = (shape: number[]): GType => ({ shape, dtype: "f32" });
const arg = (name: string, shape: number[]): TensorSig => ({ name, shape, dtype: "f32", role: "input", donated: false });
const LAYERS = 3;

/** `@layer(x, acc, bias, i, w) -> (rmsNorm(x + bias, w), acc + x)`, run over 3 layers (unrolled: one call each) collecting x after layers 2 and 0. */
function graph(unrolled: boolean): KernelGraph {
  const sig: KernelSig = {
    kernel: "verify",
    bucket: { requests: 1 },
    bucketId: "r1",
    args: [arg("x", [2, 4]), arg("bias", [2, 4]), arg("w", [LAYERS, 4])],
    results: [arg("y", [2, 4]), arg("acc", [2, 4]), arg("after2", [2, 4]), arg("after0", [2, 4])],
  };
  const g = new GraphBuilder(sig);
  const main = g.func("main", sig.args.map((a) => ({ name: a.name, type: f32([...a.shape]) })));
  const params = [{ name: "x", type: f32([2, 4]) }, { name: "acc", type: f32([2, 4]) }, { name: "bias", type: f32([2, 4]) }, { name: "layer", type: { shape: [], dtype: "i32" } as GType }, { name: "w", type: f32([4]) }];
  const layer = g.shared("layer", params, (b) => [b.rmsNorm(b.add(b.param("x"), b.param("bias")), b.param("w"), 1e-6), b.add(b.param("acc"), b.param("x"))]);
  const [x, bias, w] = ["x", "bias", "w"].map((n) => main.param(n));
  const acc0 = main.add(x, bias);
  let results: GVal[];
  if (unrolled) {
    let [cx, cacc] = [x, acc0];
    const after: GVal[] = [];
    for (let i = 0; i < LAYERS; i++) {
      [cx, cacc] = main.call(layer, [cx, cacc, bias, main.constI32(i), main.reshape(main.slice(w, [i, 0], [i + 1, 4]), [4])]);
      after.push(cx);
    }
    results = [cx, cacc, after[2], after[0]];
  } else {
    results = main.scanLayers(layer, [x, acc0], [bias], [w], LAYERS, [2, 0]);
  }
  main.ret(results);
  return g.finish();
}

const inputs = new Map([
  ["x", fromData("f32", [2, 4], [1, -2, 3, 0.5, 2, 2, -1, 4])],
  ["bias", fromData("f32", [2, 4], [0.25, 0, -0.5, 1, 0, 1, 0, -1])],
  ["w", fromData("f32", [LAYERS, 4], [1, 2, 0.5, 1, -1, 1, 1, 2, 0.5, 0.25, 3, 1])],
]);

describe("scanLayers", () => {
  it("is the layers called one by one, collecting carry 0 after the layers it names", () => {
    const loop = evaluateKernel(graph(false), inputs);
    const calls = evaluateKernel(graph(true), inputs);
    for (const r of ["y", "acc", "after2", "after0"]) expect([r, ...loop.get(r)!.data]).toEqual([r, ...calls.get(r)!.data]);
    expect([...loop.get("after2")!.data]).toEqual([...loop.get("y")!.data]);
    expect([...loop.get("after0")!.data]).not.toEqual([...loop.get("y")!.data]);
  });

  it("lowers to one while over the layer index whose results the interpreter matches exactly", () => {
    const g = graph(false);
    const text = printModule(emitGraph(g));
    expect(text.match(/stablehlo\.while/g)).toHaveLength(1);
    expect(text.match(/func\.call @layer/g)).toHaveLength(1);
    expect(text).toMatch(/stablehlo\.dynamic_slice %w, %iterArg, /);
    const want = evaluateKernel(g, inputs);
    const got = runFunction(parseModule(text, "scan.mlir"), "main", g.sig.args.map((a) => ({ type: { shape: [...a.shape], element: a.dtype }, data: inputs.get(a.name)!.data })));
    g.sig.results.forEach((r, i) => expect([r.name, ...got[i].data]).toEqual([r.name, ...want.get(r.name)!.data]));
  });

  it("refuses stacked operands of another layer count, a callee that does not fit, and collected layers out of range", () => {
    const sig: KernelSig = { kernel: "verify", bucket: { requests: 1 }, bucketId: "r1", args: [arg("x", [2, 4]), arg("w", [2, 4])], results: [] };
    const g = new GraphBuilder(sig);
    const main = g.func("main", sig.args.map((a) => ({ name: a.name, type: f32([...a.shape]) })));
    const params = [{ name: "x", type: f32([2, 4]) }, { name: "layer", type: { shape: [], dtype: "i32" } as GType }, { name: "w", type: f32([4]) }];
    const layer = g.shared("layer", params, (b) => [b.rmsNorm(b.param("x"), b.param("w"), 1e-6)]);
    const [x, w] = [main.param("x"), main.param("w")];
    expect(() => main.scanLayers(layer, [x], [], [w], 3, [])).toThrow(/stacked operand 0 must have 3 layers/);
    expect(() => main.scanLayers(layer, [x], [x], [w], 2, [])).toThrow(/@layer takes 3 operands/);
    expect(() => main.scanLayers(layer, [x], [], [w], 2, [2])).toThrow(/collect \[2\] out of range/);
    expect(main.scanLayers(layer, [x], [], [w], 2, [1])).toHaveLength(2);
  });
});
