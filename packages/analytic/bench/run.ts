// Benchmarks of @ntk/analytic (prints figures, asserts nothing).
// Run: cd packages/analytic && pnpm bench [--quick]
// Time per kernel entry per layer of mlpKernels(spec, X) (symmetric N×N NNGP + NTK, d = 64) for ReLU (closed form)
// and tanh (quadrature path; on the sphere, where the θ-table applies, and off it on a small N).
// Compare with `python3 ../../../shared/peer-bench/peer_bench.py analytic --N 1000 --L 10` (same computation,
// vectorised NumPy, all N² entries) run in the same session.
import { gaussianCloud, key, sphere } from '@ntk/core';
import { mlpKernels } from '../src/index.ts';

const quick = process.argv.includes('--quick');
const rows: Array<Record<string, string | number>> = [];
function time(label: string, act: string, N: number, L: number, onSphere: boolean): void {
  const d = 64;
  const x = onSphere ? sphere(key(0), N, d) : gaussianCloud(key(0), N, d);
  const spec = { activation: act, depth: L, sigmaW2: act === 'relu' ? 2 : 1.5, sigmaB2: 0.1 };
  mlpKernels(spec, x.rowRange(0, Math.min(N, 50))); // warm-up
  const t0 = performance.now();
  mlpKernels(spec, x);
  const s = (performance.now() - t0) / 1000;
  const entries = N * N; // as NumPy computes them (we compute the upper half and mirror)
  rows.push({
    case: label,
    activation: act,
    N,
    L,
    seconds: +s.toFixed(3),
    'ns per entry per layer': +((s / entries / (L + 1)) * 1e9).toFixed(2),
  });
  console.log(JSON.stringify(rows.at(-1)));
}
const sizes: Array<[number, number]> = quick
  ? [[1000, 10]]
  : [
      [1000, 10],
      [1000, 100],
      [4000, 10],
      [4000, 100],
    ];
for (const [N, L] of sizes) time('relu closed form (Gaussian inputs)', 'relu', N, L, false);
for (const [N, L] of quick
  ? [[1000, 10] as [number, number]]
  : ([
      [1000, 10],
      [1000, 100],
      [4000, 10],
    ] as Array<[number, number]>))
  time('tanh quadrature + θ-table (sphere)', 'tanh', N, L, true);
time('tanh quadrature per entry (Gaussian inputs)', 'tanh', quick ? 20 : 50, 10, false);
console.log(`\nnode ${process.version}; columns: N inputs, L hidden layers, seconds for NNGP + NTK\n`);
console.log('| case | N | L | seconds | ns per entry per layer |\n|---|---:|---:|---:|---:|');
for (const r of rows)
  console.log(`| ${r.case} | ${r.N} | ${r.L} | ${r.seconds} | ${r['ns per entry per layer']} |`);
