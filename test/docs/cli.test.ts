// docs/cli.md against the program itself (cli/cli.ts): every command has a section, and every flag of
// a command appears in that command's section, so the reference cannot fall behind the CLI.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../cli/cli.js";
import { memoryIo } from "../../cli/commands/io.js";
import { REPO } from "../frontend/config-fixture.js";

const doc = readFileSync(join(REPO, "docs", "cli.md"), "utf8");

/** Every leaf command with its full name (`stablehlo run`). */
function leaves(cmd: Command, prefix = ""): { name: string; cmd: Command }[] {
  return cmd.commands.flatMap((c) => {
    const name = `${prefix}${c.name()}`;
    return c.commands.length > 0 ? leaves(c, `${name} `) : [{ name, cmd: c }];
  });
}

/** The text of the section `### \`<name> ...\`` up to the next heading. */
function section(name: string): string {
  const start = doc.search(new RegExp(`^### \`${name}( <[a-z]+>)?\`$`, "m"));
  if (start < 0) return "";
  const rest = doc.slice(doc.indexOf("\n", start));
  const end = rest.search(/^#{2,3} /m);
  return end < 0 ? rest : rest.slice(0, end);
}

describe("docs/cli.md", () => {
  const commands = leaves(buildProgram(memoryIo(), () => {}));

  it("has a section for every command", () => {
    expect(commands.map((c) => c.name)).toContain("stablehlo run");
    for (const { name } of commands) expect(section(name), name).not.toBe("");
  });

  it("lists every flag of every command in its section, and documents its --json keys", () => {
    for (const { name, cmd } of commands) {
      const text = section(name);
      for (const o of cmd.options) expect(text, `${name} ${o.flags}`).toContain(`\`${o.flags}\``);
      expect(text, name).toMatch(/`--json` keys: /);
    }
  });

  it("names the exit codes and the document's first keys", () => {
    for (const code of ["0", "1", "2", "3"]) expect(doc).toMatch(new RegExp(`^\\| ${code} \\|`, "m"));
    expect(doc).toContain("| `ok` |");
    expect(doc).toContain("| `command` |");
  });
});
