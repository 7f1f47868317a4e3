import { ArgumentRangeError, ArgumentTypeError, Matrix, NumericalError } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { onnxBackend } from './onnx-backend.ts';

describe('onnxBackend', () => {
  it('onnxBackend() defaults to float64 on every logical CPU and reports what runs', async () => {
    const be = await onnxBackend();
    expect(be.info).toMatchObject({ name: 'onnx', dtype: 'float64', mode: 'native-cpu' });
    expect(be.info.threads).toBeGreaterThanOrEqual(1);
    expect(be.stats()).toEqual({ sessions: 0, runs: 0 });
    be.dispose();
  });

  it('onnxBackend rejects bad options naming the option', async () => {
    await expect(onnxBackend({ dtype: 'float16' as never })).rejects.toBeInstanceOf(ArgumentRangeError);
    await expect(onnxBackend({ threads: 0 })).rejects.toThrow(/options\.threads/);
    await expect(onnxBackend({ threads: 1.5 })).rejects.toBeInstanceOf(ArgumentRangeError);
    await expect(onnxBackend({ threads: '2' as never })).rejects.toBeInstanceOf(ArgumentTypeError);
    await expect(onnxBackend({ spin: 1 as never })).rejects.toBeInstanceOf(ArgumentTypeError);
    await expect(onnxBackend({ gramSplitRows: 1 })).rejects.toThrow(/gramSplitRows/);
    await expect(onnxBackend({ device: 'cuda' } as never)).rejects.toThrow(/options\.device/);
    await expect(onnxBackend(null as never)).rejects.toBeInstanceOf(ArgumentTypeError);
  });

  it('float32 overflow raises NumericalError naming the entry; float64 keeps the finite value', async () => {
    const big = Matrix.fromRows([[1e20, 1e20]]);
    const f32 = await onnxBackend({ dtype: 'float32', threads: 1 });
    await expect(f32.gram(big)).rejects.toBeInstanceOf(NumericalError);
    await expect(f32.matmul(big, big, { transposeB: true })).rejects.toThrow(
      /entry \(0, 0\).*overflows float32/,
    );
    await expect(
      f32.map(Matrix.fromRows([[100]]), { name: 'exp', fn: Math.exp, source: 'Math.exp(x)' }),
    ).rejects.toThrow(NumericalError);
    f32.dispose();
    const f64 = await onnxBackend({ dtype: 'float64', threads: 1 });
    expect((await f64.gram(big)).get(0, 0)).toBe(2e40);
    f64.dispose();
  });

  it('empty and zero-inner-dimension products, sessions cached per variant', async () => {
    const be = await onnxBackend({ dtype: 'float64', threads: 1 });
    expect((await be.matmul(new Matrix(0, 3, new Float64Array(0)), Matrix.zeros(3, 2))).shape).toEqual([
      0, 2,
    ]);
    expect(Array.from((await be.matmul(Matrix.zeros(2, 0), Matrix.zeros(0, 2))).data)).toEqual([0, 0, 0, 0]);
    const x = Matrix.fromRows([[1, 2]]);
    for (let i = 0; i < 3; i++) await be.matmul(x, x, { transposeB: true, alpha: i + 2 });
    expect(be.stats()).toEqual({ sessions: 1, runs: 3 });
    be.dispose();
  });

  it('a disposed backend refuses work', async () => {
    const be = await onnxBackend({ threads: 1 });
    be.dispose();
    be.dispose();
    await expect(be.gram(Matrix.fromRows([[1]]))).rejects.toThrow(/disposed/);
  });
});
