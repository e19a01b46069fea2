/**
 * What one registry entry says about a StableHLO op: its name and family, its arity, its type rule
 * (verifier and builder), its evaluation rule (interpreter) and its pretty printed form (printer and
 * parser). Adding an op is adding one entry to one family file (registry.ts lists the families).
 */
import type { Attribute, Block, Op, Region, TensorType } from "../ir.js";
import type { OpRule } from "../interpreter/context.js";

export type Attrs = Readonly<Record<string, Attribute>>;

/** What inference cannot know from operands alone (convert's element type, reshape's shape, ...). */
export interface InferHints {
  readonly resultTypes?: readonly TensorType[];
}

/** Result types, or a thrown ShapeError when operands, attributes or regions break the rule. */
export type TypeRule = (operands: readonly TensorType[], attrs: Attrs, regions: readonly Region[], hints: InferHints) => TensorType[];

export type OpFamily = "elementwise" | "shape" | "reduction" | "dot" | "gather-scatter" | "control-flow" | "check";

/** What a pretty printer may ask of the printer: nested blocks, printed at an indentation. */
export interface PrintContext {
  block(block: Block, ind: string): string;
}

/** The op in its pretty form (without `%r = `), or undefined to fall back to the generic form. */
export type PrettyPrinter = (op: Op, ind: string, ctx: PrintContext) => string | undefined;

/**
 * One `word = value` item of a pretty form and the attribute it spells: a list of integers (`dims = [0, 1]`),
 * an integer (`dim = 0`), a float (`tolerance = 1e-3 : f32`), or a hint the parser reads and drops.
 */
export type PrettyKey =
  | { readonly word: string; readonly attr: string; readonly value: "ints" | "int" | "float" }
  | { readonly word: string; readonly value: "dropped" };

/** The pretty (custom-assembly) form of an op, shared by the printer and the parser. */
export interface PrettyForm {
  /** Printer: absent means the op always prints in the generic form. */
  readonly print?: PrettyPrinter;
  /** Parser: the `word = value` items this form takes. */
  readonly keys?: readonly PrettyKey[];
  /** Parser: bare words after the name become these enum attributes in order (compare's `GT, FLOAT`); the first is required. */
  readonly words?: readonly string[];
  /** Parser: what the words say, for the error when they are missing (`<op> needs <wordsExpected>`). */
  readonly wordsExpected?: string;
  /** Parser: `batching_dims = [..] x [..], contracting_dims = [..] x [..]` spell this dot_dimension_numbers attribute. */
  readonly dotDims?: string;
  /** Parser: a `dense<...>` item takes the type of the first result (`result`) or, by default, of the first operand. */
  readonly denseType?: "result" | "operand";
  /** Parser: `: pred_type, type` lists the predicate's type, then the one type of the other operands and the result (select). */
  readonly predicateTypeList?: true;
}

export interface OpDef {
  /** The full op name: `stablehlo.add`, `func.call`, `check.expect_eq`. */
  readonly name: string;
  readonly family: OpFamily;
  /** Exact operand count, checked before the type rule; absent for variadic ops (their rule checks the count). */
  readonly operands?: number;
  /** Result count when fixed (0 for terminators and checks); absent when it follows the operands. */
  readonly results?: number;
  /** Region count (the type rule checks each region's signature). */
  readonly regions?: number;
  /** Ends a block; its operands are the block's results. */
  readonly terminator?: true;
  /** Absent: the verifier reports the op as unknown (the interpreter may still run it). */
  readonly type?: TypeRule;
  /** Absent: the interpreter reports the op as unsupported. */
  readonly evaluate?: OpRule;
  /** Absent: always the generic form. */
  readonly form?: PrettyForm;
}
