/**
 * The dflashc command line: a thin commander shell over library functions in commands/.
 * Exit codes: 0 ok, 1 a bug, 2 the user's input is wrong, 3 a check the user asked for failed.
 */
import { Command, CommanderError, Option } from "commander";
import { ExitCode, processIo, type Io } from "./commands/io.js";
import { formatDiagnostic, userError } from "../contract/diagnostics.js";
import type { PlanCommandOptions } from "./commands/plan.js";
import { VERSION } from "../compiler/version.js";

/** `--prompt-ids 1,2,3`, repeatable: one request's prompt per flag. */
function parseIds(value: string, previous: number[][] = []): number[][] {
  return [...previous, parseIdList("--prompt-ids")(value)];
}

/** Declares the flags `run` and `serve` share (the backend, the weights, the tokenizer, the baseline, memory); decoderFlags reads them. */
function withDecoderOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option("--backend <name>", "where kernels run").choices(["reference", "jax"]).default("reference"))
    .option("--weights <source>", "random:SEED, copy:SEED (a drafter built to follow the target) or a checkpoint folder", "random:0")
    .option("--draft-weights <dir>", "the DFlash drafter's checkpoint folder (with a folder --weights)")
    .option("--tokenizer <dir>", "a Hugging Face tokenizer folder or 'byte', instead of the declared one (default: the declared one, else byte for a 256-token vocabulary)")
    .option("--target-only", "decode with the target alone (the baseline)")
    .option("--max-memory <bytes>", "memory the reference backend may use, e.g. 16G (default 8G; at most 80% of this machine's)", parseBytes)
    .option("--allow-nonfinite", "load checkpoint tensors holding NaN or Infinity (refused by default)");
}

/** The flags `run` and `serve` share (withDecoderOptions), as their options take them. */
function decoderFlags(o: Record<string, unknown>) {
  return {
    backend: o.backend as "reference" | "jax",
    weights: o.weights as string,
    draftWeights: o.draftWeights as string | undefined,
    tokenizer: o.tokenizer as string | undefined,
    targetOnly: !!o.targetOnly,
    maxMemory: o.maxMemory as number | undefined,
    allowNonFinite: !!o.allowNonfinite,
    json: !!o.json,
  };
}

/** A repeatable string option. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `1,2,3`: token ids. */
function parseIdList(name: string) {
  return (value: string): number[] => {
    const ids = value.split(",").map((s) => s.trim());
    if (ids.some((s) => !/^\d+$/.test(s))) throw new CommanderError(ExitCode.userError, "dflashc.usage", `${name} takes comma-separated token ids, got '${value}'`);
    return ids.map(Number);
  };
}

function parseNumber(name: string, integer: boolean) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < 0) {
      throw new CommanderError(ExitCode.userError, "dflashc.usage", `${name} takes a non-negative ${integer ? "integer" : "number"}, got '${value}'`);
    }
    return n;
  };
}

/** `17179869184`, `16G`, `16GiB`, `512M`: bytes (powers of 1024). */
function parseBytes(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(value);
  const n = m ? Math.floor(Number(m[1]) * 1024 ** " kmgt".indexOf((m[2] || " ").toLowerCase())) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new CommanderError(ExitCode.userError, "dflashc.usage", `--max-memory takes a size such as 16G or 17179869184, got '${value}'`);
  return n;
}

/** A commander error message (`error: ...`, possibly with more lines after) as a `usage` diagnostic. */
function usageLine(s: string): string {
  const m = /^error: ([^]*?)\n?$/.exec(s);
  return m ? `${formatDiagnostic(userError("usage", m[1]))}\n` : s;
}

