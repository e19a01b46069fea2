/**
 * Tokens of the StableHLO textual form (the MLIR subset the project prints and the spec's tests use).
 * Chevrotain stays inside this file and parser.ts.
 */
import { createToken, Lexer, type IToken, type TokenType } from "chevrotain";

/** Any bare word: op names, attribute keys, enum values, keywords used as names. */
export const Name = createToken({ name: "Name", pattern: Lexer.NA });

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED });
/** `// -----` first on a line splits a file into independent parts (MLIR's -split-input-file). */
const SEPARATOR = /\/\/ -----[^\n]*/y;
export const Separator = createToken({
  name: "Separator",
  pattern: {
    exec: (text: string, offset: number) => {
      let i = offset - 1;
      while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
      if (i >= 0 && text[i] !== "\n") return null;
      SEPARATOR.lastIndex = offset;
      return SEPARATOR.exec(text);
    },
  },
  line_breaks: false,
  start_chars_hint: ["/"],
});
export const Comment = createToken({ name: "Comment", pattern: /\/\/[^\n]*/, group: Lexer.SKIPPED });

/** A whole ranked tensor type is one token, so `2x3xf32` never splits into numbers and words. */
export const TensorType = createToken({
  name: "TensorType",
  pattern: /tensor<(?:(?:\d+|\?)x)*(?:complex<\w+>|[a-zA-Z]\w*)>/,
  label: "tensor type",
});
export const ValueId = createToken({ name: "ValueId", pattern: /%[a-zA-Z0-9_$.-]+(?:#\d+)?/, label: "SSA value" });
export const SymbolRef = createToken({ name: "SymbolRef", pattern: /@(?:[a-zA-Z_$.][\w$.-]*|"(?:[^"\\]|\\.)*")/, label: "symbol" });
export const CaretId = createToken({ name: "CaretId", pattern: /\^[\w$.-]+/, label: "block label" });
export const HashId = createToken({ name: "HashId", pattern: /#[a-zA-Z_][\w$.]*/, label: "dialect attribute" });
export const Arrow = createToken({ name: "Arrow", pattern: /->/, label: "'->'" });
export const StringLit = createToken({ name: "StringLit", pattern: /"(?:[^"\\]|\\.)*"/, label: "string" });
export const HexLit = createToken({ name: "HexLit", pattern: /0x[0-9a-fA-F]+/, label: "hex literal" });
export const FloatLit = createToken({
  name: "FloatLit",
  pattern: /[-+]?\d+\.\d*(?:[eE][-+]?\d+)?|[-+]?\d+[eE][-+]?\d+/,
  label: "float literal",
});
export const IntLit = createToken({ name: "IntLit", pattern: /[-+]?\d+/, label: "integer literal" });

export const Ident = createToken({ name: "Ident", pattern: /[a-zA-Z_][\w$.]*/, categories: [Name], label: "name" });

function keyword(name: string, word: string, asName: boolean): TokenType {
  return createToken({
    name,
    pattern: new RegExp(word.replace(/\./g, "\\.")),
    longer_alt: Ident,
    categories: asName ? [Name] : [],
    label: `'${word}'`,
  });
}

// Op keywords with a syntax of their own; they are never plain names.
export const KwModule = keyword("KwModule", "module", false);
export const KwFuncFunc = keyword("KwFuncFunc", "func.func", false);
export const KwReduce = keyword("KwReduce", "stablehlo.reduce", false);
export const KwWhile = keyword("KwWhile", "stablehlo.while", false);
export const KwSlice = keyword("KwSlice", "stablehlo.slice", false);
export const KwFuncCall = keyword("KwFuncCall", "func.call", false);
export const KwCall = keyword("KwCall", "call", false);
// Contextual keywords: also usable wherever a name is (attribute keys, enum values).
export const KwAttributes = keyword("KwAttributes", "attributes", true);
export const KwPublic = keyword("KwPublic", "public", true);
export const KwPrivate = keyword("KwPrivate", "private", true);
export const KwDense = keyword("KwDense", "dense", true);
export const KwArray = keyword("KwArray", "array", true);
export const KwTrue = keyword("KwTrue", "true", true);
export const KwFalse = keyword("KwFalse", "false", true);
export const KwCond = keyword("KwCond", "cond", true);
export const KwDo = keyword("KwDo", "do", true);
export const KwInit = keyword("KwInit", "init", true);
export const KwApplies = keyword("KwApplies", "applies", true);
export const KwAcross = keyword("KwAcross", "across", true);
export const KwDimensions = keyword("KwDimensions", "dimensions", true);
export const KwReducer = keyword("KwReducer", "reducer", true);
export const KwX = keyword("KwX", "x", true);

export const LParen = createToken({ name: "LParen", pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: "RParen", pattern: /\)/, label: "')'" });
export const LBrace = createToken({ name: "LBrace", pattern: /\{/, label: "'{'" });
export const RBrace = createToken({ name: "RBrace", pattern: /\}/, label: "'}'" });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/, label: "'['" });
export const RBracket = createToken({ name: "RBracket", pattern: /\]/, label: "']'" });
export const LAngle = createToken({ name: "LAngle", pattern: /</, label: "'<'" });
export const RAngle = createToken({ name: "RAngle", pattern: />/, label: "'>'" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "','" });
export const Colon = createToken({ name: "Colon", pattern: /:/, label: "':'" });
export const Equal = createToken({ name: "Equal", pattern: /=/, label: "'='" });

/** Order matters: the first pattern that matches wins, so longer and more specific tokens come first. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Separator,
  Comment,
  TensorType,
  ValueId,
  SymbolRef,
  CaretId,
  HashId,
  Arrow,
  StringLit,
  HexLit,
  FloatLit,
  IntLit,
  KwModule,
  KwFuncFunc,
  KwReduce,
  KwWhile,
  KwSlice,
  KwFuncCall,
  KwCall,
  KwAttributes,
  KwPublic,
  KwPrivate,
  KwDense,
  KwArray,
  KwTrue,
  KwFalse,
  KwCond,
  KwDo,
  KwInit,
  KwApplies,
  KwAcross,
  KwDimensions,
  KwReducer,
  KwX,
  Ident,
  Name,
  LParen,
  RParen,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  LAngle,
  RAngle,
  Comma,
  Colon,
  Equal,
];

// Only start positions are kept: diagnostics point at where a token begins.
export const stablehloLexer = new Lexer(allTokens, { positionTracking: "onlyStart", ensureOptimizations: false });

export interface LexError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface LexResult {
  readonly tokens: IToken[];
  readonly errors: LexError[];
}

export function tokenize(text: string): LexResult {
  const r = stablehloLexer.tokenize(text);
  return {
    tokens: r.tokens,
    errors: r.errors.map((e) => ({
      line: e.line ?? 1,
      column: e.column ?? 1,
      message: `unexpected character '${text.slice(e.offset, e.offset + Math.min(e.length, 20))}'`,
    })),
  };
}
