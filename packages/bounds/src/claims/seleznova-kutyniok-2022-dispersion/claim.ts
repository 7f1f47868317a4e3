import { sphere, splitKey } from '@ntk/core';
import type {
  Claim,
  ClaimTest,
  FigureData,
  Measurement,
  Observation,
  Prediction,
} from '../../claim/types.ts';
import { jackknife } from '../../stats/jackknife.ts';
import { diagonalNtkSamples } from '../monte-carlo/diagonal-ntk-samples.ts';
import { logMomentRatio } from '../monte-carlo/log-moment-ratio.ts';
import { observedSlope } from '../monte-carlo/observed-slope.ts';

/** One grid point: σ_w², L hidden layers of width n, input dimension n₀ (‖x‖² = n₀), number of networks. */
export type SeleznovaKutyniokDispersionParams = {
  /** σ_w² of every layer (standard parameterisation, W ~ N(0, σ_w²/fan-in)). */
  readonly sigmaW2: number;
  /** L, hidden layers. */
  readonly depth: number;
  /** Hidden width n. */
  readonly width: number;
  /** Input dimension n₀. */
  readonly inputDim: number;
  /** Random networks K. */
  readonly networks: number;
};

/**
 * The slope (per unit of depth-to-width ratio L/n) of log(E[K²]/E[K]²) that separates "grows exponentially" (≥) from
 * "stays bounded" (≤): one e-fold of the dispersion per unit L/n.
 */
export const SELEZNOVA_GROWTH_THRESHOLD = 1;

/**
 * The phase of a ReLU network with σ_b² = 0 (Poole et al. 2016): χ₁ = σ_w²·E[φ'(z)²] = σ_w²/2 below 1 is ordered,
 * equal to 1 the edge of chaos, above 1 chaotic.
 *
 * @param sigmaW2 - σ_w².
 * @returns The phase.
 * @example
 * ```ts
 * reluPhase(2); // 'edge-of-chaos'
 * ```
 */
export function reluPhase(sigmaW2: number): 'ordered' | 'edge-of-chaos' | 'chaotic' {
  const chi = sigmaW2 / 2;
  return Math.abs(chi - 1) < 1e-12 ? 'edge-of-chaos' : chi < 1 ? 'ordered' : 'chaotic';
}

/**
 * The depth after which, in the ordered phase, the zero-initialised biases dominate the NTK: the weights' share
 * scales as n·χ^L against O(1) for the last biases, so it falls below one at L = ln n / ln(1/χ); twice that is
 * where the bounded regime is tested. Infinite outside the ordered phase.
 *
 * @param sigmaW2 - σ_w².
 * @param width - n.
 * @returns 2·ln n / ln(1/χ), or Infinity for χ ≥ 1.
 * @example
 * ```ts
 * orderedTransientDepth(1, 32); // 10
 * ```
 */
export function orderedTransientDepth(sigmaW2: number, width: number): number {
  const chi = sigmaW2 / 2;
  return chi < 1 ? (2 * Math.log(width)) / Math.log(1 / chi) : Number.POSITIVE_INFINITY;
}

/**
 * What the theory says at a grid point: χ = σ_w²/2, whether the dispersion grows exponentially in L/n there
 * (1: chaotic or edge of chaos; 0: ordered), and the ordered phase's transient depth.
 *
 * @param params - The grid point.
 * @returns `{ chi, grows, transientDepth }` (transientDepth is −1 outside the ordered phase: JSON has no Infinity).
 * @example
 * ```ts
 * seleznovaKutyniokDispersion({ sigmaW2: 2, depth: 10, width: 32, inputDim: 10, networks: 10 }).grows; // 1
 * ```
 */
export function seleznovaKutyniokDispersion(params: SeleznovaKutyniokDispersionParams): Prediction {
  const t = orderedTransientDepth(params.sigmaW2, params.width);
  return {
    chi: params.sigmaW2 / 2,
    grows: reluPhase(params.sigmaW2) === 'ordered' ? 0 : 1,
    transientDepth: Number.isFinite(t) ? t : -1,
  };
}

/** The observations of one σ_w² that enter its slope (ordered phase: past the transient depth). */
function seriesOf(
  observations: readonly Observation<SeleznovaKutyniokDispersionParams>[],
): Map<number, Observation<SeleznovaKutyniokDispersionParams>[]> {
  const bySigma = new Map<number, Observation<SeleznovaKutyniokDispersionParams>[]>();
  for (const o of observations) {
    const list = bySigma.get(o.params.sigmaW2) ?? [];
    list.push(o);
    bySigma.set(o.params.sigmaW2, list);
  }
  return bySigma;
}

