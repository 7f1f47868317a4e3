import { describe, expect, it } from 'vitest';
import { estimateDifference } from './estimate-difference.ts';

describe('estimateDifference', () => {
  it('estimateDifference(a, b) subtracts values and adds variances (3-4-5 triangle)', () => {
    const d = estimateDifference({ value: 3, standardError: 0.3 }, { value: 1, standardError: 0.4 });
    expect(d.value).toBe(2);
    expect(d.standardError).toBeCloseTo(0.5, 15);
    expect(d.samples).toBeUndefined();
  });
  it('estimateDifference treats an exact estimate as zero error and keeps the smaller sample count', () => {
    expect(
      estimateDifference({ value: 1 }, { value: 0.5, standardError: 0.1, samples: 4 }).standardError,
    ).toBe(0.1);
    expect(
      estimateDifference(
        { value: 1, standardError: 0, samples: 3 },
        { value: 0, standardError: 0, samples: 5 },
      ).samples,
    ).toBe(3);
  });
  it('estimateDifference rejects non-finite values and bad errors', () => {
    expect(() => estimateDifference({ value: Number.NaN }, { value: 0 })).toThrow(/`a.value`/);
    expect(() => estimateDifference({ value: 0 }, { value: 0, standardError: -1 })).toThrow(
      /estimateDifference: invalid argument. `b.standardError`/,
    );
  });
});
