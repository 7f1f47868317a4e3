import { mlpKernels } from '@ntk/analytic';
import { argumentError, foldIn, Matrix, sphere } from '@ntk/core';
import { mseSpectrum, trainMlp } from '@ntk/dynamics';
import { initMlp } from '@ntk/empirical';
import type { Claim, ClaimTest, Estimate, FigureData, Measurement, Observation } from '../../claim/types.ts';
import { linearFit } from '../../stats/linear-fit.ts';
import { meanEstimate } from '../../stats/mean-estimate.ts';
import { logEstimatePoints } from '../monte-carlo/log-estimate-points.ts';

/** One grid point of {@link stArnaud2025ActivationDeviationWidthClaim}. */
export type StArnaud2025WidthParams = {
  /** Hidden width n (all hidden layers). */
  readonly width: number;
  /** Hidden layers L. */
  readonly depth: number;
  /** Training points on the sphere. */
  readonly points: number;
  /** Input dimension d. */
  readonly inputDim: number;
  /** Gradient-descent steps. */
  readonly steps: number;
  /** Learning rate as a fraction of the infinite-width stable limit η_max = 2N/λ_max(Θ). */
  readonly rateFraction: number;
  /** Independent (data, initialisation) draws (≥ 2). */
  readonly seeds: number;
};

const ID = 'st-arnaud-2025-activation-deviation-width';
const missing: Estimate = { value: Number.NaN };

const quickPoint = { depth: 2, points: 12, inputDim: 8, steps: 40, rateFraction: 0.5, seeds: 4 };
const fullPoint = { depth: 3, points: 64, inputDim: 16, steps: 400, rateFraction: 0.5, seeds: 5 };

function slope(observations: readonly Observation<StArnaud2025WidthParams>[], name: string): Estimate {
  const pts = observations
    .map((o) => ({ w: o.params.width, e: o.measurement.values[name] }))
    .filter((p): p is { w: number; e: Estimate } => p.e !== undefined && Number.isFinite(p.e.value));
  const widths = new Set(pts.map((p) => p.w));
  if (widths.size < 2) return missing;
  // Three to five seeds per width give poor per-width standard errors, and a fit weighted by them is
  // overconfident; the log-deviations are taken as homoscedastic instead, with the pooled standard error
  // √(mean sᵢ²) at every width (known-error fit).
  const pooled = Math.sqrt(pts.reduce((acc, p) => acc + (p.e.standardError ?? 0) ** 2, 0) / pts.length);
  const fit = linearFit(
    pts.map((p) => Math.log(p.w)),
    pts.map((p) => p.e.value),
    pts.map(() => pooled),
  );
  return fit.slope;
}

/**
 * St-Arnaud, Carvalho & Farnadi, "Revisiting the Neural Tangent Kernel: the role of large width and depth"
 * (arXiv 2511.07272 v2): as the width of a network trained in the lazy (NTK) regime grows, the deviation of
 * each individual hidden neuron's activation during training vanishes, while the aggregate norm of those
 * deviations does not. Measured with `trainMlp` (`@ntk/dynamics`): the last hidden layer's max_i |Δh_i| and
 * ‖Δh‖₂ on the training points after a fixed training time, across widths, as log-log slopes.
 */
