// The browser page of the wasm backend's browser test and benchmark (built by vite, served with COOP/COEP by
// ../serve.ts). `?bench=64,256` runs the structured-NTK benchmark; otherwise a conformance subset and one
// structured NTK against the in-page float64 CPU reference. The result goes to window.__ntkResult.
import { cpuBackend, type DType, key, Matrix, normal } from '@ntk/core';
import { empiricalNtk, initMlp } from '@ntk/empirical';
import { wasmBackend } from '../../src/index.ts';

interface Check {
  readonly name: string;
  readonly dtype: DType;
  readonly relErr: number;
}

function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = a.length === b.length ? 0 : Infinity;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    const d = Math.abs((a[i] as number) - (b[i] as number));
    num = Number.isNaN(d) ? Infinity : Math.max(num, d);
    den = Math.max(den, Math.abs(b[i] as number));
  }
  return den === 0 ? num : num / den;
}

const rnd = (seed: number, r: number, c: number): Matrix => new Matrix(r, c, normal(key(seed), r * c));

async function conformance(): Promise<Record<string, unknown>> {
  const ref = cpuBackend();
  const checks: Check[] = [];
  let threads = 0;
  let symmetric = true;
  for (const dtype of ['float32', 'float64'] as const) {
    const be = await wasmBackend({ dtype, wasmPaths: '/ort/' });
    threads = be.info.threads ?? 0;
    const a = rnd(1, 67, 130);
    const b = rnd(2, 130, 65);
    checks.push({
      name: 'matmul 67×130·130×65',
      dtype,
      relErr: relErr((await be.matmul(a, b)).data, (await ref.matmul(a, b)).data),
    });
    const at = a.transpose();
    const bt = b.transpose();
    const opts = { transposeA: true, transposeB: true, alpha: 0.5 };
    checks.push({
      name: 'matmul transposed, α = 0.5',
      dtype,
      relErr: relErr((await be.matmul(at, bt, opts)).data, (await ref.matmul(at, bt, opts)).data),
    });
    const x = rnd(3, 600, 33);
    const g = await be.gram(x, undefined, 2);
    for (let i = 0; i < g.rows && symmetric; i++)
      for (let j = 0; j < i; j++) if (g.get(i, j) !== g.get(j, i)) symmetric = false;
    checks.push({
      name: 'gram 600×33 (blocked, symmetric)',
      dtype,
      relErr: relErr(g.data, (await ref.gram(x, undefined, 2)).data),
    });
    const y = rnd(4, 9, 33);
    checks.push({
      name: 'gram(x, y)',
      dtype,
      relErr: relErr((await be.gram(y, x)).data, (await ref.gram(y, x)).data),
    });
    const relu = { name: 'relu', fn: (v: number) => (v > 0 ? v : 0), source: '(x > 0 ? x : 0)' };
    checks.push({
      name: 'map relu',
      dtype,
      relErr: relErr((await be.map(y, relu)).data, (await ref.map(y, relu)).data),
    });
    checks.push({
      name: 'zip mul',
      dtype,
      relErr: relErr((await be.zip(y, y, 'mul')).data, (await ref.zip(y, y, 'mul')).data),
    });
    checks.push({
      name: 'reduce sumSquares rows',
      dtype,
      relErr: relErr(await be.reduce(y, 'sumSquares', 'rows'), await ref.reduce(y, 'sumSquares', 'rows')),
    });
    const net = initMlp({ activation: 'relu', depth: 3, widths: 128, sigmaW2: 2, sigmaB2: 0.1 }, key(5), 16);
    const X = rnd(6, 24, 16);
    const want = await empiricalNtk(net, X, undefined, { backend: ref, perLayer: true });
    const got = await empiricalNtk(net, X, undefined, { backend: be, perLayer: true });
    checks.push({
      name: 'empiricalNtk structured N=24 W=128 L=3',
      dtype,
      relErr: relErr(got.ntk.data, want.ntk.data),
    });
    be.dispose();
  }
  return { crossOriginIsolated: globalThis.crossOriginIsolated, threads, symmetric, checks };
}

function flops(N: number, W: number, L: number, D: number): number {
  const sizes = [D, ...new Array<number>(L).fill(W), 1];
  let f = 0;
  let g = 0;
  for (let l = 1; l < sizes.length; l++) {
    f += 2 * N * (sizes[l] as number) * (sizes[l - 1] as number);
    g += N * N * ((sizes[l - 1] as number) + (sizes[l] as number));
  }
  return 2 * f + g;
}

async function bench(sizes: number[], dtypes: DType[], repeat: number): Promise<Record<string, unknown>> {
  const rows: Record<string, unknown>[] = [];
  const W = 1024;
  const L = 10;
  const D = 64;
  const net = initMlp({ activation: 'relu', depth: L, widths: W, sigmaW2: 2, sigmaB2: 0.1 }, key(2), D);
  let threads = 0;
  for (const dtype of dtypes) {
    const be = await wasmBackend({ dtype, wasmPaths: '/ort/' });
    threads = be.info.threads ?? 0;
    const n = 1024;
    const a = rnd(1, n, n);
    const b = rnd(2, n, n);
    const A = dtype === 'float32' ? a.toFloat32() : a;
    const B = dtype === 'float32' ? b.toFloat32() : b;
    await be.matmul(A, B);
    let bestMm = Infinity;
    for (let r = 0; r < repeat; r++) {
      const t0 = performance.now();
      await be.matmul(A, B);
      bestMm = Math.min(bestMm, (performance.now() - t0) / 1000);
    }
    rows.push({ bench: 'matmul', dtype, n, seconds: bestMm, gflops: (2 * n ** 3) / bestMm / 1e9 });
    for (const N of sizes) {
      const X = rnd(1, N, D);
      await empiricalNtk(net, X, undefined, { backend: be });
      let best = Infinity;
      for (let r = 0; r < (N >= 1024 ? Math.min(repeat, 2) : repeat); r++) {
        const t0 = performance.now();
        await empiricalNtk(net, X, undefined, { backend: be });
        best = Math.min(best, (performance.now() - t0) / 1000);
      }
      rows.push({
        bench: 'ntk-structured',
        dtype,
        N,
        W,
        L,
        d: D,
        seconds: best,
        gflops: flops(N, W, L, D) / best / 1e9,
      });
    }
    be.dispose();
  }
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated,
    threads,
    hardwareConcurrency: navigator.hardwareConcurrency,
    rows,
  };
}

const out = document.getElementById('out') as HTMLElement;
const params = new URLSearchParams(location.search);
const w = window as unknown as { __ntkResult?: unknown };
try {
  const b = params.get('bench');
  const result =
    b === null
      ? await conformance()
      : await bench(
          b.split(',').map(Number),
          (params.get('dtype') ?? 'float32,float64').split(',') as DType[],
          Number(params.get('repeat') ?? '3'),
        );
  out.textContent = JSON.stringify(result, null, 2);
  w.__ntkResult = { ok: true, result };
} catch (e) {
  out.textContent = String(e);
  w.__ntkResult = { ok: false, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) };
}
