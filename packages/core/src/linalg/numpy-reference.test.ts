import { describe, expect, it } from 'vitest';
import { Matrix } from '../matrix/matrix.ts';
import { cholesky } from './cholesky.ts';
import { eigh } from './eigh.ts';
import { eigvalsh } from './eigvalsh.ts';
import reference from './fixtures/numpy-reference.json' with { type: 'json' };
import { logDetSpd } from './log-det-spd.ts';

// Independent reference: NumPy/LAPACK results committed as a fixture (bench/make-numpy-fixture.py). Both
// sides are backward stable in float64 on the same well-conditioned 12×12 matrices (κ ≲ 20), so results agree
// to ~n·ε·κ ≈ 1e-13 relative; 1e-12 is the bound.
const { n } = reference;

function build(f: (i: number, j: number) => number): Matrix {
  const m = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m.set(i, j, f(i, j));
  return m;
}

const spd = build((i, j) => 1 / (i + j + 1) + (i === j ? i + 1 : 0));
const indefinite = build((i, j) => Math.cos((i * j) / 5) - 0.5);

function expectClose(actual: ArrayLike<number>, expected: readonly number[], rel: number): void {
  const scale = Math.max(...expected.map(Math.abs));
  expect(actual.length).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) {
    expect(Math.abs((actual[k] as number) - (expected[k] as number))).toBeLessThan(rel * scale);
  }
}

describe('linear algebra against NumPy/LAPACK (committed fixture)', () => {
  it('cholesky(a) matches numpy.linalg.cholesky', () => {
    expectClose(cholesky(spd).data, reference.spd.cholesky, 1e-12);
  });

  it('eigh(a).values and eigvalsh(a) match numpy.linalg.eigvalsh (SPD and indefinite)', () => {
    expectClose(eigh(spd).values, reference.spd.eigenvalues, 1e-12);
    expectClose(eigvalsh(spd), reference.spd.eigenvalues, 1e-12);
    expectClose(eigh(indefinite).values, reference.indefinite.eigenvalues, 1e-12);
    expectClose(eigvalsh(indefinite), reference.indefinite.eigenvalues, 1e-12);
  });

  it('logDetSpd(a) matches numpy.linalg.slogdet', () => {
    expect(Math.abs(logDetSpd(spd) - reference.spd.logdet)).toBeLessThan(
      1e-12 * Math.abs(reference.spd.logdet),
    );
  });
});