export const stArnaud2025ActivationDeviationWidthClaim: Claim<StArnaud2025WidthParams> = {
  id: ID,
  title: 'St-Arnaud et al. v2: per-neuron activation changes vanish with width, their norm does not',
  citation: {
    authors: ['William St-Arnaud', 'Margarida Carvalho', 'Golnoosh Farnadi'],
    title: 'Revisiting the Neural Tangent Kernel: the role of large width and depth',
    year: 2026,
    arxiv: '2511.07272',
    arxivVersion: 'v2',
    locator: 'Abstract; width experiments and the theorem on the last hidden layer',
  },
  statement:
    'For wide fully-connected ReLU networks trained by gradient descent in the lazy regime, the deviations of ' +
    'the activations of individual hidden neurons during training vanish as the width grows, but the aggregate ' +
    'norm of these deviations does not; the activations of the last hidden layer do not remain constant.',
  formula:
    '\\max_i |h_i^{L}(x;\\theta_t)-h_i^{L}(x;\\theta_0)| \\xrightarrow[n\\to\\infty]{} 0,\\qquad ' +
    '\\|h^{L}(x;\\theta_t)-h^{L}(x;\\theta_0)\\|_2 = \\Theta(1)',
  conditions: [
    'ReLU, NTK parameterisation, σ_w² = 2, σ_b² = 0 (the normalisation under which the limiting NTK exists and is the one of the paper’s analysis).',
    'Full-batch gradient descent on the MSE with a learning rate below the infinite-width stability limit, trained for a fixed time t independent of the width.',
    'Inputs on the sphere (‖x‖² = d).',
  ],
  conventions:
    'h^L = φ(z^L) is the last hidden layer’s post-activation (our `activationChange` of layer L of `trainMlp`); ' +
    'max_i |Δh_i| is taken over units and training points, ‖Δh‖₂ is the root mean over training points of the ' +
    'Euclidean norm of Δh(x) ∈ ℝⁿ. NTK parameterisation as DESIGN §3; time t = η·steps with the loss ' +
    '(1/N)Σ½(y − f)², so the infinite-width dynamics are the same at every width.',
  assumptions: [
    'Only the abstract of v2 could be read here: the widths, depth, data set, training time and whether a rate is ' +
      'stated could not be found. No rate is imposed on max|Δh_i|: the test asks for a negative log-log slope ' +
      '(the lazy-regime heuristic, Δh_i = O(n^{-1/2}) up to a √log n from the maximum, is given as `predict`).',
    '"Does not vanish" is read as Θ(1): the log-log slope of ‖Δh‖₂ must lie in [−0.25, 0.25] (a quarter of a ' +
      'decade per decade either way; the per-neuron rate is −1/2).',
    'Data: N points uniform on the sphere of radius √d, labels y = x₁ (a smooth target of order 1); each seed ' +
      's draws its own data (foldIn(foldIn(ctx.key, s), 0)) and initialisation (foldIn(foldIn(ctx.key, s), 1)), so ' +
      'the grid points are independent and the slope’s standard error follows from the per-width ones.',
    'Learning rate η = rateFraction·2N/λ_max of the analytic NTK (`mlpKernels`) of each seed’s data, the same ' +
      'at every width. Quick: widths 64–512, depth 2, N = 12, d = 8, 40 steps, 4 seeds; full: widths 64–4096, ' +
      'depth 3, N = 64, d = 16, 400 steps, 5 seeds.',
  ],
  method: 'training',
  grid: {
    quick: [64, 128, 256, 512].map((width) => ({ width, ...quickPoint })),
    full: [64, 128, 256, 512, 1024, 2048, 4096].map((width) => ({ width, ...fullPoint })),
  },
  predict() {
    // Lazy-regime orders (Jacot et al. 2018; Lee et al. 2019): each weight moves O(n^{-1/2}), so each unit's
    // activation moves O(n^{-1/2}) (slope −1/2, up to the √log n of a maximum over n units), while the n
    // coordinates together move ‖Δh‖₂ = O(√n · n^{-1/2}) = O(1) (slope 0).
    return { maxDeviationSlope: -0.5, aggregateDeviationSlope: 0 };
  },
  async measure(params, ctx): Promise<Measurement> {
    const fn = ID;
    if (!(Number.isInteger(params.seeds) && params.seeds >= 2)) {
      throw argumentError('range', fn, 'params.seeds', 'an integer ≥ 2', params.seeds);
    }
    const spec = { activation: 'relu', depth: params.depth, sigmaW2: 2 };
    const logMax: number[] = [];
    const logL2: number[] = [];
    const perSeed: Record<string, number>[] = [];
    for (let s = 0; s < params.seeds; s++) {
      ctx.signal?.throwIfAborted();
      const k = foldIn(ctx.key, s);
      const x = sphere(foldIn(k, 0), params.points, params.inputDim);
      const y = new Matrix(
        params.points,
        1,
        Float64Array.from({ length: params.points }, (_, i) => x.data[i * params.inputDim] as number),
      );
      const eta = params.rateFraction * mseSpectrum(mlpKernels(spec, x).ntk).maxLearningRate;
      const net = initMlp({ ...spec, widths: params.width }, foldIn(k, 1), params.inputDim);
      const options = { learningRate: eta, steps: params.steps, backend: ctx.backend };
      const r = await trainMlp(
        net,
        { xTrain: x, yTrain: y, xProbe: x },
        ctx.signal === undefined ? options : { ...options, signal: ctx.signal },
      );
      const first = r.records[0]!;
      const last = r.records.at(-1)!;
      const change = last.activationChange!.at(-1)!;
      logMax.push(Math.log(change.maxAbs));
      logL2.push(Math.log(change.l2));
      perSeed.push({
        learningRate: eta,
        time: r.time,
        initialLoss: first.trainLoss,
        finalLoss: last.trainLoss,
        maxDeviation: change.maxAbs,
        aggregateDeviation: change.l2,
        relativeDeviation: change.relative,
        ntkChange: last.ntkChange!,
      });
      ctx.onProgress?.({
        fraction: (s + 1) / params.seeds,
        message: `width ${params.width}: seed ${s + 1}/${params.seeds}`,
      });
    }
    return {
      values: {
        logMaxDeviation: meanEstimate(logMax),
        logAggregateDeviation: meanEstimate(logL2),
        finalLoss: meanEstimate(perSeed.map((p) => p.finalLoss as number)),
      },
      settings: {
        activation: 'relu',
        parameterization: 'ntk',
        sigmaW2: 2,
        sigmaB2: 0,
        depth: params.depth,
        width: params.width,
        optimizer: 'full-batch gradient descent',
        steps: params.steps,
        rateFraction: params.rateFraction,
        data: `${params.points} points uniform on the sphere of radius √${params.inputDim}, y = x₁`,
        layer: `last hidden layer (${params.depth})`,
        seeds: params.seeds,
        seedKeys: 'data foldIn(foldIn(ctx.key, s), 0), init foldIn(foldIn(ctx.key, s), 1)',
        perSeed,
      },
    };
  },
  tests(observations): readonly ClaimTest[] {
    return [
      {
        id: 'per-neuron-deviation-vanishes',
        description:
          'log-log slope over widths of the last hidden layer’s max_i |Δh_i| (fit of the per-width means of log max|Δh_i| ' +
          'over seeds, pooled standard error); "vanishes with width" needs a negative slope: accept (−∞, 0].',
        statistic: slope(observations, 'logMaxDeviation'),
        accept: { lo: Number.NEGATIVE_INFINITY, hi: 0 },
      },
      {
        id: 'aggregate-deviation-stays-order-one',
        description:
          'log-log slope over widths of ‖Δh‖₂ of the last hidden layer; "does not vanish" (Θ(1)) is taken as a slope ' +
          'in [−0.25, 0.25], away from the per-neuron rate −1/2 and from growth.',
        statistic: slope(observations, 'logAggregateDeviation'),
        accept: { lo: -0.25, hi: 0.25 },
      },
    ];
  },
  figure(observations): FigureData {
    const sorted = [...observations].sort((a, b) => a.params.width - b.params.width);
    const series = (name: string, label: string) => ({
      name: label,
      role: 'measurement' as const,
      points: logEstimatePoints(sorted, (o) => o.params.width, name),
    });
    const anchor = (name: string, exponent: number, label: string) => {
      const first = sorted[0];
      const e = first?.measurement.values[name];
      return {
        name: label,
        role: 'prediction' as const,
        points:
          first === undefined || e === undefined
            ? []
            : sorted.map((o) => ({
                x: o.params.width,
                y: Math.exp(e.value) * (o.params.width / first.params.width) ** exponent,
              })),
      };
    };
    return {
      title: 'Activation change of the last hidden layer after training, by width',
      x: { title: 'width n', scale: 'log' },
      y: { title: 'deviation', scale: 'log' },
      series: [
        series('logMaxDeviation', 'max_i |Δh_i| (geometric mean ± 2 SE)'),
        series('logAggregateDeviation', '‖Δh‖₂ (geometric mean ± 2 SE)'),
        anchor('logMaxDeviation', -0.5, 'n^{-1/2} from the narrowest width'),
        anchor('logAggregateDeviation', 0, 'constant from the narrowest width'),
      ],
    };
  },
};
