// Benchmarks of @ntk/backend-onnx. Prints JSON lines and a table; asserts nothing.
// Run: pnpm --filter @ntk/backend-onnx bench   (= tsx --conditions=@ntk/source bench/run.ts)
// Flags: --sizes 64,256,1024 (N), --dtype float32,float64, --threads 2, --repeat 5, --cpu (add the CPU reference),
// --no-peer (skip NumPy), --torch (also PyTorch's Jacobian contraction: minutes per row, GiBs of memory).
// Peer figures: the shared peer-bench (`peer_bench.py empirical`, found at $PEER_BENCH, <repo>/../shared/peer-bench
// or <repo>/../../shared/peer-bench) runs right after our rows for the same N, so that the ratios come from the
// same minutes of the same machine; every row records the 1-minute load.
//
// Structured empirical NTK of a ReLU MLP (peer-bench's `empirical` problem: W = 1024, L = 10, d = 64, σ_w² = 2,
// σ_b² = 0.1, scalar output, inputs N(0, I)). Effective GFLOP/s = nominal flops / seconds with
//   flops = 2·F + Σ_{l=1}^{L+1} N²·(n_{l−1} + n_l),   F = Σ_{l=1}^{L+1} 2·N·n_{l−1}·n_l
// (forward and backward products, and the two symmetric Gram matrices per layer counted as syrk, N²·n each),
// the same count as packages/empirical/bench/run.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Backend, cpuBackend, type DType, key, Matrix, normal } from '@ntk/core';
import { empiricalNtk, initMlp } from '@ntk/empirical';
import { onnxBackend } from '../src/index.ts';

const args = process.argv.slice(2);
const flag = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : dflt;
};
const SIZES = flag('--sizes', '64,256,1024').split(',').map(Number);
const DTYPES = flag('--dtype', 'float32,float64').split(',') as DType[];
const THREADS = Number(flag('--threads', String(os.availableParallelism())));
const REPEAT = Number(flag('--repeat', '5'));
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const PEER = [
  process.env['PEER_BENCH'],
  join(repo, '../shared/peer-bench/peer_bench.py'),
  join(repo, '../../shared/peer-bench/peer_bench.py'),
].find((p): p is string => p !== undefined && existsSync(p));
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
for (const dtype of DTYPES) {
  const be = await onnxBackend({ dtype, threads: THREADS });
  const n = 1024;
  const a = new Matrix(n, n, normal(key(1), n * n));
  const b = new Matrix(n, n, normal(key(2), n * n));
  const A = dtype === 'float32' ? a.toFloat32() : a;
  const B = dtype === 'float32' ? b.toFloat32() : b;
  const s = await best(() => be.matmul(A, B), REPEAT);
  emit({
    bench: 'matmul',
    backend: 'onnx',
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
    backend: 'onnx',
    dtype,
    op: 'matmul 8×8',
    microseconds: +us.toFixed(1),
    load1: load(),
  });
  be.dispose();
}

for (const N of SIZES) {
  const X = new Matrix(N, D, normal(key(1), N * D));
  const net = initMlp({ activation: 'relu', depth: L, widths: W, sigmaW2: 2, sigmaB2: 0.1 }, key(2), D);
  const results: Record<string, Float64Array> = {};
  const backends: [string, () => Promise<Backend>][] = DTYPES.map((dtype) => [
    `onnx ${dtype}`,
    () => onnxBackend({ dtype, threads: THREADS }),
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
  if (PEER !== undefined && !args.includes('--no-peer')) {
    const r = spawnSync(
      'python3',
      [
        PEER,
        'empirical',
        '--N',
        String(N),
        '--W',
        String(W),
        '--L',
        String(L),
        '--d',
        String(D),
        '--dtype',
        ...DTYPES,
        ...(args.includes('--torch') ? [] : ['--torch-mem-gb', '0.001']),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    for (const line of r.stdout.split('\n').filter((x) => x.startsWith('{'))) {
      const row = JSON.parse(line) as Record<string, unknown>;
      if (row['bench'] !== 'empirical') continue;
      const ours = rows.find(
        (x) =>
          x['bench'] === 'ntk-structured' &&
          x['N'] === N &&
          x['dtype'] === row['dtype'] &&
          x['backend'] === 'onnx',
      );
      const peer = row['seconds'] as number | undefined;
      emit({
        bench: 'peer',
        impl: row['impl'],
        dtype: row['dtype'],
        N,
        W,
        L,
        ...(peer !== undefined
          ? { seconds: +peer.toFixed(4), gflops: +(flops(N) / peer / 1e9).toFixed(1) }
          : { skipped: row['skipped'] }),
        ...(peer !== undefined && ours !== undefined
          ? { speedupOfOnnx: +(peer / (ours['seconds'] as number)).toFixed(2) }
          : {}),
        threads: row['threads'],
        load1: row['load1'],
      });
    }
    if (r.status !== 0) emit({ bench: 'peer', error: r.stderr.slice(-2000) });
  }
  if (results['onnx float32'] && results['onnx float64']) {
    emit({
      bench: 'ntk-agreement',
      N,
      relErrFloat32VsFloat64: +relErr(results['onnx float32'], results['onnx float64']).toExponential(2),
    });
  }
}

console.log('\n| N | backend | dtype | threads | seconds | GFLOP/s | load1 |\n|---|---|---|---|---|---|---|');
for (const r of rows.filter((x) => x['bench'] === 'ntk-structured')) {
  console.log(
    `| ${r['N']} | ${r['backend']} | ${r['dtype']} | ${r['threads']} | ${r['seconds']} | ${r['gflops']} | ${r['load1']} |`,
  );
}
