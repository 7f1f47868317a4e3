// Core benchmarks: `cd packages/core && pnpm bench [--quick] [--no-ml-matrix]`.
// Prints figures, asserts nothing. --quick skips N = 2000; --no-ml-matrix skips the ml-matrix comparison.
import { loadavg } from 'node:os';
import { CholeskyDecomposition, EVD, Matrix as MlMatrix } from 'ml-matrix';
import { cholesky, cpuBackend, eigh, eigvalsh } from '../src/index.ts';
import { gaussianMatrix, randomSymmetric, wellConditionedSpd } from './matrices.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const withMl = !args.has('--no-ml-matrix');

/** Process CPU time (user + system) in seconds. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** CPU seconds of the fastest run, recorded by {@link time} beside the wall time it returns. */
let lastCpu = 0;

/**
 * Best (minimum) wall time in seconds over `reps` runs, after `warmup` untimed runs; the CPU time of the
 * fastest run goes to `lastCpu`. On a busy machine CPU time is the steadier figure (it excludes time spent
 * waiting for a core, not time lost to a shared cache).
 */
async function time(fn: () => unknown, reps: number, warmup = 0): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < reps; i++) {
    const c0 = cpuSeconds();
    const t0 = performance.now();
    await fn();
    const t = (performance.now() - t0) / 1000;
    if (t < best) {
      best = t;
      lastCpu = cpuSeconds() - c0;
    }
  }
  return best;
}

const rows: string[][] = [];
function row(...cells: (string | number)[]): void {
  const r = cells.map(String);
  rows.push(r);
  console.log(r.join('\t'));
}

console.log(`# @ntk/core benchmarks: node ${process.version}, ${new Date().toISOString()}`);
console.log('# GFLOP/s conventions: matmul 2n³; gram n²(n+1) (the lower half of X·Xᵀ, what is computed);');
console.log('# cholesky n³/3; times are the best of the stated repetitions; GFLOP/s from wall time.');
console.log(
  `# load average at start: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
row('operation', 'n', 'seconds', 'cpu seconds', 'GFLOP/s', 'reps');

const be = cpuBackend();
for (const n of [256, 512, 1024]) {
  const a = gaussianMatrix(1, n, n);
  const b = gaussianMatrix(2, n, n);
  const reps = n === 1024 ? 2 : 3;
  const tm = await time(() => be.matmul(a, b), reps, 1);
  row('cpu.matmul', n, tm.toFixed(4), lastCpu.toFixed(4), ((2 * n ** 3) / tm / 1e9).toFixed(2), reps);
  const tg = await time(() => be.gram(a), reps, 1);
  row('cpu.gram', n, tg.toFixed(4), lastCpu.toFixed(4), ((n * n * (n + 1)) / tg / 1e9).toFixed(2), reps);
}

const sizes = quick ? [500, 1000] : [500, 1000, 2000];
for (const n of sizes) {
  const spd = wellConditionedSpd(3, n);
  const reps = n >= 2000 ? 1 : 2;
  const tc = await time(() => cholesky(spd), reps, 1);
  row('cholesky', n, tc.toFixed(3), lastCpu.toFixed(3), (n ** 3 / 3 / tc / 1e9).toFixed(2), reps);
  if (withMl && n <= 1000) {
    const ml = new MlMatrix(spd.toArray());
    const tml = await time(() => new CholeskyDecomposition(ml), 1, 0);
    row(
      'ml-matrix CholeskyDecomposition',
      n,
      tml.toFixed(3),
      lastCpu.toFixed(3),
      (n ** 3 / 3 / tml / 1e9).toFixed(2),
      1,
    );
  }
}
for (const n of sizes) {
  const sym = randomSymmetric(4, n);
  const te = await time(() => eigh(sym), 1, n <= 500 ? 1 : 0);
  row('eigh', n, te.toFixed(3), lastCpu.toFixed(3), '-', 1);
  const tv = await time(() => eigvalsh(sym), 1, 0);
  row('eigvalsh', n, tv.toFixed(3), lastCpu.toFixed(3), '-', 1);
  if (withMl && n <= 1000) {
    const ml = new MlMatrix(sym.toArray());
    const tml = await time(() => new EVD(ml, { assumeSymmetric: true }), 1, 0);
    row('ml-matrix EVD (assumeSymmetric)', n, tml.toFixed(3), lastCpu.toFixed(3), '-', 1);
  }
}

console.log('\n| operation | n | seconds | cpu seconds | GFLOP/s | reps |\n|---|---:|---:|---:|---:|---:|');
for (const r of rows.slice(1)) console.log(`| ${r.join(' | ')} |`);
