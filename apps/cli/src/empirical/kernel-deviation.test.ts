import { Matrix } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { kernelDeviation } from './kernel-deviation.ts';

describe('kernelDeviation', () => {
  it('gives the relative Frobenius deviation, the largest entry deviation and the largest z-score', () => {
    const ref = Matrix.fromRows([
      [3, 0],
      [0, 4],
    ]);
    const m = Matrix.fromRows([
      [3, 1],
      [0, 4],
    ]);
    const se = Matrix.fromRows([
      [0, 0.5],
      [0.25, 0],
    ]);
    const d = kernelDeviation(m, ref, se);
    expect(d.relativeFrobenius).toBeCloseTo(1 / 5, 15);
    expect(d.maxAbs).toBe(1);
    expect(d.maxAbsRelative).toBe(1 / 4);
    expect(d.maxAbsZ).toBe(2);
    expect(kernelDeviation(ref, ref).maxAbsZ).toBeNull();
    expect(kernelDeviation(ref, ref).relativeFrobenius).toBe(0);
  });
});
