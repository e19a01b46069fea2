/**
 * Acceptance profiles: how many tokens a speculative step commits, in expectation, for a block size K.
 * Everything reduces to the survival function S(i) = P(a >= i), the probability that the first i draft
 * tokens are all accepted; then E[tokens per step] = 1 + sum_{i=1}^{K-1} S(i) (the 1 is the bonus token).
 *
 * Accepted inputs (docs/cost-model.md, "Acceptance profiles"):
 * - a per-position acceptance rate p: S(i) = p^i;
 * - per-position conditional rates [r1, r2, ...]: S(i) = r1·...·ri, the last rate repeating beyond the list;
 * - measured acceptance lengths τ (each a+1, the bonus counted, as `run --json` reports them) at block
 *   size K0: S(i) is the measured fraction with a >= i for i < K0; beyond, the last measured conditional
 *   rate S(K0-1)/S(K0-2) repeats (a run at K0 cannot see past K0-1, so that is an extrapolation).
 */
export interface AcceptanceProfile {
  /** One line for the table header and the plot's subtitle. */
  readonly description: string;
  /** S(i) for i >= 1. */
  survival(i: number): number;
}

/** Used when no profile is given: a per-position rate of 0.8 (τ ≈ 4.9 at K = 16), between chat and math. */
export const DEFAULT_ACCEPTANCE_RATE = 0.8;

export function expectedTokensPerStep(profile: AcceptanceProfile, k: number): number {
  let sum = 1;
  for (let i = 1; i <= k - 1; i++) sum += profile.survival(i);
  return sum;
}

export function rateProfile(p: number): AcceptanceProfile {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`acceptance rate must be in [0, 1], got ${p}`);
  return { description: `per-position acceptance rate ${p}`, survival: (i) => p ** i };
}

export function perPositionProfile(rates: readonly number[]): AcceptanceProfile {
  if (rates.length === 0 || rates.some((r) => !(r >= 0 && r <= 1))) throw new RangeError("per-position rates must be a non-empty list of numbers in [0, 1]");
  const s: number[] = [1];
  return {
    description: `per-position acceptance rates [${rates.join(", ")}]`,
    survival(i) {
      while (s.length <= i) s.push(s[s.length - 1] * rates[Math.min(s.length - 1, rates.length - 1)]);
      return s[i];
    },
  };
}

/** `lengths` are τ values (accepted + bonus), each in 1..blockSize. */
export function measuredProfile(lengths: readonly number[], blockSize: number): AcceptanceProfile {
  if (lengths.length === 0) throw new RangeError("no acceptance lengths");
  for (const t of lengths) {
    if (!Number.isInteger(t) || t < 1 || t > blockSize) throw new RangeError(`acceptance length ${t} is outside 1..${blockSize} (block size ${blockSize})`);
  }
  const n = lengths.length;
  const measured: number[] = [1];
  for (let i = 1; i <= blockSize - 1; i++) measured.push(lengths.filter((t) => t - 1 >= i).length / n);
  const last = blockSize - 1;
  const q = last >= 1 && measured[last - 1] > 0 ? measured[last] / measured[last - 1] : 0;
  const mean = lengths.reduce((a, b) => a + b, 0) / n;
  return {
    description: `measured: ${n} steps at K=${blockSize}, mean τ ${mean.toFixed(2)}`,
    survival: (i) => (i <= last ? measured[i] : measured[last] * q ** (i - last)),
  };
}

export class AcceptanceFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AcceptanceFormatError";
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const numList = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === "number");

/**
 * Reads an acceptance file's parsed JSON. `declaredBlockSize` is the config's K, used as the measuring K
 * when the file does not say. Formats: `{acceptanceRate}`, `{perPosition: [...]}`,
 * `{blockSize?, acceptanceLengths: [...]}`, `run --json` output `{blockSize?, results: [{stats:
 * {acceptanceLengths, blockSize?}}]}`, or a bare array of acceptance lengths.
 */
export function profileFromJson(doc: unknown, declaredBlockSize: number): AcceptanceProfile {
  if (numList(doc)) return measuredProfile(doc, declaredBlockSize);
  if (!isObj(doc)) throw new AcceptanceFormatError("expected a JSON object or an array of acceptance lengths");
  if (typeof doc.acceptanceRate === "number") return rateProfile(doc.acceptanceRate);
  if (numList(doc.perPosition)) return perPositionProfile(doc.perPosition);
  const blockSizes = new Set<number>();
  if (typeof doc.blockSize === "number") blockSizes.add(doc.blockSize);
  const lengths: number[] = [];
  if (numList(doc.acceptanceLengths)) lengths.push(...doc.acceptanceLengths);
  if (Array.isArray(doc.results)) {
    for (const [k, r] of doc.results.entries()) {
      if (!isObj(r)) throw new AcceptanceFormatError(`results[${k}] is not an object`);
      const stats = isObj(r.stats) ? r.stats : r;
      if (numList(stats.acceptanceLengths)) lengths.push(...stats.acceptanceLengths);
      if (typeof stats.blockSize === "number") blockSizes.add(stats.blockSize);
    }
  }
  if (lengths.length === 0) {
    throw new AcceptanceFormatError("no acceptance data: expected acceptanceRate, perPosition, acceptanceLengths, or results[].stats.acceptanceLengths");
  }
  if (blockSizes.size > 1) throw new AcceptanceFormatError(`acceptance lengths measured at different block sizes (${[...blockSizes].join(", ")}); give one file per block size`);
  const k0 = blockSizes.size === 1 ? [...blockSizes][0] : declaredBlockSize;
  try {
    return measuredProfile(lengths, k0);
  } catch (e) {
    throw new AcceptanceFormatError((e as Error).message);
  }
}
