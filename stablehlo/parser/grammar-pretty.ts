/** The pretty op forms with a grammar of their own beside the generic one: `op items : types`, slice's ranges, calls. */
import type { Attribute, Op } from "../ir.js";
import { Colon, Comma, Equal, FloatLit, HexLit, IntLit, KwCall, KwFuncCall, KwSlice, KwX, LAngle, LBracket, LParen, Name, RAngle, RBracket, RParen, StringLit, SymbolRef, ValueId } from "../lexer.js";
import { BaseGrammar, type IToken, tokenMatcher } from "./grammar-base.js";
import { type Keyed, type PrettyItem, type PrettyValue, type ResultDef, type TypeSig, buildPrettyOp, resultValues } from "./ops.js";
import { issueAt, symbolName } from "./types.js";

export abstract class PrettyGrammar extends BaseGrammar {
  protected sliceOp = this.RULE("sliceOp", (results: ResultDef[], first: IToken): Op => {
    this.CONSUME(KwSlice);
    const x = this.CONSUME(ValueId);
    this.CONSUME(LBracket);
    const start: number[] = [];
    const limit: number[] = [];
    const strides: number[] = [];
    this.MANY_SEP({
      SEP: Comma,
      DEF: () => {
        const s = this.CONSUME(IntLit);
        this.CONSUME(Colon);
        const l = this.CONSUME1(IntLit);
        let st: IToken | undefined;
        this.OPTION(() => {
          this.CONSUME1(Colon);
          st = this.CONSUME2(IntLit);
        });
        this.ACTION(() => {
          start.push(Number(s.image));
          limit.push(Number(l.image));
          strides.push(st ? Number(st.image) : 1);
        });
      },
    });
    this.CONSUME(RBracket);
    let attrs: Record<string, Attribute> = {};
    this.OPTION1(() => (attrs = this.SUBRULE(this.attrDict)));
    this.CONSUME2(Colon);
    const sig = this.SUBRULE(this.typeSig);
    return this.ACTION(() => {
      const inType = sig.inputs ? sig.inputs[0] : sig.list?.[0];
      const outTypes = sig.inputs ? (sig.outputs ?? []) : (sig.list ?? []);
      if (!inType || (sig.inputs && sig.inputs.length !== 1)) throw issueAt(sig.tok, "stablehlo.slice takes one operand");
      return {
        name: "stablehlo.slice",
        operands: [{ name: x.image, type: inType }],
        results: resultValues(results, outTypes, first),
        attrs: {
          ...attrs,
          start_indices: { kind: "ints", values: start },
          limit_indices: { kind: "ints", values: limit },
          strides: { kind: "ints", values: strides },
        },
        regions: [],
        loc: this.loc(first),
      };
    });
  });

  protected callOp = this.RULE("callOp", (results: ResultDef[], first: IToken): Op => {
    this.OR([{ ALT: () => this.CONSUME(KwFuncCall) }, { ALT: () => this.CONSUME(KwCall) }]);
    const callee = this.CONSUME(SymbolRef);
    this.CONSUME(LParen);
    const operands = this.SUBRULE(this.valueList);
    this.CONSUME(RParen);
    let attrs: Record<string, Attribute> = {};
    this.OPTION(() => (attrs = this.SUBRULE(this.attrDict)));
    this.CONSUME(Colon);
    const sig = this.SUBRULE(this.functionType);
    return this.ACTION(() => {
      const inputs = sig.inputs ?? [];
      if (inputs.length !== operands.length) throw issueAt(sig.tok, `func.call has ${operands.length} operand(s) but its type lists ${inputs.length}`);
      return {
        name: "func.call",
        operands: operands.map((t, i) => ({ name: t.image, type: inputs[i] })),
        results: resultValues(results, sig.outputs ?? [], first),
        attrs: { ...attrs, callee: { kind: "symbol", value: symbolName(callee.image) } },
        regions: [],
        loc: this.loc(first),
      };
    });
  });

