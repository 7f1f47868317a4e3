import { ArgumentRangeError, Matrix } from '@ntk/core';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { type OrtModule, ortBackend } from './index.ts';
import { gemmModel } from './onnx-model.ts';

const runtime = ort as unknown as OrtModule;

describe('gemmModel', () => {
  it('gemmModel(dtype, transA, transB, scaled) loads into ONNX Runtime and computes α·op(A)·op(B) for any shape', async () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const make = (length: number, f: (i: number) => number): Float32Array | Float64Array =>
        dtype === 'float32'
          ? Float32Array.from({ length }, (_, i) => f(i))
          : Float64Array.from({ length }, (_, i) => f(i));
      for (const [ta, tb] of [
        [false, false],
        [true, false],
        [false, true],
        [true, true],
      ] as const) {
        const s = await ort.InferenceSession.create(gemmModel(dtype, ta, tb, true));
        for (const [m, k, n] of [
          [1, 1, 1],
          [2, 3, 4],
          [5, 1, 2],
        ] as const) {
          const a = make(m * k, (i) => i + 1);
          const b = make(k * n, (i) => (i % 3) - 1);
          const out = await s.run({
            a: new ort.Tensor(dtype, a, ta ? [k, m] : [m, k]),
            b: new ort.Tensor(dtype, b, tb ? [n, k] : [k, n]),
            alpha: new ort.Tensor(
              dtype,
              make(1, () => 0.5),
              [1],
            ),
          });
          const c = out['c']!;
          expect(c.dims).toEqual([m, n]);
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) {
              let want = 0;
              for (let p = 0; p < k; p++)
                want += (a[ta ? p * m + i : i * k + p] as number) * (b[tb ? j * k + p : p * n + j] as number);
              expect((c.data as Float64Array)[i * n + j]).toBe(0.5 * want);
            }
          }
        }
        await s.release();
      }
    }
  });
});

describe('ortBackend', () => {
  it('ortBackend reports the given name, mode, precision and threads, and counts sessions and runs', async () => {
    const be = ortBackend(runtime, {
      name: 'x',
      mode: 'm',
      dtype: 'float64',
      threads: 1,
      info: { fallbackReason: 'why' },
    });
    expect(be.info).toEqual({ name: 'x', mode: 'm', dtype: 'float64', threads: 1, fallbackReason: 'why' });
    const g = await be.gram(
      Matrix.fromRows([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(Array.from(g.data)).toEqual([5, 11, 11, 25]);
    expect(be.stats()).toEqual({ sessions: 1, runs: 1 });
    be.dispose();
  });

  it('ortBackend rejects a bad precision or Gram split size', () => {
    expect(() => ortBackend(runtime, { name: 'x', mode: 'm', dtype: 'int8' as never, threads: 1 })).toThrow(
      ArgumentRangeError,
    );
    expect(() =>
      ortBackend(runtime, { name: 'x', mode: 'm', dtype: 'float32', threads: 1, gramSplitRows: 1 }),
    ).toThrow(/gramSplitRows/);
  });

  it('a runtime failure names the op and the shapes', async () => {
    const failing: OrtModule = {
      Tensor: runtime.Tensor,
      InferenceSession: {
        create: async () => ({
          run: async () => {
            throw new Error('out of memory');
          },
          release: async () => {},
        }),
      },
    };
    const be = ortBackend(failing, { name: 'x', mode: 'm', dtype: 'float64', threads: 1 });
    await expect(be.matmul(Matrix.zeros(2, 3), Matrix.zeros(3, 4))).rejects.toThrow(
      /x\.matmul: ONNX Runtime failed on a 2×3·3×4 product: out of memory/,
    );
  });
});
