const ROTATIONS = [13, 15, 26, 6, 17, 29, 16, 24] as const;
const PARITY = 0x1bd11bda;

function rotl(x: number, r: number): number {
  return ((x << r) | (x >>> (32 - r))) >>> 0;
}

/**
 * The Threefry-2x32 block cipher with 20 rounds (Salmon et al., "Parallel random numbers: as easy as
 * 1, 2, 3", SC 2011), the counter-based generator JAX also uses. Pure 32-bit integer arithmetic, so the
 * output is bit-identical in every JavaScript engine.
 *
 * @param k0 - Key word 0 (uint32).
 * @param k1 - Key word 1 (uint32).
 * @param c0 - Counter word 0 (uint32).
 * @param c1 - Counter word 1 (uint32).
 * @param out - Receives the two output words.
 * @param offset - Where in `out` to write (default 0).
 * @example
 * ```ts
 * const out = new Uint32Array(2);
 * threefry2x32(0, 0, 0, 0, out); // out = [0x6b200159, 0x99ba4efe]
 * ```
 */
export function threefry2x32(
  k0: number,
  k1: number,
  c0: number,
  c1: number,
  out: Uint32Array,
  offset = 0,
): void {
  k0 >>>= 0;
  k1 >>>= 0;
  const k2 = (k0 ^ k1 ^ PARITY) >>> 0;
  const ks = [k0, k1, k2];
  let x0 = (c0 + k0) >>> 0;
  let x1 = (c1 + k1) >>> 0;
  for (let block = 0; block < 5; block++) {
    const base = (block & 1) * 4;
    for (let r = 0; r < 4; r++) {
      x0 = (x0 + x1) >>> 0;
      x1 = rotl(x1, ROTATIONS[base + r] as number) ^ x0;
    }
    const s = block + 1;
    x0 = (x0 + (ks[s % 3] as number)) >>> 0;
    x1 = (x1 + (ks[(s + 1) % 3] as number) + s) >>> 0;
  }
  out[offset] = x0;
  out[offset + 1] = x1 >>> 0;
}
