// Smoke test run in an empty project with only the packed @ntk/dynamics (and its @ntk deps) installed.
import { Matrix } from '@ntk/core';
import { gradientDescentMse } from '@ntk/dynamics';

// Kernel regression at t = ∞ interpolates the training labels.
const k = Matrix.fromRows([
  [2, 0.5],
  [0.5, 1],
]);
const y = Matrix.fromRows([[1], [-1]]);
const p = gradientDescentMse(k, y).predict({ time: Number.POSITIVE_INFINITY });
if (Math.abs(p.train.get(0, 0) - 1) > 1e-12 || Math.abs(p.train.get(1, 0) + 1) > 1e-12) {
  throw new Error('dynamics smoke test failed');
}
console.log('ok @ntk/dynamics');
