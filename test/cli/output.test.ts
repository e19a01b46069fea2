/** Atomic replacement of an output folder: crash between the renames, stale staging folders, concurrent writers. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MARKER, OutputFolderError, writeFolderAtomically } from "../../compiler/output.js";

const tmp = mkdtempSync(join(tmpdir(), "dflashc-output-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const files = (v: string) => new Map([["manifest.json", `{"v":"${v}"}`], ["stablehlo/a.mlir", `module ${v}`]]);
const read = (dir: string) => readFileSync(join(dir, "manifest.json"), "utf8");

describe("writeFolderAtomically", () => {
  it("a failure between the renames puts the old output back, and leaves nothing beside it", () => {
    const parent = join(tmp, "crash");
    const out = join(parent, "out");
    writeFolderAtomically(out, files("old"));
    expect(() =>
      writeFolderAtomically(out, files("new"), {
        betweenRenames: () => {
          throw Object.assign(new Error("disk gone"), { code: "EIO" });
        },
      }),
    ).toThrow(OutputFolderError);
    expect(read(out)).toBe('{"v":"old"}');
    expect(existsSync(join(out, MARKER))).toBe(false);
    expect(readdirSync(parent)).toEqual(["out"]);
    writeFolderAtomically(out, files("new"));
    expect(read(out)).toBe('{"v":"new"}');
    expect(readFileSync(join(out, "stablehlo/a.mlir"), "utf8")).toBe("module new");
  });

  it("a run killed between the renames (old output aside, staging left) is repaired by the next run", () => {
    const parent = join(tmp, "killed");
    const out = join(parent, "out");
    writeFolderAtomically(out, files("old"));
    // What a process killed right after renaming the old output aside leaves behind.
    writeFileSync(join(out, MARKER), "");
    renameSync(out, join(parent, ".out.old-abc123"));
    mkdirSync(join(parent, ".out.staging-abc123"));
    writeFileSync(join(parent, ".out.staging-abc123", MARKER), "");
    // A folder that merely looks like ours (no marker) is never touched.
    mkdirSync(join(parent, ".out.staging-notours"));
    writeFolderAtomically(out, files("new"));
    expect(read(out)).toBe('{"v":"new"}');
    expect(readdirSync(parent).sort()).toEqual([".out.staging-notours", "out"]);
  });

  it("the next run restores the old output when the new one never arrived, and cleans stale staging", () => {
    const parent = join(tmp, "restore");
    const out = join(parent, "out");
    writeFolderAtomically(out, files("old"));
    writeFileSync(join(out, MARKER), "");
    renameSync(out, join(parent, ".out.old-x"));
    // Another output path in the same parent triggers no repair of this one; writing this one does.
    writeFolderAtomically(out, files("new"), {
      betweenRenames: () => {
        // The old output was restored before this write began: it is what gets set aside now.
        expect(read(join(parent, readdirSync(parent).find((e) => e.startsWith(".out.old-"))!))).toBe('{"v":"old"}');
      },
    });
    expect(read(out)).toBe('{"v":"new"}');
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("a second writer of the same folder fails cleanly while the first holds it; a dead writer's lock is taken over", () => {
    const parent = join(tmp, "concurrent");
    const out = join(parent, "out");
    writeFolderAtomically(out, files("one"));
    let inner: unknown = null;
    writeFolderAtomically(out, files("two"), {
      betweenRenames: () => {
        // A writer in another process: simulated with a lock owned by a live pid other than ours.
        writeFileSync(join(parent, ".out.lock", "pid"), String(process.ppid));
        try {
          writeFolderAtomically(out, files("three"));
        } catch (e) {
          inner = e;
        }
      },
    });
    expect(inner).toBeInstanceOf(OutputFolderError);
    expect((inner as Error).message).toMatch(/being written by another dflashc/);
    expect(read(out)).toBe('{"v":"two"}');
    // A lock left by a process that no longer exists.
    mkdirSync(join(parent, ".out.lock"));
    writeFileSync(join(parent, ".out.lock", "pid"), "999999999");
    writeFolderAtomically(out, files("four"));
    expect(read(out)).toBe('{"v":"four"}');
    expect(readdirSync(parent)).toEqual(["out"]);
  });
});
