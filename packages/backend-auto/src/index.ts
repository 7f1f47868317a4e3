/**
 * Automatic backend choice: the fastest compute backend available here, with the reason.
 *
 * @packageDocumentation
 * @module @ntk/backend-auto
 */
export { BackendUnavailableError } from './backend-unavailable-error.ts';
export {
  type BackendChoice,
  type BackendLoaders,
  type BackendName,
  type BackendRequest,
  type BackendSelection,
  type BackendTrial,
  type GpujsModuleLike,
  type OnnxModuleLike,
  type SelectBackendOptions,
  selectBackend,
  type WasmModuleLike,
} from './select-backend.ts';
