import { ArgumentRangeError, ArgumentTypeError, Matrix } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { wasmBackend } from './wasm-backend.ts';

describe('wasmBackend', () => {
  it('wasmBackend rejects bad options naming the option', async () => {
    await expect(wasmBackend({ dtype: 'int8' as never })).rejects.toBeInstanceOf(ArgumentRangeError);
    await expect(wasmBackend({ threads: 65 })).rejects.toThrow(/options\.threads/);
    await expect(wasmBackend({ threads: 'all' as never })).rejects.toBeInstanceOf(ArgumentTypeError);
    await expect(wasmBackend({ wasmPaths: 3 as never })).rejects.toThrow(/options\.wasmPaths/);
    await expect(wasmBackend({ simd: true } as never)).rejects.toThrow(/options\.simd/);
  });

  it('the first backend fixes the thread count; a later different request says so in fallbackReason', async () => {
    const a = await wasmBackend({ threads: 2 });
    expect(a.info).toMatchObject({ name: 'wasm', dtype: 'float32', mode: 'wasm-simd', threads: 2 });
    expect(a.info.fallbackReason).toBeUndefined();
    const b = await wasmBackend({ threads: 1, dtype: 'float64' });
    expect(b.info.threads).toBe(2);
    expect(b.info.fallbackReason).toMatch(
      /1 threads requested, 2 run: the WebAssembly runtime was initialised/,
    );
    expect((await b.gram(Matrix.fromRows([[1, 2]]))).get(0, 0)).toBe(5);
    a.dispose();
    b.dispose();
  });
});
