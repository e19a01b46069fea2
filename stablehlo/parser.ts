/** The StableHLO text parser; its parts live in parser/ (see parser/module.ts). */
export { parseModule, parseModules } from "./parser/module.js";
