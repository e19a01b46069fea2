// bf16 emulation lives with the other number formats in compiler/ir/bf16.ts; the interpreter uses it as is.
export * from "../../ir/bf16.js";
