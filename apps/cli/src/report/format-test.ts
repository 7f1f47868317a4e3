import { formatNumber } from '@ntk/bounds';
import type { ClaimTestResult } from './decisive-test.ts';

/**
 * An interval or accept region as text, `[lo, hi]`, with `null` ends (the JSON form of infinite ones) written
 * `−∞` at the lower end and `+∞` at the upper end.
 *
 * @param lo - Lower end (`null` for −∞).
 * @param hi - Upper end (`null` for +∞).
 * @param digits - Significant digits (default 4).
 * @returns E.g. `[0.95, +∞]`.
 * @example
 * ```ts
 * formatRange(null, 1.05); // '[−∞, 1.05]'
 * ```
 */
export function formatRange(lo: number | null, hi: number | null, digits = 4): string {
  const a = lo === null ? '−∞' : formatNumber(lo, digits);
  const b = hi === null ? '+∞' : formatNumber(hi, digits);
  return `[${a}, ${b}]`;
}

/**
 * A test's measured value with its interval against its accept region, e.g. `1.01 [0.98, 1.04] vs [0.95, 1.05]`.
 *
 * @param test - An evaluated test.
 * @param digits - Significant digits (default 4).
 * @returns The text (without the test's id).
 * @example
 * ```ts
 * formatTestComparison(decisiveTest(result)!);
 * ```
 */
export function formatTestComparison(test: ClaimTestResult, digits = 4): string {
  return (
    `${formatNumber(test.value, digits)} ${formatRange(test.interval[0], test.interval[1], digits)} ` +
    `vs ${formatRange(test.accept.lo, test.accept.hi, digits)}`
  );
}
