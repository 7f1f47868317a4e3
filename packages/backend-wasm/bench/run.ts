// Benchmarks of @ntk/backend-wasm. Prints JSON lines and a table; asserts nothing.
// Run: pnpm --filter @ntk/backend-wasm bench   (= tsx --conditions=@ntk/source bench/run.ts)
// Flags: --sizes 64,256,1024 (N), --dtype float32,float64, --threads 2, --repeat 5, --cpu (add the CPU reference),
// --no-node (browser only), --no-browser (Node only). The browser part builds test/page with vite, serves it
// cross-origin isolated on 127.0.0.1 and runs the same benchmark in headless Chromium (Debian's chromium).
//
// Structured empirical NTK of a ReLU MLP (peer-bench's `empirical` problem: W = 1024, L = 10, d = 64, σ_w² = 2,
// σ_b² = 0.1, scalar output, inputs N(0, I)). Effective GFLOP/s = nominal flops / seconds with
//   flops = 2·F + Σ_{l=1}^{L+1} N²·(n_{l−1} + n_l),   F = Σ_{l=1}^{L+1} 2·N·n_{l−1}·n_l
// (forward and backward products, and the two symmetric Gram matrices per layer counted as syrk, N²·n each),
// the same count as packages/empirical/bench/run.ts.
import os from 'node:os';
import { type Backend, cpuBackend, type DType, key, Matrix, normal } from '@ntk/core';
import { empiricalNtk, initMlp } from '@ntk/empirical';
import { wasmBackend } from '../src/index.ts';
import { hasChromium, runInChromium } from '../test/chromium.ts';
import { servePage } from '../test/serve.ts';

const args = process.argv.slice(2);
const flag = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : dflt;
};
const SIZES = flag('--sizes', '64,256,1024').split(',').map(Number);
const DTYPES = flag('--dtype', 'float32,float64').split(',') as DType[];
const THREADS = Number(flag('--threads', String(os.availableParallelism())));
const REPEAT = Number(flag('--repeat', '5'));
const W = 1024;
const L = 10;
const D = 64;

function flops(N: number): number {
  const sizes = [D, ...new Array<number>(L).fill(W), 1];
  let f = 0;
  let g = 0;
  for (let l = 1; l < sizes.length; l++) {
    f += 2 * N * (sizes[l] as number) * (sizes[l - 1] as number);
    g += N * N * ((sizes[l - 1] as number) + (sizes[l] as number));
  }
  return 2 * f + g;
}

const load = (): number => +(os.loadavg()[0] as number).toFixed(2);
const rows: Record<string, unknown>[] = [];
function emit(row: Record<string, unknown>): void {
  rows.push(row);
  console.log(JSON.stringify(row));
}

async function best(fn: () => Promise<unknown>, repeat: number): Promise<number> {
  await fn();
  let b = Infinity;
  for (let r = 0; r < repeat; r++) {
    const t0 = performance.now();
    await fn();
    b = Math.min(b, (performance.now() - t0) / 1000);
  }
  return b;
}

function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs((a[i] as number) - (b[i] as number)));
    den = Math.max(den, Math.abs(b[i] as number));
  }
  return num / den;
}

emit({
  bench: 'env',
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  load: os.loadavg(),
  threads: THREADS,
});

// 1024³ product: the runtime's ceiling.
for (const dtype of args.includes('--no-node') ? [] : DTYPES) {
  const be = await wasmBackend({ dtype, threads: THREADS });
  const n = 1024;
  const a = new Matrix(n, n, normal(key(1), n * n));
  const b = new Matrix(n, n, normal(key(2), n * n));
  const A = dtype === 'float32' ? a.toFloat32() : a;
  const B = dtype === 'float32' ? b.toFloat32() : b;
  const s = await best(() => be.matmul(A, B), REPEAT);
  emit({
    bench: 'matmul',
    backend: 'wasm',
    dtype,
    n,
    seconds: +s.toFixed(4),
    gflops: +((2 * n ** 3) / s / 1e9).toFixed(1),
    load1: load(),
  });
  // Per-call overhead: an 8×8 product, mean over 2000 calls.
  const t = new Matrix(8, 8, normal(key(3), 64));
  const T = dtype === 'float32' ? t.toFloat32() : t;
  const us =
    ((await best(async () => {
      for (let i = 0; i < 2000; i++) await be.matmul(T, T, { alpha: 0.5 });
    }, 3)) /
      2000) *
    1e6;
  emit({
    bench: 'call-overhead',
    backend: 'wasm',
    dtype,
    op: 'matmul 8×8',
    microseconds: +us.toFixed(1),
    load1: load(),
  });
  be.dispose();
}

