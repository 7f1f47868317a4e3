import { argumentError, type BackendInfo, cpuBackend } from '@ntk/core';
import { evaluateTests } from '../claim/evaluate-tests.ts';
import type { Claim, ClaimParams, ClaimTest, Observation, Verdict } from '../claim/types.ts';
import { toVegaLite } from '../render/to-vega-lite.ts';
import type { VegaLiteSpec } from '../render/vega-lite-spec.ts';
import type { ClaimFailure, ClaimResult, PointResult } from '../result/claim-result.ts';
import { NTK_VERSIONS } from '../result/ntk-versions.ts';
import { toJsonSafe } from '../result/to-json-safe.ts';
import { keyToHex } from './key-hex.ts';
import { pointKey } from './point-key.ts';
import type { PointObservation } from './point-observation.ts';

/** Options of {@link assembleClaimResult}. */
export interface AssembleClaimResultOptions {
  /** Family-wise confidence level of the verdict, in (0, 1) (default 0.95). */
  readonly level?: number;
  /** The backend the points were measured on (default `cpuBackend().info`). */
  readonly backend?: BackendInfo;
  /** When the run started (ISO 8601; default: now). */
  readonly startedAt?: string;
  /** Wall time of the run in ms (default: the sum of the points' `durationMs`). */
  readonly durationMs?: number;
}

/**
 * Builds a claim's {@link ClaimResult} from observations of all its grid points for one budget and seed
 * (from {@link measureClaimPoints}, in one go or in shards, in any order): the points in grid order,
 * `claim.tests(observations, budget)` evaluated by `evaluateTests` at the family-wise `level`, the claim's
 * verdict, and `claim.figure(observations)` as Vega-Lite. Sharded observations give exactly the result of
 * one run (apart from the timing and provenance fields listed in {@link ClaimResult}).
 *
 * If `tests` or `figure` throws (or the tests have duplicate ids, or an accept region is reversed), the
 * result has `status: 'failed'` with the error; nothing is thrown for a fault of the claim's own code.
 *
 * @param claim - The claim.
 * @param observations - One observation per grid point of one budget and one seed.
 * @param options - Level, backend info, timing.
 * @returns The result.
 * @throws ArgumentRangeError if the observations are empty, mix budgets, seeds or claims, miss or repeat a
 *   grid index, or do not match the grid (params) or the key derivation (key); or if `level` is not in (0, 1).
 * @example
 * ```ts
 * const result = assembleClaimResult(claim, [...shardA, ...shardB], { level: 0.95 });
 * result.verdict; // 'supported' | 'contradicted' | 'inconclusive'
 * ```
 */
export function assembleClaimResult<P extends ClaimParams>(
  claim: Claim<P>,
  observations: readonly PointObservation<P>[],
  options: AssembleClaimResultOptions = {},
): ClaimResult {
  const fn = 'assembleClaimResult';
  const level = options.level ?? 0.95;
  if (!(typeof level === 'number' && level > 0 && level < 1)) {
    throw argumentError('range', fn, 'options.level', 'a number in (0, 1)', level);
  }
  if (!Array.isArray(observations) || observations.length === 0) {
    throw argumentError('range', fn, 'observations', 'a non-empty array of point observations', observations);
  }
  const first = observations[0] as PointObservation<P>;
  const { budget, seed } = first;
  const grid = claim.grid[budget];
  if (!Array.isArray(grid))
    throw argumentError('range', fn, 'observations[0].budget', 'a budget of the claim', budget);
  const byIndex = new Map<number, PointObservation<P>>();
  observations.forEach((o, at) => {
    const where = `observations[${at}]`;
    if (o.claimId !== claim.id)
      throw argumentError('range', fn, `${where}.claimId`, `'${claim.id}'`, o.claimId);
    if (o.budget !== budget)
      throw argumentError('range', fn, `${where}.budget`, `'${budget}' (as the first)`, o.budget);
    if (o.seed !== seed) throw argumentError('range', fn, `${where}.seed`, `${seed} (as the first)`, o.seed);
    if (!Number.isInteger(o.index) || o.index < 0 || o.index >= grid.length) {
      throw argumentError('range', fn, `${where}.index`, `an index in [0, ${grid.length - 1}]`, o.index);
    }
    if (byIndex.has(o.index))
      throw argumentError('range', fn, `${where}.index`, 'an index not seen before', o.index);
    if (JSON.stringify(o.params) !== JSON.stringify(grid[o.index])) {
      throw argumentError(
        'range',
        fn,
        `${where}.params`,
        `the grid point ${JSON.stringify(grid[o.index])}`,
        o.params,
      );
    }
    const expectedKey = keyToHex(pointKey(seed, claim.id, o.index));
    if (o.key !== expectedKey) throw argumentError('range', fn, `${where}.key`, `'${expectedKey}'`, o.key);
    byIndex.set(o.index, o);
  });
  if (byIndex.size !== grid.length) {
    const missing = grid.map((_, i) => i).filter((i) => !byIndex.has(i));
    throw argumentError(
      'range',
      fn,
      'observations',
      `every grid index (missing ${missing.join(', ')})`,
      observations.length,
    );
  }
  const ordered = grid.map((_, i) => byIndex.get(i) as PointObservation<P>);
  const base = {
    claim,
    ordered,
    level,
    backend: options.backend ?? cpuBackend().info,
    startedAt: options.startedAt ?? new Date().toISOString(),
    durationMs: options.durationMs ?? ordered.reduce((s, o) => s + o.durationMs, 0),
    budget,
    seed,
  };
  const plain: Observation<P>[] = ordered.map((o) => ({
    params: o.params,
    prediction: o.prediction,
    measurement: o.measurement,
  }));
  let stage: 'tests' | 'figure' = 'tests';
  try {
    const tests: readonly ClaimTest[] = claim.tests(plain, budget);
    if (!Array.isArray(tests))
      throw argumentError('type', `${claim.id}.tests`, 'return value', 'an array of ClaimTest', tests);
    const ids = new Set<string>();
    for (const t of tests) {
      if (ids.has(t.id)) throw argumentError('range', `${claim.id}.tests`, 'id', 'unique test ids', t.id);
      ids.add(t.id);
    }
    const evaluation = evaluateTests(tests, { level });
    stage = 'figure';
    const vegaLite = toVegaLite(claim.figure(plain));
    return buildClaimResult({ ...base, evaluation, vegaLite });
  } catch (e) {
    return buildClaimResult({ ...base, failure: failureOf(stage, e) });
  }
}

