/**
 * The catalog of diagnostic codes: every stable kebab-case code a dflashc diagnostic can carry, the
 * phase that reports it and what it means, in the order `docs/diagnostics.md` lists them (that file is
 * rendered from this one by `renderDiagnosticsDoc`; test/cli/diagnostic-catalog.test.ts checks that the
 * document matches, that every code the sources use is listed here, and that every code listed here is
 * used somewhere).
 *
 * Adding a code: add it here, in its phase, then run
 * `UPDATE_DIAGNOSTICS_DOC=1 npx vitest run test/cli/diagnostic-catalog.test.ts` to rewrite the document.
 * Codes are part of the command line's interface (scripts match them): rename one only with a reason.
 */

/** Where a diagnostic comes from, in the order the pipeline and the commands meet them. */
export const DIAGNOSTIC_PHASES = {
  frontend: "loading a config: reading its files, type-checking them and evaluating the declaration in the sandbox (compiler/frontend)",
  validate: "validating the declaration's shape and rules (compiler/validate/shape.ts, validate-rules.ts)",
  plan: "planning memory and cost: tensor and memory limits, HBM fit (compiler/validate/memory.ts), `dflashc plan`'s acceptance input",
  stablehlo: "parsing, verifying and interpreting StableHLO (compiler/stablehlo, `dflashc stablehlo`)",
  "import-hf": "importing Hugging Face config.json files (compiler/import-hf, `dflashc import-hf`)",
  weights: "loading weights for `dflashc run`: the --weights source, safetensors checkpoints (runtime/weights)",
  runtime: "decoding with `dflashc run` and `dflashc serve`: memory bound, requests, backends, tokenizer (runtime/, cli/commands/run.ts, run-input.ts, serve.ts)",
  cli: "the command line itself: flags, files it reads and folders it writes (cli/cli.ts, cli/commands)",
} as const;

export type DiagnosticPhase = keyof typeof DIAGNOSTIC_PHASES;

export interface DiagnosticCodeInfo {
  readonly code: string;
  readonly phase: DiagnosticPhase;
  /** One line: what the input did wrong (or, for a warning, what the user should know). */
  readonly description: string;
  /** Codes are errors (exit 2) unless marked as warnings (printed, exit unchanged). */
  readonly severity?: "warning";
}

const entry = <const C extends string>(phase: DiagnosticPhase, code: C, description: string, severity?: "warning") =>
  ({ code, phase, description, ...(severity ? { severity } : {}) }) as const;

