import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/usage-error.ts';
import { edgeSigmaB2 } from './edge-curve.ts';
import { linspace } from './linspace.ts';
import { pointsFlag, rangeFlag } from './phase-flags.ts';

describe('phase helpers', () => {
  it('linspace hits both ends exactly and is evenly spaced', () => {
    expect(linspace(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const v = linspace(0.5, 4, 41);
    expect(v[0]).toBe(0.5);
    expect(v[40]).toBe(4);
    expect(v[20]).toBeCloseTo(2.25, 14);
  });
  it('edgeSigmaB2 picks evenly among the rows, ends included, all of them when there are few', () => {
    expect(edgeSigmaB2([0, 0.25, 0.5, 0.75, 1], 3)).toEqual([0, 0.5, 1]);
    expect(edgeSigmaB2([0, 1], 21)).toEqual([0, 1]);
    expect(edgeSigmaB2(linspace(0, 1, 41), 21)).toHaveLength(21);
  });
  it('rangeFlag and pointsFlag parse lo:hi and SW2:SB2 lists, and name the flag otherwise', () => {
    expect(rangeFlag('--sigma-w2-range')('0.5:4')).toEqual([0.5, 4]);
    expect(pointsFlag('--profile-at')('1.5:0, 2:0.1')).toEqual([
      { sigmaW2: 1.5, sigmaB2: 0 },
      { sigmaW2: 2, sigmaB2: 0.1 },
    ]);
    for (const bad of ['4', '1:2:3', 'a:1', ':1', '1:']) {
      expect(() => rangeFlag('--sigma-w2-range')(bad)).toThrow(UsageError);
      expect(() => rangeFlag('--sigma-w2-range')(bad)).toThrow(/^--sigma-w2-range must be lo:hi/);
    }
    for (const bad of ['', '1', '1:x', '1:2,3'])
      expect(() => pointsFlag('--profile-at')(bad)).toThrow(/--profile-at/);
  });
});
