import { Matrix } from '@ntk/core';
import { afterAll, expect, it } from 'vitest';

// A page that is not cross-origin isolated has no SharedArrayBuffer threads: simulated by setting
// globalThis.crossOriginIsolated = false before the runtime is first initialised (this file runs in its own
// module registry, so the wasm runtime is initialised here).
const g = globalThis as { crossOriginIsolated?: boolean };
const before = g.crossOriginIsolated;
g.crossOriginIsolated = false;
afterAll(() => {
  if (before === undefined) delete g.crossOriginIsolated;
  else g.crossOriginIsolated = before;
});

it('wasmBackend on a page without cross-origin isolation runs one thread and says why', async () => {
  const { wasmBackend } = await import('./wasm-backend.ts');
  const be = await wasmBackend({ threads: 4 });
  expect(be.info.threads).toBe(1);
  expect(be.info.fallbackReason).toMatch(
    /4 threads requested, 1 runs: the page is not cross-origin isolated/,
  );
  expect((await be.matmul(Matrix.fromRows([[1, 2]]), Matrix.fromRows([[3], [4]]))).get(0, 0)).toBe(11);
  be.dispose();
});
