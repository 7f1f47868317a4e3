/**
 * n evenly spaced values from lo to hi, both ends included (the ends exactly).
 *
 * @param lo - First value.
 * @param hi - Last value.
 * @param n - Count ≥ 2.
 * @returns The values.
 * @example
 * ```ts
 * linspace(0, 1, 5); // [0, 0.25, 0.5, 0.75, 1]
 * ```
 */
export function linspace(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? hi : lo + ((hi - lo) * i) / (n - 1)));
}