for (const N of args.includes('--no-node') ? [] : SIZES) {
  const X = new Matrix(N, D, normal(key(1), N * D));
  const net = initMlp({ activation: 'relu', depth: L, widths: W, sigmaW2: 2, sigmaB2: 0.1 }, key(2), D);
  const results: Record<string, Float64Array> = {};
  const backends: [string, () => Promise<Backend>][] = DTYPES.map((dtype) => [
    `wasm ${dtype}`,
    () => wasmBackend({ dtype, threads: THREADS }),
  ]);
  if (args.includes('--cpu')) backends.push(['cpu float64', async () => cpuBackend()]);
  for (const [label, make] of backends) {
    const be = await make();
    let ntk: Float64Array = new Float64Array(0);
    const runs0 = (be as { stats?: () => { runs: number } }).stats?.().runs ?? 0;
    const reps = N >= 1024 ? Math.min(REPEAT, 3) : REPEAT;
    const s = await best(async () => {
      ntk = (await empiricalNtk(net, X, undefined, { backend: be })).ntk.data;
    }, reps);
    const runs = ((be as { stats?: () => { runs: number } }).stats?.().runs ?? 0) - runs0;
    results[label] = ntk;
    emit({
      bench: 'ntk-structured',
      backend: be.info.name,
      dtype: be.info.dtype,
      threads: be.info.threads,
      N,
      W,
      L,
      d: D,
      seconds: +s.toFixed(4),
      gflops: +(flops(N) / s / 1e9).toFixed(1),
      runtimeCallsPerNtk: runs / (reps + 1),
      load1: load(),
    });
    be.dispose();
  }
  if (results['wasm float32'] && results['wasm float64']) {
    emit({
      bench: 'ntk-agreement',
      N,
      relErrFloat32VsFloat64: +relErr(results['wasm float32'], results['wasm float64']).toExponential(2),
    });
  }
}

if (!args.includes('--no-browser')) {
  if (!hasChromium)
    emit({ bench: 'browser', skipped: 'no chromium at /usr/bin/chromium (apt-get install -y chromium)' });
  else {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const out = mkdtempSync(join(os.tmpdir(), 'ntk-wasm-bench-'));
    const server = await servePage(out);
    try {
      const q = `?bench=${SIZES.join(',')}&dtype=${DTYPES.join(',')}&repeat=${Math.min(REPEAT, 3)}`;
      const r = await runInChromium(server.url + q, 1_500_000);
      if (!r.ok) emit({ bench: 'browser', error: r.error, console: r.console });
      const res = r.result as {
        crossOriginIsolated: boolean;
        threads: number;
        rows: Record<string, unknown>[];
      };
      for (const row of res?.rows ?? []) {
        const gf = row['gflops'] as number;
        emit({
          ...row,
          bench: row['bench'] === 'matmul' ? 'matmul' : 'ntk-structured',
          backend: 'wasm (chromium)',
          threads: res.threads,
          crossOriginIsolated: res.crossOriginIsolated,
          seconds: +(row['seconds'] as number).toFixed(4),
          gflops: +gf.toFixed(1),
          load1: load(),
        });
      }
    } finally {
      await server.close();
      rmSync(out, { recursive: true, force: true });
    }
  }
}

console.log('\n| N | backend | dtype | threads | seconds | GFLOP/s | load1 |\n|---|---|---|---|---|---|---|');
for (const r of rows.filter((x) => x['bench'] === 'ntk-structured')) {
  console.log(
    `| ${r['N']} | ${r['backend']} | ${r['dtype']} | ${r['threads']} | ${r['seconds']} | ${r['gflops']} | ${r['load1']} |`,
  );
}
