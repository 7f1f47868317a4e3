// Benchmarks of @ntk/dynamics: they print figures and assert nothing.
//
// Run: cd packages/dynamics && pnpm bench [--quick] [--only=step|predict] [--json] [--steps=S] [--repeat=R]
//   --quick        small sizes, a smoke run of a few seconds
//   --only=…       only the training-step rows (`step`) or only the kernel-prediction rows (`predict`)
//   --json         also print one JSON line per row as it finishes (the table is printed at the end either way)
//   --steps=S      timed steps per backend (default 5; 2 with --quick)
//   --repeat=R     predict: best of up to R runs while they fit in 40 s (default 3), like peer-bench's best_of
//
// 1. `step`: seconds per full-batch gradient-descent step on the MSE loss (trainMlp, plain GD) of a ReLU MLP,
//    N = 256, W = 1024, L = 5 hidden layers, d = 64, σ_w² = 2, σ_b² = 0.1, scalar output, on `cpuBackend()`
//    (float64), gpu.js `webasm` (float32, one thread) and gpu.js `webasm` async (float32, worker pool).
//    One warm-up run of 1 step (gpu.js compiles its kernels there), then per step = (t(1 + S) − t(1))/S, so the
//    fixed cost of a run (copying the network, the loss records at steps 0 and last) cancels.
//    Flops: F = 2·N·(d·W + (L−1)·W² + W) is one forward pass's products. A step needs at least 3F (forward,
//    backpropagated signals, weight gradients); the trainer executes ≈ 2F + F_δ + F with F_δ =
//    2·N·((L−1)·W² + W), because it runs the forward pass twice (once for f, once inside `mlpGradients`).
//    Both GFLOP/s are printed: "nominal" (3F) and "executed".
// 2. `predict`: infinite-width prediction as peer-bench `predict`: kernel = infinite-width ReLU NTK, L = 3,
//    built with @ntk/analytic's `mlpKernels` (untimed, reported apart) on N train + 500 test Gaussian inputs
//    N(0, I_64), Y = sign(x₁). Timed: `gradientDescentMse(Θ, Y)` (symmetry check + one `eigh` + spectrum) =
//    `eigh_s`, then `predict` at 5 times for the 500 test points = `apply_s`. peer-bench uses η = 1/λ_max and
//    ηt ∈ {1, 10, 100, 1000, ∞} with e^{−ηλt}; this package's flow is e^{−λt/N}, so the same five points are
//    t = s·N/λ_max for s ∈ {1, 10, 100, 1000, ∞}.
//    Note: ours forms Vᵀ(Y − f₀) once per time (O(N² + M·N) per time), NumPy forms K*V (O(M·N²)) once.

import { loadavg } from 'node:os';
import { mlpKernels } from '@ntk/analytic';
import { gpujsBackend } from '@ntk/backend-gpujs';
import { type Backend, cpuBackend, key, Matrix, normal } from '@ntk/core';
import { initMlp } from '@ntk/empirical';
import { gradientDescentMse, trainMlp } from '../src/index.ts';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const value = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = flag('quick');
const json = flag('json');
const only = value('only');
if (only !== undefined && only !== 'step' && only !== 'predict') {
  console.error(`--only must be step or predict, got ${only}`);
  process.exit(2);
}
const stepsTimed = Number(value('steps') ?? (quick ? 2 : 5));
const repeat = Number(value('repeat') ?? 3);

type Row = Record<string, string | number | boolean>;
const rows: { step: Row[]; predict: Row[] } = { step: [], predict: [] };
const emit = (kind: 'step' | 'predict', row: Row): void => {
  const r = { ...row, load1: +(loadavg()[0] as number).toFixed(2) };
  rows[kind].push(r);
  if (json) console.log(JSON.stringify({ bench: kind, ...r }));
  else console.error(`  done: ${JSON.stringify(r)}`);
};
const now = (): number => performance.now() / 1000;
const gaussian = (seed: number, rows: number, cols: number): Matrix =>
  new Matrix(rows, cols, normal(key(seed), rows * cols).subarray(0, rows * cols));

async function benchStep(): Promise<void> {
  const N = quick ? 64 : 256;
  const W = quick ? 256 : 1024;
  const L = 5;
  const d = 64;
  const x = gaussian(1, N, d);
  const y = gaussian(2, N, 1);
  const spec = { activation: 'relu', depth: L, widths: W, sigmaW2: 2, sigmaB2: 0.1 };
  const F = 2 * N * (d * W + (L - 1) * W * W + W);
  const nominal = 3 * F;
  const executed = 3 * F + 2 * N * ((L - 1) * W * W + W);
  const net = initMlp(spec, key(0), d);
  const run = async (backend: Backend, steps: number): Promise<number> => {
    const t0 = now();
    // η = 0.1 is well inside the stable range 2N/λ_max here; the figure does not depend on it.
    await trainMlp(net, { xTrain: x, yTrain: y }, { learningRate: 0.1, steps, backend });
    return now() - t0;
  };
  const backends: [string, () => Promise<Backend & { dispose(): void }>][] = [
    ['cpuBackend() float64', async () => cpuBackend()],
    ['gpu.js webasm float32', () => gpujsBackend({ mode: 'webasm' })],
    ['gpu.js webasm async float32', () => gpujsBackend({ mode: 'webasm', async: true })],
  ];
  for (const [label, make] of backends) {
    const backend = await make();
    try {
      const warm = await run(backend, 1);
      const t1 = await run(backend, 1);
      const tS = await run(backend, 1 + stepsTimed);
      const per = (tS - t1) / stepsTimed;
      emit('step', {
        backend: label,
        mode: String((backend.info as { mode?: string }).mode ?? backend.info.name),
        N,
        W,
        L,
        d,
        steps: stepsTimed,
        warmupSeconds: +warm.toFixed(3),
        secondsPerStep: +per.toFixed(4),
        nominalGflop: +(nominal / 1e9).toFixed(3),
        executedGflop: +(executed / 1e9).toFixed(3),
        nominalGflops: +(nominal / per / 1e9).toFixed(2),
        executedGflops: +(executed / per / 1e9).toFixed(2),
      });
    } finally {
      backend.dispose();
    }
  }
}

