/**
 * The StableHLO text parser (chevrotain): the pretty forms the printer emits and JAX prints, the generic
 * form `"dialect.op"(...) <{...}> ({regions}) {...} : (types) -> types` for every op, and the spec's
 * interpreter-test ops (`check.*`). A file may hold several `// -----`-separated parts; bare
 * `func.func`s without a `module` make one module. Errors become `stablehlo-syntax` diagnostics.
 *
 * The parser by concern: types.ts (names, types, errors), dense.ts (literals), attributes.ts,
 * ops.ts (pretty op forms), grammar-base.ts / grammar-pretty.ts / grammar-ops.ts (the grammar, one
 * chevrotain parser built as a chain of classes), and this file (modules, functions, entry points).
 */
import { DiagnosticError, type Diagnostic } from "../../contract/diagnostics.js";
import type { Attribute, Block, Func, FuncArg, Module, TensorType } from "../ir.js";
import { Arrow, Colon, Comma, KwAttributes, KwFuncFunc, KwModule, KwPrivate, KwPublic, LAngle, LBrace, LBracket, LParen, RAngle, RBrace, RBracket, RParen, Separator, SymbolRef, TensorType as TensorTypeTok, tokenize, ValueId } from "../lexer.js";
import type { IToken } from "./grammar-base.js";
import { OpGrammar } from "./grammar-ops.js";
import { SyntaxIssue, symbolName, tensorTypeOf } from "./types.js";

type Top = { readonly kind: "module"; readonly module: Module } | { readonly kind: "func"; readonly func: Func };

class StableHloParser extends OpGrammar {
  constructor() {
    super();
    this.performSelfAnalysis();
  }

  topLevel = this.RULE("topLevel", (): Top[] => {
    const out: Top[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => out.push({ kind: "module", module: this.SUBRULE(this.moduleDef) }) },
        { ALT: () => out.push({ kind: "func", func: this.SUBRULE(this.funcDef) }) },
      ]);
    });
    return out;
  });

  protected moduleDef = this.RULE("moduleDef", (): Module => {
    const kw = this.CONSUME(KwModule);
    const sym = this.OPTION(() => this.CONSUME(SymbolRef));
    let attrs: Record<string, Attribute> = {};
    this.OPTION1(() => {
      this.CONSUME(KwAttributes);
      attrs = this.SUBRULE(this.attrDict);
    });
    this.CONSUME(LBrace);
    const funcs: Func[] = [];
    this.MANY(() => funcs.push(this.SUBRULE(this.funcDef)));
    this.CONSUME(RBrace);
    return this.ACTION(() => (sym ? { name: symbolName(sym.image), attrs, funcs, loc: this.loc(kw) } : { attrs, funcs, loc: this.loc(kw) }));
  });

  protected funcDef = this.RULE("funcDef", (): Func => {
    const kw = this.CONSUME(KwFuncFunc);
    let visibility: "public" | "private" = "public";
    this.OPTION(() =>
      this.OR([
        { ALT: () => void this.CONSUME(KwPublic) },
        { ALT: () => void (this.CONSUME(KwPrivate), (visibility = "private")) },
      ]),
    );
    const sym = this.CONSUME(SymbolRef);
    this.CONSUME(LParen);
    const args: FuncArg[] = [];
    this.MANY_SEP({ SEP: Comma, DEF: () => args.push(this.SUBRULE(this.argDecl)) });
    this.CONSUME(RParen);
    let resultTypes: TensorType[] = [];
    this.OPTION1(() => {
      this.CONSUME(Arrow);
      resultTypes = this.SUBRULE(this.funcResults);
    });
    this.OPTION2(() => {
      // Function attributes carry nothing the project uses.
      this.CONSUME(KwAttributes);
      this.SUBRULE(this.attrDict);
    });
    this.CONSUME(LBrace);
    const ops = this.SUBRULE(this.opList);
    this.CONSUME(RBrace);
    return this.ACTION(() => {
      const body: Block = { args, ops };
      return { name: symbolName(sym.image), visibility, args, resultTypes, body, loc: this.loc(kw) };
    });
  });

  protected argDecl = this.RULE("argDecl", (): FuncArg => {
    const v = this.CONSUME(ValueId);
    this.CONSUME(Colon);
    const t = this.CONSUME(TensorTypeTok);
    let attrs: Record<string, Attribute> = {};
    this.OPTION(() => (attrs = this.SUBRULE(this.attrDict)));
    return this.ACTION(() => ({ name: v.image, type: tensorTypeOf(t), attrs }));
  });
}

