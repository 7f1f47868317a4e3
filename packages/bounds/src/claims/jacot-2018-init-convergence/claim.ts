import { mlpKernels } from '@ntk/analytic';
import { foldIn, type Matrix, sphere, splitKey } from '@ntk/core';
import { empiricalNtk, initMlp } from '@ntk/empirical';
import type { Claim, ClaimTest, FigureData, Measurement, Prediction } from '../../claim/types.ts';
import { logEstimatePoints } from '../monte-carlo/log-estimate-points.ts';
import { logMeanEstimate } from '../monte-carlo/log-mean-estimate.ts';
import { observedSlope } from '../monte-carlo/observed-slope.ts';

/** One grid point: the hidden width, the network and the Monte-Carlo size. */
export type JacotInitParams = {
  /** Hidden width n (all hidden layers). */
  readonly width: number;
  /** L, hidden layers. */
  readonly depth: number;
  /** Input dimension n₀. */
  readonly inputDim: number;
  /** Number of inputs N on the sphere. */
  readonly points: number;
  /** Random networks K. */
  readonly networks: number;
};

/** Jacot et al.'s setting for the check: ReLU, σ_w² = 1 (their 1/√n_l scaling), bias factor β = 0.1. */
export const JACOT_SPEC = { activation: 'relu', sigmaW2: 1, sigmaB2: 0.01 } as const;

/** Half-width of the accepted band around the CLT slope −1/2 (room for the O(1/n) bias of the mean). */
export const JACOT_INIT_SLOPE_BAND = 0.15;

/**
 * The CLT rate of the distance between the empirical and the limiting NTK: E‖Θ̂ − Θ‖_F/‖Θ‖_F ∝ n^{−1/2}.
 *
 * @param params - The grid point.
 * @returns `{ slope: −0.5, width }`.
 * @example
 * ```ts
 * jacotInitRate({ width: 64, depth: 3, inputDim: 4, points: 8, networks: 8 }).slope; // -0.5
 * ```
 */
export function jacotInitRate(params: JacotInitParams): Prediction {
  return { slope: -0.5, width: params.width };
}

function relativeFrobenius(a: Matrix, b: Matrix): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.data.length; i++) {
    num += ((a.data[i] as number) - (b.data[i] as number)) ** 2;
    den += (b.data[i] as number) ** 2;
  }
  return Math.sqrt(num / den);
}

/**
 * Jacot, Gabriel & Hongler (NeurIPS 2018), Theorem 1: at initialisation the empirical NTK of a network converges in
 * probability to the deterministic limiting NTK as the widths grow. Measured as the relative Frobenius distance
 * between the empirical NTK (`@ntk/empirical`) and the analytic one (`@ntk/analytic`) on points of the sphere, over
 * random networks, across widths; the CLT gives the rate n^{−1/2}, tested as a log-log slope.
 *
 * @example
 * ```ts
 * const m = await jacot2018InitConvergenceClaim.measure(jacot2018InitConvergenceClaim.grid.quick[0], { key: key(1), budget: 'quick', backend: cpuBackend() });
 * ```
 */