/** A {@link ClaimFailure} from an error. @internal */
export function failureOf(stage: ClaimFailure['stage'], error: unknown, pointIndex?: number): ClaimFailure {
  const cause =
    error instanceof Error && error.name === 'ClaimRunError' && error.cause !== undefined
      ? error.cause
      : error;
  return {
    stage,
    ...(pointIndex === undefined ? {} : { pointIndex }),
    name: cause instanceof Error ? cause.name : typeof cause,
    message: cause instanceof Error ? cause.message : String(cause),
  };
}

/** What {@link buildClaimResult} needs. @internal */
export interface ResultParts<P extends ClaimParams> {
  readonly claim: Claim<P>;
  readonly ordered: readonly PointObservation<P>[];
  readonly level: number;
  readonly backend: BackendInfo;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly budget: ClaimResult['budget'];
  readonly seed: number;
  readonly evaluation?: ReturnType<typeof evaluateTests>;
  readonly vegaLite?: VegaLiteSpec;
  readonly failure?: ClaimFailure;
}

/** Builds the JSON-safe result object (ok when `evaluation` is given, failed with `failure`). @internal */
export function buildClaimResult<P extends ClaimParams>(parts: ResultParts<P>): ClaimResult {
  const { claim } = parts;
  const fn = 'runClaim';
  const points: PointResult[] = parts.ordered.map((o) => ({
    index: o.index,
    params: toJsonSafe(o.params, fn, `points[${o.index}].params`) as ClaimParams,
    key: o.key,
    prediction: toJsonSafe(o.prediction, fn, `points[${o.index}].prediction`),
    measurement: toJsonSafe(o.measurement, fn, `points[${o.index}].measurement`),
    durationMs: o.durationMs,
    source: o.source,
  }));
  const ok = parts.failure === undefined && parts.evaluation !== undefined;
  const verdict: Verdict = ok
    ? (parts.evaluation as NonNullable<typeof parts.evaluation>).verdict
    : 'inconclusive';
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s) => typeof s === 'string') : []);
  return {
    format: 'ntk-claim-result',
    formatVersion: 1,
    status: ok ? 'ok' : 'failed',
    ...(parts.failure === undefined ? {} : { error: parts.failure }),
    claimId: str(claim?.id),
    title: str(claim?.title),
    citation: toJsonSafe(
      claim?.citation ?? { authors: [], title: '', year: 0, arxiv: '', locator: '' },
      fn,
      'claim.citation',
    ) as ClaimResult['citation'],
    statement: str(claim?.statement),
    formula: str(claim?.formula),
    conditions: strs(claim?.conditions),
    conventions: str(claim?.conventions),
    assumptions: strs(claim?.assumptions),
    method: claim?.method,
    budget: parts.budget,
    seed: parts.seed,
    observations: points,
    tests: ok
      ? toJsonSafe((parts.evaluation as NonNullable<typeof parts.evaluation>).tests, fn, 'tests')
      : [],
    verdict,
    familyLevel: parts.level,
    vegaLite: ok && parts.vegaLite !== undefined ? parts.vegaLite : null,
    settings: {
      budget: parts.budget,
      seed: parts.seed,
      level: parts.level,
      gridSize: claim?.grid?.[parts.budget]?.length ?? 0,
    },
    versions: { ...NTK_VERSIONS },
    backend: toJsonSafe(parts.backend, fn, 'backend') as BackendInfo,
    startedAt: parts.startedAt,
    durationMs: parts.durationMs,
  };
}
