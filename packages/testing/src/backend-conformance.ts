import { type Backend, key, Matrix, normal, reduceReference, ShapeError, type UnaryOp } from '@ntk/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matmulPairArb } from './arbitraries.ts';
import { scaledError, type Tolerance } from './tolerances.ts';

/** Options of {@link backendConformance}. */
export interface ConformanceOptions {
  /** Tolerance against float64 naive references (see `tolerances`). */
  readonly tolerance: Tolerance;
  /** The mode the backend must report it runs in (asserted), e.g. `webasm`. */
  readonly expectedMode?: string;
  /** Whether Gram matrices must be exactly symmetric (true for implementations that mirror one half). */
  readonly exactSymmetry?: boolean;
  /** fast-check runs per property (default 25). */
  readonly numRuns?: number;
}

/** fast-check seed used by every property of the suite; printed in the test names. */
export const CONFORMANCE_SEED = 20261122;

const OPS: readonly UnaryOp[] = [
  { name: 'relu', fn: (x) => (x > 0 ? x : 0), source: '(x > 0 ? x : 0)' },
  { name: 'tanh', fn: Math.tanh, source: 'Math.tanh(x)' },
  { name: 'square-plus-exp', fn: (x) => x * x + Math.exp(-x), source: 'x * x + Math.exp(-x)' },
];

function naiveMatmul(a: Matrix, b: Matrix, ta: boolean, tb: boolean, alpha: number): Float64Array {
  const m = ta ? a.cols : a.rows;
  const k = ta ? a.rows : a.cols;
  const n = tb ? b.rows : b.cols;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += (ta ? a.get(p, i) : a.get(i, p)) * (tb ? b.get(j, p) : b.get(p, j));
      out[i * n + j] = alpha * s;
    }
  }
  return out;
}

function randomMatrix(seed: number, rows: number, cols: number): Matrix {
  return new Matrix(rows, cols, normal(key(seed), rows * cols));
}

/**
 * The shared backend conformance suite: every `Backend` implementation runs it against itself (as tfjs
 * does), comparing each primitive with a float64 naive reference at the backend's stated tolerance, and
 * checking shapes, output precision, error behaviour and the reported mode.
 *
 * @param label - Suite name (e.g. `gpujs webasm`).
 * @param make - Creates the backend (called once; disposed after the suite).
 * @param options - Tolerance, expected mode, symmetry requirement.
 * @example
 * ```ts
 * backendConformance('cpu', () => cpuBackend(), { tolerance: tolerances.float64, exactSymmetry: true });
 * ```
 */
