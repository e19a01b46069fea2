/** Ops: results, the generic form with regions, reduce and while, and the choice among all op forms. */
import type { Attribute, Block, Op, Region, TensorType, Value } from "../ir.js";
import { CaretId, Colon, Comma, Equal, IntLit, KwAcross, KwApplies, KwAttributes, KwCond, KwDimensions, KwDo, KwInit, KwReduce, KwReducer, KwWhile, LAngle, LBrace, LParen, Name, RAngle, RBrace, RParen, StringLit, ValueId } from "../lexer.js";
import type { IToken } from "./grammar-base.js";
import { PrettyGrammar } from "./grammar-pretty.js";
import { MAX_OP_RESULTS, type ResultDef, canonicalOpName, resultValues } from "./ops.js";
import { issueAt, unquote } from "./types.js";

export abstract class OpGrammar extends PrettyGrammar {
  protected opList = this.RULE("opList", (): Op[] => {
    const ops: Op[] = [];
    this.MANY(() => ops.push(this.SUBRULE(this.op)));
    return ops;
  });

  protected op = this.RULE("op", (): Op => {
    const first = this.LA(1);
    let results: ResultDef[] = [];
    this.OPTION(() => (results = this.SUBRULE(this.resultList)));
    return this.OR([
      { ALT: () => this.SUBRULE(this.genericOp, { ARGS: [results, first] }) },
      { ALT: () => this.SUBRULE(this.reduceOp, { ARGS: [results, first] }) },
      { ALT: () => this.SUBRULE(this.whileOp, { ARGS: [results, first] }) },
      { ALT: () => this.SUBRULE(this.sliceOp, { ARGS: [results, first] }) },
      { ALT: () => this.SUBRULE(this.callOp, { ARGS: [results, first] }) },
      { ALT: () => this.SUBRULE(this.prettyOp, { ARGS: [results, first] }) },
    ]);
  });

