import { describe, expect, it } from "vitest";
import { assertInputsMatch, BucketError, KernelTable, padInt32, smallestBucket } from "../../runtime/buckets.js";
import { toyManifest } from "./helpers/toy.js";

describe("buckets", () => {
  it("chooses the smallest bucket that holds n, and refuses past the largest", () => {
    expect(smallestBucket([1, 2, 4, 8], 1, "requests")).toBe(1);
    expect(smallestBucket([1, 2, 4, 8], 3, "requests")).toBe(4);
    expect(smallestBucket([1, 2, 4, 8], 8, "requests")).toBe(8);
    expect(() => smallestBucket([1, 2, 4, 8], 9, "requests")).toThrow(BucketError);
    expect(() => smallestBucket([1, 2, 4, 8], 9, "requests")).toThrow(/9 exceeds the largest bucket 8/);
  });

  it("pads int arrays and never truncates", () => {
    expect([...padInt32([3, 4], 4)]).toEqual([3, 4, 0, 0]);
    expect([...padInt32([3], 3, -1)]).toEqual([3, -1, -1]);
    expect(() => padInt32([1, 2, 3], 2)).toThrow(BucketError);
  });

  it("indexes the manifest's kernels: decode by request count, prefill by (requests, tokens)", () => {
    const m = toyManifest({ maxRequests: 5, tokens: { min: 16, max: 64 } });
    const t = new KernelTable(m);
    expect(t.requestBuckets).toEqual([1, 2, 4, 8]);
    expect(t.decodeKernel("decode_step", 1).bucketId).toBe("r1");
    expect(t.decodeKernel("decode_step", 3).bucketId).toBe("r4");
    expect(t.decodeKernel("verify", 5).bucketId).toBe("r8");
    expect(() => t.decodeKernel("decode_step", 9)).toThrow(/largest request bucket is 8/);
    expect(() => t.decodeKernel("decode_step", 0)).toThrow(BucketError);
    expect(t.prefillKernel(1, 1).bucketId).toBe("r1.t16");
    expect(t.prefillKernel(3, 17).bucketId).toBe("r4.t32");
    expect(t.prefillKernel(8, 64).bucketId).toBe("r8.t64");
    expect(() => t.prefillKernel(1, 65)).toThrow(/no bucket holds 1 requests and 65 tokens/);
    expect(t.maxPrefillTokens).toBe(64);
    for (const k of m.kernels) expect(t.contains(k)).toBe(true);
  });

  it("checks a call's inputs against the manifest signature", () => {
    const m = toyManifest();
    const k = new KernelTable(m).decodeKernel("target_step", 2);
    const ok = new Map(k.args.filter((a) => a.role === "input").map((a) => [a.name, new Int32Array(a.shape.reduce((x, y) => x * y, 1))]));
    expect(() => assertInputsMatch(k, ok)).not.toThrow();
    const short = new Map(ok);
    short.set("slots", new Int32Array(1));
    expect(() => assertInputsMatch(k, short)).toThrow(/slots has 1 values/);
    const extra = new Map(ok);
    extra.set("bogus", new Int32Array(1));
    expect(() => assertInputsMatch(k, extra)).toThrow(/unexpected inputs bogus/);
    const missing = new Map(ok);
    missing.delete("block_tables");
    expect(() => assertInputsMatch(k, missing)).toThrow(/missing input block_tables/);
  });
});
