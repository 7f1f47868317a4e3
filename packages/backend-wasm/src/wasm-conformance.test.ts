import { backendConformance, tolerances } from '@ntk/testing';
import { wasmBackend } from './wasm-backend.ts';

// The shared backend conformance suite in Node (the same ONNX Runtime Web build that browsers run), both
// precisions, 2 worker threads; float64 at 1e-12, float32 at rtol 2e-4 + atol 2e-5. The browser run is
// test/browser.test.ts.
backendConformance(
  'wasm wasm-simd float32 (2 threads)',
  () => wasmBackend({ dtype: 'float32', threads: 2 }),
  {
    tolerance: tolerances.float32,
    expectedMode: 'wasm-simd',
    exactSymmetry: true,
  },
);

backendConformance(
  'wasm wasm-simd float64 (2 threads)',
  () => wasmBackend({ dtype: 'float64', threads: 2 }),
  {
    tolerance: tolerances.float64,
    expectedMode: 'wasm-simd',
    exactSymmetry: true,
  },
);
