// Benchmark of @ntk/backend-gpujs: GFLOP/s of matmul (n×n·n×n) and gram (X·Xᵀ, X n×n) at n = 256, 512, 1024
// for webasm (sync), webasm (async worker pool) and cpu modes, next to the float64 CPU reference of @ntk/core.
// Prints a markdown table; asserts nothing. Run: `pnpm --filter @ntk/backend-gpujs bench`
// (or `cd packages/backend-gpujs && npx tsx bench/run.ts [sizes…]`).
import os from 'node:os';
import { type Backend, cpuBackend, key, Matrix, normal } from '@ntk/core';
import { maxRelativeError } from '@ntk/testing';
import { gpujsBackend } from '../src/index.ts';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const NS = sizes.length > 0 ? sizes : [256, 512, 1024];
const MIN_SECONDS = 1.5;
const MAX_REPS = 10;

/** Best wall time (s) of `f` over repetitions (at least 2 after a warm-up, until MIN_SECONDS elapsed). */
async function time(f: () => Promise<unknown>): Promise<number> {
  await f(); // warm-up: compiles the kernel for this shape
  let best = Infinity;
  let total = 0;
  for (let r = 0; r < MAX_REPS && (r < 2 || total < MIN_SECONDS); r++) {
    const t0 = performance.now();
    await f();
    const dt = (performance.now() - t0) / 1000;
    best = Math.min(best, dt);
    total += dt;
  }
  return best;
}

interface Row {
  readonly backend: string;
  readonly op: string;
  readonly n: number;
  readonly seconds: number;
  readonly gflops: number;
  readonly relErr: number | null;
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  console.log(`# @ntk/backend-gpujs benchmark`);
  console.log(
    `node ${process.version}, ${cpus.length} logical CPUs (nproc), ${cpus[0]?.model ?? 'unknown CPU'}`,
  );
  console.log(`command: cd packages/backend-gpujs && npx tsx bench/run.ts ${NS.join(' ')}\n`);
  const configs: [string, () => Promise<Backend>][] = [
    ['gpujs webasm (sync)', () => gpujsBackend({ mode: 'webasm', fallback: false })],
    ['gpujs webasm (async)', () => gpujsBackend({ mode: 'webasm', async: true, fallback: false })],
    ['gpujs cpu', () => gpujsBackend({ mode: 'cpu', fallback: false })],
    ['core cpuBackend (float64)', async () => cpuBackend()],
  ];
  const reference = cpuBackend();
  const rows: Row[] = [];
  for (const n of NS) {
    const a = new Matrix(n, n, normal(key(n), n * n));
    const b = new Matrix(n, n, normal(key(n + 1), n * n));
    const refMatmul = (await reference.matmul(a, b)).data;
    const refGram = (await reference.gram(a)).data;
    const flops = 2 * n * n * n;
    for (const [name, make] of configs) {
      const be = await make();
      const label = `${name} [${be.info.mode}${be.info.threads !== undefined ? `, ${be.info.threads} thr` : ''}]`;
      const tm = await time(() => be.matmul(a, b));
      const em = maxRelativeError((await be.matmul(a, b)).data, refMatmul);
      rows.push({ backend: label, op: 'matmul', n, seconds: tm, gflops: flops / tm / 1e9, relErr: em });
      const tg = await time(() => be.gram(a));
      const eg = maxRelativeError((await be.gram(a)).data, refGram);
      rows.push({ backend: label, op: 'gram X·Xᵀ', n, seconds: tg, gflops: flops / tg / 1e9, relErr: eg });
      be.dispose();
      console.error(`done: ${label} n=${n}`);
    }
  }
  console.log('| backend [mode, threads] | op | n | best time (s) | GFLOP/s | max rel. error vs float64 |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.backend} | ${r.op} | ${r.n} | ${r.seconds.toFixed(4)} | ${r.gflops.toFixed(2)} | ${r.relErr === null ? '–' : r.relErr.toExponential(1)} |`,
    );
  }
  console.log(
    '\nGFLOP/s counts 2n³ flops for both ops (gram X·Xᵀ as if the full product were computed: the symmetric ' +
      'variants do less work, so their figure is an "effective" rate).',
  );
  // gpu.js worker pools are unref'd when idle; exit explicitly anyway.
  process.exit(0);
}

await main();
