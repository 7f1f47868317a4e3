import { type Backend, cpuBackend, Matrix } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { BackendUnavailableError } from './backend-unavailable-error.ts';
import { type BackendLoaders, selectBackend } from './select-backend.ts';

// Absence is simulated with injected loaders that reject as a missing package does; presence uses the real
// workspace packages. A fake gpu.js module reports the mode a real GPU would give (webgl2) or the webasm mode
// that gpu.js falls back to without one.
const missing = (pkg: string) => async (): Promise<never> => {
  throw new Error(`Cannot find package '${pkg}'`);
};
const NO_ONNX: BackendLoaders = { onnx: missing('@ntk/backend-onnx') };
const NO_WASM: BackendLoaders = { wasm: missing('@ntk/backend-wasm') };
const NO_GPUJS: BackendLoaders = { gpujs: missing('@ntk/backend-gpujs') };

function fakeGpujs(mode: string): BackendLoaders {
  return {
    gpujs: async () => ({
      gpujsBackend: async () =>
        ({ ...cpuBackend(), info: { name: 'gpujs', dtype: 'float32', mode } }) as Backend,
    }),
  };
}

async function product(be: Backend): Promise<number[]> {
  const x = Matrix.fromRows([
    [1, 2],
    [3, 4],
  ]);
  return Array.from((await be.gram(x)).data);
}

