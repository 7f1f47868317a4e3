import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../stats/normal-quantile.ts';
import { evaluateTests } from './evaluate-tests.ts';
import type { ClaimTest } from './types.ts';

const test = (value: number, standardError: number | undefined, lo: number, hi: number): ClaimTest => ({
  id: `t${value}`,
  description: 'synthetic',
  statistic: standardError === undefined ? { value } : { value, standardError },
  accept: { lo, hi },
});

describe('evaluateTests', () => {
  it('evaluateTests(tests) supports a narrow interval inside the region', () => {
    const r = evaluateTests([test(2, 0.01, 1.9, 2.1)]);
    expect(r.verdict).toBe('supported');
    expect(r.tests[0].interval[0]).toBeCloseTo(2 - 1.959963984540054 * 0.01, 12);
  });
  it('evaluateTests(tests) contradicts an interval wholly outside the region', () => {
    expect(evaluateTests([test(2.5, 0.01, 1.9, 2.1)]).verdict).toBe('contradicted');
    expect(evaluateTests([test(1.5, 0.01, 1.9, 2.1)]).verdict).toBe('contradicted');
  });
  it('evaluateTests(tests) is inconclusive when the interval straddles a boundary (too small a budget)', () => {
    // Correct mean, but the standard error is too large to decide.
    expect(evaluateTests([test(2, 0.2, 1.9, 2.1)]).verdict).toBe('inconclusive');
  });
  it('evaluateTests(tests) applies the Bonferroni correction over tests with standard errors', () => {
    const r = evaluateTests([test(0, 1, -10, 10), test(0, 1, -10, 10), test(0, undefined, -1, 1)]);
    expect(r.tests[0].level).toBeCloseTo(1 - 0.025, 12);
    expect(r.tests[0].interval[1]).toBeCloseTo(normalQuantile(1 - 0.0125), 12);
    expect(r.tests[2].interval).toEqual([0, 0]);
    expect(r.tests[2].intervalSource).toBe('given');
  });
  it('evaluateTests(tests) uses explicit intervals as given', () => {
    const r = evaluateTests([
      { id: 'x', description: 'd', statistic: { value: 1, interval: [0.5, 1.5] }, accept: { lo: 0, hi: 2 } },
    ]);
    expect(r.tests[0].interval).toEqual([0.5, 1.5]);
    expect(r.verdict).toBe('supported');
  });
  it('evaluateTests(tests) is contradicted by any contradicted test, supported only if all are', () => {
    expect(evaluateTests([test(2, 0.01, 1.9, 2.1), test(0, 0.2, -0.1, 0.1)]).verdict).toBe('inconclusive');
    expect(
      evaluateTests([test(2, 0.01, 1.9, 2.1), test(5, 0.01, -0.1, 0.1), test(0, 0.2, -0.1, 0.1)]).verdict,
    ).toBe('contradicted');
    expect(evaluateTests([]).verdict).toBe('inconclusive');
  });
  it('evaluateTests(tests) reports a non-finite statistic as inconclusive with a note', () => {
    const r = evaluateTests([test(Number.NaN, 0.1, 0, 1), test(Number.POSITIVE_INFINITY, undefined, 0, 1)]);
    expect(r.tests.map((t) => t.verdict)).toEqual(['inconclusive', 'inconclusive']);
    expect(r.tests[0].note).toMatch(/not finite/);
  });
  it('evaluateTests(tests) accepts one-sided regions', () => {
    expect(evaluateTests([test(3, 0.1, 0, Number.POSITIVE_INFINITY)]).verdict).toBe('supported');
    expect(evaluateTests([test(-3, 0.1, 0, Number.POSITIVE_INFINITY)]).verdict).toBe('contradicted');
  });
  it('evaluateTests(tests) rejects bad levels, negative errors, reversed intervals and regions', () => {
    expect(() => evaluateTests([], { level: 1 })).toThrow(/evaluateTests: invalid argument. `options.level`/);
    expect(() => evaluateTests([test(0, -1, 0, 1)])).toThrow(RangeError);
    expect(() => evaluateTests([test(0, 1, 2, 1)])).toThrow(/accept/);
    expect(() =>
      evaluateTests([
        { id: 'x', description: 'd', statistic: { value: 1, interval: [2, 1] }, accept: { lo: 0, hi: 2 } },
      ]),
    ).toThrow(/interval/);
  });
});
