import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomOrthogonal, randomSymmetric, relativeError, withSpectrum } from '../../bench/matrices.ts';
import { ArgumentRangeError, ArgumentTypeError } from '../errors/argument-error.ts';
import { ShapeError } from '../errors/shape-error.ts';
import { Matrix } from '../matrix/matrix.ts';
import { eigh } from './eigh.ts';

const SEED = 2024;

/** V·diag(λ)·Vᵀ. */
function reconstruct(v: Matrix, values: Float64Array): Float64Array {
  const n = v.rows;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += v.get(i, k) * (values[k] as number) * v.get(j, k);
      out[i * n + j] = s;
    }
  return out;
}

/** max |VᵀV − I|. */
function orthogonalityError(v: Matrix): number {
  const n = v.rows;
  let e = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += v.get(k, i) * v.get(k, j);
      e = Math.max(e, Math.abs(s - (i === j ? 1 : 0)));
    }
  return e;
}

function expectAscending(values: Float64Array): void {
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1] as number);
}

// Householder + QL is backward stable: the computed V, Λ are exact for A + E with ‖E‖ ≲ c·n·ε·‖A‖ and
// ‖VᵀV − I‖ ≲ c·n·ε. For n ≤ 130 that is ≲ 1e-13 (measured ≈ 1e-14); 1e-10 relative is the brief's bound
// and any algorithmic error (wrong rotation, sign, index) gives O(1).
describe('eigh', () => {
  it(`eigh(a) reconstructs A = V·diag(λ)·Vᵀ with VᵀV = I and ascending λ (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(1_000_000), (n, s) => {
        const a = randomSymmetric(s, n);
        const { values, vectors } = eigh(a);
        expect(values).toHaveLength(n);
        expect(vectors.shape).toEqual([n, n]);
        expectAscending(values);
        expect(relativeError(reconstruct(vectors, values), a.data)).toBeLessThan(1e-10);
        expect(orthogonalityError(vectors)).toBeLessThan(1e-10);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('eigh(a) reconstructs a 130×130 matrix (several Householder blocks)', () => {
    const a = randomSymmetric(99, 130);
    const { values, vectors } = eigh(a);
    expect(relativeError(reconstruct(vectors, values), a.data)).toBeLessThan(1e-10);
    expect(orthogonalityError(vectors)).toBeLessThan(1e-10);
  });

  // A = Q·diag(λ)·Qᵀ is formed with rounding ≲ n·ε·max|λ|; by Weyl's inequality each computed eigenvalue is
  // within ‖E‖₂ ≲ c·n·ε·max|λ| of the true one, so 1e-10·max|λ| is a safe bound. Integer spectra in [-3, 3]
  // repeat eigenvalues often (clusters of multiplicity up to n).
  it(`eigh(a) recovers a known spectrum, repeated eigenvalues included (seed ${SEED + 1})`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 30 }),
        fc.nat(1_000_000),
        (spectrum, s) => {
          const n = spectrum.length;
          const a = withSpectrum(randomOrthogonal(s, n), spectrum);
          const { values, vectors } = eigh(a);
          const expected = Float64Array.from(spectrum).sort();
          const scale = Math.max(1, ...expected.map(Math.abs));
          for (let i = 0; i < n; i++)
            expect(Math.abs((values[i] as number) - (expected[i] as number))).toBeLessThan(1e-10 * scale);
          expect(orthogonalityError(vectors)).toBeLessThan(1e-10);
          expect(relativeError(reconstruct(vectors, values), a.data)).toBeLessThan(1e-10);
        },
      ),
      { seed: SEED + 1, numRuns: 40 },
    );
  });

  // With distinct eigenvalues 1..n (gap 1), Davis–Kahan bounds the angle between computed and true
  // eigenvector by ‖E‖/gap ≲ 1e-13, so |⟨v_j, q_j⟩| = 1 to 1e-10.
  it('eigh(a) returns the eigenvectors (up to sign) of a matrix with a known eigenbasis', () => {
    const n = 25;
    const q = randomOrthogonal(3, n);
    const spectrum = Array.from({ length: n }, (_, i) => n - i); // descending, so sorting is exercised
    const { values, vectors } = eigh(withSpectrum(q, spectrum));
    for (let j = 0; j < n; j++) {
      expect(values[j]).toBeCloseTo(j + 1, 10);
      // Column j of V belongs to λ = j + 1, which is column n − 1 − j of Q.
      let dot = 0;
      for (let k = 0; k < n; k++) dot += vectors.get(k, j) * q.get(k, n - 1 - j);
      expect(Math.abs(Math.abs(dot) - 1)).toBeLessThan(1e-10);
    }
  });

  // A direct sum diag(B, C): the reduction meets a row whose off-diagonal part is already zero right after
  // a non-trivial step (the "nothing to reduce" branch with a pending update), and again inside B.
  it("eigh(a) of a block-diagonal matrix has the union of the blocks' spectra", () => {
    const b = withSpectrum(randomOrthogonal(21, 4), [1, 2, 3, 4]);
    const c = withSpectrum(randomOrthogonal(22, 5), [-1, 0.5, 2, 7, 9]);
    const a = Matrix.zeros(9, 9);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) a.set(i, j, b.get(i, j));
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) a.set(4 + i, 4 + j, c.get(i, j));
    const { values, vectors } = eigh(a);
    const expected = [-1, 0.5, 1, 2, 2, 3, 4, 7, 9];
    for (let i = 0; i < 9; i++)
      expect(Math.abs((values[i] as number) - (expected[i] as number))).toBeLessThan(1e-12 * 9);
    expect(relativeError(reconstruct(vectors, values), a.data)).toBeLessThan(1e-10);
    expect(orthogonalityError(vectors)).toBeLessThan(1e-10);
  });

  it('eigh handles n = 0, n = 1, the zero matrix, the identity and a diagonal matrix', () => {
    const e0 = eigh(Matrix.zeros(0, 0));
    expect(e0.values).toHaveLength(0);
    expect(e0.vectors.shape).toEqual([0, 0]);
    const e1 = eigh(Matrix.fromRows([[-2.5]]));
    expect(Array.from(e1.values)).toEqual([-2.5]);
    expect(Array.from(e1.vectors.data)).toEqual([1]);
    const z = eigh(Matrix.zeros(6, 6));
    expect(Array.from(z.values)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(orthogonalityError(z.vectors)).toBe(0);
    const id = eigh(Matrix.identity(5));
    expect(Array.from(id.values)).toEqual([1, 1, 1, 1, 1]);
    const d = eigh(
      Matrix.fromRows([
        [3, 0, 0],
        [0, -1, 0],
        [0, 0, 2],
      ]),
    );
    expect(Array.from(d.values)).toEqual([-1, 2, 3]);
    expect(Math.abs(d.vectors.get(1, 0))).toBe(1);
  });

  it('eigh accepts float32 input and computes in float64', () => {
    const { values } = eigh(
      Matrix.fromRows([
        [2, 1],
        [1, 2],
      ]).toFloat32(),
    );
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
  });

  it('eigh rejects a non-Matrix', () => {
    expect(() => eigh([[1]] as unknown as Matrix)).toThrow(ArgumentTypeError);
  });

  it('eigh rejects a non-square matrix with ShapeError', () => {
    expect(() => eigh(Matrix.zeros(3, 2))).toThrow(ShapeError);
  });

  it('eigh rejects non-finite entries, naming the first', () => {
    expect(() =>
      eigh(
        Matrix.fromRows([
          [1, Number.NEGATIVE_INFINITY],
          [0, 1],
        ]),
      ),
    ).toThrow('eigh: invalid argument. `a[0][1]` must be finite. Value: `-Infinity`.');
  });

  it('eigh rejects an asymmetric matrix and says so', () => {
    expect(() =>
      eigh(
        Matrix.fromRows([
          [1, 2],
          [3, 1],
        ]),
      ),
    ).toThrow(ArgumentRangeError);
    expect(() =>
      eigh(
        Matrix.fromRows([
          [1, 2],
          [3, 1],
        ]),
      ),
    ).toThrow(/must be a symmetric matrix/);
    expect(() => eigh(Matrix.identity(2), { symmetryTolerance: -1 })).toThrow(
      '`options.symmetryTolerance` must be a number ≥ 0',
    );
  });
});
