// The tiny decoder (examples/tiny.ts) with sampling kernels as well: `dflashc run
// examples/tiny-sampling.ts --temperature 0.8` decodes with rejection-sampling verification, exact in
// distribution and reproducible by --seed.
import { defineDecoder } from "dflashc";
import tiny from "./tiny.js";

export default defineDecoder({ ...tiny, name: "tiny_dflash_sampling", verify: "sampling" });
