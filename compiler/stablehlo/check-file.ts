/**
 * `dflashc stablehlo check`: parse a file and verify every module in it. Syntax errors and verifier
 * findings come back alike, as located diagnostics.
 */
import { DiagnosticError, type Diagnostic } from "../../contract/diagnostics.js";
import { parseModules } from "../../stablehlo/parser.js";
import { verifyModule } from "../../stablehlo/verifier.js";

export function checkStableHlo(text: string, file: string): Diagnostic[] {
  try {
    return parseModules(text, file).flatMap(verifyModule);
  } catch (e) {
    if (e instanceof DiagnosticError) return [...e.diagnostics];
    throw e;
  }
}
