import { foldIn, sphere, splitKey } from '@ntk/core';
import { initMlp } from '@ntk/empirical';
import type {
  Claim,
  ClaimTest,
  FigureData,
  Measurement,
  Observation,
  Prediction,
} from '../../claim/types.ts';
import { jackknife } from '../../stats/jackknife.ts';
import { HANIN_NICA_LOG_CONSTANT } from '../hanin-nica-2020-variance/claim.ts';
import { observedSlope } from '../monte-carlo/observed-slope.ts';
import { firstStepNtkChange } from './first-step-ntk-change.ts';

/** One grid point: L hidden layers of width n, input dimension n₀ (‖x‖² = n₀), learning rate, networks. */
export type HaninNicaSgdUpdateParams = {
  /** L, hidden layers (Hanin & Nica's d = L + 1). */
  readonly depth: number;
  /** Hidden width n. */
  readonly width: number;
  /** Input dimension n₀. */
  readonly inputDim: number;
  /** Learning rate η of the single step (small: the first-order update). */
  readonly learningRate: number;
  /** Random networks K. */
  readonly networks: number;
};

/**
 * The theorem's order of the relative mean update per unit learning rate: (dβ/n₀)·exp(5β), d = L + 1, β = L/n.
 *
 * @param params - The grid point.
 * @returns `{ order, logOrder, beta }`.
 * @example
 * ```ts
 * haninNicaSgdUpdate({ depth: 4, width: 16, inputDim: 4, learningRate: 0.001, networks: 10 }).order; // 5·0.25/4·e^{1.25}
 * ```
 */
export function haninNicaSgdUpdate(params: HaninNicaSgdUpdateParams): Prediction {
  const beta = params.depth / params.width;
  const order = (((params.depth + 1) * beta) / params.inputDim) * Math.exp(5 * beta);
  return { order, logOrder: Math.log(order), beta };
}

function fitPoints(observations: readonly Observation<HaninNicaSgdUpdateParams>[]): {
  x: number[];
  y: number[];
  se: number[];
} {
  return {
    x: observations.map((o) => o.prediction.logOrder as number),
    y: observations.map((o) => o.measurement.values.logAbsRelativeUpdate?.value ?? Number.NaN),
    se: observations.map((o) => o.measurement.values.logAbsRelativeUpdate?.standardError ?? Number.NaN),
  };
}

/**
 * Hanin & Nica (ICLR 2020), Theorem 2: the mean of the first SGD update of the on-diagonal NTK, relative to the NTK,
 * is of order (dβ/n₀)·exp(5β). Measured by one gradient step on one input from random ReLU networks, with jackknife
 * errors for the ratio of means, as the slope of log|E[ΔK]/(η E[K])| against log((dβ/n₀)e^{5β}) across depth and
 * width at fixed n₀.
 *
 * @example
 * ```ts
 * const m = await haninNica2020SgdUpdateClaim.measure(params, { key: key(1), budget: 'quick', backend: cpuBackend() });
 * ```
 */
