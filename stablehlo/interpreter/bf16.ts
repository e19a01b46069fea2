// bf16 emulation lives with the other number formats in contract/bf16.ts; the interpreter uses it as is.
export * from "../../contract/bf16.js";
