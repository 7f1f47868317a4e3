/**
 * The native CPU compute backend for Node (ONNX Runtime; float32 and float64).
 *
 * @packageDocumentation
 * @module @ntk/backend-onnx
 */

export type { OrtBackend, OrtBackendStats } from '@ntk/ort-engine';
export { type OnnxBackendOptions, onnxBackend } from './onnx-backend.ts';
