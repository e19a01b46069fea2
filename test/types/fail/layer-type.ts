// expect-error-code: TS2820
// Draft layer types are HF's `layer_types` spellings.
import { dflashDraft } from "dflashc";

export const draft = dflashDraft({ numLayers: 1, maskTokenId: 255, layerTypes: ["local_attention"] });
