// expect-error-code: TS2322
// A dim given as a string.
import { dflashDraft } from "dflashc";

export const draft = dflashDraft({ numLayers: "5", maskTokenId: 255 });
