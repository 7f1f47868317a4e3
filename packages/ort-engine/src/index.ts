/**
 * The `Backend` of `@ntk/core` on any ONNX Runtime JavaScript binding: the engine shared by
 * `@ntk/backend-onnx` (onnxruntime-node) and `@ntk/backend-wasm` (onnxruntime-web).
 *
 * @packageDocumentation
 * @module @ntk/ort-engine
 */

export { gemmModel } from './onnx-model.ts';
export { type OrtBackend, type OrtBackendOptions, type OrtBackendStats, ortBackend } from './ort-backend.ts';
export type { OrtModule, OrtSession, OrtSessionOptions, OrtTensor } from './ort-module.ts';