export const jacot2018InitConvergenceClaim: Claim<JacotInitParams> = {
  id: 'jacot-2018-init-convergence',
  title: 'The empirical NTK at initialisation converges to the analytic NTK (rate n^−1/2)',
  citation: {
    authors: ['Arthur Jacot', 'Franck Gabriel', 'Clément Hongler'],
    title: 'Neural Tangent Kernel: Convergence and Generalization in Neural Networks',
    year: 2018,
    venue: 'NeurIPS 2018',
    arxiv: '1806.07572',
    locator: 'Theorem 1',
  },
  statement:
    'For a network of depth L at initialisation, with a Lipschitz, twice differentiable nonlinearity, in the limit as ' +
    'the layers’ widths n_1, …, n_{L−1} → ∞ the NTK converges in probability to a deterministic limiting kernel ' +
    'Θ^{(L)} ⊗ Id, given by the recursion Θ^{(L+1)} = Θ^{(L)} Σ̇^{(L+1)} + Σ^{(L+1)}.',
  formula: String.raw`\hat\Theta^{(L)} \xrightarrow{\;p\;} \Theta^{(L)}_\infty \otimes \mathrm{Id}_{n_L},\qquad \mathbb E\,\frac{\|\hat\Theta-\Theta_\infty\|_F}{\|\Theta_\infty\|_F} \propto n^{-1/2}\ \text{(CLT)}`,
  conditions: [
    'NTK parameterisation: z = (1/√n_l) W a + β b, all parameters N(0, 1) and trained',
    'widths to infinity (sequentially in the theorem); fixed inputs; scalar output',
  ],
  conventions:
    'Jacot et al.’s network is our NTK parameterisation with σ_w² = 1 and σ_b² = β²; their depth L counts weight ' +
    'layers, ours hidden layers (their L = our L + 1). Their Θ has no 1/2 and no 1/n, as ours (DESIGN §3). ' +
    'The rate n^{−1/2} is not in the theorem: it is the central limit theorem for the per-layer sums of n terms.',
  assumptions: [
    'ReLU (as in the paper’s numerical section), although the theorem asks for a twice differentiable ' +
      'nonlinearity; β = 0.1 (σ_b² = 0.01), as in the paper’s figures.',
    `The slope of log E[distance] against log n is accepted within −1/2 ± ${JACOT_INIT_SLOPE_BAND}: the distance is ` +
      'dominated by the O(n^{−1/2}) fluctuations, the O(1/n) bias of the mean tilting the slope a little at small widths.',
    'Inputs: N points uniform on the sphere of radius √n₀ (so x·x/n₀ = 1).',
  ],
  method: 'monte-carlo',
  grid: {
    quick: [
      { width: 32, depth: 3, inputDim: 4, points: 8, networks: 48 },
      { width: 64, depth: 3, inputDim: 4, points: 8, networks: 48 },
      { width: 128, depth: 3, inputDim: 4, points: 8, networks: 40 },
      { width: 256, depth: 3, inputDim: 4, points: 8, networks: 40 },
    ],
    full: [64, 128, 256, 512, 1024, 2048, 4096].map((width) => ({
      width,
      depth: 3,
      inputDim: 4,
      points: 8,
      networks: 64,
    })),
  },
  predict: jacotInitRate,
  async measure(params, context): Promise<Measurement> {
    const [kInput, kNets] = splitKey(context.key) as [typeof context.key, typeof context.key];
    const X = sphere(kInput, params.points, params.inputDim);
    const spec = { ...JACOT_SPEC, depth: params.depth };
    const limit = mlpKernels(spec, X).ntk;
    const distances = new Float64Array(params.networks);
    for (let k = 0; k < params.networks; k++) {
      context.signal?.throwIfAborted();
      const net = initMlp({ ...spec, widths: params.width }, foldIn(kNets, k), params.inputDim);
      const { ntk } = await empiricalNtk(net, X, undefined, { backend: context.backend });
      distances[k] = relativeFrobenius(ntk, limit);
      context.onProgress?.({
        fraction: (k + 1) / params.networks,
        message: `network ${k + 1}/${params.networks}`,
      });
    }
    let mean = 0;
    for (const v of distances) mean += v;
    mean /= params.networks;
    return {
      values: {
        logDistance: logMeanEstimate(distances),
        distance: { value: mean, samples: params.networks },
      },
      settings: {
        ...JACOT_SPEC,
        parameterization: 'ntk',
        depth: params.depth,
        width: params.width,
        inputDim: params.inputDim,
        points: params.points,
        networks: params.networks,
        limit: '@ntk/analytic mlpKernels (closed-form ReLU arc-cosine recursion)',
        keys: 'inputs: sphere(splitKey(ctx.key)[0]); network k: foldIn(splitKey(ctx.key)[1], k)',
      },
    };
  },
  tests(observations): readonly ClaimTest[] {
    const band = JACOT_INIT_SLOPE_BAND;
    return [
      {
        id: 'rate',
        description:
          'Weighted slope of log E[‖Θ̂ − Θ‖_F/‖Θ‖_F] against log width over the grid (delta-method errors of the log ' +
          `means); convergence at the CLT rate n^{−1/2} allows [−${0.5 + band}, −${0.5 - band}].`,
        statistic: observedSlope(observations, (o) => Math.log(o.params.width), 'logDistance'),
        accept: { lo: -0.5 - band, hi: -0.5 + band },
      },
    ];
  },
  figure(observations): FigureData {
    const first = observations[0];
    const c =
      first === undefined
        ? 1
        : (first.measurement.values.distance?.value ?? 1) * Math.sqrt(first.params.width);
    return {
      title: 'Jacot et al. Theorem 1: distance of the empirical NTK from the limit against width',
      x: { title: 'width n', scale: 'log' },
      y: { title: 'E‖Θ̂ − Θ‖_F / ‖Θ‖_F', scale: 'log' },
      series: [
        {
          name: 'CLT rate ∝ n^{−1/2} (through the first point)',
          role: 'prediction',
          points: observations.map((o) => ({ x: o.params.width, y: c / Math.sqrt(o.params.width) })),
        },
        {
          name: 'Monte Carlo (±2 SE)',
          role: 'measurement',
          points: logEstimatePoints(observations, (o) => o.params.width, 'logDistance'),
        },
      ],
    };
  },
};
