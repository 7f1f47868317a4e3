/**
 * The WebAssembly compute backend for browsers and Node (ONNX Runtime Web; SIMD, worker threads).
 *
 * @packageDocumentation
 * @module @ntk/backend-wasm
 */

export type { OrtBackend, OrtBackendStats } from '@ntk/ort-engine';
export { type WasmBackendOptions, type WasmPaths, wasmBackend } from './wasm-backend.ts';
