// Benchmarks of @ntk/dynamics (prints figures, asserts nothing).
// Run: cd packages/dynamics && pnpm bench [--quick]
// 1. Time per full-batch gradient-descent step (MSE) of a ReLU MLP, N = 256, W = 1024, L = 5, d = 64, on the CPU
//    reference and on gpu.js webasm: (time of 1 + S steps − time of 1 step)/S, no probe set, records only at the
//    ends. Flops per step ≈ 3 × the forward products: 3·2·N·(d·W + (L−1)·W² + W).
// 2. Infinite-width prediction: gradientDescentMse(Θ(X,X), Y) (one eigendecomposition) + predictions at 5 times
//    (ηt ∈ {1, 10, 100, 1000, ∞}, η = N/λ_max in this package's convention) for 500 test points, kernel = ReLU NTK,
//    L = 3, as peer-bench's `predict` (kernel build untimed, reported apart).

import { mlpKernels } from '@ntk/analytic';
import { gpujsBackend } from '@ntk/backend-gpujs';
import { type Backend, cpuBackend, key, Matrix, normal, sphere } from '@ntk/core';
import { initMlp } from '@ntk/empirical';
import { gradientDescentMse, trainMlp } from '../src/index.ts';

const quick = process.argv.includes('--quick');
const N = quick ? 64 : 256;
const W = quick ? 256 : 1024;
const L = 5;
const d = 64;
const x = sphere(key(1), N, d);
const y = new Matrix(N, 1, normal(key(2), N));
const spec = { activation: 'relu', depth: L, widths: W, sigmaW2: 2, sigmaB2: 0.1 };
const flops = 3 * 2 * N * (d * W + (L - 1) * W * W + W);

async function stepTime(backend: Backend, label: string): Promise<void> {
  const net = initMlp(spec, key(0), d);
  const run = async (steps: number) => {
    const t0 = performance.now();
    await trainMlp(net, { xTrain: x, yTrain: y }, { learningRate: 0.5, steps, backend });
    return (performance.now() - t0) / 1000;
  };
  await run(1); // warm-up (kernel compilation for gpu.js)
  const S = quick ? 3 : 5;
  const t1 = await run(1);
  const tS = await run(1 + S);
  const per = (tS - t1) / S;
  console.log(
    JSON.stringify({
      bench: 'train-step',
      backend: label,
      N,
      W,
      L,
      secondsPerStep: +per.toFixed(4),
      gflops: +(flops / per / 1e9).toFixed(2),
    }),
  );
}

await stepTime(cpuBackend(), 'cpu (float64 reference)');
const gp = await gpujsBackend({ mode: 'webasm' });
await stepTime(gp, `gpujs ${gp.info.mode} (float32)`);
gp.dispose();

for (const n of quick ? [200] : [1000, 2000]) {
  const xs = sphere(key(3), n + 500, d);
  const xTrain = xs.rowRange(0, n);
  const xTest = xs.rowRange(n, n + 500);
  const spec3 = { activation: 'relu', depth: 3, sigmaW2: 2, sigmaB2: 0.1 };
  let t0 = performance.now();
  const K = mlpKernels(spec3, xTrain).ntk;
  const Kx = mlpKernels(spec3, xTest, xTrain).ntk;
  const build = (performance.now() - t0) / 1000;
  const Y = new Matrix(n, 1, normal(key(4), n));
  t0 = performance.now();
  const predictor = gradientDescentMse(K, Y); // one eigendecomposition
  const tEig = (performance.now() - t0) / 1000;
  const eta = n / predictor.spectrum.lambdaMax;
  t0 = performance.now();
  for (const s of [1, 10, 100, 1000, Number.POSITIVE_INFINITY])
    predictor.predict({ time: s * eta, kTestTrain: Kx });
  const tApply = (performance.now() - t0) / 1000;
  console.log(
    JSON.stringify({
      bench: 'predict',
      N: n,
      M: 500,
      kernelBuildSeconds: +build.toFixed(3),
      eighSeconds: +tEig.toFixed(3),
      applySeconds: +tApply.toFixed(3),
      seconds: +(tEig + tApply).toFixed(3),
    }),
  );
}
