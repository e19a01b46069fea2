/**
 * A small JSON parser that remembers where every value and key sits, so that an import error can point
 * at the exact field of the user's config.json (`file:line:col`). `JSON.parse` only reports an offset
 * for syntax errors and nothing at all for a field whose value we reject.
 */
import { DiagnosticError, type Diagnostic } from "../../contract/diagnostics.js";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface Loc {
  readonly line: number;
  readonly column: number;
}

/** A parsed document: the value, plus the location of each value (and of each object key) by JSON path. */
export interface JsonSource {
  readonly file: string;
  readonly value: JsonValue;
  /** `["rope_scaling", "rope_type"]` -> where that value starts. */
  locOf(path: readonly (string | number)[]): Loc;
}

const pathKey = (path: readonly (string | number)[]) => JSON.stringify(path);

/** Deepest nesting accepted: a config.json is a few levels deep; this keeps the parser off the stack limit. */
const MAX_DEPTH = 64;

export function jsonDiagnostic(file: string, loc: Loc, code: string, message: string): Diagnostic {
  return { file, line: loc.line, column: loc.column, severity: "error", code, message };
}

/** Parses `text`; a syntax error throws a located `hf-invalid-json` diagnostic. */
export function parseJsonSource(text: string, file: string): JsonSource {
  const locs = new Map<string, Loc>();
  let i = 0;
  // Precomputed line starts make offset -> line:col a binary search.
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) lineStarts.push(k + 1);
  const locAt = (offset: number): Loc => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };
  const fail = (message: string, at = i): never => {
    throw new DiagnosticError([jsonDiagnostic(file, locAt(Math.min(at, text.length)), "hf-invalid-json", message)]);
  };
  const describe = (at: number) => (at >= text.length ? "end of file" : `'${text[at]}'`);

  const skipWs = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") i++;
      else break;
    }
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = "";
    while (true) {
      if (i >= text.length) fail("unterminated string", start);
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === "\\") {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail("invalid escape in string");
        }
      } else if (c.charCodeAt(0) < 0x20) {
        fail("control character in string");
      } else {
        out += c;
        i++;
      }
    }
  };

  const parseNumber = (): number => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (!m) fail(`unexpected ${describe(i)}`);
    i += m![0].length;
    return Number(m![0]);
  };

  const parseValue = (path: (string | number)[]): JsonValue => {
    skipWs();
    if (path.length > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`);
    locs.set(pathKey(path), locAt(i));
    const c = text[i];
    if (c === "{") {
      i++;
      const obj: { [key: string]: JsonValue } = {};
      skipWs();
      if (text[i] === "}") {
        i++;
        return obj;
      }
      while (true) {
        skipWs();
        if (text[i] !== '"') fail(`expected a property name, found ${describe(i)}`);
        const keyAt = i;
        const key = parseString();
        if (Object.prototype.hasOwnProperty.call(obj, key)) fail(`duplicate key "${key}"`, keyAt);
        skipWs();
        if (text[i] !== ":") fail(`expected ':' after "${key}", found ${describe(i)}`);
        i++;
        // An own property even for "__proto__" (plain assignment would set the prototype instead).
        Object.defineProperty(obj, key, { value: parseValue([...path, key]), enumerable: true, writable: true, configurable: true });
        skipWs();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return obj;
        }
        fail(`expected ',' or '}', found ${describe(i)}`);
      }
    }
    if (c === "[") {
      i++;
      const arr: JsonValue[] = [];
      skipWs();
      if (text[i] === "]") {
        i++;
        return arr;
      }
      while (true) {
        arr.push(parseValue([...path, arr.length]));
        skipWs();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return arr;
        }
        fail(`expected ',' or ']', found ${describe(i)}`);
      }
    }
    if (c === '"') return parseString();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return parseNumber();
    for (const [word, v] of [["true", true], ["false", false], ["null", null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    // Python's json.dump writes NaN/Infinity; they are not JSON and no config field may hold them.
    return fail(`unexpected ${describe(i)}`);
  };

  const value = parseValue([]);
  skipWs();
  if (i < text.length) fail(`unexpected ${describe(i)} after the document`);
  return {
    file,
    value,
    locOf(path) {
      // Fall back to the nearest located ancestor (a missing field is reported at its parent object).
      for (let n = path.length; n >= 0; n--) {
        const l = locs.get(pathKey(path.slice(0, n)));
        if (l) return l;
      }
      return { line: 1, column: 1 };
    },
  };
}
