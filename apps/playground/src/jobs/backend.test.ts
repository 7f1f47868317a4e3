import { describe, expect, it } from 'vitest';
import { makeBackend } from './backend.ts';

describe('makeBackend', () => {
  it("makeBackend('auto') passes over gpu.js without a GPU and the unbundled backends, landing on the CPU reference with reasons", async () => {
    const { backend, report } = await makeBackend('auto');
    try {
      expect(report.choice).toBe('auto');
      expect(report.name).toBe('cpu');
      expect(report.dtype).toBe('float64');
      expect(report.fallbackReason).toMatch(/^auto: /);
      const skipped = report.skipped ?? [];
      expect(skipped.some((s) => s.startsWith('onnx: '))).toBe(true);
      expect(skipped.some((s) => s.startsWith('wasm: ') && s.includes('not bundled'))).toBe(true);
      expect(skipped.some((s) => s.startsWith('gpujs: '))).toBe(true);
    } finally {
      backend.dispose();
    }
  });
  it("makeBackend('cpu') is the float64 reference", async () => {
    const { backend, report } = await makeBackend('cpu');
    expect(report.name).toBe('cpu');
    backend.dispose();
  });
});