  protected prettyOp = this.RULE("prettyOp", (results: ResultDef[], first: IToken): Op => {
    const nameTok = this.CONSUME(Name);
    const items: PrettyItem[] = [];
    // The first item sits on the op's line, so a bare `return` never swallows the next op.
    this.OPTION({
      GATE: () => this.LA(1).startLine === nameTok.startLine,
      DEF: () => {
        items.push(this.SUBRULE(this.prettyItem));
        this.MANY(() => {
          this.CONSUME(Comma);
          items.push(this.SUBRULE1(this.prettyItem));
        });
      },
    });
    let dict: Record<string, Attribute> = {};
    this.OPTION1(() => (dict = this.SUBRULE(this.attrDict)));
    let sig: TypeSig | undefined;
    this.OPTION2(() => {
      this.CONSUME(Colon);
      sig = this.SUBRULE(this.typeSig);
    });
    // The spec's check ops also put the attribute dictionary after the type.
    this.OPTION3(() => {
      const more = this.SUBRULE1(this.attrDict);
      this.ACTION(() => (dict = { ...dict, ...more }));
    });
    const trailing: Keyed[] = [];
    this.MANY1(() => {
      this.CONSUME1(Comma);
      const k = this.CONSUME1(Name);
      this.CONSUME(Equal);
      const value = this.SUBRULE(this.prettyValue);
      trailing.push({ tok: k, value });
    });
    return this.ACTION(() => buildPrettyOp({ nameTok, items, dict, sig, trailing }, results, this.loc(first), first));
  });

  protected prettyItem = this.RULE("prettyItem", (): PrettyItem => {
    return this.OR([
      { ALT: () => ({ kind: "value", tok: this.CONSUME(ValueId) }) as PrettyItem },
      { ALT: () => ({ kind: "dense", dense: this.SUBRULE(this.denseLit) }) as PrettyItem },
      {
        ALT: () => {
          const tok = this.CONSUME(Name);
          let value: PrettyValue | undefined;
          this.OPTION(() => {
            this.CONSUME(Equal);
            value = this.SUBRULE(this.prettyValue);
          });
          return (value ? { kind: "keyed", tok, value } : { kind: "word", tok }) as PrettyItem;
        },
      },
    ]);
  });

  protected prettyValue = this.RULE("prettyValue", (): PrettyValue => {
    return this.OR([
      {
        ALT: () => {
          const tok = this.CONSUME(LBracket);
          const items: (number | string)[] = [];
          this.MANY_SEP({
            SEP: Comma,
            DEF: () =>
              this.OR1([
                {
                  ALT: () => {
                    const t = this.CONSUME(IntLit);
                    this.ACTION(() => items.push(Number(t.image)));
                  },
                },
                {
                  ALT: () => {
                    const t = this.CONSUME(Name);
                    this.ACTION(() => items.push(t.image));
                  },
                },
              ]),
          });
          this.CONSUME(RBracket);
          let second: number[] | undefined;
          this.OPTION(() => {
            this.CONSUME(KwX);
            second = this.SUBRULE(this.intList);
          });
          return { kind: "list", items, second, tok } as PrettyValue;
        },
      },
      {
        ALT: () => {
          const tok = this.OR2([
            { ALT: () => this.CONSUME1(IntLit) },
            { ALT: () => this.CONSUME(FloatLit) },
            { ALT: () => this.CONSUME(HexLit) },
          ]);
          let typeTok: IToken | undefined;
          // `tolerance = 1e-3 : f64`; chevrotain looks ahead within a rule only, so the gate tells this
          // type apart from the op's own `: tensor<...>` that may follow.
          this.OPTION1({
            GATE: () => tokenMatcher(this.LA(2), Name),
            DEF: () => {
              this.CONSUME(Colon);
              typeTok = this.CONSUME1(Name);
            },
          });
          return { kind: "number", tok, typeTok } as PrettyValue;
        },
      },
      { ALT: () => ({ kind: "string", tok: this.CONSUME(StringLit) }) as PrettyValue },
      { ALT: () => ({ kind: "word", tok: this.CONSUME2(Name) }) as PrettyValue },
      {
        // dot_general's `algorithm = <lhs_precision_type = tf32, ...>`: read, then dropped as a hint.
        ALT: () => {
          const tok = this.CONSUME(LAngle);
          this.MANY_SEP1({
            SEP: Comma,
            DEF: () => {
              this.CONSUME3(Name);
              this.CONSUME(Equal);
              this.OR3([{ ALT: () => this.CONSUME4(Name) }, { ALT: () => this.CONSUME3(IntLit) }]);
            },
          });
          this.CONSUME(RAngle);
          return { kind: "word", tok } as PrettyValue;
        },
      },
    ]);
  });
}
