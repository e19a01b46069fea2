/**
 * Acceptance profiles: how many tokens a speculative step commits, in expectation, for a block size K.
 * Everything reduces to the survival function S(i) = P(a >= i), the probability that the first i draft
 * tokens are all accepted; then E[tokens per step] = 1 + sum_{i=1}^{K-1} S(i) (the 1 is the bonus token).
 *
 * Accepted inputs (docs/cost-model.md, "Acceptance profiles"):
 * - a per-position acceptance rate p: S(i) = p^i;
 * - per-position conditional rates [r1, r2, ...]: S(i) = r1·...·ri, the last rate repeating beyond the list;
 * - a mean accepted length τ at the declared K: the geometric profile S(i) = p^i whose τ(K) is that τ;
 * - measured acceptance lengths τ (each a+1, the bonus counted; `run --json` reports the a values) at
 *   block size K0: S(i) is the measured fraction with a >= i for i < K0; beyond, the last measured
 *   conditional rate S(K0-1)/S(K0-2) repeats (a run at K0 cannot see past K0-1, so that is an extrapolation).
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

/** τ(K) of the geometric profile with per-position rate p: 1 + p + ... + p^(K-1). */
function geometricTau(p: number, k: number): number {
  let sum = 1;
  let s = 1;
  for (let i = 1; i < k; i++) sum += s *= p;
  return sum;
}

/**
 * The geometric profile whose expected tokens per step at block size `k` is `tau` (1 <= tau <= k):
 * τ(K) rises strictly with p from 1 (p = 0) to K (p = 1), so bisection finds the one rate. Other block
 * sizes then see the same per-position rate: τ saturates near 1/(1-p) as K grows.
 */
export function tauProfile(tau: number, k: number): AcceptanceProfile {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`block size must be a positive integer, got ${k}`);
  if (!(tau >= 1 && tau <= k)) throw new RangeError(`tau must be in [1, ${k}] at block size ${k} (it counts the bonus token), got ${tau}`);
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (geometricTau(mid, k) < tau) lo = mid;
    else hi = mid;
  }
  const p = tau === k ? 1 : tau === 1 ? 0 : (lo + hi) / 2;
  return { description: `mean tau ${tau} at K=${k} (geometric, per-position rate ${p.toFixed(4)})`, survival: (i) => p ** i };
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
 * The τ values of a `dflashc run --json` document: every request's `stats.acceptedLengths` (the a of each
 * step, drafts accepted before the bonus) plus one. The document may also be wrapped as
 * `{ ok, command: "run", ... }`; the fields used are the same. Its `blockSize` is the measuring K.
 */
function runDocument(doc: Record<string, unknown>): { lengths: number[]; blockSize: number | null } {
  if (doc.ok === false) throw new AcceptanceFormatError("the run failed (\"ok\": false): its acceptance is not a measurement to plan with");
  if (doc.mode === "target-only") throw new AcceptanceFormatError("a target-only run (\"mode\": \"target-only\") drafts nothing: run the speculative decoder with --json");
  if (!Array.isArray(doc.requests)) throw new AcceptanceFormatError("\"requests\" is not a list");
  const lengths: number[] = [];
  for (const [i, r] of doc.requests.entries()) {
    const stats = isObj(r) ? r.stats : undefined;
    if (!isObj(stats) || !numList(stats.acceptedLengths)) throw new AcceptanceFormatError(`requests[${i}].stats.acceptedLengths is not a list of numbers`);
    lengths.push(...stats.acceptedLengths.map((a) => a + 1));
  }
  if (lengths.length === 0) throw new AcceptanceFormatError("the run took no decode steps: there is no acceptance to measure (generate more tokens)");
  return { lengths, blockSize: typeof doc.blockSize === "number" ? doc.blockSize : null };
}

/**
 * Reads an acceptance file's parsed JSON. `declaredBlockSize` is the config's K, used as the measuring K
 * when the file does not say. Formats (docs/cost-model.md): `{acceptanceRate}`, `{perPosition: [...]}`,
 * `{tau}` (at the declared K), `{blockSize?, acceptanceLengths: [τ, ...]}`, a bare array of τ values, or
 * a `dflashc run --json` document (`{blockSize, requests: [{stats: {acceptedLengths}}]}`).
 */
export function profileFromJson(doc: unknown, declaredBlockSize: number): AcceptanceProfile {
  try {
    if (numList(doc)) return measuredProfile(doc, declaredBlockSize);
    if (!isObj(doc)) throw new AcceptanceFormatError("expected a JSON object or an array of acceptance lengths");
    if (typeof doc.acceptanceRate === "number") return rateProfile(doc.acceptanceRate);
    if (numList(doc.perPosition)) return perPositionProfile(doc.perPosition);
    if (typeof doc.tau === "number") return tauProfile(doc.tau, declaredBlockSize);
    if (numList(doc.acceptanceLengths)) return measuredProfile(doc.acceptanceLengths, typeof doc.blockSize === "number" ? doc.blockSize : declaredBlockSize);
    if ("requests" in doc) {
      const run = runDocument(doc);
      return measuredProfile(run.lengths, run.blockSize ?? declaredBlockSize);
    }
    throw new AcceptanceFormatError("no acceptance data: expected dflashc run --json output (requests[].stats.acceptedLengths), acceptanceRate, perPosition, tau, or acceptanceLengths");
  } catch (e) {
    if (e instanceof RangeError) throw new AcceptanceFormatError(e.message);
    throw e;
  }
}
