import { describe, expect, it } from 'vitest';
import { big, erfBig, erfcBig, erfSeries } from './big-reference.ts';

describe('60-digit reference (self-checks)', () => {
  it('erfcBig(x) by the continued fraction equals 1 − erf(x) by the series at 5.5 < x ≤ 6.5', () => {
    for (const x of [5.51, 6, 6.5]) {
      const cf = erfcBig(big(x));
      const series = big(1).minus(erfSeries(big(x)));
      // 60 digits minus the ≤ 20 lost to 1 − erf(6.5) ≈ 4e-20: agreement to 1e-35 relative is far beyond float64.
      expect(cf.minus(series).abs().div(cf).toNumber()).toBeLessThan(1e-35);
    }
  });

  it('erfBig matches published values (Abramowitz & Stegun table 7.1)', () => {
    expect(erfBig(big(0.5)).toFixed(15)).toBe('0.520499877813047');
    expect(erfBig(big(1)).toFixed(15)).toBe('0.842700792949715');
    expect(erfBig(big(2)).toFixed(15)).toBe('0.995322265018953');
    expect(erfcBig(big(10)).toPrecision(12)).toBe('2.08848758376e-45');
  });
});
