import { backendConformance, tolerances } from '@ntk/testing';
import { onnxBackend } from './onnx-backend.ts';

// The shared backend conformance suite (float64 naive references, fast-check seed printed in the suite name)
// in both precisions, at the tolerance of each: float64 1e-12 relative, float32 2e-4 relative + 2e-5 absolute.
backendConformance('onnx native-cpu float64', () => onnxBackend({ dtype: 'float64', threads: 2 }), {
  tolerance: tolerances.float64,
  expectedMode: 'native-cpu',
  exactSymmetry: true,
});

backendConformance('onnx native-cpu float32', () => onnxBackend({ dtype: 'float32', threads: 2 }), {
  tolerance: tolerances.float32,
  expectedMode: 'native-cpu',
  exactSymmetry: true,
});

// Gram blocks: a small split size exercises the recursive symmetric path on the suite's 70×33 Gram matrix.
backendConformance(
  'onnx native-cpu float64, Gram split at 8 rows',
  () => onnxBackend({ dtype: 'float64', threads: 1, gramSplitRows: 8 }),
  { tolerance: tolerances.float64, expectedMode: 'native-cpu', exactSymmetry: true, numRuns: 10 },
);