export const haninNica2020SgdUpdateClaim: Claim<HaninNicaSgdUpdateParams> = {
  id: 'hanin-nica-2020-sgd-update',
  title: 'Mean first SGD update of the ReLU NTK ≃ (dβ/n₀)·exp(5β)',
  citation: {
    authors: ['Boris Hanin', 'Mihai Nica'],
    title: 'Finite Depth and Width Corrections to the Neural Tangent Kernel',
    year: 2020,
    venue: 'ICLR 2020',
    arxiv: '1909.05989',
    locator: 'Theorem 2',
  },
  statement:
    'For a ReLU network with He-initialised weights and zero biases, the mean of the first SGD update ΔK_N(x, x) of ' +
    'the on-diagonal NTK, on a batch of one input, satisfies E[ΔK_N(x, x)]/E[K_N(x, x)] ≃ (dβ/n₀)·exp(5β): it is ' +
    'exponential in depth over width, not of order 1/width as at fixed depth.',
  formula: String.raw`\frac{\mathbb E[\Delta K_{\mathcal N}(x,x)]}{\mathbb E[K_{\mathcal N}(x,x)]} \simeq \frac{d\beta}{n_0}\,e^{5\beta}`,
  conditions: [
    'ReLU; weights N(0, 2/fan-in); biases initialised at 0 and trained; one SGD step on one input, square loss',
    'finite depth and widths; ≃: up to universal constants',
  ],
  conventions:
    'Depth d = L + 1, β = L/n (uniform width). Our step: gradient descent on ½(f(x) − y)² with y = 0 in the NTK ' +
    'parameterisation (σ_w² = 2, zero-initialised biases with gradient factor 1), θ ← θ − η f(x) ∇_θ f(x); its ' +
    'learning rate η is the paper’s per-parameter learning rates up to one constant factor, which the slope test does ' +
    'not see. We measure R = E[ΔΘ̂(x, x)]/(η E[Θ̂(x, x)]) at small η (first order; checked linear in η).',
  assumptions: [
    'The statement of Theorem 2 could not be read in full: we assume the square loss on one input with a target ' +
      'independent of the network (y = 0 here; a mean-zero independent target gives the same mean at first order) and ' +
      'a learning rate that does not scale with depth or width. The sign convention of ΔK is not checked: the test ' +
      'is on |R| (the measured R is negative: the diagonal NTK decreases on average); the sign is reported.',
    'n₀ is held fixed (n₀ = 4, ‖x‖² = n₀), as the 1/n₀ factor depends on how the paper normalises x, which we could ' +
      'not confirm; the test is the scaling in depth and width.',
    `"≃" with constants in [e^{−${HANIN_NICA_LOG_CONSTANT}}, e^{${HANIN_NICA_LOG_CONSTANT}}] (as in ` +
      'hanin-nica-2020-variance) bounds the slope of log|R| against log((dβ/n₀)e^{5β}) by 1 ± 4/Δx over a grid whose ' +
      'predictor spans Δx; the overall constant (the learning-rate normalisation) is not tested.',
  ],
  method: 'monte-carlo',
  grid: {
    quick: [
      { depth: 2, width: 16, inputDim: 4, learningRate: 0.001, networks: 2000 },
      { depth: 4, width: 16, inputDim: 4, learningRate: 0.001, networks: 2000 },
      { depth: 8, width: 16, inputDim: 4, learningRate: 0.001, networks: 2000 },
      { depth: 2, width: 32, inputDim: 4, learningRate: 0.001, networks: 2000 },
      { depth: 6, width: 32, inputDim: 4, learningRate: 0.001, networks: 2000 },
    ],
    full: [
      ...[2, 4, 8, 16, 24].map((depth) => ({
        depth,
        width: 32,
        inputDim: 4,
        learningRate: 0.0005,
        networks: 20000,
      })),
      ...[4, 16, 32, 64].map((depth) => ({
        depth,
        width: 128,
        inputDim: 4,
        learningRate: 0.0005,
        networks: 10000,
      })),
      { depth: 10, width: 1000, inputDim: 4, learningRate: 0.0005, networks: 2000 },
    ],
  },
  predict: haninNicaSgdUpdate,
  async measure(params, context): Promise<Measurement> {
    const [kInput, kNets] = splitKey(context.key) as [typeof context.key, typeof context.key];
    const x = sphere(kInput, 1, params.inputDim);
    const spec = {
      activation: 'relu',
      depth: params.depth,
      widths: params.width,
      sigmaW2: 2,
      sigmaB2: 1,
    } as const;
    const before = new Float64Array(params.networks);
    const delta = new Float64Array(params.networks);
    const every = Math.max(1, Math.floor(params.networks / 20));
    for (let k = 0; k < params.networks; k++) {
      context.signal?.throwIfAborted();
      const net = initMlp(spec, foldIn(kNets, k), params.inputDim);
      for (const layer of net.layers) layer.b.fill(0);
      const r = await firstStepNtkChange(net, x, 0, params.learningRate, context.backend);
      before[k] = r.before;
      delta[k] = r.after - r.before;
      if ((k + 1) % every === 0 || k + 1 === params.networks) {
        context.onProgress?.({
          fraction: (k + 1) / params.networks,
          message: `network ${k + 1}/${params.networks}`,
        });
      }
    }
    const index = Float64Array.from({ length: params.networks }, (_, i) => i);
    const ratio = (idx: Float64Array): number => {
      let a = 0;
      let b = 0;
      for (const i of idx) {
        a += delta[i] as number;
        b += before[i] as number;
      }
      return a / (params.learningRate * b);
    };
    const relativeUpdate = jackknife(index, ratio);
    const r = relativeUpdate.value;
    return {
      values: {
        relativeUpdate,
        logAbsRelativeUpdate: {
          value: Math.log(Math.abs(r)),
          standardError: (relativeUpdate.standardError as number) / Math.abs(r),
          samples: params.networks,
        },
        sign: { value: Math.sign(r) },
      },
      settings: {
        activation: 'relu',
        parameterization: 'ntk',
        sigmaW2: 2,
        biases: 'trained, initialised at 0, gradient factor σ_b² = 1',
        depth: params.depth,
        width: params.width,
        inputDim: params.inputDim,
        inputNorm2: 1,
        loss: '½(f(x) − y)², y = 0, one input',
        learningRate: params.learningRate,
        networks: params.networks,
        standardError: 'delete-a-group jackknife over networks (50 groups) of E[ΔΘ̂]/(η E[Θ̂])',
        keys: 'input: splitKey(ctx.key)[0]; network k: foldIn(splitKey(ctx.key)[1], k)',
      },
    };
  },
  tests(observations): readonly ClaimTest[] {
    const { x } = fitPoints(observations);
    const span = x.length > 0 ? Math.max(...x) - Math.min(...x) : 0;
    const half = span > 0 ? (2 * HANIN_NICA_LOG_CONSTANT) / span : Number.POSITIVE_INFINITY;
    return [
      {
        id: 'slope',
        description:
          'Weighted slope of log|E[ΔΘ̂(x, x)]/(η E[Θ̂(x, x)])| against log((dβ/n₀)e^{5β}) over the grid ' +
          `(Δx = ${span.toFixed(3)}); ≃ with constants in [e^{−${HANIN_NICA_LOG_CONSTANT}}, e^{${HANIN_NICA_LOG_CONSTANT}}] ` +
          `allows 1 ± ${2 * HANIN_NICA_LOG_CONSTANT}/Δx = [${(1 - half).toFixed(2)}, ${(1 + half).toFixed(2)}].`,
        statistic: observedSlope(
          observations,
          (o) => o.prediction.logOrder as number,
          'logAbsRelativeUpdate',
        ),
        accept: { lo: 1 - half, hi: 1 + half },
      },
    ];
  },
  figure(observations): FigureData {
    const { x, y, se } = fitPoints(observations);
    const offset = x.length > 0 ? y.reduce((a, v, i) => a + v - (x[i] as number), 0) / x.length : 0;
    return {
      title: 'Hanin & Nica Theorem 2: |E[ΔΘ̂]/(η E[Θ̂])| against (dβ/n₀)e^{5β}',
      x: { title: '(dβ/n₀)·exp(5β)', scale: 'log' },
      y: { title: '|E[ΔΘ̂(x,x)]| / (η E[Θ̂(x,x)])', scale: 'log' },
      series: [
        {
          name: 'slope 1 (constant fitted)',
          role: 'prediction',
          points: x.map((v) => ({ x: Math.exp(v), y: Math.exp(v + offset) })),
        },
        {
          name: 'Monte Carlo (±2 jackknife SE)',
          role: 'measurement',
          points: x.map((v, i) => ({
            x: Math.exp(v),
            y: Math.exp(y[i] as number),
            lo: Math.exp((y[i] as number) - 2 * (se[i] as number)),
            hi: Math.exp((y[i] as number) + 2 * (se[i] as number)),
          })),
        },
      ],
    };
  },
};
