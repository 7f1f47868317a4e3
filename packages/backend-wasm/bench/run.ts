// Benchmarks of @ntk/backend-wasm. Prints JSON lines and a table; asserts nothing.
// Run: pnpm --filter @ntk/backend-wasm bench   (= tsx --conditions=@ntk/source bench/run.ts)
// Flags: --sizes 64,256,1024 (N), --dtype float32,float64, --threads 2, --repeat 5, --cpu (add the CPU reference),
// --no-node (browser only), --no-browser (Node only). The browser part builds test/page with vite, serves it
// cross-origin isolated on 127.0.0.1 and runs the same benchmark in headless Chromium (Debian's chromium).
//
// Structured empirical NTK of a ReLU MLP (peer-bench's `empirical` problem: W = 1024, L = 10, d = 64, σ_w² = 2,
// σ_b² = 0.1, scalar output, inputs N(0, I)). Effective GFLOP/s = nominal flops / seconds, the flops counted by
// `structuredNtkFlops` of @ntk/testing (forward and backward products, two symmetric Grams per layer).
import os from 'node:os';
import { type Backend, cpuBackend, type DType, key, Matrix, normal } from '@ntk/core';
import { empiricalNtk, initMlp } from '@ntk/empirical';
import {
  benchBackendCeiling,
  benchFlag,
  benchStructuredNtk,
  createBenchLog,
  maxRelativeError,
} from '@ntk/testing';
import { wasmBackend } from '../src/index.ts';
import { hasChromium, runInChromium } from '../test/chromium.ts';
import { servePage } from '../test/serve.ts';

const args = process.argv.slice(2);
const flag = (name: string, dflt: string): string => benchFlag(args, name, dflt);
const SIZES = flag('--sizes', '64,256,1024').split(',').map(Number);
const DTYPES = flag('--dtype', 'float32,float64').split(',') as DType[];
const THREADS = Number(flag('--threads', String(os.availableParallelism())));
const REPEAT = Number(flag('--repeat', '5'));
const W = 1024;
const L = 10;
const D = 64;

const log = createBenchLog();
const { emit, load } = log;

log.env({ threads: THREADS });

// 1024³ product: the runtime's ceiling.
for (const dtype of args.includes('--no-node') ? [] : DTYPES) {
  const be = await wasmBackend({ dtype, threads: THREADS });
  await benchBackendCeiling(be, REPEAT, log);
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
  if (results['wasm float32'] && results['wasm float64']) {
    emit({
      bench: 'ntk-agreement',
      N,
      relErrFloat32VsFloat64: +maxRelativeError(
        results['wasm float32'],
        results['wasm float64'],
      ).toExponential(2),
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

log.printNtkTable();
