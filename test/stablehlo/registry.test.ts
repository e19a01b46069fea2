/** The op registry (stablehlo/ops/) is the one source every consumer reads. */
import { describe, expect, it } from "vitest";
import { OP_TABLE } from "../../stablehlo/interpreter/op-table.js";
import { OPS, opDef } from "../../stablehlo/ops/registry.js";
import { TERMINATORS, knownOps } from "../../stablehlo/shape-rules.js";

describe("the StableHLO op registry", () => {
  it("holds each op once, and every verified op that is not a terminator can be interpreted", () => {
    expect(new Set(OPS.map((d) => d.name)).size).toBe(OPS.length);
    const missing = OPS.filter((d) => d.type && !d.terminator && !d.evaluate).map((d) => d.name);
    expect(missing).toEqual([]);
  });

  it("feeds the interpreter's table, the verifier's rules and the terminators", () => {
    expect(Object.keys(OP_TABLE).sort()).toEqual(OPS.filter((d) => d.evaluate).map((d) => d.name).sort());
    expect(knownOps()).toEqual(OPS.filter((d) => d.type).map((d) => d.name).sort());
    expect([...TERMINATORS].sort()).toEqual(["func.return", "stablehlo.return"]);
  });

  it("names each pretty key once per op, and only kinds the parser reads", () => {
    for (const d of OPS) {
      const words = (d.form?.keys ?? []).map((k) => k.word);
      expect(new Set(words).size, d.name).toBe(words.length);
      for (const k of d.form?.keys ?? []) expect(["ints", "int", "float", "dropped"], d.name).toContain(k.value);
    }
    expect(opDef("stablehlo.broadcast_in_dim")?.form?.keys).toEqual([{ word: "dims", attr: "broadcast_dimensions", value: "ints" }]);
    expect(opDef("stablehlo.nonexistent")).toBeUndefined();
  });
});
