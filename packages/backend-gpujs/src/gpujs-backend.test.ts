import {
  ArgumentRangeError,
  ArgumentTypeError,
  key,
  Matrix,
  NumericalError,
  normal,
  reduceReference,
  type UnaryOp,
} from '@ntk/core';
import { scaledError, tolerances } from '@ntk/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GpujsBackend, gpujsBackend } from './gpujs-backend.ts';
import { gpu } from './gpujs-runtime.ts';
import { ModeUnavailableError } from './mode-unavailable-error.ts';

// Whether a mode could run on this machine at all (these tests must hold on machines with and without a GPU).
const headlessGlUsable = (() => {
  try {
    return gpu.HeadlessGLKernel.isSupported;
  } catch {
    return false;
  }
})();
const webGpuApi = gpu.WebGPUKernel.isSupported;

function randomMatrix(seed: number, rows: number, cols: number): Matrix {
  return new Matrix(rows, cols, normal(key(seed), rows * cols));
}

describe('gpujsBackend(options) validates its options', () => {
  it('gpujsBackend(options) rejects a non-object with ArgumentTypeError', async () => {
    await expect(gpujsBackend('webasm' as never)).rejects.toBeInstanceOf(ArgumentTypeError);
    await expect(gpujsBackend(null as never)).rejects.toThrow(/gpujsBackend: invalid argument. `options`/);
  });
  it('gpujsBackend({ mode }) rejects an unknown mode with ArgumentRangeError naming the choices', async () => {
    await expect(gpujsBackend({ mode: 'cuda' as never })).rejects.toBeInstanceOf(ArgumentRangeError);
    await expect(gpujsBackend({ mode: 'cuda' as never })).rejects.toThrow(
      /`options.mode` must be one of .*"webasm"/,
    );
  });
  it('gpujsBackend({ async, fallback }) rejects non-booleans with ArgumentTypeError', async () => {
    await expect(gpujsBackend({ async: 'yes' as never })).rejects.toBeInstanceOf(ArgumentTypeError);
    await expect(gpujsBackend({ fallback: 1 as never })).rejects.toThrow(
      /`options.fallback` must be a boolean/,
    );
  });
  it('gpujsBackend({ poolSize, cacheSize }) rejects non-numbers, fractions and out-of-range sizes', async () => {
    await expect(gpujsBackend({ poolSize: '2' as never })).rejects.toBeInstanceOf(ArgumentTypeError);
    await expect(gpujsBackend({ poolSize: 0 })).rejects.toBeInstanceOf(ArgumentRangeError);
    await expect(gpujsBackend({ poolSize: 1.5 })).rejects.toBeInstanceOf(ArgumentRangeError);
    await expect(gpujsBackend({ cacheSize: 0 })).rejects.toThrow(
      /`options.cacheSize` must be an integer in \[1, 4096\]/,
    );
  });
  it('gpujsBackend(options) rejects unknown option names (typos) with ArgumentRangeError', async () => {
    await expect(gpujsBackend({ mdoe: 'cpu' } as never)).rejects.toThrow(
      /`options.mdoe` must be one of mode/,
    );
  });
});

