// Smoke test run in an empty project with only the packed @ntk/backend-onnx (and @ntk/core, @ntk/ort-engine)
// installed, onnxruntime-node from the registry with its install script skipped (the CPU build ships inside).
import { onnxBackend } from '@ntk/backend-onnx';
import { Matrix } from '@ntk/core';

for (const dtype of ['float64', 'float32'] as const) {
  const be = await onnxBackend({ dtype, threads: 1 });
  const x = Matrix.fromRows([
    [1, 2],
    [3, 4],
  ]);
  const g = await be.gram(x);
  const c = await be.matmul(x, x, { transposeA: true, alpha: 2 });
  if (be.info.mode !== 'native-cpu' || g.get(0, 1) !== 11 || g.get(1, 1) !== 25 || c.get(0, 0) !== 20) {
    throw new Error(`onnx smoke test failed (${dtype}, mode ${be.info.mode})`);
  }
  be.dispose();
}
console.log('ok @ntk/backend-onnx');
