// Benchmarks of @ntk/backend-onnx. Prints JSON lines and a table; asserts nothing.
// Run: pnpm --filter @ntk/backend-onnx bench   (= tsx --conditions=@ntk/source bench/run.ts)
// Flags: --sizes 64,256,1024 (N), --dtype float32,float64, --threads 2, --repeat 5, --cpu (add the CPU reference),
// --no-peer (skip NumPy), --torch (also PyTorch's Jacobian contraction: minutes per row, GiBs of memory).
// Peer figures: the shared peer-bench (`peer_bench.py empirical`, found at $PEER_BENCH, <repo>/../shared/peer-bench
// or <repo>/../../shared/peer-bench) runs right after our rows for the same N, so that the ratios come from the
// same minutes of the same machine; every row records the 1-minute load.
//
// Structured empirical NTK of a ReLU MLP (peer-bench's `empirical` problem: W = 1024, L = 10, d = 64, σ_w² = 2,
// σ_b² = 0.1, scalar output, inputs N(0, I)). Effective GFLOP/s = nominal flops / seconds, the flops counted by
// `structuredNtkFlops` of @ntk/testing (forward and backward products, two symmetric Grams per layer).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Backend, cpuBackend, type DType, key, Matrix, normal } from '@ntk/core';
import { empiricalNtk, initMlp } from '@ntk/empirical';
import {
  benchBackendCeiling,
  benchFlag,
  benchStructuredNtk,
  createBenchLog,
  maxRelativeError,
  structuredNtkFlops,
} from '@ntk/testing';
import { onnxBackend } from '../src/index.ts';

const args = process.argv.slice(2);
const flag = (name: string, dflt: string): string => benchFlag(args, name, dflt);
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

const flops = (N: number): number => structuredNtkFlops(N, [D, ...new Array<number>(L).fill(W), 1]);

const log = createBenchLog();
const { rows, emit } = log;

log.env({ threads: THREADS });

// 1024³ product: the runtime's ceiling.
for (const dtype of DTYPES) {
  const be = await onnxBackend({ dtype, threads: THREADS });
  await benchBackendCeiling(be, REPEAT, log);
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
  const problem = {
    N,
    W,
    L,
    d: D,
    ntk: async (backend: Backend) => (await empiricalNtk(net, X, undefined, { backend })).ntk.data,
  };
  for (const [label, make] of backends) {
    const be = await make();
    results[label] = await benchStructuredNtk(be, problem, REPEAT, log);
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
      relErrFloat32VsFloat64: +maxRelativeError(
        results['onnx float32'],
        results['onnx float64'],
      ).toExponential(2),
    });
  }
}

log.printNtkTable();