/**
 * Seleznova & Kutyniok (ICML 2022): for ReLU networks with depth comparable to width, the NTK's dispersion at
 * initialisation grows exponentially with depth (in units of depth over width) in the chaotic phase and at the edge
 * of chaos, and stays bounded in the ordered phase. Measured by Monte Carlo over random networks on a σ_w²–depth
 * grid, as the slope of log(E[K²]/E[K]²) against L/n with jackknife errors.
 *
 * @example
 * ```ts
 * seleznovaKutyniok2022DispersionClaim.predict({ sigmaW2: 3, depth: 9, width: 100, inputDim: 10, networks: 1 }).grows; // 1
 * ```
 */
export const seleznovaKutyniok2022DispersionClaim: Claim<SeleznovaKutyniokDispersionParams> = {
  id: 'seleznova-kutyniok-2022-dispersion',
  title: 'NTK dispersion by phase: exponential growth at EOC and in chaos, bounded when ordered',
  citation: {
    authors: ['Mariia Seleznova', 'Gitta Kutyniok'],
    title: 'Neural Tangent Kernel Beyond the Infinite-Width Limit: Effects of Depth and Initialization',
    year: 2022,
    venue: 'ICML 2022',
    arxiv: '2202.00553',
    locator:
      'Main results on the NTK dispersion at initialisation (infinite-depth-and-width limit, all three phases)',
  },
  statement:
    'For fully-connected ReLU networks with depth comparable to width, the dispersion of the NTK at initialisation ' +
    'grows exponentially with depth at the edge of chaos and in the chaotic phase, but not in the ordered phase.',
  formula: String.raw`\log\frac{\mathbb E[K(x,x)^2]}{\mathbb E[K(x,x)]^2} \text{ grows linearly in } L/n \text{ for } \sigma_w^2 \ge 2,\ \text{stays bounded for } \sigma_w^2 < 2\ (\sigma_b^2 = 0)`,
  conditions: [
    'ReLU; standard parameterisation W ~ N(0, σ_w²/fan-in); σ_b² = 0 at initialisation',
    'phases of Poole et al. (2016): χ = σ_w²/2 < 1 ordered, = 1 edge of chaos, > 1 chaotic',
    'depth comparable to width (L/n of order one); their experiments: width 100, depth up to 49',
  ],
  conventions:
    'Standard parameterisation as in the paper (our `parameterization: "standard"`): Θ̂(x, x) = Σ_θ (∂f/∂θ)² over ' +
    'weights and biases; depth L = number of hidden layers; the statistic is scale-free, so the paper’s learning-rate ' +
    'or 1/n normalisation of the NTK does not change it.',
  assumptions: [
    'Biases are trained and initialised at 0 (σ_b² = 0 at initialisation), as in Hanin & Nica (2020), on whose result ' +
      'the paper builds: without trainable biases a bias-free ReLU network’s NTK is exactly σ_w^{2L} times that at ' +
      'σ_w² = 1 (positive homogeneity), so its dispersion could not depend on the phase at all.',
    'The dispersion statistic is E[K(x, x)²]/E[K(x, x)]² of the diagonal entry (one input on the sphere, ‖x‖² = n₀ = 10).',
    `"Grows exponentially" is read as a slope of log-dispersion against L/n of at least ${SELEZNOVA_GROWTH_THRESHOLD} ` +
      `(one e-fold per unit depth-to-width ratio; Hanin & Nica give ≈ 5 at the edge of chaos); "bounded" as a slope ` +
      `of at most ${SELEZNOVA_GROWTH_THRESHOLD}, fitted in the ordered phase only past twice the depth ln n/ln(1/χ) at ` +
      'which the weights’ share of the NTK (∝ n·χ^L) falls below the last biases’ (a transient the paper’s ' +
      'infinite-depth limit does not see).',
  ],
  method: 'monte-carlo',
  grid: {
    quick: [
      ...[2, 6, 10, 14].map((depth) => ({ sigmaW2: 2, depth, width: 32, inputDim: 10, networks: 500 })),
      ...[2, 6, 10, 14].map((depth) => ({ sigmaW2: 3, depth, width: 32, inputDim: 10, networks: 500 })),
      ...[10, 14, 20].map((depth) => ({ sigmaW2: 1, depth, width: 32, inputDim: 10, networks: 400 })),
    ],
    full: [
      ...[1.0, 1.5, 2.0, 2.5, 3.0].flatMap((sigmaW2) =>
        [1, 5, 9, 13, 17, 21, 25, 29, 33, 37, 41, 45, 49].map((depth) => ({
          sigmaW2,
          depth,
          width: 100,
          inputDim: 10,
          networks: 5000,
        })),
      ),
    ],
  },
  predict: seleznovaKutyniokDispersion,
  async measure(params, context): Promise<Measurement> {
    const [kInput, kNets] = splitKey(context.key) as [typeof context.key, typeof context.key];
    const input = sphere(kInput, 1, params.inputDim);
    const samples = await diagonalNtkSamples({
      spec: {
        activation: 'relu',
        depth: params.depth,
        widths: params.width,
        sigmaW2: params.sigmaW2,
        sigmaB2: 1,
        parameterization: 'standard',
      },
      input,
      key: kNets,
      networks: params.networks,
      zeroInitBiases: true,
      context,
    });
    const logRatio = jackknife(samples, logMomentRatio);
    return {
      values: { logRatio, ratio: { value: Math.exp(logRatio.value), samples: params.networks } },
      settings: {
        activation: 'relu',
        parameterization: 'standard',
        sigmaW2: params.sigmaW2,
        sigmaB2: 0,
        biases: 'trained, initialised at 0 (gradient factor 1)',
        depth: params.depth,
        width: params.width,
        inputDim: params.inputDim,
        inputNorm2: 1,
        networks: params.networks,
        standardError: 'delete-a-group jackknife over networks, 50 groups',
        keys: 'input: splitKey(ctx.key)[0]; network k: foldIn(splitKey(ctx.key)[1], k)',
      },
    };
  },
  tests(observations): readonly ClaimTest[] {
    const tests: ClaimTest[] = [];
    const thr = SELEZNOVA_GROWTH_THRESHOLD;
    for (const [sigmaW2, list] of seriesOf(observations)) {
      const phase = reluPhase(sigmaW2);
      const used = list.filter(
        (o) => o.params.depth >= orderedTransientDepth(sigmaW2, o.params.width) || phase !== 'ordered',
      );
      const slope = observedSlope(used, (o) => o.params.depth / o.params.width, 'logRatio');
      const depths = used.map((o) => o.params.depth).join(', ');
      tests.push(
        phase === 'ordered'
          ? {
              id: `bounded-sw2-${sigmaW2}`,
              description:
                `Ordered phase σ_w² = ${sigmaW2} (χ = ${sigmaW2 / 2}): weighted slope of log(E[K²]/E[K]²) against L/n ` +
                `over depths ${depths} (past the transient); bounded dispersion allows slope ≤ ${thr}.`,
              statistic: slope,
              accept: { lo: Number.NEGATIVE_INFINITY, hi: thr },
            }
          : {
              id: `grows-sw2-${sigmaW2}`,
              description:
                `${phase === 'chaotic' ? 'Chaotic phase' : 'Edge of chaos'} σ_w² = ${sigmaW2}: weighted slope of ` +
                `log(E[K²]/E[K]²) against L/n over depths ${depths}; exponential growth allows slope ≥ ${thr}.`,
              statistic: slope,
              accept: { lo: thr, hi: Number.POSITIVE_INFINITY },
            },
      );
    }
    return tests;
  },
  figure(observations): FigureData {
    const series = [...seriesOf(observations)].map(([sigmaW2, list]) => ({
      name: `σ_w² = ${sigmaW2} (${reluPhase(sigmaW2)}), ±2 SE`,
      role: 'measurement' as const,
      points: list.map((o) => {
        const e = o.measurement.values.logRatio;
        const v = e?.value ?? Number.NaN;
        const s = e?.standardError ?? 0;
        return { x: o.params.depth / o.params.width, y: v, lo: v - 2 * s, hi: v + 2 * s };
      }),
    }));
    return {
      title: 'Seleznova & Kutyniok 2022: NTK dispersion against depth/width by phase',
      x: { title: 'L / n' },
      y: { title: 'log(E[K²]/E[K]²)' },
      series: [
        {
          name: `growth threshold: slope ${SELEZNOVA_GROWTH_THRESHOLD}`,
          role: 'prediction',
          points: [0, 0.5].map((x) => ({ x, y: SELEZNOVA_GROWTH_THRESHOLD * x })),
        },
        ...series,
      ],
    };
  },
};
