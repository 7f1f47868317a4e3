import type { Backend, Key } from '@ntk/core';

/**
 * How much work a run may spend: `quick` (the whole registry in a few minutes on 2 cores; honest
 * `inconclusive` where that cannot decide) or `full` (close to the papers' own settings).
 */
export type Budget = 'quick' | 'full';

/** The outcome of a comparison between a prediction and a measurement. Computed, never written down. */
export type Verdict = 'supported' | 'contradicted' | 'inconclusive';

/** Where a claim comes from: enough to find the exact statement in the paper. */
export interface Citation {
  /** Authors in the paper's order, e.g. `['Boris Hanin', 'Mihai Nica']`. */
  readonly authors: readonly string[];
  /** The paper's title. */
  readonly title: string;
  /** Year of the version cited. */
  readonly year: number;
  /** Venue, e.g. `'ICLR 2020'`, when published. */
  readonly venue?: string;
  /** arXiv identifier without prefix, e.g. `'1909.05989'`. */
  readonly arxiv: string;
  /** arXiv version when it matters, e.g. `'v1'`. */
  readonly arxivVersion?: string;
  /** The theorem, proposition, equation or figure, e.g. `'Theorem 1'`. */
  readonly locator: string;
}

/** A parameter value on a claim's grid (JSON-serialisable). */
export type ParamValue = number | string | boolean;

/** One point of a claim's parameter grid, e.g. `{ depth: 5, width: 64 }`. */
export type ClaimParams = Readonly<Record<string, ParamValue>>;

/** The theory's numbers at one grid point, by name, e.g. `{ meanK: 3.2, ratio: 1.8 }`. */
export type Prediction = Readonly<Record<string, number>>;

/**
 * A measured number with its uncertainty: either a standard error (a statistical estimate; the verdict
 * engine turns it into an interval at the family-wise level) or an explicit interval (a deterministic or
 * numerically bounded quantity, used as given).
 */
export interface Estimate {
  /** The point estimate. */
  readonly value: number;
  /** Standard error of `value` (Monte-Carlo, regression); omit for exact quantities. */
  readonly standardError?: number;
  /** An interval known to contain the true value (e.g. `[v − err, v + err]` for a numerical error bound). */
  readonly interval?: readonly [number, number];
  /** Number of independent samples behind `value`, when it is a statistic. */
  readonly samples?: number;
}

/** What `measure` returns at one grid point. JSON-serialisable. */
export interface Measurement {
  /** Measured quantities by name (usually the same names as the prediction's). */
  readonly values: Readonly<Record<string, Estimate>>;
  /** Settings actually used (sizes, sample counts, learning rates, …) so a run can be repeated exactly. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** Progress of one measurement. */
export interface MeasureProgress {
  /** Fraction done in [0, 1]. */
  readonly fraction: number;
  /** A short human-readable note, e.g. `'network 12/64'`. */
  readonly message?: string;
}

/** Everything `measure` gets besides its parameters. */
export interface MeasureContext {
  /** The key for this grid point (derived from the run's seed, the claim id and the point's index). */
  readonly key: Key;
  /** The budget the run was started with. */
  readonly budget: Budget;
  /** The compute backend for empirical work (the float64 CPU reference by default). */
  readonly backend: Backend;
  /** Cancellation: measure throws the signal's reason (an `AbortError`) soon after it fires. */
  readonly signal?: AbortSignal;
  /** Progress callback. */
  readonly onProgress?: (progress: MeasureProgress) => void;
}

/** One grid point with its prediction and measurement. */
export interface Observation<P extends ClaimParams = ClaimParams> {
  /** The grid point. */
  readonly params: P;
  /** The theory's numbers there. */
  readonly prediction: Prediction;
  /** The experiment's numbers there. */
  readonly measurement: Measurement;
}

/** The set of values of a statistic that agree with the claim: `[lo, hi]` (either end may be infinite). */
export interface AcceptRegion {
  /** Lower end (`-Infinity` for none). */
  readonly lo: number;
  /** Upper end (`Infinity` for none). */
  readonly hi: number;
}

/**
 * One scalar test of a claim: a statistic computed from the observations (a ratio, a fitted slope, a
 * maximum deviation, …) and the region of values the claim allows. The verdict engine gives
 * `supported` when the statistic's interval lies inside `accept`, `contradicted` when it lies wholly
 * outside, `inconclusive` otherwise.
 */
export interface ClaimTest {
  /** Short identifier, unique within the claim, e.g. `'slope-ordered'`. */
  readonly id: string;
  /** What is tested, in words, with the numbers' meaning. */
  readonly description: string;
  /** The statistic with its uncertainty. */
  readonly statistic: Estimate;
  /** The values the claim allows. */
  readonly accept: AcceptRegion;
}

/** One series of a figure: the theory's curve or the measured points with intervals. */
export interface FigureSeries {
  /** Legend label. */
  readonly name: string;
  /** Whether this is the theory or the experiment. */
  readonly role: 'prediction' | 'measurement';
  /** Points; `lo`/`hi` draw an interval (error bar) for measurements. */
  readonly points: readonly {
    readonly x: number;
    readonly y: number;
    readonly lo?: number;
    readonly hi?: number;
  }[];
}

/** A prediction-vs-measurement figure, independent of any plotting library (rendered to Vega-Lite). */
export interface FigureData {
  /** Figure title. */
  readonly title: string;
  /** The x axis. */
  readonly x: { readonly title: string; readonly scale?: 'linear' | 'log' };
  /** The y axis. */
  readonly y: { readonly title: string; readonly scale?: 'linear' | 'log' };
  /** The series to draw. */
  readonly series: readonly FigureSeries[];
}

/** How a claim is measured. */
export type ClaimMethod = 'analytic' | 'monte-carlo' | 'training';

/**
 * A published claim as data plus functions: what the paper states (in words and as a formula, under its
 * conditions and conventions), what the theory predicts at each grid point, how we measure it, and the
 * tests that turn observations into a verdict.
 */
export interface Claim<P extends ClaimParams = ClaimParams> {
  /** Stable identifier, lower-kebab, e.g. `'hanin-nica-2020-mean-and-variance'`. */
  readonly id: string;
  /** A short title for tables. */
  readonly title: string;
  /** Where it comes from. */
  readonly citation: Citation;
  /** The statement in words, as the paper states it. */
  readonly statement: string;
  /** The statement as a formula (TeX). */
  readonly formula: string;
  /** The conditions under which the paper states it (activation, parameterisation, limits, …). */
  readonly conditions: readonly string[];
  /** The paper's conventions and how they were converted to ours (DESIGN §3). */
  readonly conventions: string;
  /** What we assumed where the paper is silent. */
  readonly assumptions: readonly string[];
  /** How it is measured. */
  readonly method: ClaimMethod;
  /** The parameter grid for each budget. */
  readonly grid: Readonly<Record<Budget, readonly P[]>>;
  /** The theory's numbers at one grid point. */
  predict(params: P): Prediction;
  /** The experiment at one grid point. */
  measure(params: P, context: MeasureContext): Promise<Measurement>;
  /** The tests that decide the verdict, from all observations of a run. */
  tests(observations: readonly Observation<P>[], budget: Budget): readonly ClaimTest[];
  /** The prediction-vs-measurement figure. */
  figure(observations: readonly Observation<P>[]): FigureData;
}
