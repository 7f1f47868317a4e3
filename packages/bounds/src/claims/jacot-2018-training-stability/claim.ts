import { foldIn, Matrix, sphere, splitKey } from '@ntk/core';
import { trainMlp } from '@ntk/dynamics';
import { initMlp } from '@ntk/empirical';
import type { Claim, ClaimTest, FigureData, Measurement, Prediction } from '../../claim/types.ts';
import { JACOT_SPEC } from '../jacot-2018-init-convergence/claim.ts';
import { logEstimatePoints } from '../monte-carlo/log-estimate-points.ts';
import { logMeanEstimate } from '../monte-carlo/log-mean-estimate.ts';
import { observedSlope } from '../monte-carlo/observed-slope.ts';

/** One grid point: width, network, data size, gradient-descent schedule and Monte-Carlo size. */
export type JacotTrainingParams = {
  /** Hidden width n. */
  readonly width: number;
  /** L, hidden layers. */
  readonly depth: number;
  /** Input dimension n₀. */
  readonly inputDim: number;
  /** Training points N (also the probe set on which Θ̂ is tracked). */
  readonly points: number;
  /** Gradient-descent learning rate η. */
  readonly learningRate: number;
  /** Training time t = Σ η (steps = t/η). */
  readonly time: number;
  /** Random networks K. */
  readonly networks: number;
};

/**
 * What the theorem gives: the NTK's relative change over a fixed training time vanishes as the width grows; within
 * power laws, a negative log-log slope (the O(1/√n) of Lee et al. 2019 corresponds to −1/2).
 *
 * @param params - The grid point.
 * @returns `{ slopeUpper: 0, cltSlope: −0.5, steps }`.
 * @example
 * ```ts
 * jacotTrainingRate({ width: 64, depth: 3, inputDim: 4, points: 4, learningRate: 1, time: 20, networks: 4 }).steps; // 20
 * ```
 */
export function jacotTrainingRate(params: JacotTrainingParams): Prediction {
  return { slopeUpper: 0, cltSlope: -0.5, steps: Math.ceil(params.time / params.learningRate - 1e-9) };
}

/**
 * Jacot, Gabriel & Hongler (NeurIPS 2018), Theorem 2: during gradient-descent training for a bounded time the NTK
 * stays asymptotically constant as the widths grow. Measured by training random networks with full-batch gradient
 * descent on the MSE (`@ntk/dynamics` trainMlp, which tracks ‖Θ̂_t − Θ̂_0‖_F/‖Θ̂_0‖_F on a probe set) for a fixed
 * time across widths, and testing that the relative change falls with the width (negative log-log slope).
 *
 * @example
 * ```ts
 * const tests = jacot2018TrainingStabilityClaim.tests(observations, 'quick'); // one test: the log-log slope
 * ```
 */
