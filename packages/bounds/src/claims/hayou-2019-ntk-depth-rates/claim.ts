import { phaseAnalysis } from '@ntk/analytic';
import { eigvalsh, sphere } from '@ntk/core';
import type {
  Budget,
  Claim,
  ClaimTest,
  FigureData,
  FigureSeries,
  MeasureContext,
  Measurement,
  Observation,
  Prediction,
} from '../../claim/types.ts';
import { linearFit } from '../../stats/linear-fit.ts';
import { powerLogFit } from '../../stats/power-log-fit.ts';
import {
  normalisedKernel,
  ntkDepthProfile,
  offDiagonalDeviation,
} from '../depth-profile/ntk-correlations.ts';

/** One grid point of {@link hayouNtkDepthRatesClaim}. */
export type HayouParams = {
  /** Phase of (σ_w², σ_b²): `ordered` (χ₁ < 1), `chaotic` (χ₁ > 1) or `edge-of-chaos` (χ₁ = 1). */
  readonly regime: 'ordered' | 'chaotic' | 'edge-of-chaos';
  /** Activation: `relu` (ReLU-like class) or `erf` / `tanh` (smooth class). */
  readonly activation: string;
  /** Weight variance σ_w². */
  readonly sigmaW2: number;
  /** Bias variance σ_b². */
  readonly sigmaB2: number;
  /** Largest depth L (hidden layers) computed. */
  readonly maxDepth: number;
  /** Number of points on the sphere. */
  readonly points: number;
  /** Input dimension. */
  readonly dimension: number;
};

/** Smallest EOC depth used in the rate fit (the fit runs on a geometric grid from here to `maxDepth`). */
const EOC_MIN_DEPTH = 100;
/** Exponential phases: depths whose deviation lies in this band enter the fit (above: transient; below: rounding). */
const EXP_WINDOW: readonly [number, number] = [1e-11, 1e-3];
/** Relative half-width of the accept band of an exponential rate. */
const RATE_BAND = 0.1;
/** Accept band of the EOC polynomial exponent around 1. */
const EXPONENT_BAND = 0.1;
/** Accept band of λ_min of the normalised kernel around its limit. */
const LAMBDA_BAND = 0.05;
/** Per-entry accuracy of the analytic recursion at large depth (`@ntk/analytic` README: 1e-9 against 64 digits). */
const ENTRY_ACCURACY = 1e-9;

const isRelu = (activation: string): boolean => activation === 'relu';

/**
 * Where the normalised NTK ρ^L(x, x') = Θ^L(x, x')/√(Θ^L(x, x)Θ^L(x', x')) goes for x ≠ x' on the sphere:
 * 1 (ordered: a constant kernel), 0 (chaotic: constant off the diagonal), 1/4 (ReLU on the edge of chaos),
 * 1/3 (smooth activations on the edge of chaos).
 */
function limitOf(p: HayouParams): number {
  if (p.regime === 'ordered') return 1;
  if (p.regime === 'chaotic') return 0;
  return isRelu(p.activation) ? 1 / 4 : 1 / 3;
}

/** ln of the deviation minus k·ln L is linear in L: k = 1 for smooth ordered (a prefactor L), 0 otherwise. */
function prefactorPower(p: HayouParams): number {
  return p.regime === 'ordered' && !isRelu(p.activation) ? 1 : 0;
}

function predict(p: HayouParams): Prediction {
  if (p.regime === 'edge-of-chaos') {
    const limit = limitOf(p);
    // The limit of the normalised kernel on N distinct points is (1 − ℓ)I + ℓJ, whose smallest eigenvalue is 1 − ℓ.
    return { limit, exponent: 1, lambdaMin: 1 - limit };
  }
  const { chi1 } = phaseAnalysis(p.activation, { sigmaW2: p.sigmaW2, sigmaB2: p.sigmaB2 });
  const rate =
    p.regime === 'chaotic' ? -Math.log(chi1) : isRelu(p.activation) ? 0.5 * Math.log(chi1) : Math.log(chi1);
  return { limit: limitOf(p), rate, chi1 };
}

