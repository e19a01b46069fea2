/**
 * The in-memory half of the compile pipeline: steps 3–8 (kernel graphs → StableHLO → manifest → JAX →
 * runtime → files) of compiler/pipeline.ts, which holds them. Nothing here touches the file system;
 * `output.ts` writes the folder atomically.
 */
export { EMIT_KINDS, compilePlan, smallestBucketOfEachKernel, type CompileOptions, type EmitKind } from "./pipeline.js";
