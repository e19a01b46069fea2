// docs/dsl.md against the DSL itself: every builder dsl/builders.ts exports, every type dsl/types.ts
// exports, and every property of every declaration interface there is named in the document (read
// with the TypeScript compiler API), so the reference cannot fall behind the types.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as dsl from "../../dsl/index.js";
import { REPO } from "../frontend/config-fixture.js";

const doc = readFileSync(join(REPO, "docs", "dsl.md"), "utf8");

function parse(file: string): ts.SourceFile {
  const path = join(REPO, "dsl", file);
  return ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
}

const exported = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

describe("docs/dsl.md", () => {
  const types = parse("types.ts");
  const builders = parse("builders.ts");

  it("names every exported builder, and the builders are what dflashc exports", () => {
    const names = builders.statements.filter((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && exported(s)).map((f) => f.name!.text);
    expect(names.sort()).toEqual(Object.keys(dsl).sort());
    for (const name of names) expect(doc, name).toContain(`\`${name}(`);
  });

  it("names every exported type and every property of every interface in dsl/types.ts", () => {
    const interfaces = types.statements.filter((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && exported(s));
    const aliases = types.statements.filter((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && exported(s));
    expect(interfaces.length).toBeGreaterThan(10);
    for (const t of [...interfaces, ...aliases]) expect(doc, t.name.text).toContain(`\`${t.name.text}\``);
    let properties = 0;
    for (const i of interfaces) {
      for (const m of i.members) {
        if (!ts.isPropertySignature(m)) continue;
        const name = (m.name as ts.Identifier).text;
        properties++;
        // Discriminants are stamped by the builders and named as `kind: "..."` / `family: "..."`.
        const asField = new RegExp(`\\| \`${name}\` \\||\`${name}: "`);
        expect(doc, `${i.name.text}.${name}`).toMatch(asField);
      }
    }
    expect(properties).toBeGreaterThan(40);
  });

  it("lists every literal option of the DSL's string unions", () => {
    const literals: string[] = [];
    const visit = (n: ts.Node): void => {
      // (`TargetModel["family"]` indexes a type: its "family" is a property name, not an option.)
      if (ts.isLiteralTypeNode(n) && ts.isStringLiteral(n.literal) && !ts.isIndexedAccessTypeNode(n.parent)) literals.push(n.literal.text);
      ts.forEachChild(n, visit);
    };
    visit(types);
    expect(literals).toContain("tpu-v6e");
    for (const l of new Set(literals)) expect(doc, l).toContain(`"${l}"`);
  });
});
