// Using a compiled decoder from your own TypeScript code: the generated runtime module gives typed
// constants and `createEngine`; `dflashc/runtime` gives the backends and the engine's types.
//
// In a project with dflashc installed and "type": "module" in its package.json:
//   npx dflashc compile node_modules/dflashc/examples/tiny.ts -o out/tiny
//   cp node_modules/dflashc/examples/use-runtime/main.ts .
//   npx tsc --init && npx tsc && node main.js        (or: npx tsx main.ts)
// It decodes three prompts on the reference backend (the StableHLO kernels in out/tiny/stablehlo run
// by dflashc's interpreter on the CPU) with copy:0 weights, whose drafter is often right.
import { ReferenceBackend, type GenerateRequest, type GenerateResult } from "dflashc/runtime";
import { BLOCK_SIZE, DECODER_NAME, createEngine, manifestDir } from "./out/tiny/runtime/tiny_dflash.js";

const requests: GenerateRequest[] = [
  { id: "first", promptIds: [17, 4, 99, 23, 8], maxNewTokens: 12 },
  { id: "second", promptIds: [200, 3], maxNewTokens: 12 },
  { id: "late", promptIds: [5, 6, 7, 8, 9, 10], maxNewTokens: 12, arrivalStep: 2 },
];

// The backend reads the kernels from the output folder this module was compiled into; createEngine
// refuses a manifest.json that is not the one the module was generated with.
const engine = await createEngine(new ReferenceBackend({ dir: manifestDir() }), "copy:0");
export const results: GenerateResult[] = await engine.generate(requests);

console.log(`${DECODER_NAME}: ${requests.length} requests, blocks of ${BLOCK_SIZE} tokens`);
for (const r of results) {
  console.log(`${r.id}: ${r.tokens.join(" ")} (${r.finishReason}, tau ${r.stats.tau.toFixed(2)} tokens per step)`);
}