export const DIAGNOSTIC_CODES = [
  // frontend
  entry("frontend", "config-not-found", "the config file does not exist or is not a readable file"),
  entry("frontend", "config-not-typescript", "the config is not a .ts file (a .d.ts or another extension)"),
  entry("frontend", "config-import", "the config imports something other than `dflashc` or a relative .ts file, or a file that does not exist"),
  entry("frontend", "config-too-deep", "brackets nested more than 100 deep in a config file, or code too deep for TypeScript to parse"),
  entry("frontend", "type-error", "the config does not type-check against the DSL (the TypeScript error code follows the message)"),
  entry("frontend", "config-eval-timeout", "evaluating the config took longer than DFLASHC_CONFIG_TIMEOUT_MS"),
  entry("frontend", "config-eval-memory", "evaluating the config used more memory than DFLASHC_CONFIG_MEMORY_MB"),
  entry("frontend", "config-eval-crashed", "the sandbox process evaluating the config died, or wrote too much or malformed output"),
  entry("frontend", "config-eval-error", "the config threw while it was evaluated, or rejected a promise right after"),
  entry("frontend", "config-no-default-export", "the config's default export is not a decoder declaration (defineDecoder)"),
  entry("frontend", "config-not-serializable", "the declaration holds something that is not plain data (a function, a cycle, data nested more than 64 deep)"),
  // validate
  entry("validate", "wrong-type", "a property has the wrong type (a string where a number belongs, ...)"),
  entry("validate", "not-finite", "a number is NaN or infinite"),
  entry("validate", "invalid-option", "a value is not one of the allowed options (dtype, chip, cache kind, ...)"),
  entry("validate", "missing-property", "a required property is missing"),
  entry("validate", "unknown-property", "a property dflashc does not know (a typo, or an option of another version)"),
  entry("validate", "dim-not-positive-integer", "a model dimension is not a positive integer"),
  entry("validate", "dim-too-large", "a dimension or bucket is larger than dflashc supports"),
  entry("validate", "value-not-positive", "a value that must be greater than 0 (ropeTheta, rmsNormEps, ...) is not"),
  entry("validate", "invalid-identifier", "a name that becomes a Python and TypeScript identifier is not a valid one, or shadows a reserved name"),
  entry("validate", "heads-not-divisible", "numHeads is not a multiple of numKvHeads"),
  entry("validate", "hidden-size-not-divisible", "numHeads does not divide hiddenSize and headDim is not declared"),
  entry("validate", "head-dim-odd", "a head dim (the target's or the draft's, declared or hiddenSize / numHeads) is odd: rotary embeddings need an even one"),
  entry("validate", "draft-dims-mismatch", "draft.numHeads does not divide the hidden size the draft shares with the target, and draft.headDim is not declared"),
  entry("validate", "draft-layers-empty", "the draft's targetLayerIds is empty"),
  entry("validate", "draft-layer-not-integer", "an entry of targetLayerIds is not an integer"),
  entry("validate", "draft-layer-out-of-range", "an entry of targetLayerIds is not a layer of the target"),
  entry("validate", "draft-layer-duplicate", "targetLayerIds repeats a layer"),
  entry("validate", "draft-layers-not-ascending", "targetLayerIds does not ascend"),
  entry("validate", "mask-token-out-of-range", "the draft's maskTokenId is outside the vocabulary"),
  entry("validate", "tokenizer-vocab", "tokenizer \"byte\" needs a vocabulary of at least 256 tokens"),
  entry("validate", "tokenizer-path", "tokenizer is an empty string"),
  entry("validate", "tokenizer-not-found", "the tokenizer folder (relative to the config file) does not exist or has no tokenizer.json"),
  entry("validate", "eos-token-out-of-range", "an id of eosTokenIds is outside the vocabulary"),
  entry("validate", "block-size-without-draft", "blockSize is set on a decoder without a draft"),
  entry("validate", "block-size-missing", "a decoder with a draft has no blockSize"),
  entry("validate", "block-size-out-of-range", "blockSize is not an integer in the supported range"),
  entry("validate", "invalid-cycles-per-dispatch", "cyclesPerDispatch is not ascending integers in 1..64 that include 1, or asks for more than one cycle without a draft"),
  entry("validate", "draft-cache-missing", "a decoder with a draft has no cache.draft"),
  entry("validate", "draft-cache-without-draft", "cache.draft is declared on a decoder without a draft"),
  entry("validate", "page-size-not-power-of-two", "a paged cache's pageSize is not a power of two"),
  entry("validate", "not-enough-pages", "a paged cache has too few pages for maxRequests blocks plus the trash page"),
  entry("validate", "max-context-exceeds-positions", "a cache's maxContext is more than the target's maxPositions"),
  entry("validate", "bucket-below-one", "a shape bucket bound is below 1"),
  entry("validate", "bucket-not-power-of-two", "a shape bucket bound is not a power of two"),
  entry("validate", "bucket-min-exceeds-max", "a bucket range's min is more than its max"),
  entry("validate", "request-bucket-too-small", "the largest request bucket is less than maxRequests"),
  entry("validate", "token-bucket-too-small", "the largest token bucket is less than the smallest request bucket (no prefill bucket holds one token per request)"),
  entry("validate", "layer-types-length", "the draft's layerTypes does not have one entry per draft layer"),
  entry("validate", "sliding-window-missing", "a sliding_attention layer without slidingWindow"),
  entry("validate", "sliding-window-unused", "slidingWindow is set but no layer is sliding_attention"),
  entry("validate", "rope-scaling-invalid", "a ropeScaling field is out of range"),
  entry("validate", "chips-not-positive-integer", "hardware.chips is not an integer in the supported range"),
  // plan
  entry("plan", "tensor-too-large", "one weight or cache tensor would have more than 2^31 - 1 elements or rows"),
  entry("plan", "memory-too-large", "weights and caches together exceed what any backend could allocate"),
  entry("plan", "memory-exceeds-hbm", "the plan does not fit the declared chip's HBM (the message says how many pages or requests would)"),
  entry("plan", "acceptance-unreadable", "`dflashc plan --acceptance` cannot read the file or it is not JSON"),
  entry("plan", "acceptance-format", "`dflashc plan --acceptance` file is not run --json output or an acceptance profile"),
  // stablehlo
  entry("stablehlo", "stablehlo-syntax", "the StableHLO text does not parse"),
  entry("stablehlo", "stablehlo-redefined-symbol", "a function is defined twice in a module"),
  entry("stablehlo", "stablehlo-redefined-value", "an SSA value or argument is defined twice"),
  entry("stablehlo", "stablehlo-undefined-value", "a value is used before it is defined"),
  entry("stablehlo", "stablehlo-missing-terminator", "a function or region does not end with its return"),
  entry("stablehlo", "stablehlo-misplaced-terminator", "a return op is not the last op of its block"),
  entry("stablehlo", "stablehlo-unknown-op", "an op the verifier and interpreter do not know"),
  entry("stablehlo", "stablehlo-unknown-callee", "func.call names a function the module does not define"),
  entry("stablehlo", "stablehlo-type-mismatch", "an op's operand or result types break its shape rule, or a use disagrees with a definition"),
  entry("stablehlo", "stablehlo-bad-attribute", "an op's attribute is missing or malformed"),
  entry("stablehlo", "bad-args", "`stablehlo run --args` values do not parse or do not match @main's arguments"),
  entry("stablehlo", "run-limit", "`stablehlo run` stopped past --max-steps or --max-bytes"),
  // import-hf
  entry("import-hf", "hf-unreadable", "a config.json cannot be read (missing, a folder, no permission)"),
  entry("import-hf", "hf-too-large", "a config.json is larger than import-hf reads"),
  entry("import-hf", "hf-invalid-json", "a config.json is not valid JSON"),
  entry("import-hf", "hf-missing-field", "a field dflashc needs is missing"),
  entry("import-hf", "hf-invalid-field", "a field has the wrong type or an impossible value"),
  entry("import-hf", "hf-unsupported-model", "the model type or architecture is not one dflashc compiles"),
  entry("import-hf", "hf-unsupported-rope-scaling", "a rope_scaling type dflashc does not implement"),
  entry("import-hf", "hf-unsupported-moe", "a mixture-of-experts model (not supported)"),
  entry("import-hf", "hf-unsupported-field", "a field set to a value dflashc does not implement (attention bias, activation, layer type, ...)"),
  entry("import-hf", "hf-draft-mismatch", "the drafter's config does not fit the target's (vocabulary, dimensions, layer ids)"),
  entry("import-hf", "hf-float16-as-bf16", "float16 weights are served as bf16", "warning"),
  entry("import-hf", "hf-generation-config", "generation_config.json beside config.json is not JSON or its eos_token_id is not ids in the vocabulary: no eosTokenIds imported", "warning"),
  // weights
  entry("weights", "weights-source", "--weights / --draft-weights is not random:SEED, copy:SEED or a readable checkpoint folder, or copy:SEED cannot build a drafter for the decoder (none, or no layer reaching far enough)"),
  entry("weights", "weights", "a checkpoint is malformed or does not match the decoder (safetensors header, offsets, shapes, missing tensors, NaN/Inf), read on the host or by the JAX worker"),
  // runtime
  entry("runtime", "memory", "`run` or `serve` on the reference backend would need more than --max-memory or 80% of this machine's memory"),
  entry("runtime", "request", "a request the engine cannot serve (empty prompt, a token outside the vocabulary, too long)"),
  entry("runtime", "backend", "the backend cannot start (the jax backend without python3 or JAX)"),
  entry("runtime", "compiled-folder", "the folder or manifest.json given to `run` or `serve` is not a compiled output, or lacks what the backend reads (stablehlo/, jax/)"),
  entry("runtime", "tokenizer", "`run` or `serve` cannot load the tokenizer (--tokenizer, the declared or the compiled one), it does not fit the decoder's vocabulary, or text was asked of a decoder that names none"),
  entry("runtime", "chat-template", "`run --chat` or a chat request with a tokenizer that has no chat template, or a template that fails"),
  entry("runtime", "capacity", "a request stopped for lack of pages; --check-lossless compared the tokens both runs produced", "warning"),
  // cli
  entry("cli", "usage", "a flag or argument is wrong (unknown option, bad value, flags that exclude each other)"),
  entry("cli", "plan-usage", "`dflashc plan` flags are wrong or exclude each other"),
  entry("cli", "bad-option", "`stablehlo run` --max-steps / --max-bytes is not a positive integer"),
  entry("cli", "file-not-readable", "the file given to `dflashc stablehlo` cannot be read"),
  entry("cli", "output-folder", "`compile` cannot write its output folder"),
  entry("cli", "listen", "`serve` cannot listen on --host/--port (the port is in use, not permitted, or the address is not this machine's)"),
  entry("cli", "output-unwritable", "`import-hf -o` or `plan --svg` cannot write its file"),
] as const satisfies readonly DiagnosticCodeInfo[];