export function backendConformance(
  label: string,
  make: () => Backend | Promise<Backend>,
  options: ConformanceOptions,
): void {
  const { tolerance, numRuns = 25 } = options;
  describe(`backend conformance: ${label} (fast-check seed ${CONFORMANCE_SEED})`, () => {
    let be: Backend;
    beforeAll(async () => {
      be = await make();
    });
    afterAll(() => be?.dispose());

    const expectClose = (actual: ArrayLike<number>, expected: ArrayLike<number>) => {
      expect(actual.length).toBe(expected.length);
      expect(scaledError(actual, expected, tolerance)).toBeLessThanOrEqual(1);
    };
    const expectDtype = (m: Matrix<Float64Array | Float32Array>) => {
      expect(m.data).toBeInstanceOf(be.info.dtype === 'float64' ? Float64Array : Float32Array);
    };

    it('info reports name, dtype and the mode that runs', () => {
      expect(typeof be.info.name).toBe('string');
      expect(['float64', 'float32']).toContain(be.info.dtype);
      expect(typeof be.info.mode).toBe('string');
      if (options.expectedMode !== undefined) expect(be.info.mode).toBe(options.expectedMode);
    });

    it('matmul(a, b) agrees with a naive triple loop, with and without transposes', async () => {
      await fc.assert(
        fc.asyncProperty(matmulPairArb(9), fc.boolean(), fc.boolean(), async ([a, b], ta, tb) => {
          const A = ta ? a.transpose() : a;
          const B = tb ? b.transpose() : b;
          const c = await be.matmul(A, B, { transposeA: ta, transposeB: tb, alpha: 0.5 });
          expect(c.shape).toEqual([a.rows, b.cols]);
          expectDtype(c);
          expectClose(c.data, naiveMatmul(A, B, ta, tb, 0.5));
        }),
        { seed: CONFORMANCE_SEED, numRuns },
      );
    });

    it('matmul(a, b) agrees at sizes that cross tile boundaries (67×130 · 130×65)', async () => {
      const a = randomMatrix(1, 67, 130);
      const b = randomMatrix(2, 130, 65);
      const c = await be.matmul(a, b);
      expectClose(c.data, naiveMatmul(a, b, false, false, 1));
    });

    it('matmul accepts float32 inputs', async () => {
      const a = randomMatrix(3, 5, 7);
      const b = randomMatrix(4, 7, 3);
      const c = await be.matmul(a.toFloat32(), b.toFloat32());
      expectClose(c.data, naiveMatmul(a.toFloat32().toFloat64(), b.toFloat32().toFloat64(), false, false, 1));
    });

    it('gram(x) is symmetric, PSD and equals x·xᵀ', async () => {
      const x = randomMatrix(5, 70, 33);
      const g = await be.gram(x, undefined, 2);
      expectDtype(g);
      expectClose(g.data, naiveMatmul(x, x, false, true, 2));
      for (let i = 0; i < g.rows; i++) {
        for (let j = 0; j < i; j++) {
          if (options.exactSymmetry) expect(g.get(i, j)).toBe(g.get(j, i));
          else
            expect(Math.abs(g.get(i, j) - g.get(j, i))).toBeLessThanOrEqual(
              tolerance.atol + tolerance.rtol * 100,
            );
        }
      }
      for (let t = 0; t < 5; t++) {
        const v = normal(key(100 + t), g.rows);
        let q = 0;
        let vv = 0;
        for (let i = 0; i < g.rows; i++) {
          vv += (v[i] as number) ** 2;
          for (let j = 0; j < g.rows; j++) q += (v[i] as number) * g.get(i, j) * (v[j] as number);
        }
        expect(q / vv).toBeGreaterThanOrEqual(-tolerance.rtol * 100 * g.rows);
      }
    });

    it('gram(x, y) equals x·yᵀ', async () => {
      const x = randomMatrix(6, 9, 17);
      const y = randomMatrix(7, 4, 17);
      const g = await be.gram(x, y);
      expect(g.shape).toEqual([9, 4]);
      expectClose(g.data, naiveMatmul(x, y, false, true, 1));
    });

    it.each(OPS.map((op) => [op.name, op] as const))(
      'map(x, %s) applies the function elementwise',
      async (_n, op) => {
        const x = randomMatrix(8, 13, 11);
        const y = await be.map(x, op);
        expectDtype(y);
        const expected = Float64Array.from(x.data, (v) => op.fn(v));
        expectClose(y.data, expected);
      },
    );

    it.each(['add', 'sub', 'mul', 'div'] as const)('zip(a, b, %s) is elementwise', async (op) => {
      const a = randomMatrix(9, 6, 5);
      const b = new Matrix(
        6,
        5,
        Float64Array.from(randomMatrix(10, 6, 5).data, (v) => v + Math.sign(v) * 0.5),
      );
      const c = await be.zip(a, b, op);
      const f = {
        add: (p: number, q: number) => p + q,
        sub: (p: number, q: number) => p - q,
        mul: (p: number, q: number) => p * q,
        div: (p: number, q: number) => p / q,
      }[op];
      expectClose(
        c.data,
        Float64Array.from(a.data, (v, i) => f(v, b.data[i] as number)),
      );
    });

    it('affine(x, α, β) and addRowVector(x, v, α)', async () => {
      const x = randomMatrix(11, 7, 4);
      const y = await be.affine(x, -1.5, 0.25);
      expectClose(
        y.data,
        Float64Array.from(x.data, (v) => -1.5 * v + 0.25),
      );
      const v = [1, -2, 3, 0.5];
      const z = await be.addRowVector(x, v, 2);
      expectClose(
        z.data,
        Float64Array.from(x.data, (w, i) => w + 2 * (v[i % 4] as number)),
      );
    });

    it.each(['sum', 'sumSquares', 'max', 'min', 'maxAbs'] as const)(
      'reduce(x, %s) over all, rows and cols',
      async (op) => {
        const x = randomMatrix(12, 9, 6);
        for (const axis of ['all', 'rows', 'cols'] as const) {
          const r = await be.reduce(x, op, axis);
          expect(r).toBeInstanceOf(Float64Array);
          expectClose(r, reduceReference(x, op, axis));
        }
      },
    );

    it('rejects mismatched shapes with ShapeError and unknown ops with RangeError', async () => {
      const a = randomMatrix(13, 2, 3);
      const b = randomMatrix(14, 4, 2);
      await expect(be.matmul(a, b)).rejects.toBeInstanceOf(ShapeError);
      await expect(be.gram(a, b)).rejects.toBeInstanceOf(ShapeError);
      await expect(be.zip(a, b, 'add')).rejects.toBeInstanceOf(ShapeError);
      await expect(be.addRowVector(a, [1, 2])).rejects.toBeInstanceOf(ShapeError);
      await expect(be.zip(a, a, 'pow' as never)).rejects.toBeInstanceOf(RangeError);
      await expect(be.reduce(a, 'median' as never)).rejects.toBeInstanceOf(RangeError);
      await expect(be.matmul(a, 'b' as never)).rejects.toBeInstanceOf(TypeError);
    });
  });
}
