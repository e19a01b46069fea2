/**
 * bfloat16 emulation. A bf16 value is kept as an f32 whose low 16 mantissa bits are zero.
 * Rounding goes through f32 first (XLA computes bf16 elementwise ops in f32 and narrows), then
 * to bf16 by round-to-nearest, ties to even.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Rounds a number to the nearest bf16 (ties to even); NaN stays NaN, overflow goes to ±inf. */
export function roundBf16(x: number): number {
  f32[0] = x;
  const bits = u32[0];
  // NaN: keep it a (quiet) NaN; the carry below could otherwise turn it into inf.
  if ((bits & 0x7f800000) === 0x7f800000 && (bits & 0x007fffff) !== 0) return NaN;
  const rounded = (bits + 0x7fff + ((bits >>> 16) & 1)) & 0xffff0000;
  u32[0] = rounded >>> 0;
  return f32[0];
}

/** Rounds every element of an f32 array to bf16 in place. */
export function roundBf16Array(data: Float32Array): void {
  const bits = new Uint32Array(data.buffer, data.byteOffset, data.length);
  for (let i = 0; i < bits.length; i++) {
    const b = bits[i];
    if ((b & 0x7f800000) === 0x7f800000 && (b & 0x007fffff) !== 0) {
      bits[i] = 0x7fc00000;
      continue;
    }
    bits[i] = (b + 0x7fff + ((b >>> 16) & 1)) & 0xffff0000;
  }
}

/**
 * Rounds a double straight to bf16 with a single rounding (for converts from f64 or wide
 * integers). Going through f32 first can only go wrong when the f32 lands exactly on a bf16 tie;
 * then the side the double lies on decides.
 */
export function roundBf16Once(x: number): number {
  const f = Math.fround(x);
  if (f === x || Number.isNaN(x)) return roundBf16(f);
  f32[0] = f;
  const bits = u32[0];
  if ((bits & 0xffff) !== 0x8000) return roundBf16(f);
  const away = Math.abs(x) > Math.abs(f);
  u32[0] = ((bits & 0xffff0000) + (away ? 0x10000 : 0)) >>> 0;
  return f32[0];
}
