import { foldIn, Matrix } from '@ntk/core';
import { initMlp, mlpForward } from '@ntk/empirical';
import { type Claim, type ClaimParams, meanEstimate } from '../src/index.ts';

/** A grid point: depth L (hidden layers), width n, and how many random networks to average over. */
export interface HeParams extends ClaimParams {
  readonly depth: number;
  readonly width: number;
  readonly networks: number;
}

const d = 4;
const x = Matrix.fromRows([[1, 1, 1, 1]]); // ‖x‖²/d = 1

export const heVarianceClaim: Claim<HeParams> = {
  id: 'he-2015-variance-preservation',
  title: 'He initialisation keeps the output variance fixed at every depth',
  citation: {
    authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
    title: 'Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification',
    year: 2015,
    venue: 'ICCV 2015',
    arxiv: '1502.01852',
    locator: 'Section 2.2 (forward propagation case)',
  },
  statement:
    'In a ReLU network whose weights have variance 2/fan-in and whose biases are zero, every layer’s ' +
    'pre-activations have the same second moment as the first layer’s.',
  formula:
    '\\mathbb{E}\\big[f(x)^2\\big] = \\sigma_w^2 \\lVert x \\rVert^2 / d = 2 \\lVert x \\rVert^2 / d \\quad \\text{for every depth } L',
  conditions: [
    'ReLU activation',
    'weights i.i.d. with variance 2/fan-in, biases zero',
    'any width and depth: E[φ(z)²] = E[z²]/2 for every symmetric z, so the identity is exact in expectation',
  ],
  conventions:
    'The paper draws W ~ N(0, 2/n_in) (standard parameterisation); ours is the NTK parameterisation with ' +
    'σ_w² = 2, σ_b² = 0, whose forward pass at initialisation has the same distribution. L counts hidden layers.',
  assumptions: [
    'Gaussian weights (the paper allows any zero-mean symmetric law)',
    'input x = (1, 1, 1, 1), d = 4',
  ],
  method: 'monte-carlo',
  grid: {
    quick: [
      { depth: 1, width: 32, networks: 3000 },
      { depth: 4, width: 32, networks: 3000 },
    ],
    full: [1, 4, 16].map((depth) => ({ depth, width: 256, networks: 20000 })),
  },
  // The theory: Σ¹ = σ_w²‖x‖²/d = 2, and each layer maps q ↦ σ_w²·q/2 = q.
  predict: () => ({ meanSquare: 2 }),
  async measure(p, ctx) {
    const spec = { activation: 'relu', depth: p.depth, widths: p.width, sigmaW2: 2, sigmaB2: 0 };
    const squares = new Float64Array(p.networks);
    for (let i = 0; i < p.networks; i++) {
      if (i % 100 === 0) {
        ctx.signal?.throwIfAborted();
        ctx.onProgress?.({ fraction: i / p.networks, message: `network ${i}/${p.networks}` });
      }
      // Network i from its own key: the point's measurement is reproducible from ctx.key alone.
      const net = initMlp(spec, foldIn(ctx.key, i), d);
      const f = (await mlpForward(net, x, { backend: ctx.backend })).data[0] as number;
      squares[i] = f * f;
    }
    return {
      values: { meanSquare: meanEstimate(squares) },
      settings: { ...spec, networks: p.networks, inputDim: d, input: 'ones' },
    };
  },
  // One test per point: E[f²] / prediction within ±15 %. The identity is exact, so the band is only an
  // equivalence margin for the Monte-Carlo error: a wide interval gives `inconclusive`, never `supported`.
  tests: (observations) =>
    observations.map((o) => {
      const m = o.measurement.values['meanSquare'];
      const pred = o.prediction['meanSquare'] as number;
      return {
        id: `ratio-depth-${o.params.depth}`,
        description: `E[f(x)²] / (2‖x‖²/d) at depth ${o.params.depth}, width ${o.params.width}; accept [0.85, 1.15]`,
        statistic: {
          value: (m?.value ?? Number.NaN) / pred,
          standardError: (m?.standardError ?? Number.NaN) / pred,
        },
        accept: { lo: 0.85, hi: 1.15 },
      };
    }),
  figure: (observations) => ({
    title: 'Output second moment vs depth (He initialisation)',
    x: { title: 'depth L' },
    y: { title: 'E[f(x)²]' },
    series: [
      { name: 'theory', role: 'prediction', points: observations.map((o) => ({ x: o.params.depth, y: 2 })) },
      {
        name: 'Monte-Carlo',
        role: 'measurement',
        points: observations.map((o) => {
          const m = o.measurement.values['meanSquare'];
          const v = m?.value ?? Number.NaN;
          const se = m?.standardError ?? Number.NaN;
          return { x: o.params.depth, y: v, lo: v - 2 * se, hi: v + 2 * se };
        }),
      },
    ],
  }),
};
