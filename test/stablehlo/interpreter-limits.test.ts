/**
 * Resource limits of the interpreter and of `dflashc stablehlo run`: --max-steps (interpreted ops,
 * loop iterations included) and --max-bytes (live tensor data, checked before allocating). Hitting
 * either is exit 2 with a message naming the flag; never exit 1.
 */
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../../cli/cli.js";
import { memoryIo } from "../../cli/commands/io.js";
import { InterpreterLimitError } from "../../stablehlo/interpreter/errors.js";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_STEPS, Interpreter, runFunction } from "../../stablehlo/interpreter/interpreter.js";
import { parseModule } from "../../stablehlo/parser.js";
import { runStableHloText } from "../../compiler/stablehlo/run-file.js";

const dir = join(import.meta.dirname, "interp-limits");

async function cli(args: string[]) {
  const io = memoryIo(dir);
  const code = await main(args, io);
  return { code, out: io.stdout.join(""), err: io.stderr.join("") };
}

describe("stablehlo run --max-steps", () => {
  test("a while that never ends stops with exit 2 under the default limit, in a few seconds", async () => {
    const t0 = performance.now();
    const r = await cli(["stablehlo", "run", "forever.mlir"]);
    const seconds = (performance.now() - t0) / 1000;
    expect(r.code).toBe(2);
    expect(r.err).toContain(`forever.mlir:10:7: error run-limit: stablehlo run: the module needs more than --max-steps=${DEFAULT_MAX_STEPS}`);
    expect(r.err).toContain("raise --max-steps");
    expect(r.out).toBe("");
    expect(seconds).toBeLessThan(5);
  }, 20_000);

  test("a small --max-steps stops a bounded loop; the default and a larger one let it finish", async () => {
    const low = await cli(["stablehlo", "run", "counted.mlir", "--max-steps", "100000"]);
    expect(low.code).toBe(2);
    expect(low.err).toContain("the module needs more than --max-steps=100000 (100000 interpreted ops executed");
    expect((await cli(["stablehlo", "run", "counted.mlir"])).code).toBe(0);
    const high = await cli(["stablehlo", "run", "counted.mlir", "--max-steps", "1e6"]);
    expect(high).toMatchObject({ code: 0, out: "PASS @counted (1 checks)" });
  });

  test("--json reports the limit as one document", async () => {
    const r = await cli(["stablehlo", "run", "forever.mlir", "--max-steps", "1000", "--json"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { ok: boolean; command: string; diagnostics: { code: string; message: string }[]; limit: { name: string; value: number } };
    expect(doc).toMatchObject({ ok: false, command: "stablehlo run", limit: { name: "maxSteps", value: 1000 } });
    expect(doc.diagnostics).toHaveLength(1);
    expect(doc.diagnostics[0].code).toBe("run-limit");
    expect(doc.diagnostics[0].message).toContain("--max-steps=1000");
  });

  test("a bad limit value is a usage error", async () => {
    for (const v of ["0", "-3", "lots", "1.5"]) {
      const r = await cli(["stablehlo", "run", "counted.mlir", "--max-steps", v]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--max-steps must be a positive integer, got '${v}'`);
    }
    expect((await cli(["stablehlo", "run", "counted.mlir", "--max-bytes", "x"])).err).toContain("--max-bytes must be a positive integer");
  });
});

describe("stablehlo run --max-bytes", () => {
  test("a huge tensor type is refused before allocating, exit 2, naming the type and its size", async () => {
    const t0 = performance.now();
    const r = await cli(["stablehlo", "run", "huge.mlir"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `huge.mlir:3:3: error run-limit: stablehlo run: the module needs more than --max-bytes=${DEFAULT_MAX_BYTES} (tensor<60000x60000xf32> is 14.4 GB); raise --max-bytes`,
    );
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  test("--max-bytes lowers and raises the limit", async () => {
    const low = await cli(["stablehlo", "run", "medium.mlir", "--max-bytes", "1000000"]);
    expect(low.code).toBe(2);
    expect(low.err).toContain("--max-bytes=1000000 (tensor<1000x1000xf32> is 4.0 MB)");
    expect((await cli(["stablehlo", "run", "medium.mlir"])).code).toBe(0);
    expect((await cli(["stablehlo", "run", "medium.mlir", "--max-bytes", "5000000"])).code).toBe(0);
  });

  test("live bytes: the sum of the results a block holds, not only the biggest one", async () => {
    const text = `func.func @two() {
  %a = stablehlo.constant dense<1.0> : tensor<1000xf32>
  %b = stablehlo.constant dense<2.0> : tensor<1000xf32>
  %c = stablehlo.add %a, %b : tensor<1000xf32>
  check.expect_eq_const %c, dense<3.0> : tensor<1000xf32>
  func.return
}
`;
    expect(runStableHloText(text, "two.mlir", { maxBytes: 12_000 }).ok).toBe(true);
    expect(() => runStableHloText(text, "two.mlir", { maxBytes: 11_999 })).toThrow(
      "two.mlir:4:3: the module needs more than --max-bytes=11999 (stablehlo.add would bring live tensors to 12.0 KB)",
    );
  });

  test("a loop's iterations free their bytes: only the live ones count", async () => {
    // 100000 iterations each allocating a few scalars: far more than 10 KB in total, never live at once.
    expect(runStableHloText(await import("node:fs").then((fs) => fs.readFileSync(join(dir, "counted.mlir"), "utf8")), "counted.mlir", { maxBytes: 10_000 }).ok).toBe(true);
  });
});

describe("the library", () => {
  test("limits are options of the Interpreter, runFunction and runStableHloText; the error is InterpreterLimitError", () => {
    const text = `func.func @main(%x: tensor<f32>) -> tensor<f32> {
  %y = stablehlo.add %x, %x : tensor<f32>
  %z = stablehlo.add %y, %y : tensor<f32>
  func.return %z : tensor<f32>
}
`;
    const module = parseModule(text, "m.mlir");
    const x = { type: { shape: [], element: "f32" as const }, data: Float32Array.of(1) };
    expect(runFunction(module, "main", [x], undefined, { maxSteps: 3 })[0].data[0]).toBe(4);
    let err: unknown;
    try {
      runFunction(module, "main", [x], undefined, { maxSteps: 2 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InterpreterLimitError);
    expect(err).toMatchObject({ limit: "maxSteps", value: 2, loc: { line: 4, column: 3 } });
    const interp = new Interpreter(module);
    interp.run("main", [x]);
    expect(interp.steps).toBe(3);
    expect(interp.peakBytes).toBe(8);
    expect(interp.liveBytes).toBe(0);
    expect(() => runStableHloText(text, "m.mlir", { args: ["dense<1.0> : tensor<f32>"], maxBytes: 4 })).toThrow(InterpreterLimitError);
    // A limit stops the whole run rather than failing one function.
    expect(() => runStableHloText(text, "m.mlir", { args: ["dense<1.0> : tensor<f32>"], maxSteps: 1 })).toThrow("--max-steps=1");
  });
});
