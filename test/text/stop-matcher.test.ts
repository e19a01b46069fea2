// Stop strings across token boundaries: what can still become a stop string is held back; a stop string
// ends the text and is cut from it (OpenAI's `stop`).
import { describe, expect, it } from "vitest";
import { StopMatcher } from "../../runtime/text/index.js";

/** Feeds the pieces; returns the emitted text and the stop string that ended it. */
function run(stops: string[], pieces: string[]): { text: string; stop: string | null } {
  const m = new StopMatcher(stops);
  let text = "";
  let stop: string | null = null;
  for (const p of pieces) {
    const r = m.push(p);
    text += r.text;
    stop = r.stop;
    if (stop) break;
  }
  if (!stop) text += m.flush();
  return { text, stop };
}

describe("StopMatcher", () => {
  it("cuts a stop string inside one piece and everything after it", () => {
    expect(run(["\n\n"], ["one\n\ntwo"])).toEqual({ text: "one", stop: "\n\n" });
  });

  it("finds a stop string split across pieces", () => {
    expect(run(["END"], ["abc E", "N", "D more"])).toEqual({ text: "abc ", stop: "END" });
  });

  it("releases held text that turned out not to be a stop string", () => {
    const m = new StopMatcher(["END"]);
    expect(m.push("abc EN")).toEqual({ text: "abc ", stop: null });
    expect(m.push("x")).toEqual({ text: "ENx", stop: null });
    expect(m.push("E")).toEqual({ text: "", stop: null });
    expect(m.flush()).toBe("E");
  });

  it("ends at the earliest of several stop strings", () => {
    expect(run(["world", "lo w"], ["hello world"])).toEqual({ text: "hel", stop: "lo w" });
  });

  it("handles multi-character pieces such as emoji and CJK", () => {
    expect(run(["。"], ["你好", "。再见"])).toEqual({ text: "你好", stop: "。" });
    expect(run(["👋"], ["hi 👋 there"])).toEqual({ text: "hi ", stop: "👋" });
  });

  it("passes everything through without stop strings, and ignores text after a stop", () => {
    expect(run([], ["a", "b"])).toEqual({ text: "ab", stop: null });
    const m = new StopMatcher(["x"]);
    expect(m.push("axb")).toEqual({ text: "a", stop: "x" });
    expect(m.done).toBe(true);
    expect(m.push("more")).toEqual({ text: "", stop: "x" });
    expect(m.flush()).toBe("");
  });

  it("refuses an empty stop string", () => {
    expect(() => new StopMatcher([""])).toThrow(/must not be empty/);
  });
});
