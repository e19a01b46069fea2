/**
 * The base of the StableHLO grammar, and the one file of the parser that imports chevrotain's parser:
 * source locations, attribute dictionaries, dense literals and type signatures. The op grammar
 * (grammar-pretty.ts, grammar-ops.ts) and the module grammar (module.ts) extend it; only the last
 * class runs chevrotain's self-analysis.
 */
import { EmbeddedActionsParser, tokenMatcher, type IToken } from "chevrotain";
import type { Attribute, SourceLoc, TensorType, Value } from "../ir.js";
import { allTokens, Arrow, Colon, Comma, Equal, FloatLit, HashId, HexLit, IntLit, KwArray, KwDense, KwFalse, KwTrue, LAngle, LBrace, LBracket, LParen, Name, RAngle, RBrace, RBracket, RParen, StringLit, SymbolRef, TensorType as TensorTypeTok, ValueId } from "../lexer.js";
import { DROPPED_ATTRS, type HashEntry, UNSUPPORTED_LIST, hashAttr, normalizeAttr, numberAttr } from "./attributes.js";
import { type DenseNode, type Lit, type RawDense, denseOf } from "./dense.js";
import type { TypeSig } from "./ops.js";
import { issueAt, symbolName, tensorTypeOf, unquote } from "./types.js";

export { tokenMatcher, type IToken };

export abstract class BaseGrammar extends EmbeddedActionsParser {
  file = "<input>";
  protected fresh = 0;

  constructor() {
    super(allTokens, { maxLookahead: 3 });
  }

  begin(file: string): void {
    this.file = file;
    this.fresh = 0;
  }

  protected loc(tok: IToken): SourceLoc {
    return { file: this.file, line: tok.startLine ?? 1, column: tok.startColumn ?? 1 };
  }

  protected intList = this.RULE("intList", (): number[] => {
    this.CONSUME(LBracket);
    const toks: IToken[] = [];
    this.MANY_SEP({ SEP: Comma, DEF: () => toks.push(this.CONSUME(IntLit)) });
    this.CONSUME(RBracket);
    return this.ACTION(() => toks.map((t) => Number(t.image)));
  });

  protected denseLit = this.RULE("denseLit", (): RawDense => {
    const tok = this.CONSUME(KwDense);
    this.CONSUME(LAngle);
    let raw: RawDense = { kind: "empty", tok };
    this.OPTION(() => {
      raw = this.OR([
        { ALT: () => ({ kind: "scalar", lit: this.SUBRULE(this.denseScalar), tok }) as RawDense },
        { ALT: () => ({ kind: "list", items: this.SUBRULE(this.denseList), tok }) as RawDense },
        {
          ALT: () => {
            const s = this.CONSUME(StringLit);
            return this.ACTION(() => ({ kind: "hex", text: unquote(s.image), tok })) as RawDense;
          },
        },
      ]);
    });
    this.CONSUME(RAngle);
    return raw;
  });

  protected denseList = this.RULE("denseList", (): DenseNode[] => {
    this.CONSUME(LBracket);
    const items: DenseNode[] = [];
    this.MANY_SEP({
      SEP: Comma,
      DEF: () =>
        this.OR([
          { ALT: () => items.push({ list: this.SUBRULE(this.denseList) }) },
          { ALT: () => items.push({ lit: this.SUBRULE(this.denseScalar) }) },
        ]),
    });
    this.CONSUME(RBracket);
    return items;
  });

  protected denseScalar = this.RULE("denseScalar", (): Lit => {
    let kind: Lit["kind"] = "int";
    const tok = this.OR([
      { ALT: () => this.CONSUME(IntLit) },
      { ALT: () => ((kind = "float"), this.CONSUME(FloatLit)) },
      { ALT: () => ((kind = "hex"), this.CONSUME(HexLit)) },
      { ALT: () => ((kind = "bool"), this.CONSUME(KwTrue)) },
      { ALT: () => ((kind = "bool"), this.CONSUME(KwFalse)) },
    ]);
    return this.ACTION(() => ({ kind, text: tok.image, tok }));
  });

