// Smoke test run in an empty project with only the packed @ntk/empirical (and its @ntk deps) installed.
// Runs the Monte-Carlo moments on 2 worker threads, which loads the worker file shipped in dist/.
import { key, Matrix, normal } from '@ntk/core';
import { type EmpiricalNtk, empiricalMoments, empiricalNtk, initMlp } from '@ntk/empirical';

const x = new Matrix(3, 4, normal(key(1), 12));
const spec = { activation: 'relu', depth: 2, widths: 16, sigmaW2: 2, sigmaB2: 0.1 };
const net = initMlp(spec, key(0), 4);
const a: EmpiricalNtk = await empiricalNtk(net, x);
const b = await empiricalNtk(net, x, undefined, { method: 'jacobian' });
let err = 0;
for (let i = 0; i < a.ntk.data.length; i++) err = Math.max(err, Math.abs(a.ntk.data[i]! - b.ntk.data[i]!));
const single = await empiricalMoments({ spec, X1: x, key: key(2), samples: 6 });
const pooled = await empiricalMoments({ spec, X1: x, key: key(2), samples: 6 }, { workers: 2 });
if (err > 1e-10 || JSON.stringify(single.ntk.mean) !== JSON.stringify(pooled.ntk.mean)) {
  throw new Error(`empirical smoke test failed (structured vs jacobian ${err})`);
}
console.log('ok @ntk/empirical');