export const jacot2018TrainingStabilityClaim: Claim<JacotTrainingParams> = {
  id: 'jacot-2018-training-stability',
  title: 'The NTK’s change during training vanishes with width',
  citation: {
    authors: ['Arthur Jacot', 'Franck Gabriel', 'Clément Hongler'],
    title: 'Neural Tangent Kernel: Convergence and Generalization in Neural Networks',
    year: 2018,
    venue: 'NeurIPS 2018',
    arxiv: '1806.07572',
    locator: 'Theorem 2',
  },
  statement:
    'For any T such that the integral of the norm of the cost’s functional gradient up to T stays bounded, as the ' +
    'widths n_1, …, n_{L−1} → ∞ the NTK converges uniformly on [0, T] to the limiting kernel Θ^{(L)}_∞ ⊗ Id: it ' +
    'stays constant during training.',
  formula: String.raw`\sup_{t\le T}\|\hat\Theta_t-\hat\Theta_0\| \xrightarrow{\;p\;} 0 \quad (n\to\infty)`,
  conditions: [
    'NTK parameterisation, all parameters N(0, 1) and trained by gradient descent',
    'training for a bounded time T; widths to infinity',
  ],
  conventions:
    'As jacot-2018-init-convergence: σ_w² = 1, σ_b² = β² = 0.01, their depth = our L + 1. Training: `@ntk/dynamics` ' +
    'full-batch gradient descent on (1/N)Σ½(y − f)², time t = Σ_k η_k (the theorem’s continuous time for small η); ' +
    'the change is ‖Θ̂_t − Θ̂_0‖_F/‖Θ̂_0‖_F on the training points.',
  assumptions: [
    'ReLU (the paper’s numerical section) instead of a twice differentiable nonlinearity; targets y = x₁x₂ on N points ' +
      'of the sphere of radius √n₀ (a fixed smooth function, so the functional gradient stays bounded).',
    'Gradient descent with a finite step (η = 1 here, well below 2N/λ_max(Θ)) stands in for gradient flow.',
    'The theorem gives no rate; "vanishes" is tested as a negative weighted log-log slope of the mean relative change ' +
      'against the width. Lee et al. (2019) bound it by O(n^{−1/2}); that rate is reported, not tested, here.',
  ],
  method: 'monte-carlo',
  grid: {
    quick: [
      { width: 32, depth: 3, inputDim: 4, points: 4, learningRate: 1, time: 20, networks: 10 },
      { width: 64, depth: 3, inputDim: 4, points: 4, learningRate: 1, time: 20, networks: 10 },
      { width: 128, depth: 3, inputDim: 4, points: 4, learningRate: 1, time: 20, networks: 8 },
      { width: 256, depth: 3, inputDim: 4, points: 4, learningRate: 1, time: 20, networks: 6 },
    ],
    full: [64, 128, 256, 512, 1024, 2048, 4096].map((width) => ({
      width,
      depth: 3,
      inputDim: 4,
      points: 8,
      learningRate: 0.5,
      time: 20,
      networks: 16,
    })),
  },
  predict: jacotTrainingRate,
  async measure(params, context): Promise<Measurement> {
    const [kData, kNets] = splitKey(context.key) as [typeof context.key, typeof context.key];
    const X = sphere(kData, params.points, params.inputDim);
    const Y = new Matrix(
      params.points,
      1,
      Float64Array.from(
        { length: params.points },
        (_, i) => X.get(i, 0) * X.get(i, Math.min(1, params.inputDim - 1)),
      ),
    );
    const changes = new Float64Array(params.networks);
    const losses: number[] = [];
    let steps = 0;
    for (let k = 0; k < params.networks; k++) {
      context.signal?.throwIfAborted();
      const net = initMlp(
        { ...JACOT_SPEC, depth: params.depth, widths: params.width },
        foldIn(kNets, k),
        params.inputDim,
      );
      const result = await trainMlp(
        net,
        { xTrain: X, yTrain: Y, xProbe: X },
        {
          learningRate: params.learningRate,
          time: params.time,
          backend: context.backend,
          ...(context.signal === undefined ? {} : { signal: context.signal }),
        },
      );
      const last = result.records[result.records.length - 1];
      changes[k] = last?.ntkChange ?? Number.NaN;
      losses.push(last?.trainLoss ?? Number.NaN);
      steps = result.steps;
      context.onProgress?.({
        fraction: (k + 1) / params.networks,
        message: `network ${k + 1}/${params.networks}`,
      });
    }
    let mean = 0;
    for (const v of changes) mean += v;
    mean /= params.networks;
    return {
      values: {
        logChange: logMeanEstimate(changes),
        change: { value: mean, samples: params.networks },
        finalTrainLoss: { value: losses.reduce((a, b) => a + b, 0) / losses.length, samples: losses.length },
      },
      settings: {
        ...JACOT_SPEC,
        parameterization: 'ntk',
        depth: params.depth,
        width: params.width,
        inputDim: params.inputDim,
        points: params.points,
        targets: 'y = x₁·x₂',
        optimizer: 'full-batch gradient descent on (1/N)Σ½(y − f)² (@ntk/dynamics trainMlp)',
        learningRate: params.learningRate,
        time: params.time,
        steps,
        networks: params.networks,
        keys: 'data: sphere(splitKey(ctx.key)[0]); network k: foldIn(splitKey(ctx.key)[1], k)',
      },
    };
  },
  tests(observations): readonly ClaimTest[] {
    return [
      {
        id: 'vanishes',
        description:
          'Weighted slope of log E[‖Θ̂_t − Θ̂_0‖_F/‖Θ̂_0‖_F] (fixed training time t) against log width; a change that ' +
          'vanishes as the width grows allows any negative slope (−∞, 0).',
        statistic: observedSlope(observations, (o) => Math.log(o.params.width), 'logChange'),
        accept: { lo: Number.NEGATIVE_INFINITY, hi: 0 },
      },
    ];
  },
  figure(observations): FigureData {
    const first = observations[0];
    const c =
      first === undefined ? 1 : (first.measurement.values.change?.value ?? 1) * Math.sqrt(first.params.width);
    return {
      title: 'Jacot et al. Theorem 2: relative NTK change after training for a fixed time, against width',
      x: { title: 'width n', scale: 'log' },
      y: { title: 'E‖Θ̂_t − Θ̂_0‖_F / ‖Θ̂_0‖_F', scale: 'log' },
      series: [
        {
          name: 'n^{−1/2} (Lee et al. bound, through the first point)',
          role: 'prediction',
          points: observations.map((o) => ({ x: o.params.width, y: c / Math.sqrt(o.params.width) })),
        },
        {
          name: 'trained networks (±2 SE)',
          role: 'measurement',
          points: logEstimatePoints(observations, (o) => o.params.width, 'logChange'),
        },
      ],
    };
  },
};
