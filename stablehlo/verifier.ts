/**
 * Verifies a parsed or built module: SSA values defined once and before use (MLIR's region scoping),
 * operand types that match their definitions, every op by its shape rule, block terminators, region
 * signatures, func.call against its callee and func.return against the function's signature.
 * Every problem is a located diagnostic.
 */
import type { Diagnostic } from "../contract/diagnostics.js";
import { type Block, type Func, type Module, type Op, type SourceLoc, type TensorType, type Value, formatType, sameType } from "./ir.js";
import { TERMINATORS, checkOpViolations, hasRule } from "./shape-rules.js";

const UNKNOWN: SourceLoc = { file: "<unknown>", line: 1, column: 1 };

/** Names visible at a point: each region opens a scope that closes when it ends. */
class Scope {
  private readonly names = new Map<string, TensorType>();
  constructor(private readonly parent?: Scope) {}

  lookup(name: string): TensorType | undefined {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }

  define(name: string, type: TensorType): boolean {
    if (this.lookup(name) !== undefined) return false;
    this.names.set(name, type);
    return true;
  }
}

class Verifier {
  readonly diagnostics: Diagnostic[] = [];
  private readonly funcs = new Map<string, Func>();

  constructor(private readonly module: Module) {}

  private report(loc: SourceLoc | undefined, code: string, message: string): void {
    const l = loc ?? this.module.loc ?? UNKNOWN;
    this.diagnostics.push({ file: l.file, line: l.line, column: l.column, severity: "error", code, message });
  }

  run(): Diagnostic[] {
    for (const f of this.module.funcs) {
      if (this.funcs.has(f.name)) this.report(f.loc, "stablehlo-redefined-symbol", `function @${f.name} is defined twice`);
      else this.funcs.set(f.name, f);
    }
    for (const f of this.module.funcs) this.func(f);
    return this.diagnostics;
  }

  private func(f: Func): void {
    const scope = new Scope();
    for (const a of f.args) {
      if (!scope.define(a.name, a.type)) this.report(f.loc, "stablehlo-redefined-value", `argument ${a.name} of @${f.name} is declared twice`);
    }
    this.block(f.body, scope, f.loc);
    const last = f.body.ops[f.body.ops.length - 1];
    if (!last || last.name !== "func.return") {
      this.report(last?.loc ?? f.loc, "stablehlo-missing-terminator", `function @${f.name} must end with func.return`);
      return;
    }
    const got = last.operands.map((o) => o.type);
    if (!sameTypes(got, f.resultTypes)) {
      this.report(last.loc ?? f.loc, "stablehlo-type-mismatch", `func.return returns (${types(got)}), but @${f.name} is declared to return (${types(f.resultTypes)})`);
    }
  }

  private block(b: Block, scope: Scope, at: SourceLoc | undefined): void {
    b.ops.forEach((op, i) => {
      if (TERMINATORS.has(op.name) && i !== b.ops.length - 1) {
        this.report(op.loc ?? at, "stablehlo-misplaced-terminator", `${op.name} must be the last op of its block`);
      }
      this.op(op, scope);
    });
  }

  private op(op: Op, scope: Scope): void {
    const loc = op.loc;
    for (const v of op.operands) this.use(v, scope, loc);
    if (!hasRule(op.name)) {
      this.report(loc, "stablehlo-unknown-op", `unknown op '${op.name}'`);
    } else {
      const violations = checkOpViolations(
        op.name,
        op.operands.map((o) => o.type),
        op.results.map((r) => r.type),
        op.attrs,
        op.regions,
      );
      for (const v of violations) this.report(loc, v.code, v.message);
      if (op.name === "func.call") this.call(op);
    }
    for (const region of op.regions) {
      for (const b of region.blocks) {
        const inner = new Scope(scope);
        for (const a of b.args) {
          if (!inner.define(a.name, a.type)) this.report(loc, "stablehlo-redefined-value", `block argument ${a.name} is already defined`);
        }
        this.block(b, inner, loc);
        const last = b.ops[b.ops.length - 1];
        if (!last || last.name !== "stablehlo.return") {
          this.report(last?.loc ?? loc, "stablehlo-missing-terminator", `a region of ${op.name} must end with stablehlo.return`);
        }
      }
    }
    for (const r of op.results) {
      if (!scope.define(r.name, r.type)) this.report(loc, "stablehlo-redefined-value", `${r.name} is already defined`);
    }
  }

  private use(v: Value, scope: Scope, loc: SourceLoc | undefined): void {
    const def = scope.lookup(v.name);
    if (def === undefined) {
      this.report(loc, "stablehlo-undefined-value", `${v.name} is used but not defined before`);
    } else if (!sameType(def, v.type)) {
      this.report(loc, "stablehlo-type-mismatch", `${v.name} has type ${formatType(def)}, but is used as ${formatType(v.type)}`);
    }
  }

  private call(op: Op): void {
    const c = op.attrs.callee;
    if (c?.kind !== "symbol") return;
    const callee = this.funcs.get(c.value);
    if (!callee) {
      this.report(op.loc, "stablehlo-unknown-callee", `func.call refers to @${c.value}, which is not defined in this module`);
      return;
    }
    const args = op.operands.map((o) => o.type);
    const want = callee.args.map((a) => a.type);
    if (!sameTypes(args, want)) {
      this.report(op.loc, "stablehlo-type-mismatch", `func.call passes (${types(args)}), but @${callee.name} takes (${types(want)})`);
    }
    const results = op.results.map((r) => r.type);
    if (!sameTypes(results, callee.resultTypes)) {
      this.report(op.loc, "stablehlo-type-mismatch", `func.call expects (${types(results)}), but @${callee.name} returns (${types(callee.resultTypes)})`);
    }
  }
}

function sameTypes(a: readonly TensorType[], b: readonly TensorType[]): boolean {
  return a.length === b.length && a.every((x, i) => sameType(x, b[i]));
}

function types(ts: readonly TensorType[]): string {
  return ts.map(formatType).join(", ");
}

/** All problems in a module, in source order per function (empty when valid). */
export function verifyModule(m: Module): Diagnostic[] {
  return new Verifier(m).run();
}