async function measure(p: HayouParams, ctx: MeasureContext): Promise<Measurement> {
  ctx.onProgress?.({ fraction: 0, message: `${p.regime} ${p.activation}: recursion to L = ${p.maxDepth}` });
  const x = sphere(ctx.key, p.points, p.dimension);
  const spec = { activation: p.activation, depth: p.maxDepth, sigmaW2: p.sigmaW2, sigmaB2: p.sigmaB2 };
  const { ntk } = ntkDepthProfile(spec, x, ctx.signal);
  ctx.signal?.throwIfAborted();
  const limit = limitOf(p);
  const deviation = ntk.map((k) => offDiagonalDeviation(normalisedKernel(k), limit));
  const last = deviation[deviation.length - 1] as number;
  if (p.regime !== 'edge-of-chaos') {
    const depths: number[] = [];
    const logs: number[] = [];
    const k = prefactorPower(p);
    let entered = false;
    for (let l = 1; l <= deviation.length; l++) {
      const d = deviation[l - 1] as number;
      if (d <= EXP_WINDOW[1]) entered = true;
      if (entered && d < EXP_WINDOW[0]) break;
      if (entered && d > 0) {
        depths.push(l);
        logs.push(Math.log(d) - k * Math.log(l));
      }
    }
    const windowed = depths.length >= 3;
    if (!windowed) {
      // The band was crossed too fast: fall back to every depth with a positive deviation (noted in settings).
      depths.length = 0;
      logs.length = 0;
      deviation.forEach((d, i) => {
        if (d > 0) {
          depths.push(i + 1);
          logs.push(Math.log(d) - k * Math.log(i + 1));
        }
      });
    }
    const fit = linearFit(depths, logs);
    ctx.onProgress?.({ fraction: 1 });
    return {
      values: {
        rate: { value: fit.slope.value, standardError: fit.slope.standardError ?? 0 },
      },
      settings: {
        points: p.points,
        dimension: p.dimension,
        maxDepth: p.maxDepth,
        fitDepths: [depths[0], depths[depths.length - 1]],
        fitPoints: depths.length,
        prefactorPower: k,
        window: EXP_WINDOW,
        deviationProfile: sampleProfile(deviation),
        windowed,
      },
    };
  }
  const depths: number[] = [];
  for (let l = EOC_MIN_DEPTH; l < p.maxDepth; l = Math.ceil(l * 1.2)) depths.push(l);
  depths.push(p.maxDepth);
  // One fit per pair of points, of the signed deviation ρ_ij^L − ρ_∞ (smooth in L, may cross zero), with residuals
  // scaled by 1/L (i.e. L·(data − model)): the sup over pairs switches between pairs (a kink in L), so the sup's
  // rate is read from the pairs' rates.
  const rhos = depths.map((l) => normalisedKernel(ntk[l - 1] as (typeof ntk)[number]));
  const sups = depths.map((l) => deviation[l - 1] as number);
  const pairFits: { pair: [number, number]; exponent: number; standardError: number }[] = [];
  for (let i = 0; i < p.points; i++) {
    for (let j = i + 1; j < p.points; j++) {
      const signed = rhos.map((r) => r.get(i, j) - limit);
      const size = Math.max(...signed.map((v, t) => Math.abs(v) * (depths[t] as number)));
      const f = powerLogFit(
        depths,
        signed,
        [0.05, 4],
        depths.map((l) => size / l),
      );
      pairFits.push({
        pair: [i, j],
        exponent: f.exponent.value,
        standardError: f.exponent.standardError ?? 0,
      });
    }
  }
  // The sup over pairs is attained, at the deepest depths, by the pair with the largest deviation there: its rate is
  // the sup's rate. (A pair whose leading coefficient nearly vanishes shows its sub-leading, faster decay instead.)
  const deepest = rhos[rhos.length - 1] as (typeof rhos)[number];
  let top = pairFits[0] as (typeof pairFits)[number];
  for (const f of pairFits) {
    if (
      Math.abs(deepest.get(f.pair[0], f.pair[1]) - limit) >
      Math.abs(deepest.get(top.pair[0], top.pair[1]) - limit)
    ) {
      top = f;
    }
  }
  const rho = normalisedKernel(ntk[p.maxDepth - 1] as (typeof ntk)[number]);
  const lambda = eigvalsh(rho)[0] as number;
  const rhoTenth = normalisedKernel(
    ntk[Math.max(1, Math.floor(p.maxDepth / 10)) - 1] as (typeof ntk)[number],
  );
  const lambdaTenth = eigvalsh(rhoTenth)[0] as number;
  const err = p.points * ENTRY_ACCURACY; // Weyl: |Δλ| ≤ ‖ΔK‖₂ ≤ N·max|ΔK_ij|
  ctx.onProgress?.({ fraction: 1 });
  return {
    values: {
      exponent: { value: top.exponent, standardError: top.standardError },
      lambdaMin: { value: lambda, interval: [lambda - err, lambda + err] },
      lambdaMinAtTenth: { value: lambdaTenth, interval: [lambdaTenth - err, lambdaTenth + err] },
      deviationAtMaxDepth: {
        value: last,
        interval: [Math.max(0, last - ENTRY_ACCURACY), last + ENTRY_ACCURACY],
      },
    },
    settings: {
      points: p.points,
      dimension: p.dimension,
      maxDepth: p.maxDepth,
      fitDepths: depths,
      supPair: top.pair,
      pairExponents: pairFits,
      deviationProfile: depths.map((l, i) => [l, sups[i]]),
    },
  };
}