async function benchPredict(): Promise<void> {
  const M = quick ? 100 : 500;
  const spec = { activation: 'relu', depth: 3, sigmaW2: 2, sigmaB2: 0.1 };
  for (const n of quick ? [200] : [1000, 2000]) {
    const xs = gaussian(3, n + M, 64);
    const xTrain = xs.rowRange(0, n);
    const xTest = xs.rowRange(n, n + M);
    let t0 = now();
    const K = mlpKernels(spec, xTrain).ntk;
    const Kx = mlpKernels(spec, xTest, xTrain).ntk;
    const build = now() - t0;
    const Y = new Matrix(
      n,
      1,
      new Float64Array(n).map((_, i) => Math.sign(xTrain.data[i * 64] as number)),
    );
    let best = { eigh: Number.POSITIVE_INFINITY, apply: Number.POSITIVE_INFINITY };
    let runs = 0;
    let lambdaMax = 0;
    let lambdaMin = 0;
    const started = now();
    while (runs < repeat && (runs === 0 || now() - started + (now() - started) / runs <= 40)) {
      t0 = now();
      const predictor = gradientDescentMse(K, Y); // symmetry check + one eigendecomposition
      const tEig = now() - t0;
      const unit = n / predictor.spectrum.lambdaMax; // peer-bench's η = 1/λ_max in this package's time
      t0 = now();
      for (const s of [1, 10, 100, 1000, Number.POSITIVE_INFINITY])
        predictor.predict({ time: s * unit, kTestTrain: Kx });
      const tApply = now() - t0;
      if (tEig + tApply < best.eigh + best.apply) best = { eigh: tEig, apply: tApply };
      lambdaMax = predictor.spectrum.lambdaMax;
      lambdaMin = predictor.spectrum.lambdaMin;
      runs++;
    }
    emit('predict', {
      N: n,
      M,
      L: 3,
      repeats: runs,
      kernelBuildSeconds: +build.toFixed(3),
      eighSeconds: +best.eigh.toFixed(3),
      applySeconds: +best.apply.toFixed(3),
      seconds: +(best.eigh + best.apply).toFixed(3),
      lambdaMin: +lambdaMin.toPrecision(4),
      lambdaMax: +lambdaMax.toPrecision(4),
    });
  }
}

function table(head: string[], body: (string | number | boolean | undefined)[][]): string {
  const cells = [head, ...body.map((r) => r.map((c) => String(c ?? '')))];
  const w = head.map((_, j) => Math.max(...cells.map((r) => (r[j] as string).length)));
  const line = (r: string[]): string => `| ${r.map((c, j) => c.padStart(w[j] as number)).join(' | ')} |`;
  return [
    line(head),
    `|${w.map((x) => `${'-'.repeat(x + 1)}:`).join('|')}|`,
    ...cells.slice(1).map(line),
  ].join('\n');
}

console.error(
  `@ntk/dynamics bench${quick ? ' (quick)' : ''}: node ${process.version}, load ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
);
if (only !== 'predict') await benchStep();
if (only !== 'step') await benchPredict();

if (rows.step.length > 0) {
  const r0 = rows.step[0] as Row;
  console.log(
    `\nFull-batch GD step, ReLU MLP, N = ${r0['N']}, W = ${r0['W']}, L = ${r0['L']}, d = ${r0['d']} ` +
      `(${r0['steps']} timed steps; nominal ${r0['nominalGflop']} GFLOP/step = 3F, executed ${r0['executedGflop']})\n`,
  );
  console.log(
    table(
      ['backend', 'warm-up run (s)', 's / step', 'GFLOP/s nominal', 'GFLOP/s executed', 'load1'],
      rows.step.map((r) => [
        r['backend'],
        r['warmupSeconds'],
        r['secondsPerStep'],
        r['nominalGflops'],
        r['executedGflops'],
        r['load1'],
      ]),
    ),
  );
}
if (rows.predict.length > 0) {
  console.log(
    `\nInfinite-width prediction: gradientDescentMse + 5 times, ReLU NTK L = 3, ${(rows.predict[0] as Row)['M']} test points\n`,
  );
  console.log(
    table(
      ['N', 'kernel build (s, untimed)', 'eigh_s', 'apply_s', 'seconds', 'repeats', 'load1'],
      rows.predict.map((r) => [
        r['N'],
        r['kernelBuildSeconds'],
        r['eighSeconds'],
        r['applySeconds'],
        r['seconds'],
        r['repeats'],
        r['load1'],
      ]),
    ),
  );
}
