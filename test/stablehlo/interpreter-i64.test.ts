/** Exact i64 in the interpreter: library kernels, exact literals, and `stablehlo run` output. */
import { describe, expect, test } from "vitest";
import { main } from "../../cli/cli.js";
import { memoryIo } from "../../cli/commands/io.js";
import { compareKernel64, fromI64, toI64 } from "../../stablehlo/interpreter/i64.js";
import { parseArgLiterals, runStableHloText } from "../../compiler/stablehlo/run-file.js";
import { TempDir } from "../frontend/config-fixture.js";

const square = `func.func @main(%a: tensor<2xi64>) -> tensor<2xi64> {
  %m = stablehlo.multiply %a, %a : tensor<2xi64>
  func.return %m : tensor<2xi64>
}
`;

describe("i64", () => {
  test("argument literals beyond 2^53 are exact, and results are BigInt64Array", () => {
    const [t] = parseArgLiterals(["dense<[9007199254740993, -9223372036854775808]> : tensor<2xi64>"]);
    expect(Array.from(t.data as BigInt64Array)).toEqual([9007199254740993n, -9223372036854775808n]);
    const run = runStableHloText(square, "sq.mlir", { args: ["dense<[3037000499, 9007199254740993]> : tensor<2xi64>"] });
    expect(Array.from(run.functions[0].results![0].data as BigInt64Array)).toEqual([9223372030926249001n, 18014398509481985n]);
  });

  test("stablehlo run prints i64 exactly; --json keeps unsafe integers as strings", async () => {
    const tmp = new TempDir();
    try {
      const file = tmp.write(square, "sq.mlir");
      const io = memoryIo();
      expect(await main(["stablehlo", "run", file, "--args", "dense<[3037000499, 3]> : tensor<2xi64>"], io)).toBe(0);
      expect(io.stdout.join("\n")).toContain("tensor<2xi64> [9223372030926249001, 9]");
      const json = memoryIo();
      expect(await main(["stablehlo", "run", file, "--json", "--args", "dense<[3037000499, 3]> : tensor<2xi64>"], json)).toBe(0);
      const doc = JSON.parse(json.stdout.join("")) as { functions: { results: { values: unknown[] }[] }[] };
      expect(doc.functions[0].results[0].values).toEqual(["9223372030926249001", 9]);
    } finally {
      tmp.remove();
    }
  });

  test("kernels: unsigned compare, conversions that round once and saturate", () => {
    expect(compareKernel64("GT", "UNSIGNED")(-1n, 1n)).toBe(1);
    expect(compareKernel64("GT", "SIGNED")(-1n, 1n)).toBe(0);
    expect(fromI64("f32")(2n ** 60n + 2n ** 36n + 1n)).toBe(2 ** 60 + 2 ** 37);
    expect(fromI64("bf16")(257n)).toBe(256);
    expect(fromI64("bf16")(259n)).toBe(260);
    expect(fromI64("ui32")(-1n)).toBe(4294967295);
    expect(toI64("f32")(Number.NaN)).toBe(0n);
    expect(toI64("f64")(-1e30)).toBe(-(2n ** 63n));
  });
});
