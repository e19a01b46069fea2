// Inputs the fuzz suite found (docs/fuzzing.md, "Findings"), kept as focused regression tests.
import { describe, expect, it } from "vitest";
import { checkStableHlo } from "../../compiler/stablehlo/check-file.js";

describe("fuzz findings", () => {
  it("a result count of 2^64 (`%r:18446744073709551616 = ...`) is a located syntax error, not gigabytes of result names", () => {
    const text = [
      "func.func @f() {",
      "  %x = stablehlo.constant dense<[1, 2, 3]> : tensor<3xi64>",
      "  %z = stablehlo.constant dense<0> : tensor<i64>",
      "  %r:18446744073709551616 = stablehlo.reduce(%x init: %z), (%x init: %z) across dimensions = [0] : (tensor<3xi64>, tensor<3xi64>, tensor<i64>, tensor<i64>) -> (tensor<i64>, tensor<i64>)",
      "   reducer(%a: tensor<i64>, %b: tensor<i64>) (%ai: tensor<i64>, %bi: tensor<i64>) {",
      "    stablehlo.return %a, %ai : tensor<i64>, tensor<i64>",
      "  }",
      "  func.return",
      "}",
    ].join("\n");
    const rss = process.memoryUsage.rss();
    const t0 = performance.now();
    const diagnostics = checkStableHlo(text, "counted.mlir");
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(process.memoryUsage.rss() - rss).toBeLessThan(256 * 2 ** 20);
    expect(diagnostics).toMatchObject([{ file: "counted.mlir", line: 4, column: text.split("\n")[3].indexOf(" = ") + 2, code: "stablehlo-syntax" }]);
    expect(diagnostics[0].message).toMatch(/an op with \d+ results: at most 65536/);
    // The same count on an op with a single result, and a count that agrees, still parse as before.
    expect(checkStableHlo("func.func @g() {\n  %c:4294967296 = stablehlo.constant dense<0> : tensor<i32>\n  func.return\n}\n", "c.mlir")[0]?.code).toBe("stablehlo-syntax");
  });
});
