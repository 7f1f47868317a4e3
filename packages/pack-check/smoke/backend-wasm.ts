// Smoke test run in an empty project with only the packed @ntk/backend-wasm (and @ntk/core, @ntk/ort-engine)
// installed: onnxruntime-web loads its .wasm from node_modules in Node.
import { wasmBackend } from '@ntk/backend-wasm';
import { Matrix } from '@ntk/core';

const be = await wasmBackend({ dtype: 'float32', threads: 1 });
const g = await be.gram(
  Matrix.fromRows([
    [1, 2],
    [3, 4],
  ]),
);
if (
  be.info.mode !== 'wasm-simd' ||
  g.get(0, 1) !== 11 ||
  g.get(1, 1) !== 25 ||
  !(g.data instanceof Float32Array)
) {
  throw new Error(`wasm smoke test failed (mode ${be.info.mode})`);
}
be.dispose();
console.log('ok @ntk/backend-wasm');
