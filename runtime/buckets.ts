/**
 * Shape buckets: every kernel input with a varying size is padded to a bucket the compiler emitted.
 * The runtime never asks for a shape outside the manifest — a size past the largest bucket is a clear
 * error here, never a recompile or a clamped write on the device.
 */
import type { KernelName, Manifest, ManifestKernel } from "../contract/manifest.js";

export class BucketError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BucketError";
  }
}

/** The smallest bucket `>= n` of an ascending list. */
export function smallestBucket(buckets: readonly number[], n: number, what: string): number {
  for (let i = 0; i < buckets.length; i++) if (buckets[i] >= n) return buckets[i];
  throw new BucketError(`${what}: ${n} exceeds the largest bucket ${buckets[buckets.length - 1] ?? "(none)"} (buckets ${buckets.join(", ")})`);
}

/** A copy of `src` padded with `fill` to `length` (throws when `src` is longer: never truncate silently). */
export function padInt32(src: ArrayLike<number>, length: number, fill = 0): Int32Array {
  if (src.length > length) throw new BucketError(`cannot pad ${src.length} values into ${length}`);
  const out = new Int32Array(length);
  for (let i = 0; i < src.length; i++) out[i] = src[i];
  if (fill !== 0) out.fill(fill, src.length);
  return out;
}

export type DecodeKernelName = Exclude<KernelName, "prefill">;

/**
 * The manifest's kernels indexed for the host loop: decode kernels by request count (an O(1) array
 * lookup per step), prefill by (requests, tokens).
 */
export class KernelTable {
  readonly requestBuckets: readonly number[];
  readonly tokenBuckets: readonly number[];
  /** Largest request count a decode kernel takes in one call. */
  readonly maxDecodeRequests: number;
  private readonly decode = new Map<DecodeKernelName, (ManifestKernel | undefined)[]>();
  /** Prefill kernels, cheapest first (by tokens, then requests). */
  private readonly prefills: ManifestKernel[];
  private readonly all: ReadonlySet<ManifestKernel>;

  constructor(readonly manifest: Manifest) {
    this.requestBuckets = [...manifest.buckets.requests].sort((a, b) => a - b);
    this.tokenBuckets = [...manifest.buckets.tokens].sort((a, b) => a - b);
    this.all = new Set(manifest.kernels);
    let maxR = 0;
    for (const k of manifest.kernels) {
      if (k.kernel === "prefill") continue;
      let byR = this.decode.get(k.kernel);
      if (!byR) this.decode.set(k.kernel, (byR = []));
      byR[k.bucket.requests] = k;
      maxR = Math.max(maxR, k.bucket.requests);
    }
    // Fill every count 1..max with the kernel of the smallest bucket that holds it.
    for (const byR of this.decode.values()) {
      let next: ManifestKernel | undefined;
      for (let n = byR.length - 1; n >= 1; n--) {
        if (byR[n]) next = byR[n];
        else byR[n] = next;
      }
    }
    this.maxDecodeRequests = maxR;
    this.prefills = manifest.kernels
      .filter((k) => k.kernel === "prefill")
      .sort((a, b) => a.bucket.tokens! - b.bucket.tokens! || a.bucket.requests - b.bucket.requests);
  }

  has(kernel: DecodeKernelName | "prefill"): boolean {
    return kernel === "prefill" ? this.prefills.length > 0 : this.decode.has(kernel);
  }

  /** The decode-type kernel whose request bucket is the smallest that holds `requests`. */
  decodeKernel(kernel: DecodeKernelName, requests: number): ManifestKernel {
    const byR = this.decode.get(kernel);
    if (!byR) throw new BucketError(`the manifest of ${this.manifest.name} has no ${kernel} kernel`);
    const k = requests >= 1 ? byR[requests] : undefined;
    if (!k) throw new BucketError(`${kernel}: ${requests} requests in one call; the largest request bucket is ${byR.length - 1}`);
    return k;
  }

  /** The cheapest prefill kernel that holds `requests` requests and `tokens` tokens. */
  prefillKernel(requests: number, tokens: number): ManifestKernel {
    for (const k of this.prefills) if (k.bucket.tokens! >= tokens && k.bucket.requests >= requests) return k;
    throw new BucketError(`prefill: no bucket holds ${requests} requests and ${tokens} tokens (largest token bucket ${this.maxPrefillTokens})`);
  }

  /** Largest token count one prefill call takes. */
  get maxPrefillTokens(): number {
    return this.prefills.length === 0 ? 0 : this.prefills[this.prefills.length - 1].bucket.tokens!;
  }

  /** Largest request count a prefill call with `tokens` tokens can hold. */
  maxPrefillRequests(tokens: number): number {
    let best = 0;
    for (const k of this.prefills) if (k.bucket.tokens! >= tokens) best = Math.max(best, k.bucket.requests);
    return best;
  }

  /** True when `k` is one of the manifest's own kernel signatures. */
  contains(k: ManifestKernel): boolean {
    return this.all.has(k);
  }
}

/** Checks that `inputs` holds exactly the int32 inputs of `k` with the manifest's element counts. */
export function assertInputsMatch(k: ManifestKernel, inputs: ReadonlyMap<string, Int32Array>): void {
  let expected = 0;
  for (const a of k.args) {
    if (a.role !== "input") continue;
    expected++;
    const v = inputs.get(a.name);
    const n = a.shape.reduce((x, y) => x * y, 1);
    if (!v) throw new BucketError(`${k.kernel}.${k.bucketId}: missing input ${a.name}`);
    if (v.length !== n) throw new BucketError(`${k.kernel}.${k.bucketId}: input ${a.name} has ${v.length} values, the manifest says [${a.shape.join(", ")}] = ${n}`);
  }
  if (inputs.size !== expected) {
    const names = new Set(k.args.filter((a) => a.role === "input").map((a) => a.name));
    const extra = [...inputs.keys()].filter((n) => !names.has(n));
    throw new BucketError(`${k.kernel}.${k.bucketId}: unexpected inputs ${extra.join(", ")}`);
  }
}