  protected resultList = this.RULE("resultList", (): ResultDef[] => {
    const out: ResultDef[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: Comma,
      DEF: () => {
        const tok = this.CONSUME(ValueId);
        let count: number | undefined;
        this.OPTION(() => {
          this.CONSUME(Colon);
          const n = this.CONSUME(IntLit);
          this.ACTION(() => (count = Number(n.image)));
        });
        this.ACTION(() => {
          if (tok.image.includes("#")) throw issueAt(tok, `a result name cannot contain '#': ${tok.image}`);
          out.push({ tok, count });
        });
      },
    });
    const eq = this.CONSUME(Equal);
    // Checked before anything makes a name or a type per result (`%r:18446744073709551616 = ...`).
    this.ACTION(() => {
      const total = out.reduce((n, r) => n + (r.count ?? 1), 0);
      if (total > MAX_OP_RESULTS) throw issueAt(eq, `an op with ${total} results: at most ${MAX_OP_RESULTS}`);
    });
    return out;
  });

  protected region = this.RULE("region", (): Region => {
    this.CONSUME(LBrace);
    const args: Value[] = [];
    this.OPTION(() => {
      this.CONSUME(CaretId);
      this.OPTION1(() => {
        this.CONSUME(LParen);
        this.MANY_SEP({ SEP: Comma, DEF: () => args.push(this.SUBRULE(this.blockArg)) });
        this.CONSUME(RParen);
      });
      this.CONSUME(Colon);
    });
    const ops = this.SUBRULE(this.opList);
    this.CONSUME(RBrace);
    return { blocks: [{ args, ops }] };
  });

  protected genericOp = this.RULE("genericOp", (results: ResultDef[], first: IToken): Op => {
    const nameTok = this.CONSUME(StringLit);
    this.CONSUME(LParen);
    const operands = this.SUBRULE(this.valueList);
    this.CONSUME(RParen);
    let attrs: Record<string, Attribute> = {};
    this.OPTION(() => {
      this.CONSUME(LAngle);
      attrs = this.SUBRULE(this.attrDict);
      this.CONSUME(RAngle);
    });
    const regions: Region[] = [];
    this.OPTION1(() => {
      this.CONSUME1(LParen);
      this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => regions.push(this.SUBRULE(this.region)) });
      this.CONSUME1(RParen);
    });
    this.OPTION2(() => {
      const more = this.SUBRULE1(this.attrDict);
      this.ACTION(() => Object.assign(attrs, more));
    });
    this.CONSUME(Colon);
    const sig = this.SUBRULE(this.functionType);
    return this.ACTION(() => {
      const name = canonicalOpName(unquote(nameTok.image));
      const inputs = sig.inputs ?? [];
      if (inputs.length !== operands.length) {
        throw issueAt(sig.tok, `${name} has ${operands.length} operand(s) but its type lists ${inputs.length}`);
      }
      return {
        name,
        operands: operands.map((t, i) => ({ name: t.image, type: inputs[i] })),
        results: resultValues(results, sig.outputs ?? [], first),
        attrs,
        regions,
        loc: this.loc(first),
      };
    });
  });

  protected reduceOp = this.RULE("reduceOp", (results: ResultDef[], first: IToken): Op => {
    const kw = this.CONSUME(KwReduce);
    const inputs: IToken[] = [];
    const inits: IToken[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: Comma,
      DEF: () => {
        this.CONSUME(LParen);
        inputs.push(this.CONSUME(ValueId));
        this.CONSUME(KwInit);
        this.CONSUME(Colon);
        inits.push(this.CONSUME1(ValueId));
        this.CONSUME(RParen);
      },
    });
    let applies: IToken | undefined;
    this.OPTION(() => {
      this.CONSUME(KwApplies);
      applies = this.CONSUME(Name);
    });
    this.CONSUME(KwAcross);
    this.CONSUME(KwDimensions);
    this.CONSUME(Equal);
    const dims = this.SUBRULE(this.intList);
    let attrs: Record<string, Attribute> = {};
    this.OPTION1(() => (attrs = this.SUBRULE(this.attrDict)));
    this.CONSUME1(Colon);
    const sig = this.SUBRULE(this.functionType);
    const lhs: Value[] = [];
    const rhs: Value[] = [];
    let ops: Op[] | undefined;
    this.OPTION2(() => {
      this.CONSUME(KwReducer);
      this.AT_LEAST_ONE(() => {
        this.CONSUME1(LParen);
        lhs.push(this.SUBRULE(this.blockArg));
        this.CONSUME(Comma);
        rhs.push(this.SUBRULE1(this.blockArg));
        this.CONSUME1(RParen);
      });
      this.CONSUME(LBrace);
      ops = this.SUBRULE(this.opList);
      this.CONSUME(RBrace);
    });
    return this.ACTION(() => {
      const n = inputs.length;
      const inTypes = sig.inputs ?? [];
      if (inTypes.length !== 2 * n) throw issueAt(sig.tok, `stablehlo.reduce of ${n} input(s) needs ${2 * n} operand types, found ${inTypes.length}`);
      const operands = [...inputs, ...inits].map((t, i) => ({ name: t.image, type: inTypes[i] }));
      let body: Block;
      if (applies) {
        if (ops) throw issueAt(kw, "stablehlo.reduce cannot have both 'applies' and a reducer body");
        if (n !== 1) throw issueAt(applies, "'applies' needs a reduce of exactly one input");
        // The compact form's block arguments are never printed; give them names nothing else can use.
        const id = this.fresh++;
        const t: TensorType = { shape: [], element: inTypes[1].element };
        const a = { name: `%__reduce${id}_lhs`, type: t };
        const b = { name: `%__reduce${id}_rhs`, type: t };
        const r = { name: `%__reduce${id}_out`, type: t };
        const loc = this.loc(applies);
        body = {
          args: [a, b],
          ops: [
            { name: applies.image, operands: [a, b], results: [r], attrs: {}, regions: [], loc },
            { name: "stablehlo.return", operands: [r], results: [], attrs: {}, regions: [], loc },
          ],
        };
      } else {
        if (!ops) throw issueAt(kw, "stablehlo.reduce needs 'applies <op>' or a 'reducer(...) {...}' body");
        if (lhs.length !== n) throw issueAt(kw, `stablehlo.reduce of ${n} input(s) needs ${n} reducer argument pair(s), found ${lhs.length}`);
        body = { args: [...lhs, ...rhs], ops };
      }
      return {
        name: "stablehlo.reduce",
        operands,
        results: resultValues(results, sig.outputs ?? [], first),
        attrs: { ...attrs, dimensions: { kind: "ints", values: dims } },
        regions: [{ blocks: [body] }],
        loc: this.loc(first),
      };
    });
  });

  protected whileOp = this.RULE("whileOp", (results: ResultDef[], first: IToken): Op => {
    const kw = this.CONSUME(KwWhile);
    this.CONSUME(LParen);
    const iter: IToken[] = [];
    const inits: IToken[] = [];
    this.MANY_SEP({
      SEP: Comma,
      DEF: () => {
        iter.push(this.CONSUME(ValueId));
        this.CONSUME(Equal);
        inits.push(this.CONSUME1(ValueId));
      },
    });
    this.CONSUME(RParen);
    let attrs: Record<string, Attribute> = {};
    this.OPTION(() => {
      this.CONSUME(KwAttributes);
      attrs = this.SUBRULE(this.attrDict);
    });
    let types: TensorType[] = [];
    this.OPTION1(() => {
      this.CONSUME(Colon);
      types = this.SUBRULE(this.typeList);
    });
    this.CONSUME(KwCond);
    this.CONSUME(LBrace);
    const condOps = this.SUBRULE(this.opList);
    this.CONSUME(RBrace);
    this.CONSUME(KwDo);
    this.CONSUME1(LBrace);
    const bodyOps = this.SUBRULE1(this.opList);
    this.CONSUME1(RBrace);
    return this.ACTION(() => {
      if (types.length !== iter.length) throw issueAt(kw, `stablehlo.while has ${iter.length} loop value(s) but ${types.length} type(s)`);
      const args = iter.map((t, i) => ({ name: t.image, type: types[i] }));
      return {
        name: "stablehlo.while",
        operands: inits.map((t, i) => ({ name: t.image, type: types[i] })),
        results: resultValues(results, types, first),
        attrs,
        regions: [{ blocks: [{ args, ops: condOps }] }, { blocks: [{ args, ops: bodyOps }] }],
        loc: this.loc(first),
      };
    });
  });
}
