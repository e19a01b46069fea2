// The locator maps a declaration path to where its value is written, following consts, builder
// calls, shorthands, spreads and relative imports; a path it cannot follow lands on the nearest node.
import { afterAll, describe, expect, it } from "vitest";
import { collectFiles } from "../../compiler/frontend/collect-files.js";
import { createLocator, type Locator, type PropertyPath } from "../../compiler/frontend/locator.js";
import { REPO, TempDir } from "./config-fixture.js";
import { join } from "node:path";
import { readFileSync } from "node:fs";

const dir = new TempDir();
afterAll(() => dir.remove());

/** Named markers `/*@name*\/`: removed from the text, their 1-based positions returned. */
function markers(source: string): { text: string; at: Record<string, { line: number; column: number }> } {
  const at: Record<string, { line: number; column: number }> = {};
  let text = source;
  for (let m = /\/\*@(\w+)\*\//.exec(text); m; m = /\/\*@(\w+)\*\//.exec(text)) {
    const before = text.slice(0, m.index);
    at[m[1]] = { line: before.split("\n").length, column: m.index - before.lastIndexOf("\n") };
    text = before + text.slice(m.index + m[0].length);
  }
  return { text, at };
}

function locatorFor(text: string): { locator: Locator; file: string } {
  const file = dir.write(text);
  const collected = collectFiles(file);
  if (!collected.ok) throw new Error(JSON.stringify(collected.diagnostics));
  return { locator: createLocator(collected.files), file };
}

const SOURCE = `import { defineDecoder, qwen3, pagedKV } from "dflashc";
const dims = { hiddenSize: /*@spreadHidden*/64, numHeads: 4 };
const ids = [0, 1];
const target = qwen3(/*@targetObject*/{
  ...dims,
  numHeads: /*@numHeads*/8,
  "vocabSize": /*@vocab*/256,
});
const pages = pagedKV({ pageSize: /*@pageSize*/16, numPages: 64 });
const decoder = defineDecoder({
  target: /*@targetRef*/target,
  draft: /*@draftObject*/{ targetLayerIds: [/*@id0*/5, ...ids, /*@id3*/7], maskTokenId: /*@mask*/1 + 2 },
  cache: { target: pages, draft: /*@opaque*/makeCache() },
  batching: { tokens: /*@hidden*/dims.hiddenSize },
} as any);
function makeCache(): any { return {}; }
export default decoder;
`;

describe("locator", () => {
  const { text, at } = markers(SOURCE);
  const { locator, file } = locatorFor(text);
  const where = (path: PropertyPath) => {
    const { line, column, file: f } = locator.locate(path);
    expect(f).toBe(file);
    return { line, column };
  };

  it("follows an identifier to its const and a builder call to its object", () => {
    expect(where(["target", "vocabSize"])).toEqual(at.vocab);
  });
  it("lets a later property win over a spread, and finds a property inside a spread", () => {
    expect(where(["target", "numHeads"])).toEqual(at.numHeads);
    expect(where(["target", "hiddenSize"])).toEqual(at.spreadHidden);
  });
  it("points at the value itself, not what it refers to, when the path ends there", () => {
    expect(where(["target"])).toEqual(at.targetRef);
    expect(where(["draft", "maskTokenId"])).toEqual(at.mask);
  });
  it("indexes arrays through resolvable spreads", () => {
    expect(where(["draft", "targetLayerIds", 0])).toEqual(at.id0);
    expect(where(["draft", "targetLayerIds", 3])).toEqual(at.id3);
    expect(where(["draft", "targetLayerIds", 1])).toEqual({ line: 3, column: 14 });
  });
  it("follows a const holding a builder call", () => {
    expect(where(["cache", "target", "pageSize"])).toEqual(at.pageSize);
  });
  it("falls back to the object that lacks a missing property", () => {
    expect(where(["draft", "numLayers"])).toEqual(at.draftObject);
    expect(where(["target", "numKvHeads"])).toEqual(at.targetObject);
  });
  it("stops at a call it cannot see through", () => {
    expect(where(["cache", "draft", "maxContext"])).toEqual(at.opaque);
  });
  it("follows property accesses", () => {
    expect(where(["batching", "tokens"])).toEqual(at.hidden);
  });
});

describe("locator across files", () => {
  it("follows a relative import and a shorthand property into the other file", () => {
    const decoder = join(REPO, "test/fixtures/configs/split/decoder.ts");
    const model = join(REPO, "test/fixtures/configs/split/model.ts");
    const collected = collectFiles(decoder);
    if (!collected.ok) throw new Error("fixture must load");
    const locator = createLocator(collected.files);
    const modelText = readFileSync(model, "utf8");
    const lines = modelText.split("\n");
    const line = lines.findIndex((l) => l.includes("numKvHeads: 2")) + 1;
    expect(locator.locate(["target", "numKvHeads"])).toEqual({ file: model, line, column: lines[line - 1].indexOf("2") + 1 });
    const decoderLines = readFileSync(decoder, "utf8").split("\n");
    const pageLine = decoderLines.findIndex((l) => l.includes("pageSize: 16")) + 1;
    expect(locator.locate(["cache", "target", "pageSize"])).toMatchObject({ file: decoder, line: pageLine });
    const tokensLine = decoderLines.findIndex((l) => l.includes("tokens: pow2Buckets")) + 1;
    expect(locator.locate(["batching", "tokens", "max"])).toMatchObject({ file: decoder, line: tokensLine });
  });
});
