/**
 * A number for tables and reports: `significant` significant digits without trailing zeros, in exponent
 * form (`1.234e-5`) when |x| < 10⁻³ or ≥ 10⁵; `null` (the JSON form of a non-finite number, see
 * {@link JsonSafe}) is written `n/a`.
 *
 * @param x - The number, or `null`.
 * @param significant - Significant digits, an integer in [1, 17] (default 4).
 * @returns The text.
 * @example
 * ```ts
 * formatNumber(3.14159265); // '3.142'
 * formatNumber(0.000012346); // '1.235e-5'
 * formatNumber(null); // 'n/a'
 * ```
 */
export function formatNumber(x: number | null, significant = 4): string {
  if (x === null || Number.isNaN(x)) return 'n/a';
  if (x === Number.POSITIVE_INFINITY) return '+∞';
  if (x === Number.NEGATIVE_INFINITY) return '−∞';
  const digits = Math.min(17, Math.max(1, Math.round(significant)));
  if (x === 0) return '0';
  const rounded = Number(x.toPrecision(digits));
  const a = Math.abs(rounded);
  if (a < 1e-3 || a >= 1e5) {
    const [mantissa, exponent] = rounded.toExponential(digits - 1).split('e');
    const m = (mantissa as string).includes('.')
      ? (mantissa as string).replace(/\.?0+$/, '')
      : (mantissa as string);
    return `${m}e${Number(exponent)}`;
  }
  return String(rounded);
}
