import { describe, expect, it } from 'vitest';
import { formatNumber } from './format-number.ts';

describe('formatNumber', () => {
  it('formatNumber(x) gives 4 significant digits without trailing zeros', () => {
    expect(formatNumber(1.23456)).toBe('1.235');
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(-0.5)).toBe('-0.5');
    expect(formatNumber(12345.6)).toBe('12350');
    expect(formatNumber(99999)).toBe('1e5'); // rounds to 1.000e5 first
  });
  it('formatNumber(x) uses exponent form for small and large magnitudes', () => {
    expect(formatNumber(0.000012346)).toBe('1.235e-5');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(2.5e12)).toBe('2.5e12');
    expect(formatNumber(0.001)).toBe('0.001');
  });
  it('formatNumber(x, digits) honours the digits; null and non-finite are spelled out', () => {
    expect(formatNumber(Math.PI, 2)).toBe('3.1');
    expect(formatNumber(null)).toBe('n/a');
    expect(formatNumber(Number.NaN)).toBe('n/a');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('+∞');
    expect(formatNumber(0)).toBe('0');
  });
});