  protected attrDict = this.RULE("attrDict", (): Record<string, Attribute> => {
    this.CONSUME(LBrace);
    const out: Record<string, Attribute> = {};
    this.MANY_SEP({
      SEP: Comma,
      DEF: () => {
        const key = this.OR([{ ALT: () => this.CONSUME(Name) }, { ALT: () => this.CONSUME(StringLit) }]);
        let value: Attribute | undefined;
        this.OPTION(() => {
          this.CONSUME(Equal);
          value = this.SUBRULE(this.attrValue);
        });
        this.ACTION(() => {
          const k = key.tokenType === StringLit ? unquote(key.image) : key.image;
          if (DROPPED_ATTRS.has(k)) return;
          if (value?.kind === "string" && value.value === UNSUPPORTED_LIST) {
            throw issueAt((value as unknown as { tok: IToken }).tok, `only lists of integers are supported, in '${k}'`);
          }
          // A key without a value is MLIR's unit attribute.
          out[k] = normalizeAttr(k, value ?? { kind: "bool", value: true });
        });
      },
    });
    this.CONSUME(RBrace);
    return out;
  });

  protected attrValue = this.RULE("attrValue", (): Attribute => {
    return this.OR([
      {
        ALT: () => {
          const tok = this.OR1([
            { ALT: () => this.CONSUME(IntLit) },
            { ALT: () => this.CONSUME(FloatLit) },
            { ALT: () => this.CONSUME(HexLit) },
          ]);
          let typeTok: IToken | undefined;
          this.OPTION({
            GATE: () => tokenMatcher(this.LA(2), Name),
            DEF: () => {
              this.CONSUME(Colon);
              typeTok = this.CONSUME(Name);
            },
          });
          return this.ACTION(() => numberAttr(tok, typeTok));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(StringLit);
          return this.ACTION(() => ({ kind: "string", value: unquote(t.image) }) as Attribute);
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(SymbolRef);
          return this.ACTION(() => ({ kind: "symbol", value: symbolName(t.image) }) as Attribute);
        },
      },
      {
        ALT: () => {
          this.CONSUME(KwArray);
          this.CONSUME(LAngle);
          const et = this.CONSUME1(Name);
          const toks: IToken[] = [];
          this.OPTION1(() => {
            this.CONSUME1(Colon);
            this.MANY_SEP({ SEP: Comma, DEF: () => toks.push(this.CONSUME1(IntLit)) });
          });
          this.CONSUME(RAngle);
          return this.ACTION(() => {
            if (et.image !== "i64" && et.image !== "i32") throw issueAt(et, `unsupported array element type '${et.image}'`);
            return { kind: "ints", values: toks.map((t) => Number(t.image)) } as Attribute;
          });
        },
      },
      {
        ALT: () => {
          const raw = this.SUBRULE(this.denseLit);
          this.CONSUME2(Colon);
          const t = this.CONSUME(TensorTypeTok);
          return this.ACTION(() => ({ kind: "dense", value: denseOf(raw, tensorTypeOf(t)) }) as Attribute);
        },
      },
      {
        ALT: () => {
          const head = this.CONSUME(HashId);
          this.CONSUME1(LAngle);
          let word: IToken | undefined;
          let value: IToken | undefined;
          const entries: HashEntry[] = [];
          this.OR2([
            {
              ALT: () => {
                word = this.CONSUME2(Name);
                value = this.CONSUME3(Name);
              },
            },
            {
              ALT: () =>
                this.MANY_SEP1({
                  SEP: Comma,
                  DEF: () => {
                    const k = this.CONSUME4(Name);
                    this.CONSUME(Equal);
                    this.OR3([
                      {
                        ALT: () => {
                          const ints = this.SUBRULE(this.intList);
                          this.ACTION(() => entries.push({ key: k.image, keyTok: k, ints }));
                        },
                      },
                      {
                        ALT: () => {
                          const t = this.CONSUME2(IntLit);
                          this.ACTION(() => entries.push({ key: k.image, keyTok: k, int: Number(t.image) }));
                        },
                      },
                    ]);
                  },
                }),
            },
          ]);
          this.CONSUME1(RAngle);
          return this.ACTION(() => hashAttr(head, word, value, entries));
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME(LBracket);
          const items: Attribute[] = [];
          this.MANY_SEP2({ SEP: Comma, DEF: () => items.push(this.SUBRULE(this.attrValue)) });
          this.CONSUME(RBracket);
          return this.ACTION(() => {
            if (items.every((a) => a.kind === "int")) return { kind: "ints", values: items.map((a) => (a as { value: number }).value) } as Attribute;
            // Other lists (precision_config) are only accepted where attrDict drops them.
            return { kind: "string", value: UNSUPPORTED_LIST, tok } as unknown as Attribute;
          });
        },
      },
      {
        ALT: () => {
          const w = this.CONSUME5(Name);
          return this.ACTION(() => {
            if (w.image === "true" || w.image === "false") return { kind: "bool", value: w.image === "true" } as Attribute;
            return { kind: "enum", value: w.image } as Attribute;
          });
        },
      },
    ]);
  });

