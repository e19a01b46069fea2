/**
 * `dflashc plan <config.ts> [--acceptance FILE | --acceptance-rate p] [--svg out.svg] [--json]
 *   [--batch N] [--context N] [--chip tpu-v5p] [--chips N]`:
 * the memory plan of a declaration on its hardware and the roofline projection per block size K.
 * Prints the table (or one JSON document with --json) and writes the SVG plot atomically with --svg.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { TpuChip } from "../../dsl/types.js";
import { AcceptanceFormatError, profileFromJson, rateProfile, type AcceptanceProfile } from "../../compiler/cost/acceptance.js";
import { ALL_CHIPS } from "../../compiler/cost/hardware.js";
import { buildPlanReport } from "../../compiler/cost/plan-report.js";
import { renderPlanSvg } from "../../compiler/cost/svg.js";
import { formatPlanTable } from "../../compiler/cost/table.js";
import { OutputFolderError, writeFileAtomically } from "../../compiler/output.js";
import { loadAndPlan } from "../../compiler/pipeline.js";
import { reportDiagnostics } from "./check.js";
import { ExitCode, type Io } from "./io.js";

export interface PlanCommandOptions {
  /** Measured acceptance (run --json output) or a profile file; docs/cost-model.md lists the formats. */
  readonly acceptance?: string;
  readonly acceptanceRate?: number;
  readonly svg?: string;
  readonly json?: boolean;
  readonly batch?: number;
  readonly context?: number;
  readonly chip?: string;
  readonly chips?: number;
}

const usage = (io: Io, message: string) => {
  io.err(`error plan-usage: ${message}`);
  return ExitCode.userError;
};

export async function planCommand(configFile: string, opts: PlanCommandOptions, io: Io): Promise<number> {
  if (opts.acceptance !== undefined && opts.acceptanceRate !== undefined) return usage(io, "give --acceptance or --acceptance-rate, not both");
  if (opts.acceptanceRate !== undefined && !(opts.acceptanceRate >= 0 && opts.acceptanceRate <= 1)) {
    return usage(io, `--acceptance-rate must be in [0, 1], got ${opts.acceptanceRate}`);
  }
  for (const [flag, v] of [["--batch", opts.batch], ["--context", opts.context], ["--chips", opts.chips]] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v >= 1)) return usage(io, `${flag} must be a positive integer, got ${v}`);
  }
  if (opts.chip !== undefined && !ALL_CHIPS.includes(opts.chip as TpuChip)) return usage(io, `--chip must be one of ${ALL_CHIPS.join(", ")}, got ${opts.chip}`);

  const loaded = await loadAndPlan(resolve(io.cwd, configFile));
  if (!loaded.ok) return reportDiagnostics(loaded.diagnostics, opts.json, io);
  const plan = loaded.plan;

  let acceptance: AcceptanceProfile | undefined;
  if (opts.acceptanceRate !== undefined) acceptance = rateProfile(opts.acceptanceRate);
  if (opts.acceptance !== undefined) {
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(resolve(io.cwd, opts.acceptance), "utf8"));
    } catch (e) {
      io.err(`${opts.acceptance}:1:1: error acceptance-unreadable: ${(e as Error).message}`);
      return ExitCode.userError;
    }
    try {
      acceptance = profileFromJson(doc, plan.blockSize);
    } catch (e) {
      if (!(e instanceof AcceptanceFormatError)) throw e;
      io.err(`${opts.acceptance}:1:1: error acceptance-format: ${e.message}`);
      return ExitCode.userError;
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
      io.err(`${opts.svg}:1:1: error output-unwritable: ${e.message}`);
      return ExitCode.userError;
    }
  }
  if (opts.json) io.out(JSON.stringify(report, null, 2));
  else io.out(formatPlanTable(report));
  if (opts.svg !== undefined && !opts.json) io.err(`wrote ${opts.svg}`);
  return ExitCode.ok;
}
