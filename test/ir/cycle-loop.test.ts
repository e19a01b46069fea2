// cycleLoop, the decode loop with an early exit: at most C iterations, stopping once no row of carry 0
// (`remaining`) is above 0. The evaluator and the StableHLO lowering (one while) in the interpreter
// agree with the expected trace, and the type rule refuses a malformed loop.
import { describe, expect, it } from "vitest";
import { GraphBuilder } from "../../compiler/ir/graph-builder.js";
import { evaluateKernel } from "../../compiler/ir/graph-eval.js";
import { fromData } from "../../compiler/ir/graph-tensor.js";
import type { GType, KernelGraph } from "../../compiler/ir/graph.js";
import { emitGraph } from "../../compiler/stablehlo/emit.js";
import { runFunction } from "../../stablehlo/interpreter/interpreter.js";
import { parseModule } from "../../stablehlo/parser.js";
import { printModule } from "../../stablehlo/printer.js";
import type { KernelSig, TensorSig } from "../../contract/manifest.js";

const i32 = (shape: number[]): GType => ({ shape, dtype: "i32" });
const arg = (name: string, shape: number[]): TensorSig => ({ name, shape, dtype: "i32", role: "input", donated: false });
const CYCLES = 5;

/**
 * Each cycle records `remaining` in row `i` of a `[5, 3]` buffer (-1: not run), then spends one token
 * per live row (K = 1), or all of a row's budget when its token is its stop id.
 */
function graph(): KernelGraph {
  const sig: KernelSig = {
    kernel: "verify",
    bucket: { requests: 3 },
    bucketId: "r3",
    args: [arg("budgets", [3]), arg("tokens", [3]), arg("stop_ids", [3, 1])],
    results: [arg("remaining", [3]), arg("trace", [CYCLES, 3])],
  };
  const g = new GraphBuilder(sig);
  const main = g.func("main", sig.args.map((a) => ({ name: a.name, type: i32([...a.shape]) })));
  const body = g.func("cycle", [
    { name: "remaining", type: i32([3]) },
    { name: "trace", type: i32([CYCLES, 3]) },
    { name: "tokens", type: i32([3]) },
    { name: "stop_ids", type: i32([3, 1]) },
    { name: "i", type: i32([]) },
  ]);
  const remaining = body.param("remaining");
  const tokens = body.param("tokens");
  body.ret([body.remainingAfter(remaining, body.reshape(tokens, [3, 1]), tokens, body.param("stop_ids")), body.writeCycle(body.param("trace"), remaining, body.param("i"))]);
  const budgets = main.param("budgets");
  main.ret(main.cycleLoop("cycle", [budgets, main.cycleBuffer(budgets, CYCLES, [], -1)], [main.param("tokens"), main.param("stop_ids")], CYCLES));
  return g.finish();
}

function runBoth(budgets: number[], stops: number[]): { evaluator: number[][]; interpreter: number[][] } {
  const g = graph();
  const inputs = new Map([
    ["budgets", fromData("i32", [3], budgets)],
    ["tokens", fromData("i32", [3], [7, 8, 9])],
    ["stop_ids", fromData("i32", [3, 1], stops)],
  ]);
  const ev = evaluateKernel(g, inputs);
  const text = printModule(emitGraph(g));
  expect(text).toContain("stablehlo.while");
  const got = runFunction(parseModule(text, "loop.mlir"), "main", g.sig.args.map((a) => ({ type: { shape: [...a.shape], element: a.dtype }, data: inputs.get(a.name)!.data })));
  return { evaluator: g.sig.results.map((r) => [...ev.get(r.name)!.data]), interpreter: got.map((t) => Array.from(t.data, Number)) };
}

describe("cycleLoop", () => {
  it("stops once every row's budget is spent, before C cycles", () => {
    const { evaluator, interpreter } = runBoth([3, 1, 0], [-1, -1, -1]);
    const trace = [3, 1, 0, 2, 0, 0, 1, 0, 0, -1, -1, -1, -1, -1, -1];
    expect(evaluator).toEqual([[0, 0, 0], trace]);
    expect(interpreter).toEqual(evaluator);
  });

  it("a stop id ends its row at once; the others run on", () => {
    const { evaluator, interpreter } = runBoth([3, 2, 0], [7, -1, 8]);
    expect(evaluator).toEqual([[0, 0, 0], [3, 2, 0, 0, 1, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1]]);
    expect(interpreter).toEqual(evaluator);
  });

  it("runs C cycles at most", () => {
    const { evaluator, interpreter } = runBoth([9, 9, 9], [-1, -1, -1]);
    expect(evaluator).toEqual([[4, 4, 4], [9, 9, 9, 8, 8, 8, 7, 7, 7, 6, 6, 6, 5, 5, 5]]);
    expect(interpreter).toEqual(evaluator);
  });

  it("refuses a carry 0 that is not i32[R], a callee that does not fit, and zero cycles", () => {
    const sig: KernelSig = { kernel: "verify", bucket: { requests: 3 }, bucketId: "r3", args: [arg("r", [3]), arg("m", [3, 2])], results: [] };
    const g = new GraphBuilder(sig);
    const main = g.func("main", sig.args.map((a) => ({ name: a.name, type: i32([...a.shape]) })));
    const body = g.func("cycle", [{ name: "r", type: i32([3]) }, { name: "i", type: i32([]) }]);
    body.ret([body.param("r")]);
    const [r, m] = [main.param("r"), main.param("m")];
    expect(() => main.cycleLoop("cycle", [m], [], 2)).toThrow(/carry 0 \(remaining\) must have rank 1/);
    expect(() => main.cycleLoop("cycle", [r], [r], 2)).toThrow(/@cycle takes 2 operands, a cycle of this loop passes 3/);
    expect(() => main.cycleLoop("cycle", [r], [], 0)).toThrow(/cycles must be a positive integer/);
    expect(main.cycleLoop("cycle", [r], [], 2)).toHaveLength(1);
  });
});