export function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command("dflashc")
    .description("Compile DFlash speculative decoders to StableHLO, JAX and a TypeScript runtime")
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      // commander's own usage errors ("error: unknown option '--x'") print like every diagnostic.
      outputError: (s, write) => write(usageLine(s)),
    });
  // Each command loads its libraries when it runs (chevrotain, ts-morph, the runtime ...), not at start-up.
  const run = (f: () => Promise<number>) => async () => setCode(await f());

  program
    .command("check <config>")
    .description("type-check and validate a decoder declaration")
    .option("--json", "print one JSON document")
    .action((config: string, o: { json?: boolean }) => run(async () => (await import("./commands/check.js")).checkCommand(config, { json: !!o.json }, io))());

  program
    .command("compile <config>")
    .description("compile a decoder: manifest.json, stablehlo/, jax/, runtime/")
    .option("-o, --out <dir>", "output folder (default out/<name>)")
    .option("--emit <kinds>", "comma-separated subset of stablehlo,jax,runtime")
    .option("--json", "print one JSON document")
    .option("-q, --quiet", "no progress line on stderr")
    .action((config: string, o: { out?: string; emit?: string; json?: boolean; quiet?: boolean }) => run(async () => (await import("./commands/compile.js")).compileCommand(config, o, io))());

  program
    .command("demo")
    .description("compile the tiny example, decode it on the CPU with copy:0 weights, and prove it lossless")
    .option("--json", "print one JSON document")
    .action((o: { json?: boolean }) => run(async () => (await import("./commands/demo.js")).demoCommand(io, { json: !!o.json }))());

  withDecoderOptions(program.command("run <decoder>").description("decode prompts: a declaration (.ts), a compiled output folder or its manifest.json"))
    .option("--prompt <text>", "a text prompt (repeat for more requests); needs a tokenizer", collect, [])
    .option("--chat", "put each --prompt through the tokenizer's chat template as a user message")
    .option("--stop <string>", "end a request when its text contains this (cut from the text; repeatable)", collect, [])
    .option("--eos <ids>", "comma-separated ids that end a request (default: declared, else the tokenizer's)", parseIdList("--eos"))
    .option("--ignore-eos", "no EOS ids: generate until --max-new-tokens or a --stop string")
    .option("--prompt-ids <ids>", "comma-separated prompt token ids (repeat for more requests)", parseIds)
    .option("--max-new-tokens <n>", "tokens to generate per request", parseNumber("--max-new-tokens", true), 32)
    .option("--temperature <t>", "sampling temperature (0: greedy)", parseNumber("--temperature", false), 0)
    .option("--top-k <k>", "sample from the k most likely tokens", parseNumber("--top-k", true))
    .option("--top-p <p>", "sample from the smallest set with probability >= p", parseNumber("--top-p", false))
    .option("--seed <s>", "seed of the host random generator", parseNumber("--seed", true), 0)
    .option("--check-lossless", "also decode target-only; exit 3 if a token both runs produced differs (a capacity stop is a warning)")
    .option("--json", "print one JSON document")
    .option("-q, --quiet", "no progress and no summary on stderr")
    .addHelpText(
      "after",
      `
Text: --prompt "..." (with --chat: through the chat template) prints the generated text; one request
streams it as it is produced, several print each when done. --prompt-ids prints token ids.
Each request ends with a finish reason:
  stop         it produced an EOS id (--eos) or its text contains a --stop string (cut from the text)
  length       it produced --max-new-tokens tokens
  max_context  it reached the decoder's maximum context (maxContext) first
  capacity     the target page pool (numPages) cannot hold it even alone; its tokens so far are kept
With --check-lossless, the two runs may hit capacity at different points (a speculative step writes
blockSize positions, a target step one): the tokens both produced must agree (else exit 3), and a
capacity stop is reported as a warning (exit 0).
On the reference backend, run first estimates the memory it needs and refuses (exit 2) above
--max-memory or 80% of this machine's memory.`,
    )
    .action((config: string, o: Record<string, unknown>) =>
      run(async () =>
        (await import("./commands/run.js")).runCommand(
          config,
          {
            ...decoderFlags(o),
            promptIds: (o.promptIds as number[][] | undefined) ?? [],
            prompts: o.prompt as string[],
            chat: !!o.chat,
            stop: o.stop as string[],
            stopTokenIds: o.eos as number[] | undefined,
            ignoreEos: !!o.ignoreEos,
            quiet: !!o.quiet,
            maxNewTokens: o.maxNewTokens as number,
            temperature: o.temperature as number,
            topK: o.topK as number | undefined,
            topP: o.topP as number | undefined,
            seed: o.seed as number,
            checkLossless: !!o.checkLossless,
          },
          io,
        ),
      )(),
    );

  withDecoderOptions(program.command("serve <decoder>").description("serve a decoder over an OpenAI-compatible HTTP API: a declaration (.ts), a compiled output folder or its manifest.json"))
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--port <n>", "port to listen on (0: any free port; the real one is printed)", parseNumber("--port", true), 8000)
    .option("--max-queued <n>", "requests waiting for admission before new ones get 429 (default 1024)", parseNumber("--max-queued", true))
    .option("--model-name <name>", "the model name clients send (default: the decoder's name)")
    .option("--json", "print one JSON document once listening (url, model, ...) instead of the 'listening on' line")
    .addHelpText(
      "after",
      `
Endpoints: POST /v1/completions, POST /v1/chat/completions (stream: true for server-sent events),
GET /v1/models, GET /health, GET /metrics (Prometheus). Greedy unless a request sends temperature > 0
(a decoder compiled with verify "sampling"). Stops on SIGINT or SIGTERM.`,
    )
    .action((config: string, o: Record<string, unknown>) =>
      run(async () =>
        (await import("./commands/serve.js")).serveCommand(
          config,
          {
            ...decoderFlags(o),
            host: o.host as string,
            port: o.port as number,
            maxQueued: o.maxQueued as number | undefined,
            modelName: o.modelName as string | undefined,
          },
          io,
        ),
      )(),
    );

  const shlo = program.command("stablehlo").description("work with StableHLO modules");
  shlo
    .command("run <file>")
    .description("interpret a module: every zero-argument function (check.* ops), or @main with --args")
    .option("--args <values>", "arguments of @main, e.g. 'dense<[1.0, 2.0]> : tensor<2xf32>' separated by ';'")
    .option("--json", "print one JSON document")
    .option("--max-steps <n>", "stop (exit 2) after this many interpreted ops, loop iterations included (default 10000000)")
    .option("--max-bytes <n>", "stop (exit 2) before live tensor data would exceed this many bytes (default 4294967296)")
    .action((file: string, o: { args?: string; json?: boolean; maxSteps?: string; maxBytes?: string }) => run(async () => (await import("./commands/stablehlo.js")).stablehloRunCommand(file, o, io))());
  shlo
    .command("check <file>")
    .description("parse and verify a module")
    .option("--json", "print one JSON document")
    .action((file: string, o: { json?: boolean }) => run(async () => (await import("./commands/stablehlo.js")).stablehloCheckCommand(file, o, io))());

  program
    .command("import-hf <config>")
    .description("write a DSL declaration from a Hugging Face config.json")
    .option("--draft <config>", "the DFlash drafter's config.json")
    .option("-o, --out <file>", "write the declaration here (default: stdout)")
    .option("--name <name>", "the decoder's name (default: from the checkpoint)")
    .option("--json", "print one JSON document")
    .action((config: string, o: { draft?: string; out?: string; name?: string; json?: boolean }) => run(async () => (await import("./commands/import-hf.js")).importHfCommand(config, o, io))());

  program
    .command("plan <config>")
    .description("memory fit and projected speed per block size (calibrated cost model)")
    .option("--acceptance <file>", "measured acceptance: what `dflashc run --json` prints (or a profile file, docs/cost-model.md)")
    .option("--acceptance-rate <p>", "per-position acceptance rate", parseNumber("--acceptance-rate", false))
    .option("--tau <x>", "mean tokens per step (accepted drafts + the bonus) at the declared block size", parseNumber("--tau", false))
    .option("--svg <file>", "write the plot here")
    .option("--batch <n>", "requests decoded together", parseNumber("--batch", true))
    .option("--context <n>", "context rows per request", parseNumber("--context", true))
    .option("--chip <chip>", "cost on this TPU generation instead of the declared one")
    .option("--chips <n>", "chips in the slice", parseNumber("--chips", true))
    .option("--json", "print one JSON document")
    .action((config: string, o: PlanCommandOptions) => run(async () => (await import("./commands/plan.js")).planCommand(config, o, io))());

  return program;
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code: number = ExitCode.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; usage mistakes are the user's input: exit 2.
      if (e.exitCode === 0) return ExitCode.ok;
      if (e.code === "dflashc.usage") io.err(formatDiagnostic(userError("usage", e.message)));
      return ExitCode.userError;
    }
    io.err(`internal error (a dflashc bug, please report it): ${(e as Error).stack ?? String(e)}`);
    return ExitCode.bug;
  }
}
