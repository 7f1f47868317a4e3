/**
 * The gpu.js compute backend (float32).
 *
 * @packageDocumentation
 * @module @ntk/backend-gpujs
 */
export {
  type GpujsBackend,
  type GpujsBackendInfo,
  type GpujsBackendOptions,
  gpujsBackend,
  type KernelStats,
} from './gpujs-backend.ts';
export { ModeUnavailableError } from './mode-unavailable-error.ts';
export type { GpujsConcreteMode, GpujsMode } from './select-mode.ts';
