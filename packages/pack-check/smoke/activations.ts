// Smoke test run in an empty project with only the packed @ntk/activations (and @ntk/core) installed.
import { type Activation, resolveActivation } from '@ntk/activations';

const act: Activation = resolveActivation('x/(1+exp(-x))');
const swish = resolveActivation('swish');
const h = 1e-6;
const fd = (act.phi.fn(0.7 + h) - act.phi.fn(0.7 - h)) / (2 * h);
if (Math.abs(act.phi.fn(0.7) - swish.phi.fn(0.7)) > 1e-14 || Math.abs(act.dphi.fn(0.7) - fd) > 1e-8) {
  throw new Error('activations smoke test failed');
}
let rejected = false;
try {
  resolveActivation('x.constructor');
} catch {
  rejected = true;
}
if (!rejected) throw new Error('activations smoke test: injection not rejected');
console.log('ok @ntk/activations');
