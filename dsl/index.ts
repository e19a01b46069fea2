// The public DSL: `import { defineDecoder, qwen3, ... } from "dflashc"`.
export * from "./builders.js";
export type * from "./types.js";
