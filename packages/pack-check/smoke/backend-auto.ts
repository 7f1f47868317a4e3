// Smoke test run in an empty project with only the packed @ntk/backend-auto and @ntk/core installed: none of
// the optional backends is there, so 'auto' must end at the CPU reference and say why each was passed over.
import { BackendUnavailableError, selectBackend } from '@ntk/backend-auto';
import { Matrix } from '@ntk/core';

const { backend, choice } = await selectBackend('auto');
const g = await backend.gram(
  Matrix.fromRows([
    [1, 2],
    [3, 4],
  ]),
);
if (
  choice.name !== 'cpu' ||
  choice.tried.length !== 4 ||
  choice.tried.slice(0, 3).some((t) => t.available) ||
  g.get(0, 1) !== 11
) {
  throw new Error(`backend-auto smoke test failed: ${JSON.stringify(choice)}`);
}
let threw = false;
try {
  await selectBackend('onnx');
} catch (e) {
  threw = e instanceof BackendUnavailableError;
}
if (!threw) throw new Error('backend-auto smoke test: onnx should be unavailable here');
console.log('ok @ntk/backend-auto');
