/**
 * Stacked kernel weight arguments (manifest `weightStacks`, contract/manifest.ts WeightStack): a
 * kernel takes the target's decoder layers as one argument per weight role, `[layers, ...]`, named
 * like the checkpoint tensors with `$` (LAYER_WILDCARD) for the layer index. Every consumer of a manifest builds such an
 * argument from the checkpoint tensors by these two functions, so the naming rule lives here once.
 */

/** Stands for the layer index in a stack's name; valid in a StableHLO argument name and a Python string. */
export const LAYER_WILDCARD = "$";

/** Whether a kernel weight argument is a stack (its name holds the layer wildcard). */
export function isWeightStack(name: string): boolean {
  return name.includes(LAYER_WILDCARD);
}

/** The checkpoint tensors of a kernel weight argument, in order: a stack's members (layer 0 first), or the tensor itself. */
export function weightMembers(arg: { readonly name: string; readonly shape: readonly number[] }): string[] {
  if (!isWeightStack(arg.name)) return [arg.name];
  return Array.from({ length: arg.shape[0] }, (_, i) => arg.name.replace(LAYER_WILDCARD, String(i)));
}

/** The data of a kernel weight argument: its members' values one after the other (a copy). */
export function kernelWeightData(arg: { readonly name: string; readonly shape: readonly number[] }, get: (name: string) => ArrayLike<number> | undefined): Float32Array {
  const members = weightMembers(arg).map((n) => {
    const v = get(n);
    if (!v) throw new Error(`weight ${n} missing (kernel argument ${arg.name})`);
    return v;
  });
  const out = new Float32Array(members.reduce((s, m) => s + m.length, 0));
  let at = 0;
  for (const m of members) {
    out.set(m, at);
    at += m.length;
  }
  return out;
}
