/** The parser's building blocks for names and types: located syntax errors, element and tensor types, strings, symbols. */
import type { IToken } from "./grammar-base.js";
import type { ElementType, TensorType } from "../ir.js";

/** A located syntax error raised while building IR from tokens. */
export class SyntaxIssue extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

export function issueAt(tok: IToken, message: string): SyntaxIssue {
  return new SyntaxIssue(tok.startLine ?? 1, tok.startColumn ?? 1, message);
}

const ELEMENT_TYPES: readonly ElementType[] = ["f32", "bf16", "f64", "i1", "i32", "i64", "ui32"];

export function elementOf(word: string, tok: IToken): ElementType {
  if ((ELEMENT_TYPES as readonly string[]).includes(word)) return word as ElementType;
  throw issueAt(tok, `unsupported element type '${word}' (supported: ${ELEMENT_TYPES.join(", ")})`);
}

/** Parsed types by spelling; a module repeats a few types many times, and types are immutable. */
const typeCache = new Map<string, TensorType>();

export function tensorTypeOf(tok: IToken): TensorType {
  const cached = typeCache.get(tok.image);
  if (cached) return cached;
  const type = parseTensorType(tok);
  if (typeCache.size > 10_000) typeCache.clear();
  typeCache.set(tok.image, type);
  return type;
}

function parseTensorType(tok: IToken): TensorType {
  const m = /^tensor<((?:(?:\d+|\?)x)*)(.*)>$/.exec(tok.image)!;
  const element = elementOf(m[2], tok);
  const shape = m[1].split("x").slice(0, -1).map((d) => {
    if (d === "?") throw issueAt(tok, "dynamic dimensions are not supported");
    return Number(d);
  });
  return { shape, element };
}

export function typeText(t: TensorType): string {
  return `tensor<${t.shape.map((d) => `${d}x`).join("")}${t.element}>`;
}

export function unquote(s: string): string {
  // MLIR strings escape `\"`, `\\`, `\n`, `\t` and `\XX` (two hex digits).
  return s.slice(1, -1).replace(/\\([0-9a-fA-F]{2}|.)/g, (_, c: string) => {
    if (c.length === 2) return String.fromCharCode(parseInt(c, 16));
    return c === "n" ? "\n" : c === "t" ? "\t" : c;
  });
}

export function symbolName(image: string): string {
  const s = image.slice(1);
  return s.startsWith('"') ? unquote(s) : s;
}
