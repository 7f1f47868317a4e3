import type { BackendInfo } from '@ntk/core';
import type { TestResult } from '../claim/evaluate-tests.ts';
import type {
  Budget,
  Citation,
  ClaimMethod,
  ClaimParams,
  Measurement,
  Prediction,
  Verdict,
} from '../claim/types.ts';
import type { VegaLiteSpec } from '../render/vega-lite-spec.ts';
import type { JsonSafe } from './json-types.ts';

/** One grid point in a {@link ClaimResult}. */
export interface PointResult {
  /** Index of the point in `claim.grid[budget]`. */
  readonly index: number;
  /** The grid point. */
  readonly params: ClaimParams;
  /** The point's key as 16 hex digits (`pointKey(seed, id, index)`). */
  readonly key: string;
  /** The theory's numbers (non-finite → `null`, see {@link JsonSafe}). */
  readonly prediction: JsonSafe<Prediction>;
  /** The experiment's numbers and settings (non-finite → `null`). */
  readonly measurement: JsonSafe<Measurement>;
  /** Wall time of `predict` + `measure` when the point was measured, in ms (timing: not reproducible). */
  readonly durationMs: number;
  /** Whether this run measured the point or reused a cached measurement (provenance: not reproducible). */
  readonly source: 'measured' | 'cache';
}

/** Why a claim's run failed (a {@link ClaimResult} with `status: 'failed'`). */
export interface ClaimFailure {
  /**
   * The step that threw: `setup` (the claim cannot be run: bad id, empty grid), `predict`, `measure`,
   * `cache` (reading or writing the cache), `tests` (including `evaluateTests` rejecting a test) or `figure`.
   */
  readonly stage: 'setup' | 'predict' | 'measure' | 'cache' | 'tests' | 'figure';
  /** The grid index of the point, when a point's `predict` or `measure` threw. */
  readonly pointIndex?: number;
  /** The error's name (e.g. `'RangeError'`). */
  readonly name: string;
  /** The error's message. */
  readonly message: string;
}

/** The run's settings: with the versions and the per-point measurement settings, enough to repeat it. */
export interface RunSettings {
  /** The budget. */
  readonly budget: Budget;
  /** The seed. */
  readonly seed: number;
  /** The family-wise confidence level of the verdict (Bonferroni over the claim's tests). */
  readonly level: number;
  /** Number of points in `claim.grid[budget]`. */
  readonly gridSize: number;
}

/**
 * The outcome of running one claim: what the paper states, every point's prediction and measurement, the
 * tests with their intervals and verdicts, the claim's verdict, a Vega-Lite figure, and what is needed to
 * repeat the run (settings, seed, package versions, backend).
 *
 * It is plain JSON: `JSON.parse(JSON.stringify(r))` deep-equals `r`. Non-finite numbers are `null` (rule in
 * {@link JsonSafe}: `null` at a `lo` end is −∞, at a `hi` end +∞, elsewhere NaN or ±∞).
 *
 * Two runs with the same claim, budget, seed and backend give equal results apart from the timing and
 * provenance fields `startedAt`, `durationMs`, `observations[].durationMs` and `observations[].source`, however the
 * points were run (in one go, in shards, or resumed from a cache).
 *
 * When `status` is `'failed'`, `error` says where and why, `observations` holds the points measured before the
 * failure, `tests` is empty, `verdict` is `'inconclusive'` (nothing could be decided) and `vegaLite` is
 * `null`.
 */
export interface ClaimResult {
  /** Always `'ntk-claim-result'`. */
  readonly format: 'ntk-claim-result';
  /** Version of this format (1). */
  readonly formatVersion: 1;
  /** Whether the run completed. */
  readonly status: 'ok' | 'failed';
  /** Where and why it failed (only when `status` is `'failed'`). */
  readonly error?: ClaimFailure;
  /** The claim's id. */
  readonly claimId: string;
  /** The claim's short title. */
  readonly title: string;
  /** Where the claim comes from. */
  readonly citation: Citation;
  /** The statement in words. */
  readonly statement: string;
  /** The statement as a formula (TeX). */
  readonly formula: string;
  /** The conditions under which the paper states it. */
  readonly conditions: readonly string[];
  /** The paper's conventions and their conversion to ours. */
  readonly conventions: string;
  /** What was assumed where the paper is silent. */
  readonly assumptions: readonly string[];
  /** How the claim is measured. */
  readonly method: ClaimMethod;
  /** The budget run. */
  readonly budget: Budget;
  /** The run's seed. */
  readonly seed: number;
  /** Every grid point's observation, in grid order. */
  readonly observations: readonly PointResult[];
  /** The claim's tests after evaluation (non-finite → `null`). */
  readonly tests: readonly JsonSafe<TestResult>[];
  /** The claim's verdict: computed by `evaluateTests` from `tests`. */
  readonly verdict: Verdict;
  /** The family-wise confidence level of the verdict. */
  readonly familyLevel: number;
  /** The prediction-vs-measurement figure as a Vega-Lite spec (`null` when the run failed). */
  readonly vegaLite: VegaLiteSpec | null;
  /** The run's settings. */
  readonly settings: RunSettings;
  /** Versions of `@ntk/bounds` and the `@ntk` packages it uses. */
  readonly versions: Readonly<Record<string, string>>;
  /** The backend the measurements ran on (`backend.info`). */
  readonly backend: BackendInfo;
  /** When the run started (ISO 8601; timing). */
  readonly startedAt: string;
  /** Wall time of the whole run in ms (timing). */
  readonly durationMs: number;
}