describe('selectBackend', () => {
  it("selectBackend('auto') picks the native onnx backend in Node when it is installed, and says why", async () => {
    const { backend, choice } = await selectBackend('auto', { threads: 1 });
    expect(backend.info.name).toBe('onnx');
    expect(backend.info.mode).toBe('native-cpu');
    expect(choice.name).toBe('onnx');
    expect(choice.reason).toMatch(/^fastest available: onnx native-cpu float64, 1 thread$/);
    expect(choice.tried).toEqual([{ name: 'onnx', available: true, reason: expect.stringMatching(/^runs/) }]);
    expect(await product(backend)).toEqual([5, 11, 11, 25]);
    backend.dispose();
  });

  it('auto falls back to wasm when onnx is absent and gpu.js finds no GPU', async () => {
    const { backend, choice } = await selectBackend('auto', {
      threads: 1,
      loaders: { ...NO_ONNX, ...fakeGpujs('webasm') },
    });
    expect(backend.info.name).toBe('wasm');
    expect(choice.tried.map((t) => [t.name, t.available])).toEqual([
      ['onnx', false],
      ['gpujs', false],
      ['wasm', true],
    ]);
    expect(choice.tried[0]?.reason).toMatch(/not installed.*npm install @ntk\/backend-onnx/);
    expect(choice.tried[1]?.reason).toMatch(/no GPU answered \(gpu.js ran 'webasm'/);
    expect(choice.reason).toMatch(/onnx, gpujs not usable here/);
    expect(await product(backend)).toEqual([5, 11, 11, 25]);
    backend.dispose();
  });

  it('with the real gpu.js package and no GPU (this machine), auto passes gpu.js over and takes wasm', async () => {
    const { backend, choice } = await selectBackend('auto', { threads: 1, loaders: NO_ONNX });
    expect(choice.tried[1]).toMatchObject({ name: 'gpujs', available: false });
    expect(choice.tried[1]?.reason).toMatch(/cannot run here|no GPU answered/);
    expect(choice.name).toBe('wasm');
    backend.dispose();
  });

  it('auto picks gpu.js over wasm when a real GPU answers (webgl2), but never over onnx', async () => {
    const gpu = await selectBackend('auto', { loaders: { ...NO_ONNX, ...fakeGpujs('webgl2') } });
    expect(gpu.choice.name).toBe('gpujs');
    expect(gpu.choice.reason).toMatch(/gpujs webgl2 float32/);
    const native = await selectBackend('auto', { threads: 1, loaders: fakeGpujs('webgl2') });
    expect(native.choice.name).toBe('onnx');
    native.backend.dispose();
  });

  it('auto passes gpu.js over when WebGL runs on a software rasteriser (SwiftShader), not on a GPU', async () => {
    const loaders = { ...NO_ONNX, ...fakeGpujs('webgl2') };
    const soft = await selectBackend('auto', {
      threads: 1,
      loaders,
      gpuRenderer: async () =>
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)',
    });
    expect(soft.choice.name).toBe('wasm');
    expect(soft.choice.tried[1]?.reason).toMatch(
      /software rasteriser 'ANGLE \(Google, Vulkan 1.3.0 \(SwiftShader/,
    );
    soft.backend.dispose();
    const real = await selectBackend('auto', {
      loaders,
      gpuRenderer: async () => 'ANGLE (NVIDIA GeForce RTX 4090)',
    });
    expect(real.choice.name).toBe('gpujs');
  });

  it('auto passes gpu.js over for float64 and the CPU reference for float32', async () => {
    const f64 = await selectBackend('auto', {
      dtype: 'float64',
      loaders: { ...NO_ONNX, ...NO_WASM, ...fakeGpujs('webgl2') },
    });
    expect(f64.choice.name).toBe('cpu');
    expect(f64.choice.tried[1]).toEqual({
      name: 'gpujs',
      available: false,
      reason: 'gpu.js computes in float32 only',
    });
    await expect(
      selectBackend('auto', { dtype: 'float32', loaders: { ...NO_ONNX, ...NO_WASM, ...NO_GPUJS } }),
    ).rejects.toThrow(/cpu: the CPU reference computes in float64 only/);
  });

  it('auto ends at the CPU reference when no optional package is installed', async () => {
    const { backend, choice } = await selectBackend('auto', {
      loaders: { ...NO_ONNX, ...NO_WASM, ...NO_GPUJS },
    });
    expect(backend.info).toMatchObject({ name: 'cpu', mode: 'reference', dtype: 'float64' });
    expect(choice.tried.map((t) => t.available)).toEqual([false, false, false, true]);
    expect(await product(backend)).toEqual([5, 11, 11, 25]);
  });

  it('auto respects a given order and precision', async () => {
    const { backend, choice } = await selectBackend('auto', {
      order: ['wasm', 'cpu'],
      dtype: 'float64',
      threads: 1,
    });
    expect(choice.name).toBe('wasm');
    expect(backend.info.dtype).toBe('float64');
    backend.dispose();
  });

  it("a name overrides auto: selectBackend('cpu'), ('wasm', { dtype })", async () => {
    const cpu = await selectBackend('cpu');
    expect(cpu.backend.info.name).toBe('cpu');
    expect(cpu.choice.reason).toMatch(/^requested explicitly/);
    const wasm = await selectBackend('wasm', { dtype: 'float32', threads: 1 });
    expect(wasm.backend.info).toMatchObject({ name: 'wasm', dtype: 'float32' });
    wasm.backend.dispose();
  });

  it('a named backend that cannot run throws BackendUnavailableError with the reason', async () => {
    await expect(selectBackend('onnx', { loaders: NO_ONNX })).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(selectBackend('onnx', { loaders: NO_ONNX })).rejects.toThrow(
      /the backend 'onnx' is not available: not installed.*npm install @ntk\/backend-onnx/,
    );
    await expect(selectBackend('gpujs', { loaders: fakeGpujs('cpu') })).rejects.toThrow(/no GPU answered/);
  });

  it('a Backend instance is used as it is', async () => {
    const be = cpuBackend();
    const { backend, choice } = await selectBackend(be);
    expect(backend).toBe(be);
    expect(choice).toEqual({
      name: 'cpu',
      reason: 'given by the caller (cpu reference float64, 1 thread)',
      tried: [],
    });
  });

  it('rejects unknown names, precisions and order entries', async () => {
    await expect(selectBackend('tpu' as never)).rejects.toBeInstanceOf(RangeError);
    await expect(selectBackend('auto', { dtype: 'float16' as never })).rejects.toBeInstanceOf(RangeError);
    await expect(selectBackend('auto', { order: ['cuda' as never] })).rejects.toBeInstanceOf(RangeError);
    await expect(selectBackend({} as never)).rejects.toBeInstanceOf(TypeError);
  });
});
