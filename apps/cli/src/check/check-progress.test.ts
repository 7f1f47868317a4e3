import { describe, expect, it } from 'vitest';
import { checkProgressBars, sameBars } from './check-progress.ts';

const state = {
  claimPosition: 1,
  claimCount: 3,
  claimId: 'b',
  fraction: 0.5,
  remainingMs: 4000,
  pointPosition: 2,
  pointCount: 4,
  claimFraction: 0.625,
  claimRemainingMs: 1000,
};

describe('checkProgressBars', () => {
  it('gives the overall bar (claim i/n <id>) and the claim bar (point j/m)', () => {
    expect(checkProgressBars(state)).toEqual([
      { fraction: 0.5, label: 'claim 2/3 b', remainingMs: 4000 },
      { fraction: 0.625, label: 'point 3/4', remainingMs: 1000 },
    ]);
    expect(checkProgressBars({ ...state, pointPosition: undefined })[1]?.label).toBe('point ?');
  });

  it('sameBars ignores changes below a whole percent, not label changes', () => {
    const a = checkProgressBars(state);
    expect(sameBars(checkProgressBars({ ...state, fraction: 0.504, remainingMs: 1 }), a)).toBe(true);
    expect(sameBars(checkProgressBars({ ...state, fraction: 0.51 }), a)).toBe(false);
    expect(sameBars(checkProgressBars({ ...state, pointPosition: 3 }), a)).toBe(false);
    expect(sameBars(a, [])).toBe(false);
  });
});
