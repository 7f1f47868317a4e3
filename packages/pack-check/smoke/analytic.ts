// Smoke test run in an empty project with only the packed @ntk/analytic (and its @ntk deps) installed.
import { mlpKernels, phaseAnalysis } from '@ntk/analytic';

// ReLU, σ_w² = 2, σ_b² = 0: Θ(x, x) = (L + 1)·2‖x‖²/d exactly.
const { ntk } = mlpKernels({ activation: 'relu', depth: 3, sigmaW2: 2 }, [[1, 1]]);
const tanh = mlpKernels({ activation: 'x/(1+exp(-x))', depth: 2, sigmaW2: 1.5 }, [
  [1, 0],
  [0.5, 0.5],
]);
const phase = phaseAnalysis('relu', { sigmaW2: 1.5, sigmaB2: 0.1 });
if (Math.abs(ntk.get(0, 0) - 8) > 1e-12 || !(tanh.ntk.get(0, 1) > 0) || phase.phase !== 'ordered') {
  throw new Error('analytic smoke test failed');
}
console.log('ok @ntk/analytic');
