// Benchmarks of @ntk/empirical. Prints figures (JSON lines and a table), asserts nothing.
// Run: pnpm --filter @ntk/empirical bench   (= tsx --expose-gc --conditions=@ntk/source bench/run.ts)
// Flags: --only-ntk, --only-mc, --no-gpujs, --sizes 64x512x3,256x1024x10
import os from 'node:os';
import { gpujsBackend } from '@ntk/backend-gpujs';
import { type Backend, cpuBackend, key, Matrix, normal } from '@ntk/core';
import { maxRelativeError, structuredNtkFlops } from '@ntk/testing';
import { empiricalMoments, empiricalNtk, initMlp, mlpParameterCount } from '../src/index.ts';

const args = process.argv.slice(2);
const has = (f: string): boolean => args.includes(f);
const sizesArg = args[args.indexOf('--sizes') + 1];
const D = 64;
const SIZES: [number, number, number][] =
  has('--sizes') && sizesArg
    ? sizesArg.split(',').map((s) => s.split('x').map(Number) as [number, number, number])
    : [64, 256].flatMap((N) =>
        [512, 1024].flatMap((W) => [3, 10].map((L) => [N, W, L] as [number, number, number])),
      );
const JACOBIAN_LIMIT = 1.5 * 2 ** 30; // bytes of the float64 N×P Jacobian we are willing to hold (23 GiB machine)

