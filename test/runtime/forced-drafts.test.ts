/**
 * Forced drafts on the real kernels: the drafts are the target's own future tokens (from target-only
 * decoding), corrupted at a chosen position, and go through the `verify` kernel. Every accepted length
 * 0..K-1 is reached, and the output stays identical to target-only decoding.
 */
import { describe, expect, it } from "vitest";
import { Engine, type GenerateRequest } from "../../runtime/engine.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { compileTiny, randomRequests, tinyVariant } from "./helpers/reference.js";
import { planWeights } from "../../compiler/ir/weights.js";

const cases = [
  { K: 2, layout: "static" as const },
  { K: 4, layout: "paged" as const },
  { K: 10, layout: "static" as const },
  { K: 16, layout: "paged" as const },
];

describe("forced drafts through verify (reference backend)", () => {
  for (const { K, layout } of cases) {
    it(`K=${K} (${layout} draft cache) reaches every accepted length 0..${K - 1}`, async () => {
      // Request i takes two steps, accepting a = 2i and 2i+1: ceil(K/2) requests cover 0..K-1.
      const n = Math.ceil(K / 2);
      const c = compileTiny(tinyVariant({ blockSize: K, draftLayout: layout, maxRequests: Math.max(4, n) }));
      const weights = randomWeights(planWeights(c.plan), 40 + K);
      const plan = (i: number) => [Math.min(2 * i, K - 1), Math.min(2 * i + 1, K - 1)];
      const base = randomRequests(50 + K, n, [3, 1, 6, 2], 2 * K + 1);
      const truthEngine = await Engine.create(c.manifest, c.backend(), weights, { targetOnly: true });
      const truth = (await truthEngine.generate(base)).map((r) => r.tokens);

      const stepOf = new Map<string, number>();
      const reqs: GenerateRequest[] = base.map((q, i) => ({ ...q, maxNewTokens: 1 + plan(i)[0] + 1 + plan(i)[1] + 1 }));
      const engine = await Engine.create(c.manifest, c.backend(), weights, {
        drafts: ({ id, tokens }) => {
          const i = Number(id.slice(1));
          const s = stepOf.get(id) ?? 0;
          stepOf.set(id, s + 1);
          const generated = tokens.length - base[i].promptIds.length;
          const d = truth[i].slice(generated, generated + K - 1);
          const a = plan(i)[s];
          if (a < K - 1) d[a] = (d[a] + 1) % 255; // the first wrong draft: exactly a accepted
          return d;
        },
      });
      const res = await engine.generate(reqs);
      const seen = new Set<number>();
      res.forEach((r, i) => {
        expect(r.stats.acceptedLengths).toEqual(plan(i));
        expect(r.tokens).toEqual(truth[i].slice(0, reqs[i].maxNewTokens));
        for (const a of r.stats.acceptedLengths) seen.add(a);
      });
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: K }, (_, a) => a));
    });
  }
});
