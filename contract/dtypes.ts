/**
 * Element types compiler and runtime agree on. (The StableHLO library has its own, wider `ElementType`:
 * f64, i1, i64, ui32 are StableHLO's, never a model's or a kernel signature's.)
 */

/** A model's weights and activations. The DSL spells the same union as `DType` (dsl/ imports nothing); compiler/ir/plan.ts checks the two agree. */
export type ModelDType = "f32" | "bf16";

/** Any kernel argument or result: model floats, or i32 (tokens, positions, block tables, counts). */
export type TensorDType = ModelDType | "i32";
