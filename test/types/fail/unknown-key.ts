// expect-error-code: TS2353
// A key the DSL does not know at all.
import { dflashDraft } from "dflashc";

export const draft = dflashDraft({ numLayers: 1, maskTokenId: 255, temperature: 0.7 });