/** Up to 40 (L, deviation) pairs, for the figure and the record. */
function sampleProfile(deviation: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  const step = Math.max(1, Math.floor(deviation.length / 40));
  for (let l = 1; l <= deviation.length; l += step) {
    const d = deviation[l - 1] as number;
    if (d > 0) out.push([l, d]);
  }
  return out;
}

const label = (p: HayouParams): string => `${p.regime}-${p.activation}`;

function tests(observations: readonly Observation<HayouParams>[], _budget: Budget): readonly ClaimTest[] {
  const out: ClaimTest[] = [];
  for (const o of observations) {
    const p = o.params;
    const v = o.measurement.values;
    if (p.regime !== 'edge-of-chaos') {
      const predicted = o.prediction.rate as number;
      const band = RATE_BAND * Math.abs(predicted);
      out.push({
        id: `rate-${label(p)}`,
        description:
          `${p.regime} phase, ${p.activation} (σ_w² = ${p.sigmaW2}, σ_b² = ${p.sigmaB2}): the slope of ` +
          `ln|ρ^L − ${limitOf(p)}|${prefactorPower(p) === 1 ? ' − ln L' : ''} against L (depths where the deviation ` +
          `is between 1e-11 and 1e-3) is the exponential rate of convergence. The theorem gives exponential ` +
          `convergence; the mean-field rate is ${predicted.toPrecision(4)} per layer ` +
          `(${p.regime === 'chaotic' ? '−ln χ₁' : isRelu(p.activation) ? '½ ln χ₁ (the ReLU kink makes the NTK ' + 'correlation map decay as √(1 − c))' : 'ln χ₁'}). Accept: within ±10% of it ` +
          `(a polynomial rate would give a slope → 0, a different exponential rate a different slope).`,
        statistic: v.rate as NonNullable<typeof v.rate>,
        accept: { lo: predicted - band, hi: predicted + band },
      });
      continue;
    }
    const lim = o.prediction.limit as number;
    out.push({
      id: `exponent-${label(p)}`,
      description:
        `edge of chaos, ${p.activation} (σ_w² = ${p.sigmaW2}, σ_b² = ${p.sigmaB2}): the exponent γ of the fit ` +
        `ρ^L(x, x') − ${lim.toPrecision(4)} ≈ (a ln L + b)·L^{−γ} on L ∈ [${EOC_MIN_DEPTH}, ${p.maxDepth}], one fit per ` +
        `pair of points; the statistic is γ of the pair attaining the sup at L = ${p.maxDepth} (the sup switches between ` +
        `pairs, so its rate is that pair's), SE from nonlinear least squares (the model's misfit; data are ` +
        `deterministic). ` +
        `The polynomial rate is 1/L up to a logarithm; accept γ ∈ [0.9, 1.1] (the three-term model's truncation ` +
        `error over the window). A wrong limit gives γ → 0; exponential convergence a growing γ.`,
      statistic: v.exponent as NonNullable<typeof v.exponent>,
      accept: { lo: 1 - EXPONENT_BAND, hi: 1 + EXPONENT_BAND },
    });
    const lm = o.prediction.lambdaMin as number;
    out.push({
      id: `lambda-min-${label(p)}`,
      description:
        `edge of chaos, ${p.activation}: the smallest eigenvalue of the normalised NTK matrix on ${p.points} ` +
        `distinct sphere points at L = ${p.maxDepth} (interval: N × the recursion's per-entry accuracy 1e-9, by ` +
        `Weyl). The limit kernel (1 − ℓ)I + ℓJ is invertible with λ_min = ${lm.toPrecision(4)}; accept within ` +
        `±${LAMBDA_BAND} of it (so bounded away from 0; in the ordered phase it would tend to 0).`,
      statistic: v.lambdaMin as NonNullable<typeof v.lambdaMin>,
      accept: { lo: lm - LAMBDA_BAND, hi: lm + LAMBDA_BAND },
    });
  }
  return out;
}