describe('gpujsBackend(options) chooses, reports and falls back', () => {
  it('gpujsBackend({ mode: "webasm" }) runs webasm and reads the mode back (no fallback)', async () => {
    const be = await gpujsBackend({ mode: 'webasm' });
    expect(be.info).toMatchObject({
      name: 'gpujs',
      dtype: 'float32',
      mode: 'webasm',
      requestedMode: 'webasm',
    });
    expect(be.info.fallbackReason).toBeUndefined();
    expect(be.info.threads).toBe(1);
    expect(typeof be.info.simd).toBe('boolean');
    be.dispose();
  });
  it('gpujsBackend({ mode: "webasm", async: true, poolSize }) reports the worker threads', async () => {
    const be = await gpujsBackend({ mode: 'webasm', async: true, poolSize: 3 });
    expect(be.info.async).toBe(true);
    // Threads need SharedArrayBuffer (always present in Node 20).
    expect(be.info.threads).toBe(gpu.WebAssemblyKernel.isThreadsSupported ? 3 : 1);
    be.dispose();
  });
  it('gpujsBackend({ mode: "cpu" }) runs the cpu mode on one thread', async () => {
    const be = await gpujsBackend({ mode: 'cpu' });
    expect(be.info.mode).toBe('cpu');
    expect(be.info.threads).toBe(1);
    be.dispose();
  });
  it.skipIf(headlessGlUsable)(
    'gpujsBackend({ mode: "headlessgl" }) falls back to webasm with a fallbackReason where headless-gl cannot run',
    async () => {
      const be = await gpujsBackend({ mode: 'headlessgl' });
      expect(be.info.mode).toBe('webasm');
      expect(be.info.requestedMode).toBe('headlessgl');
      expect(be.info.fallbackReason).toMatch(/^requested 'headlessgl' fell back to 'webasm': headlessgl: .+/);
      be.dispose();
    },
  );
  it.skipIf(webGpuApi)(
    'gpujsBackend({ mode: "webgpu" }) falls back to webasm with a fallbackReason where WebGPU is absent',
    async () => {
      const be = await gpujsBackend({ mode: 'webgpu' });
      expect(be.info.mode).toBe('webasm');
      expect(be.info.fallbackReason).toMatch(/webgpu: no WebGPU adapter/);
      be.dispose();
    },
  );
  it.skipIf(webGpuApi)(
    'gpujsBackend({ mode: "webgpu", fallback: false }) throws ModeUnavailableError naming the mode',
    async () => {
      const p = gpujsBackend({ mode: 'webgpu', fallback: false });
      await expect(p).rejects.toBeInstanceOf(ModeUnavailableError);
      await expect(gpujsBackend({ mode: 'webgpu', fallback: false })).rejects.toThrow(
        /requested mode 'webgpu' cannot run here \(fallback: false was given.*\): webgpu: /,
      );
      const e = (await p.catch((err: unknown) => err)) as ModeUnavailableError;
      expect(e.requestedMode).toBe('webgpu');
      expect(e.reasons).toHaveLength(1);
    },
  );
  it.skipIf(headlessGlUsable)(
    'gpujsBackend({ mode: "headlessgl", fallback: false }) throws ModeUnavailableError',
    async () => {
      await expect(gpujsBackend({ mode: 'headlessgl', fallback: false })).rejects.toBeInstanceOf(
        ModeUnavailableError,
      );
    },
  );
  it.skipIf(webGpuApi || headlessGlUsable)(
    'gpujsBackend({ mode: "gpu" }) falls back to webasm listing every GPU mode that failed',
    async () => {
      const be = await gpujsBackend({ mode: 'gpu' });
      expect(be.info.mode).toBe('webasm');
      for (const m of ['webgpu', 'webgl2', 'webgl', 'headlessgl'])
        expect(be.info.fallbackReason).toContain(`${m}: `);
      be.dispose();
      await expect(gpujsBackend({ mode: 'gpu', fallback: false })).rejects.toBeInstanceOf(
        ModeUnavailableError,
      );
    },
  );
  it.skipIf(webGpuApi)(
    'gpujsBackend() (auto) picks webasm in Node without WebGPU, with no fallbackReason',
    async () => {
      const be = await gpujsBackend();
      expect(be.info.requestedMode).toBe('auto');
      expect(be.info.mode).toBe('webasm');
      expect(be.info.fallbackReason).toBeUndefined();
      expect(be.info.skipped.length).toBe(3); // webgpu, webgl2, webgl
      be.dispose();
    },
  );
});

