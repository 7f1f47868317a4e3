// Smoke test run in an empty project with only the packed @ntk/backend-gpujs and @ntk/core installed.
import { gpujsBackend } from '@ntk/backend-gpujs';
import { Matrix } from '@ntk/core';

const be = await gpujsBackend({ mode: 'webasm' });
const g = await be.gram(
  Matrix.fromRows([
    [1, 2],
    [3, 4],
  ]),
);
if (be.info.mode !== 'webasm' || g.get(0, 1) !== 11 || g.get(1, 1) !== 25) {
  throw new Error(`gpujs smoke test failed (mode ${be.info.mode})`);
}
be.dispose();
console.log('ok @ntk/backend-gpujs');