function figure(observations: readonly Observation<HayouParams>[]): FigureData {
  const series: FigureSeries[] = [];
  for (const o of observations) {
    const profile = (o.measurement.settings?.deviationProfile ?? []) as [number, number][];
    series.push({
      name: `measured ${label(o.params)}`,
      role: 'measurement',
      points: profile.map(([x, y]) => ({ x, y })),
    });
    if (o.params.regime !== 'edge-of-chaos' && profile.length > 0) {
      const r = o.prediction.rate as number;
      const [x0, y0] = profile[Math.floor(profile.length / 2)] as [number, number];
      const k = prefactorPower(o.params);
      series.push({
        name: `predicted rate ${label(o.params)}`,
        role: 'prediction',
        points: profile.map(([x]) => ({ x, y: y0 * Math.exp(r * (x - x0)) * (x / x0) ** k })),
      });
    } else if (profile.length > 0) {
      const [x0, y0] = profile[profile.length - 1] as [number, number];
      series.push({
        name: `∝ ln L / L ${label(o.params)}`,
        role: 'prediction',
        points: profile.map(([x]) => ({ x, y: (y0 * (x0 * Math.log(x))) / (x * Math.log(x0)) })),
      });
    }
  }
  return {
    title: 'Hayou et al.: convergence of the normalised NTK with depth',
    x: { title: 'depth L (hidden layers)', scale: 'log' },
    y: { title: 'max over pairs of |ρ^L(x, x′) − limit|', scale: 'log' },
    series,
  };
}

const common = { points: 6, dimension: 8 } as const;
/** σ_w² on the erf edge of chaos at σ_b² = 0.1 (χ₁ = 1; checked against `edgeOfChaos` in the tests). */
export const ERF_EOC_SIGMA_W2 = 1.5521178553336425;
/** σ_w² on the tanh edge of chaos at σ_b² = 0.1 (χ₁ = 1; checked against `edgeOfChaos` in the tests). */
export const TANH_EOC_SIGMA_W2 = 1.98607264117011;

/**
 * Hayou, Doucet & Rousseau: in the ordered and chaotic phases the normalised NTK of a deep network converges to a
 * constant (input-independent) kernel exponentially fast in depth; on the edge of chaos it converges only
 * polynomially, to a limit that stays invertible. Measured with the analytic recursions of `@ntk/analytic` to
 * L = 2,000 (quick) and 10,000 (full), fitting the rate.
 *
 * Formula: ordered/chaotic: sup_{x≠x'} |ρ^L(x, x') − ρ_∞| ≈ C e^{−λL}; edge of chaos:
 * sup_{x≠x'} |ρ^L(x, x') − ρ_∞| = O(L^{−1}) up to log L, with ρ_∞ = 1/4 (ReLU) or 1/3 (smooth) and
 * λ_min((1 − ρ_∞)I + ρ_∞J) = 1 − ρ_∞ > 0.
 *
 * @example
 * ```ts
 * hayouNtkDepthRatesClaim.predict(hayouNtkDepthRatesClaim.grid.quick[0]);
 * ```
 */
