import { type BackendChoice, BackendUnavailableError, selectBackend } from '@ntk/backend-auto';
import { gpujsBackend } from '@ntk/backend-gpujs';
import type { Backend } from '@ntk/core';
import { UsageError } from '../errors/usage-error.ts';

/** The values of `--backend`. */
export const BACKEND_NAMES: readonly ['cpu', 'gpujs', 'onnx', 'wasm', 'auto'] = [
  'cpu',
  'gpujs',
  'onnx',
  'wasm',
  'auto',
];

/** A `--backend` value. */
export type CliBackendName = (typeof BACKEND_NAMES)[number];

/**
 * The backend a command runs on, from `--backend` (default `cpu`, the float64 reference of `@ntk/core`, which
 * every result of the registry's tolerances assumes): `gpujs` (gpu.js, float32: on a GPU where there is one,
 * else its own fallback — WebAssembly in Node — and the choice says which mode ran and why), `onnx` or `wasm` when those optional packages are installed, or
 * `auto` (the fastest available, see `selectBackend`). A backend that cannot run here is a {@link UsageError}
 * with the reason (exit code 2).
 *
 * @param name - The flag's value.
 * @returns The backend (dispose it when done) and why it was chosen.
 * @throws {UsageError} When the named backend is unavailable.
 * @example
 * ```ts
 * const { backend, choice } = await resolveCliBackend('cpu');
 * ```
 */
export async function resolveCliBackend(
  name: CliBackendName,
): Promise<{ readonly backend: Backend; readonly choice: BackendChoice }> {
  try {
    if (name === 'gpujs') {
      const backend = await gpujsBackend({ mode: 'gpu', fallback: true });
      const { mode, fallbackReason } = backend.info;
      const reason =
        fallbackReason === undefined
          ? `gpu.js ${mode} (float32)`
          : `gpu.js ${mode} (float32): no GPU mode could run here (${fallbackReason})`;
      return {
        backend,
        choice: { name: 'gpujs', reason, tried: [{ name: 'gpujs', available: true, reason }] },
      };
    }
    return await selectBackend(name);
  } catch (error) {
    if (error instanceof BackendUnavailableError) throw new UsageError(`--backend ${name}: ${error.message}`);
    throw error;
  }
}