const gc = (globalThis as { gc?: () => void }).gc;
function mem(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Wraps a backend so that memory is sampled after every call (the hot paths run only through it). */
function tracking(inner: Backend): { backend: Backend; peak: () => number; reset: () => void } {
  let base = 0;
  let peak = 0;
  const sample = <T>(v: T): T => {
    peak = Math.max(peak, mem() - base);
    return v;
  };
  const backend: Backend = {
    info: inner.info,
    matmul: async (a, b, o) => sample(await inner.matmul(a, b, o)),
    gram: async (x, y, al) => sample(await inner.gram(x, y, al)),
    map: async (x, op) => sample(await inner.map(x, op)),
    zip: async (a, b, op) => sample(await inner.zip(a, b, op)),
    affine: async (x, a, b) => sample(await inner.affine(x, a, b)),
    addRowVector: async (x, v, a) => sample(await inner.addRowVector(x, v, a)),
    reduce: async (x, op, ax) => sample(await inner.reduce(x, op, ax)),
    dispose: () => inner.dispose(),
  };
  return {
    backend,
    peak: () => peak,
    reset: () => {
      gc?.();
      base = mem();
      peak = 0;
    },
  };
}

function flops(N: number, W: number, L: number, method: 'structured' | 'jacobian'): number {
  const sizes = [D, ...new Array(L).fill(W), 1];
  if (method === 'structured') return structuredNtkFlops(N, sizes);
  let fwd = 0;
  for (let l = 1; l < sizes.length; l++) fwd += 2 * N * sizes[l]! * sizes[l - 1]!;
  const P = sizes.slice(1).reduce((s, n, l) => s + n * sizes[l]! + n, 0);
  return 2 * fwd + N * P + N * N * P; // passes, materialise, symmetric contraction
}

const rows: Record<string, unknown>[] = [];
function emit(row: Record<string, unknown>): void {
  rows.push(row);
  console.log(JSON.stringify(row));
}

console.log(
  JSON.stringify({
    bench: 'env',
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    load: os.loadavg(),
    gc: gc !== undefined,
  }),
);

async function benchNtk(): Promise<void> {
  const backends: Backend[] = [cpuBackend()];
  if (!has('--no-gpujs')) {
    try {
      backends.push(await gpujsBackend({ mode: 'webasm', fallback: false }));
    } catch (e) {
      emit({ bench: 'ntk', backend: 'gpujs', skipped: `webasm unavailable: ${(e as Error).message}` });
    }
  }
  for (const [N, W, L] of SIZES) {
    const X = new Matrix(N, D, normal(key(1), N * D));
    const net = initMlp({ activation: 'relu', depth: L, widths: W, sigmaW2: 2, sigmaB2: 0.1 }, key(2), D);
    const P = mlpParameterCount(net);
    let reference: Float64Array | null = null;
    for (const inner of backends) {
      for (const method of ['structured', 'jacobian'] as const) {
        const base = {
          bench: 'ntk',
          N,
          W,
          L,
          d: D,
          P,
          method,
          backend: inner.info.name,
          mode: inner.info.mode,
        };
        const jacBytes = N * P * 8;
        if (method === 'jacobian' && inner.info.name !== 'cpu') {
          emit({ ...base, skipped: 'jacobian runs on the CPU reference only in this benchmark' });
          continue;
        }
        if (method === 'jacobian' && jacBytes > JACOBIAN_LIMIT) {
          emit({
            ...base,
            skipped: `N×P Jacobian needs ${(jacBytes / 2 ** 30).toFixed(1)} GiB > 1.5 GiB limit`,
          });
          continue;
        }
        const t = tracking(inner);
        let best = Infinity;
        let peak = 0;
        let ntk: Float64Array | null = null;
        const repeats = 3;
        for (let r = 0; r < repeats; r++) {
          t.reset();
          const t0 = performance.now();
          const res = await empiricalNtk(net, X, undefined, {
            backend: t.backend,
            method,
            maxJacobianBytes: JACOBIAN_LIMIT,
          });
          const s = (performance.now() - t0) / 1000;
          best = Math.min(best, s);
          peak = Math.max(peak, t.peak());
          ntk = res.ntk.data;
          if (s > 3) break; // slow rows: one run
        }
        if (reference === null) reference = ntk;
        emit({
          ...base,
          seconds: +best.toFixed(3),
          peakMiB: +(peak / 2 ** 20).toFixed(1),
          gflops: +(flops(N, W, L, method) / best / 1e9).toFixed(2),
          relErrVsCpuStructured: +maxRelativeError(ntk!, reference!).toExponential(2),
          load1: +os.loadavg()[0]!.toFixed(2),
        });
      }
    }
  }
  for (const b of backends) b.dispose();
}

async function benchMonteCarlo(): Promise<void> {
  const N = 8;
  const W = 256;
  const L = 10;
  const K = 64;
  const config = {
    spec: { activation: 'relu', depth: L, widths: W, sigmaW2: 2, sigmaB2: 0.1 },
    X1: new Matrix(N, D, normal(key(3), N * D)),
    key: key(4),
    samples: K,
    blockSize: 2,
  };
  let base = 0;
  for (const workers of [0, 1, 2]) {
    const t0 = performance.now();
    let first = 0;
    let last = 0;
    await empiricalMoments(config, {
      workers,
      onProgress: ({ done }) => {
        if (done === 1) first = performance.now();
        last = performance.now();
      },
    });
    const s = (performance.now() - t0) / 1000;
    // Steady state: samples 2..K between the first and the last progress event (excludes worker start-up,
    // which loads the TypeScript sources through tsx here: ~1–2 s per worker; less from dist/).
    const steady = ((K - 1) * 1000) / (last - first);
    if (workers === 1) base = steady;
    emit({
      bench: 'monte-carlo',
      N,
      W,
      L,
      K,
      workers,
      seconds: +s.toFixed(3),
      initsPerSecond: +(K / s).toFixed(2),
      steadyInitsPerSecond: +steady.toFixed(2),
      ...(workers === 2 ? { steadySpeedupVs1Worker: +(steady / base).toFixed(2) } : {}),
      load1: +os.loadavg()[0]!.toFixed(2),
    });
  }
  const t1 = performance.now();
  for (let k = 0; k < 8; k++) initMlp(config.spec, key(k), D);
  emit({
    bench: 'monte-carlo-init-only',
    W,
    L,
    secondsPerInit: +((performance.now() - t1) / 8000).toFixed(4),
  });
}

/** Control: the same pure-CPU loop on 1 and on 2 worker threads; shows how much parallelism the machine gives now. */
async function parallelControl(): Promise<void> {
  const { Worker } = await import('node:worker_threads');
  const code =
    "const { parentPort } = require('node:worker_threads'); let s = 0; for (let i = 0; i < 2e8; i++) s += Math.sqrt(i); parentPort.postMessage(s);";
  const times: number[] = [];
  for (const n of [1, 2]) {
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: n }, () => new Promise((r) => new Worker(code, { eval: true }).on('message', r))),
    );
    times.push((performance.now() - t0) / 1000);
  }
  emit({
    bench: 'parallel-control',
    seconds1: +times[0]!.toFixed(3),
    seconds2: +times[1]!.toFixed(3),
    speedup2: +((2 * times[0]!) / times[1]!).toFixed(2),
    load1: +os.loadavg()[0]!.toFixed(2),
  });
}

if (!has('--only-mc')) await benchNtk();
if (!has('--only-ntk')) {
  await parallelControl();
  await benchMonteCarlo();
  await parallelControl();
}