  protected valueList = this.RULE("valueList", (): IToken[] => {
    const out: IToken[] = [];
    this.MANY_SEP({ SEP: Comma, DEF: () => out.push(this.CONSUME(ValueId)) });
    return out;
  });

  protected typeList = this.RULE("typeList", (): TensorType[] => {
    const toks: IToken[] = [];
    this.MANY_SEP({ SEP: Comma, DEF: () => toks.push(this.CONSUME(TensorTypeTok)) });
    return this.ACTION(() => toks.map(tensorTypeOf));
  });

  protected funcResults = this.RULE("funcResults", (): TensorType[] => {
    const out: TensorType[] = [];
    this.OR([
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.MANY_SEP({
            SEP: Comma,
            DEF: () => {
              const t = this.CONSUME(TensorTypeTok);
              // Result attributes (jax.result_info) are not kept.
              this.OPTION(() => this.SUBRULE(this.attrDict));
              this.ACTION(() => out.push(tensorTypeOf(t)));
            },
          });
          this.CONSUME(RParen);
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME1(TensorTypeTok);
          this.ACTION(() => out.push(tensorTypeOf(t)));
        },
      },
    ]);
    return out;
  });

  protected functionType = this.RULE("functionType", (): TypeSig => {
    const tok = this.CONSUME(LParen);
    const inputs = this.SUBRULE(this.typeList);
    this.CONSUME(RParen);
    this.CONSUME(Arrow);
    const outputs = this.SUBRULE(this.funcResults);
    return { inputs, outputs, tok };
  });

  /** `: (a, b) -> r` or `: a, b` (types of operands and results alike, by op). */

  /** `: (a, b) -> r` or `: a, b` (types of operands and results alike, by op). */
  protected typeSig = this.RULE("typeSig", (): TypeSig => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.functionType) },
      {
        ALT: () => {
          const toks = [this.CONSUME(TensorTypeTok)];
          // A following `, key = value` belongs to the op, not to this list.
          this.MANY({
            GATE: () => this.LA(2).tokenType === TensorTypeTok,
            DEF: () => {
              this.CONSUME(Comma);
              toks.push(this.CONSUME1(TensorTypeTok));
            },
          });
          return this.ACTION(() => ({ list: toks.map(tensorTypeOf), tok: toks[0] }));
        },
      },
    ]);
  });

  protected blockArg = this.RULE("blockArg", (): Value => {
    const v = this.CONSUME(ValueId);
    this.CONSUME(Colon);
    const t = this.CONSUME(TensorTypeTok);
    return this.ACTION(() => ({ name: v.image, type: tensorTypeOf(t) }));
  });
}
