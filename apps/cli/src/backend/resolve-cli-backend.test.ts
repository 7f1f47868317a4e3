import { Matrix } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { resolveCliBackend } from './resolve-cli-backend.ts';

describe('resolveCliBackend', () => {
  it('cpu is the float64 reference', async () => {
    const { backend, choice } = await resolveCliBackend('cpu');
    expect(backend.info.name).toBe('cpu');
    expect(backend.info.dtype).toBe('float64');
    expect(choice.name).toBe('cpu');
    backend.dispose();
  });

  it('gpujs runs gpu.js in the mode that works here and says which (WebAssembly without a GPU)', async () => {
    const { backend, choice } = await resolveCliBackend('gpujs');
    expect(backend.info.name).toBe('gpujs');
    expect(backend.info.dtype).toBe('float32');
    expect(choice.reason).toContain(`gpu.js ${backend.info.mode}`);
    if (backend.info.fallbackReason !== undefined)
      expect(choice.reason).toContain('no GPU mode could run here');
    const a = Matrix.fromRows([
      [1, 2],
      [3, 4],
    ]);
    const c = await backend.matmul(a, a);
    expect(Array.from(c.data)).toEqual([7, 10, 15, 22]);
    backend.dispose();
  });
});
