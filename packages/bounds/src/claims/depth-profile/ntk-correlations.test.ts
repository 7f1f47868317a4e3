import { mlpKernels } from '@ntk/analytic';
import { key, Matrix, sphere } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { normalisedKernel, ntkDepthProfile, offDiagonalDeviation } from './ntk-correlations.ts';

describe('ntkDepthProfile', () => {
  it('ntkDepthProfile(spec, x).ntk[L − 1] is the NTK of the depth-L network (mlpKernels run separately)', () => {
    const x = sphere(key(3), 4, 5);
    const spec = { activation: 'erf', depth: 12, sigmaW2: 1.7, sigmaB2: 0.2 };
    const prof = ntkDepthProfile(spec, x);
    expect(prof.ntk.length).toBe(12);
    for (const L of [1, 5, 12]) {
      const direct = mlpKernels({ ...spec, depth: L }, x).ntk;
      for (let i = 0; i < 16; i++) expect(prof.ntk[L - 1]!.data[i]).toBeCloseTo(direct.data[i] as number, 13);
    }
  });
  it('ntkDepthProfile rejects depth < 1 and honours an aborted signal', () => {
    const x = sphere(key(3), 2, 3);
    expect(() => ntkDepthProfile({ activation: 'relu', depth: 0 }, x)).toThrow(
      /ntkDepthProfile: invalid argument/,
    );
    const ac = new AbortController();
    ac.abort();
    expect(() => ntkDepthProfile({ activation: 'relu', depth: 2 }, x, ac.signal)).toThrow();
  });
});

describe('normalisedKernel and offDiagonalDeviation', () => {
  it('normalisedKernel(k) divides by √(k_ii k_jj); offDiagonalDeviation ignores the diagonal', () => {
    const k = Matrix.fromRows([
      [4, 2, 1],
      [2, 9, 3],
      [1, 3, 1],
    ]);
    const r = normalisedKernel(k);
    expect(r.get(0, 1)).toBeCloseTo(2 / 6, 15);
    expect(r.get(1, 2)).toBeCloseTo(1, 15);
    expect(r.get(2, 2)).toBe(1);
    expect(offDiagonalDeviation(r, 0.5)).toBeCloseTo(0.5, 15); // |1 − 0.5| at (1, 2)
    expect(offDiagonalDeviation(Matrix.fromRows([[7]]), 0)).toBe(0);
  });
});