export const hayouNtkDepthRatesClaim: Claim<HayouParams> = {
  id: 'hayou-2019-ntk-depth-rates',
  title: 'Deep NTK: exponential convergence in the ordered/chaotic phases, polynomial on the edge of chaos',
  citation: {
    authors: ['Soufiane Hayou', 'Arnaud Doucet', 'Judith Rousseau'],
    title:
      'Mean-field Behaviour of Neural Tangent Kernel for Deep Neural Networks (later: Exact Convergence Rates of the Neural Tangent Kernel in the Large Depth Limit)',
    year: 2019,
    arxiv: '1905.13654',
    locator: 'Main theorems on the large-depth limit of the NTK (ordered/chaotic phase; edge of chaos)',
  },
  statement:
    'In the ordered and chaotic phases the NTK converges exponentially fast in depth to a trivial kernel (constant ' +
    'across inputs, after normalisation); on the edge of chaos the convergence is polynomial in depth, for ReLU-like ' +
    'and for smooth activations, and the limiting (depth-normalised) kernel stays invertible.',
  formula:
    "\\text{ordered/chaotic: } \\sup_{x\\neq x'}|\\rho^L(x,x')-\\rho_\\infty| \\le C e^{-\\lambda L};\\quad " +
    "\\text{EOC: } \\sup_{x\\neq x'}|\\rho^L(x,x')-\\rho_\\infty| = \\tilde O(L^{-1}),\\ " +
    '\\rho_\\infty = \\tfrac14\\ (\\text{ReLU}),\\ \\tfrac13\\ (\\text{smooth}),\\ ' +
    '\\lambda_{\\min}\\big((1-\\rho_\\infty)I+\\rho_\\infty J\\big)>0',
  conditions: [
    'infinite width (the NTK limit), fully-connected, scalar output, inputs on a sphere (equal norms)',
    'ordered phase χ₁ < 1, chaotic phase χ₁ > 1 (c* < 1), edge of chaos χ₁ = 1',
    'ReLU on its edge of chaos σ_b² = 0, σ_w² = 2; smooth activations (tanh, erf) on their EOC curve with σ_b² > 0',
  ],
  conventions:
    'The paper uses the NTK parameterisation with variances σ_w², σ_b² and counts layers including the first ' +
    'dense layer; its Θ^L with L dense layers is our NTK Θ^{L+1} at depth L (hidden layers); the offset of one layer ' +
    'does not change any rate. Instead of Θ^L/L we test the normalised NTK ρ^L = Θ^L(x, x′)/√(Θ^L(x, x)Θ^L(x′, x′)): on ' +
    'the sphere the diagonal is common to all inputs, so on the edge of chaos ρ^L equals Θ^L/L divided by its ' +
    'diagonal limit q*, and in the chaotic phase (where Θ^L(x, x) grows like χ₁^L) it is the only normalisation ' +
    'under which a limit exists.',
  assumptions: [
    'The full text of 1905.13654 could not be retrieved in this session (only abstracts); the limits (ρ_∞ = 1, 0, ' +
      '1/4, 1/3), the exponential rates (ln χ₁ smooth ordered, ½ ln χ₁ ReLU ordered, −ln χ₁ chaotic) and the EOC ' +
      'order L^{−1} up to a logarithm are our derivation of the mean-field asymptotics of the recursion, which we ' +
      'take to be the paper’s statements; the EOC test allows a log factor so that it does not depend on it.',
    '"Trivial kernel" in the chaotic phase is read as: the normalised NTK is constant (zero) off the diagonal.',
    'Sup over inputs is taken over all pairs of N random sphere points (drawn from the grid point’s key).',
    'The smooth class is represented by erf at quick budget (closed-form moments, fast) and by tanh (the ' +
      'paper’s) at full budget.',
  ],
  method: 'analytic',
  grid: {
    quick: [
      { regime: 'ordered', activation: 'relu', sigmaW2: 1.6, sigmaB2: 0.1, maxDepth: 300, ...common },
      { regime: 'ordered', activation: 'erf', sigmaW2: 1.0, sigmaB2: 0.1, maxDepth: 300, ...common },
      { regime: 'chaotic', activation: 'erf', sigmaW2: 3, sigmaB2: 0.1, maxDepth: 300, ...common },
      { regime: 'edge-of-chaos', activation: 'relu', sigmaW2: 2, sigmaB2: 0, maxDepth: 2000, ...common },
      {
        regime: 'edge-of-chaos',
        activation: 'erf',
        sigmaW2: ERF_EOC_SIGMA_W2,
        sigmaB2: 0.1,
        maxDepth: 2000,
        ...common,
      },
    ],
    full: [
      { regime: 'ordered', activation: 'relu', sigmaW2: 1.6, sigmaB2: 0.1, maxDepth: 1000, ...common },
      { regime: 'ordered', activation: 'tanh', sigmaW2: 1.2, sigmaB2: 0.1, maxDepth: 400, ...common },
      { regime: 'chaotic', activation: 'tanh', sigmaW2: 3, sigmaB2: 0.1, maxDepth: 400, ...common },
      { regime: 'edge-of-chaos', activation: 'relu', sigmaW2: 2, sigmaB2: 0, maxDepth: 10000, ...common },
      {
        regime: 'edge-of-chaos',
        activation: 'erf',
        sigmaW2: ERF_EOC_SIGMA_W2,
        sigmaB2: 0.1,
        maxDepth: 10000,
        ...common,
      },
      {
        regime: 'edge-of-chaos',
        activation: 'tanh',
        sigmaW2: TANH_EOC_SIGMA_W2,
        sigmaB2: 0.1,
        maxDepth: 10000,
        ...common,
      },
    ],
  },
  predict,
  measure,
  tests,
  figure,
};