// ---------------------------------------------------------------------------------------------
// Entry points

let shared: StableHloParser | undefined;

function parser(): StableHloParser {
  shared ??= new StableHloParser();
  return shared;
}

function syntaxDiagnostic(file: string, line: number, column: number, message: string): DiagnosticError {
  const d: Diagnostic = { file, line, column, severity: "error", code: "stablehlo-syntax", message };
  return new DiagnosticError([d]);
}

function describeToken(t: IToken): string {
  return t.tokenType.name === "EOF" ? "end of file" : `'${t.image}'`;
}

/** Deepest bracket nesting accepted: deeper input would overflow the recursive-descent parser's stack. */
const MAX_NESTING = 256;
const OPENERS: ReadonlySet<unknown> = new Set([LParen, LBrace, LBracket, LAngle]);
const CLOSERS: ReadonlySet<unknown> = new Set([RParen, RBrace, RBracket, RAngle]);

function checkNesting(tokens: readonly IToken[], file: string): void {
  let depth = 0;
  for (const t of tokens) {
    if (OPENERS.has(t.tokenType)) {
      if (++depth > MAX_NESTING) throw syntaxDiagnostic(file, t.startLine ?? 1, t.startColumn ?? 1, `brackets nested deeper than ${MAX_NESTING} levels`);
    } else if (CLOSERS.has(t.tokenType)) {
      depth = Math.max(0, depth - 1);
    }
  }
}

function parsePart(tokens: IToken[], file: string): Module[] {
  checkNesting(tokens, file);
  const p = parser();
  p.begin(file);
  p.input = tokens;
  let tops: Top[];
  try {
    tops = p.topLevel();
  } catch (e) {
    if (e instanceof SyntaxIssue) throw syntaxDiagnostic(file, e.line, e.column, e.message);
    throw e;
  }
  if (p.errors.length > 0) {
    const err = p.errors[0];
    const t = err.token;
    const at = t.tokenType.name === "EOF" ? tokens[tokens.length - 1] : t;
    const line = at?.startLine ?? 1;
    const column = t.tokenType.name === "EOF" ? (at?.startColumn ?? 0) + (at?.image.length ?? 0) : (at?.startColumn ?? 1);
    const msg = err.name === "MismatchedTokenException" || err.name === "NoViableAltException" || err.name === "EarlyExitException"
      ? `unexpected ${describeToken(t)}: ${firstLine(err.message)}`
      : err.message;
    throw syntaxDiagnostic(file, line, column, msg);
  }
  const funcs = tops.filter((t): t is Extract<Top, { kind: "func" }> => t.kind === "func").map((t) => t.func);
  const modules = tops.filter((t): t is Extract<Top, { kind: "module" }> => t.kind === "module").map((t) => t.module);
  if (funcs.length > 0 && modules.length > 0) {
    const f = funcs[0];
    throw syntaxDiagnostic(file, f.loc?.line ?? 1, f.loc?.column ?? 1, "a top-level func.func cannot sit beside a module");
  }
  if (funcs.length > 0) return [{ attrs: {}, funcs, loc: funcs[0].loc }];
  return modules;
}

function firstLine(s: string): string {
  return s.split("\n")[0];
}

/** Every module of a file: one per `module`, or one for the bare functions of each `// -----` part. */
export function parseModules(text: string, file: string): Module[] {
  const lexed = tokenize(text);
  if (lexed.errors.length > 0) {
    const e = lexed.errors[0];
    throw syntaxDiagnostic(file, e.line, e.column, e.message);
  }
  const out: Module[] = [];
  const tokens = lexed.tokens;
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i].tokenType === Separator) {
      if (i > start) out.push(...parsePart(tokens.slice(start, i), file));
      start = i + 1;
    }
  }
  return out;
}

/** Exactly one module. */
export function parseModule(text: string, file: string): Module {
  const ms = parseModules(text, file);
  if (ms.length !== 1) throw syntaxDiagnostic(file, 1, 1, `expected exactly one module, found ${ms.length}`);
  return ms[0];
}

