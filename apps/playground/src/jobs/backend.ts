import { type Backend, cpuBackend } from '@ntk/core';
import type { BackendChoice } from '../state.ts';

/** What the page shows about the backend in use: what was asked and what actually runs. */
export interface BackendReport {
  readonly choice: BackendChoice;
  readonly name: string;
  readonly dtype: string;
  /** The mode that runs (read back from gpu.js after a probe kernel), `reference` for the CPU backend. */
  readonly mode: string;
  readonly fallbackReason?: string;
  readonly skipped?: readonly string[];
}

/** A backend and its report. */
export interface BackendHandle {
  readonly backend: Backend;
  readonly report: BackendReport;
}

/**
 * Creates the backend a control names. gpu.js is imported only when asked for, so the CPU path never loads it;
 * a gpu.js mode that cannot run falls back (webasm, then cpu) and the report says why.
 */
export async function makeBackend(choice: BackendChoice): Promise<BackendHandle> {
  if (choice === 'auto') {
    // The browser build bundles gpu.js only: the native backend is Node-only and the WebAssembly one's runtime
    // files are not part of this offline app, so `auto` is gpu.js on a real GPU, else the CPU reference.
    const { selectBackend } = await import('@ntk/backend-auto');
    const { backend, choice: picked } = await selectBackend('auto', {
      loaders: {
        onnx: () => Promise.reject(new Error('the native backend runs only in Node')),
        wasm: () => Promise.reject(new Error('not bundled in the playground')),
        gpujs: () => import('@ntk/backend-gpujs'),
      },
    });
    const info = backend.info;
    return {
      backend,
      report: {
        choice,
        name: info.name,
        dtype: info.dtype,
        mode: info.mode,
        fallbackReason: `auto: ${picked.reason}`,
        skipped: picked.tried.filter((t) => !t.available).map((t) => `${t.name}: ${t.reason}`),
      },
    };
  }
  if (choice === 'cpu') {
    const backend = cpuBackend();
    return {
      backend,
      report: { choice, name: backend.info.name, dtype: backend.info.dtype, mode: backend.info.mode },
    };
  }
  const { gpujsBackend } = await import('@ntk/backend-gpujs');
  const mode = choice.slice('gpujs-'.length) as 'auto' | 'webgpu' | 'webgl2' | 'webgl' | 'webasm' | 'cpu';
  const backend = await gpujsBackend({ mode });
  const info = backend.info;
  return {
    backend,
    report: {
      choice,
      name: info.name,
      dtype: info.dtype,
      mode: info.mode,
      ...(info.fallbackReason === undefined ? {} : { fallbackReason: info.fallbackReason }),
      skipped: info.skipped,
    },
  };
}
