import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussianMatrix, naiveNT, relativeError } from '../../bench/matrices.ts';
import { gemmNT, transposeData } from './gemm-nt.ts';

const SEED = 1234;

// Both sides sum the same k products, in different orders: |Δ| ≤ k·ε·Σ|a_ip b_jp| ≲ k·ε·max|C|·(a few) for
// Gaussian data, i.e. ≲ 1e-13 for k ≤ 150. 1e-12 relative separates rounding from any indexing error.
describe('gemmNT', () => {
  it(`gemmNT(a, b, m, n, k, alpha, false) equals the naive triple loop, odd sizes and tile edges (seed ${SEED})`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 70 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.nat(1_000_000),
        (m, n, k, alpha, s) => {
          const a = gaussianMatrix(s, m, k).data;
          const b = gaussianMatrix(s + 1, n, k).data;
          const c = gemmNT(a, b, m, n, k, alpha, false);
          expect(c).toHaveLength(m * n);
          expect(relativeError(c, naiveNT(a, b, m, n, k, alpha))).toBeLessThan(1e-12);
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it(`gemmNT(a, a, m, m, k, alpha, true) is exactly symmetric and equals the naive A·Aᵀ (seed ${SEED + 1})`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 70 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.nat(1_000_000),
        (m, k, alpha, s) => {
          const a = gaussianMatrix(s, m, k).data;
          const c = gemmNT(a, new Float64Array(0), m, m, k, alpha, true);
          let asymmetric = 0;
          for (let i = 0; i < m; i++)
            for (let j = 0; j < i; j++) if (c[i * m + j] !== c[j * m + i]) asymmetric++;
          expect(asymmetric).toBe(0);
          expect(relativeError(c, naiveNT(a, a, m, m, k, alpha))).toBeLessThan(1e-12);
        },
      ),
      { seed: SEED + 1, numRuns: 60 },
    );
  });

  it('gemmNT accepts float32 operands and handles k = 0', () => {
    const a = Float32Array.of(1, 2, 3, 4);
    expect(Array.from(gemmNT(a, a, 2, 2, 2, 1, true))).toEqual([5, 11, 11, 25]);
    expect(Array.from(gemmNT(new Float64Array(0), new Float64Array(0), 2, 3, 0, 1, false))).toEqual([
      0, 0, 0, 0, 0, 0,
    ]);
  });

  it('transposeData(x, r, c) transposes across block edges', () => {
    const r = 37;
    const c = 70;
    const x = gaussianMatrix(3, r, c).data;
    const t = transposeData(x, r, c);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) expect(t[j * r + i]).toBe(x[i * c + j]);
  });
});
