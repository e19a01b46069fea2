// The tiny decoder with 128-wide heads: the shape TPU kernels are built for (lane-aligned head_dim,
// pages a multiple of 8 rows), still small enough for the CPU interpreter. The JAX package takes its
// Pallas paged-attention path for it on a TPU, and under DFLASHC_PALLAS_INTERPRET=1 on any backend.
import { defineDecoder, pagedKV, pow2Buckets, qwen3, staticKV } from "dflashc";
import tiny from "./tiny.js";

const target = qwen3({ ...tiny.target, name: "tiny_qwen3_hd128", headDim: 128 });

export default defineDecoder({
  ...tiny,
  name: "tiny_dflash_hd128",
  target,
  cache: { target: pagedKV({ pageSize: 16, numPages: 10 }), draft: staticKV({ maxContext: 60 }) },
  batching: { maxRequests: 2, tokens: pow2Buckets({ min: 16, max: 64 }) },
});