/** Every code a diagnostic may carry. */
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number]["code"];

const BY_CODE: ReadonlyMap<string, DiagnosticCodeInfo> = new Map(DIAGNOSTIC_CODES.map((c) => [c.code, c]));

/** The catalog entry of a code, or undefined for a code the catalog does not list. */
export function diagnosticCodeInfo(code: string): DiagnosticCodeInfo | undefined {
  return BY_CODE.get(code);
}

/** `docs/diagnostics.md`: the catalog as the user reads it. */
export function renderDiagnosticsDoc(): string {
  const lines = [
    "# Diagnostic codes",
    "",
    "<!-- Generated from contract/diagnostic-codes.ts; do not edit. Regenerate with",
    "     UPDATE_DIAGNOSTICS_DOC=1 npx vitest run test/cli/diagnostic-catalog.test.ts -->",
    "",
    "Every error dflashc reports about its input carries a stable kebab-case code. Every command prints",
    "them one way, on stderr, with paths relative to the working folder:",
    "",
    "```",
    "file:line:col: error <code>: <message>     located in a file (a config, a config.json, a .mlir)",
    "error <code>: <message>                   about a flag, a weights folder or the machine",
    "```",
    "",
    "With `--json`, `check`, `compile`, `plan`, `run` and `serve` also print `{ \"ok\": false, \"diagnostics\": [...] }`",
    "on stdout (each with `file`, `line`, `column` where it has a location, `code`, `message`). Errors exit",
    "2; warnings are printed and leave the exit code alone. Exit codes: 0 ok, 1 a bug in dflashc, 2 your",
    "input is wrong, 3 a check you asked for failed.",
    "",
  ];
  for (const [phase, what] of Object.entries(DIAGNOSTIC_PHASES)) {
    lines.push(`## ${phase}`, "", `${what[0].toUpperCase()}${what.slice(1)}.`, "", "| code | |", "|---|---|");
    for (const c of DIAGNOSTIC_CODES) {
      if (c.phase !== phase) continue;
      const info: DiagnosticCodeInfo = c;
      lines.push(`| \`${c.code}\` | ${info.severity === "warning" ? "(warning) " : ""}${c.description.replaceAll("|", "\\|")} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
