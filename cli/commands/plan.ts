/**
 * `dflashc plan <config.ts> [--acceptance FILE | --acceptance-rate p | --tau X] [--svg out.svg] [--json]
 *   [--batch N] [--context N] [--chip tpu-v5p] [--chips N]`:
 * the memory plan of a declaration on its hardware and the calibrated cost projection per block size K.
 * Prints the table (or one JSON document with --json) and writes the SVG plot atomically with --svg.
 * `--acceptance` reads what `dflashc run --json` prints (docs/cost-model.md lists every format).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { TpuChip } from "../../dsl/types.js";
import { AcceptanceFormatError, profileFromJson, rateProfile, tauProfile, type AcceptanceProfile } from "../../compiler/cost/acceptance.js";
import { ALL_CHIPS } from "../../compiler/cost/hardware.js";
import { buildPlanReport } from "../../compiler/cost/plan-report.js";
import { renderPlanSvg } from "../../compiler/cost/svg.js";
import { formatPlanTable } from "../../compiler/cost/table.js";
import { OutputFolderError, writeFileAtomically } from "../../compiler/output.js";
import { loadAndPlan } from "../../compiler/pipeline.js";
import type { DiagnosticCode } from "../../contract/diagnostic-codes.js";
import { diagnosticForJson, forDisplay, formatDiagnostic, userError, type AnyDiagnostic } from "../../contract/diagnostics.js";
import { ExitCode, type Io } from "./io.js";
import { displayPath, outJson } from "./json.js";

export interface PlanCommandOptions {
  /** Measured acceptance (`run --json` output) or a profile file; docs/cost-model.md lists the formats. */
  readonly acceptance?: string;
  readonly acceptanceRate?: number;
  /** Mean tokens per step (accepted drafts + the bonus) at the declared K. */
  readonly tau?: number;
  readonly svg?: string;
  readonly json?: boolean;
  readonly batch?: number;
  readonly context?: number;
  readonly chip?: string;
  readonly chips?: number;
}

/** A diagnostic at the start of a file the user named (the file as a whole is at fault). */
const errorAt = (file: string, code: DiagnosticCode, message: string): AnyDiagnostic => ({ file, line: 1, column: 1, severity: "error", code, message });

export async function planCommand(configFile: string, opts: PlanCommandOptions, io: Io): Promise<number> {
  // Every error goes out one way: on stderr, and with --json also as the one { ok: false, command: "plan" } document.
  const fail = (diagnostics: readonly AnyDiagnostic[]) => {
    const shown = diagnostics.map((d) => forDisplay(d, io.cwd));
    if (opts.json) outJson(io, "plan", false, { diagnostics: shown.map(diagnosticForJson) });
    for (const d of shown) io.err(formatDiagnostic(d));
    return ExitCode.userError;
  };
  const usage = (message: string) => fail([userError("plan-usage", message)]);

  const given = [opts.acceptance !== undefined && "--acceptance", opts.acceptanceRate !== undefined && "--acceptance-rate", opts.tau !== undefined && "--tau"].filter(Boolean);
  if (given.length > 1) return usage(`give one of --acceptance, --acceptance-rate and --tau, not ${given.join(" and ")}`);
  if (opts.acceptanceRate !== undefined && !(opts.acceptanceRate >= 0 && opts.acceptanceRate <= 1)) {
    return usage(`--acceptance-rate must be in [0, 1], got ${opts.acceptanceRate}`);
  }
  for (const [flag, v] of [["--batch", opts.batch], ["--context", opts.context], ["--chips", opts.chips]] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v >= 1)) return usage(`${flag} must be a positive integer, got ${v}`);
  }
  if (opts.chip !== undefined && !ALL_CHIPS.includes(opts.chip as TpuChip)) return usage(`--chip must be one of ${ALL_CHIPS.join(", ")}, got ${opts.chip}`);

  const loaded = await loadAndPlan(resolve(io.cwd, configFile));
  if (!loaded.ok) return fail(loaded.diagnostics);
  const plan = loaded.plan;
  if (given.length > 0 && plan.draft === null) return usage(`${plan.name} decodes with the target alone: it has no acceptance, so ${given[0]} does not apply`);
  if (opts.tau !== undefined && !(opts.tau >= 1 && opts.tau <= plan.blockSize)) {
    return usage(`--tau is the mean tokens per step (accepted drafts + the bonus token) at the declared block size ${plan.blockSize}: it must be in [1, ${plan.blockSize}], got ${opts.tau}`);
  }

  let acceptance: AcceptanceProfile | undefined;
  if (opts.acceptanceRate !== undefined) acceptance = rateProfile(opts.acceptanceRate);
  if (opts.tau !== undefined) acceptance = tauProfile(opts.tau, plan.blockSize);
  if (opts.acceptance !== undefined) {
    const file = resolve(io.cwd, opts.acceptance);
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      return fail([errorAt(file, "acceptance-unreadable", (e as Error).message)]);
    }
    try {
      acceptance = profileFromJson(doc, plan.blockSize);
    } catch (e) {
      if (!(e instanceof AcceptanceFormatError)) throw e;
      return fail([errorAt(file, "acceptance-format", e.message)]);
    }
  }

  const report = buildPlanReport(plan, {
    acceptance,
    batch: opts.batch,
    context: opts.context,
    chip: opts.chip as TpuChip | undefined,
    chips: opts.chips,
  });
  if (opts.svg !== undefined) {
    try {
      writeFileAtomically(resolve(io.cwd, opts.svg), renderPlanSvg(report));
    } catch (e) {
      if (!(e instanceof OutputFolderError)) throw e;
      return fail([errorAt(resolve(io.cwd, opts.svg), "output-unwritable", e.message)]);
    }
  }
  if (opts.json) {
    const files = {
      config: displayPath(io, configFile),
      ...(opts.acceptance === undefined ? {} : { acceptanceFile: displayPath(io, opts.acceptance) }),
      ...(opts.svg === undefined ? {} : { svg: displayPath(io, opts.svg) }),
    };
    outJson(io, "plan", true, { ...files, ...report });
  } else {
    io.out(formatPlanTable(report));
    if (opts.svg !== undefined) io.err(`wrote ${displayPath(io, opts.svg)}`);
  }
  return ExitCode.ok;
}
