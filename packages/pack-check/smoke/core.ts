// Smoke test run in an empty project with only the packed @ntk/core installed.
import { cpuBackend, key, type Matrix, type MlpSpec, resolveMlpSpec, sphere } from '@ntk/core';

const spec: MlpSpec = { activation: 'relu', depth: 2, sigmaW2: 2 };
const resolved = resolveMlpSpec(spec);
const x: Matrix = sphere(key(0), 4, 3);
const g = await cpuBackend().gram(x);
if (resolved.sigmaW2.length !== 3 || g.rows !== 4 || Math.abs(g.get(0, 0) - 3) > 1e-12) {
  throw new Error('core smoke test failed');
}
console.log('ok @ntk/core');