describe('gpujsBackend kernels (webasm)', () => {
  let be: GpujsBackend;
  beforeAll(async () => {
    be = await gpujsBackend({ mode: 'webasm', fallback: false, cacheSize: 4 });
  });
  afterAll(() => be.dispose());

  it('matmul(a, b) reuses the compiled kernel for a repeated shape and α, and compiles one per new shape', async () => {
    const a = randomMatrix(1, 6, 5);
    const b = randomMatrix(2, 5, 4);
    const before = be.kernelStats().compiled;
    await be.matmul(a, b);
    await be.matmul(a, b, { alpha: 3 });
    expect(be.kernelStats().compiled).toBe(before + 1);
    await be.matmul(a, randomMatrix(3, 5, 7));
    expect(be.kernelStats().compiled).toBe(before + 2);
  });

  it('the kernel cache evicts least recently used kernels beyond cacheSize (4 here)', async () => {
    for (let n = 1; n <= 6; n++) await be.affine(randomMatrix(n, 1, n), 2, 1);
    expect(be.kernelStats().cached).toBe(4);
    // evicted kernels are rebuilt on demand and still agree
    const x = randomMatrix(1, 1, 1);
    const y = await be.affine(x, 2, 1);
    expect(y.data[0]).toBeCloseTo(2 * (x.data[0] as number) + 1, 5);
  });

  it('matmul with an empty inner dimension gives zeros, and empty outputs give empty matrices', async () => {
    const z = await be.matmul(new Matrix(3, 0, new Float64Array(0)), new Matrix(0, 2, new Float64Array(0)));
    expect(z.shape).toEqual([3, 2]);
    expect(Array.from(z.data)).toEqual([0, 0, 0, 0, 0, 0]);
    const e = await be.gram(new Matrix(0, 4, new Float64Array(0)));
    expect(e.shape).toEqual([0, 0]);
    const m = await be.map(new Matrix(0, 3, new Float64Array(0)), { name: 'id', fn: (x) => x, source: 'x' });
    expect(m.shape).toEqual([0, 3]);
  });

  it('gram(x) of a 257×31 matrix is exactly symmetric and matches the float64 product (float32 tolerance)', async () => {
    const x = randomMatrix(9, 257, 31);
    const g = await be.gram(x, undefined, 0.5);
    let worst = 0;
    for (let i = 0; i < 257; i++) {
      for (let j = 0; j < 257; j++) {
        let s = 0;
        for (let p = 0; p < 31; p++) s += x.get(i, p) * x.get(j, p);
        worst = Math.max(
          worst,
          Math.abs(g.get(i, j) - 0.5 * s) / (2e-5 + 2e-4 * Math.max(1, Math.abs(0.5 * s))),
        );
        expect(g.get(i, j)).toBe(g.get(j, i));
      }
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('map(x, op) runs generated kernels for long expression sources (erf-like, nested ?:) within float32 tolerance', async () => {
    const ops: UnaryOp[] = [
      {
        name: 'erf-ish',
        fn: (x) => (Math.abs(x) < 0.5 ? x * 2 : (x < 0 ? -1 : 1) * (1 - Math.exp(-x * x))),
        source: '(Math.abs(x) < 0.5 ? (x) * 2.0 : (x < 0.0 ? -1.0 : 1.0) * (1.0 - Math.exp(-(x) * (x))))',
      },
      { name: 'const', fn: () => 0.25, source: '0.25' },
      { name: 'softplus', fn: (x) => Math.log(1 + Math.exp(x)), source: 'Math.log(1.0 + Math.exp(x))' },
      { name: 'sci', fn: (x) => 1.5e-3 * x, source: '1.5e-3 * x' },
    ];
    const x = randomMatrix(4, 9, 13);
    for (const op of ops) {
      const y = await be.map(x, op);
      expect(scaledError(y.data, Float64Array.from(x.data, op.fn), tolerances.float32)).toBeLessThanOrEqual(
        1,
      );
    }
    expect(be.info.kernelFallbacks).toEqual([]);
  });

  it('map(x, op) rejects sources outside the expression grammar with ArgumentRangeError', async () => {
    const x = randomMatrix(5, 2, 2);
    const bad = [
      'y + 1',
      'x ** 2',
      'x; while(true){}',
      'a[0]',
      '(x + 1',
      'x + 1)',
      'Math.random()',
      '"x"',
      '',
      'globalThis.x',
    ];
    for (const source of bad) {
      await expect(be.map(x, { name: 'bad', fn: (v) => v, source })).rejects.toBeInstanceOf(
        ArgumentRangeError,
      );
    }
    await expect(be.map(x, { name: 'bad', fn: (v) => v, source: 'x ** 2' })).rejects.toThrow(
      /gpujs.map: invalid argument. `op.source` must be a JavaScript expression in `x`/,
    );
  });

  it('map(x, op) rejects something that is not a UnaryOp, and a non-Matrix x, with ArgumentTypeError', async () => {
    await expect(be.map(randomMatrix(1, 1, 1), { name: 'f' } as never)).rejects.toBeInstanceOf(
      ArgumentTypeError,
    );
    await expect(be.map([1, 2] as never, { name: 'id', fn: (v) => v, source: 'x' })).rejects.toBeInstanceOf(
      ArgumentTypeError,
    );
  });

  it('affine(x, α, β) and addRowVector(x, v, α) reject non-finite scales with ArgumentRangeError', async () => {
    const x = randomMatrix(6, 2, 3);
    await expect(be.affine(x, Number.NaN)).rejects.toBeInstanceOf(ArgumentRangeError);
    await expect(be.affine(x, 1, Number.POSITIVE_INFINITY)).rejects.toBeInstanceOf(ArgumentRangeError);
    await expect(be.affine(x, '1' as never)).rejects.toBeInstanceOf(ArgumentTypeError);
    await expect(be.addRowVector(x, [1, 2, 3], Number.NaN)).rejects.toBeInstanceOf(ArgumentRangeError);
    await expect(be.addRowVector(x, 5 as never)).rejects.toBeInstanceOf(ArgumentTypeError);
    await expect(be.gram(x, undefined, Number.NaN)).rejects.toBeInstanceOf(ArgumentRangeError);
    await expect(be.matmul(x, x, { transposeB: true, alpha: Number.NaN })).rejects.toBeInstanceOf(
      ArgumentRangeError,
    );
  });

  it('matmul, gram, affine and map report float32 overflow (finite in float64) as NumericalError', async () => {
    const big = new Matrix(1, 2, new Float64Array([1e20, 1e20]));
    await expect(be.matmul(big, big, { transposeB: true })).rejects.toBeInstanceOf(NumericalError);
    await expect(be.gram(big)).rejects.toThrow(
      /gpujs.gram: non-finite value Infinity at entry \(0, 0\).*overflows float32/,
    );
    await expect(be.affine(new Matrix(1, 1, new Float64Array([1e39])), 1)).rejects.toBeInstanceOf(
      NumericalError,
    );
    await expect(
      be.map(new Matrix(1, 1, new Float64Array([100])), { name: 'exp', fn: Math.exp, source: 'Math.exp(x)' }),
    ).rejects.toBeInstanceOf(NumericalError);
    await expect(be.zip(big, big, 'mul')).rejects.toBeInstanceOf(NumericalError);
    await expect(be.addRowVector(big, [1e38, 1e38], 1e10)).rejects.toBeInstanceOf(NumericalError);
  });

  it('non-finite values that the float64 reference shares (NaN input, x/0) pass through as in cpuBackend', async () => {
    const x = new Matrix(1, 3, new Float64Array([Number.NaN, 1, -1]));
    const zero = new Matrix(1, 3, new Float64Array([1, 0, 0]));
    const q = await be.zip(x, zero, 'div');
    expect(Number.isNaN(q.data[0])).toBe(true);
    expect(q.data[1]).toBe(Number.POSITIVE_INFINITY);
    expect(q.data[2]).toBe(Number.NEGATIVE_INFINITY);
  });

  it('reduce(x, op, axis) is computed in float64 on the host (exact to the reference)', async () => {
    // 1e-9 + 1 − 1 is 0 in float32 arithmetic but 1.00000008e-9 in float64: the reference's value is returned.
    const x = new Matrix(2, 3, new Float64Array([1e-9, 1, -1, 2, 3, 4]));
    for (const axis of ['all', 'rows', 'cols'] as const) {
      expect(await be.reduce(x, 'sum', axis)).toEqual(reduceReference(x, 'sum', axis));
    }
    expect((await be.reduce(x, 'sum', 'rows'))[0]).not.toBe(0);
  });

  it('matmul(a, b, options) agrees with float64 at sizes up to 40 for random shapes (fast-check seed 7)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        async (m, k, n, ta, tb, seed) => {
          const a = randomMatrix(seed, ta ? k : m, ta ? m : k);
          const b = randomMatrix(seed + 1, tb ? n : k, tb ? k : n);
          const c = await be.matmul(a, b, { transposeA: ta, transposeB: tb, alpha: -2 });
          const ref = new Float64Array(m * n);
          for (let i = 0; i < m; i++)
            for (let j = 0; j < n; j++) {
              let s = 0;
              for (let p = 0; p < k; p++)
                s += (ta ? a.get(p, i) : a.get(i, p)) * (tb ? b.get(j, p) : b.get(p, j));
              ref[i * n + j] = -2 * s;
            }
          expect(scaledError(c.data, ref, tolerances.float32)).toBeLessThanOrEqual(1);
        },
      ),
      { seed: 7, numRuns: 20 },
    );
  });

  it('webasm async (worker pool, ≥ 4096 output cells) gives bit-identical results to webasm sync', async () => {
    const threaded = await gpujsBackend({ mode: 'webasm', async: true, poolSize: 2, fallback: false });
    const a = randomMatrix(20, 80, 33);
    const b = randomMatrix(21, 33, 90);
    expect(Array.from((await threaded.matmul(a, b, { alpha: 0.3 })).data)).toEqual(
      Array.from((await be.matmul(a, b, { alpha: 0.3 })).data),
    );
    expect(Array.from((await threaded.gram(a)).data)).toEqual(Array.from((await be.gram(a)).data));
    threaded.dispose();
  });

  it('dispose() releases kernels; later calls reject with a clear error', async () => {
    const b2 = await gpujsBackend({ mode: 'webasm' });
    await b2.affine(randomMatrix(1, 2, 2), 1);
    b2.dispose();
    b2.dispose(); // idempotent
    await expect(b2.affine(randomMatrix(1, 2, 2), 1)).rejects.toThrow(
      /gpujs.affine: the backend was disposed/,
    );
    await expect(b2.matmul(randomMatrix(1, 2, 2), randomMatrix(1, 2, 2))).rejects.toThrow(/disposed/);
    expect(b2.kernelStats().cached).toBe(0);
  });
});
