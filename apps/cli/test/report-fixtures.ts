// Fixtures of the report tests: hand-made ClaimResults (fast, exact control over tests and verdicts) and real
// ones from runClaims on two cheap analytic claims plus a synthetic claim whose measurement throws.
import {
  type Claim,
  type ClaimResult,
  NTK_VERSIONS,
  runClaims,
  stArnaudPredictorLimitClaim,
} from '@ntk/bounds';
import { type CheckReport, summarise } from '../src/report/check-report.ts';

type Test = ClaimResult['tests'][number];

/** A test with the given verdict and numbers (defaults: value 1, interval [0.9, 1.1], accept [0.5, 1.5]). */
export function makeTest(id: string, verdict: Test['verdict'], over: Partial<Test> = {}): Test {
  return {
    id,
    description: `test ${id}`,
    value: 1,
    interval: [0.9, 1.1],
    intervalSource: 'standard-error',
    level: 0.975,
    accept: { lo: 0.5, hi: 1.5 },
    verdict,
    ...over,
  };
}

/** A hand-made ok ClaimResult (two points, one cached) with the given tests and fields. */
export function makeResult(over: Partial<ClaimResult> = {}): ClaimResult {
  const tests = over.tests ?? [makeTest('only', 'supported')];
  return {
    format: 'ntk-claim-result',
    formatVersion: 1,
    status: 'ok',
    claimId: 'synthetic-claim',
    title: 'A synthetic claim',
    citation: {
      authors: ['Ada Lovelace', 'Alan Turing'],
      title: 'On <synthetic> kernels & their limits',
      year: 2024,
      venue: 'Journal of Tests',
      arxiv: '2401.00001',
      arxivVersion: 'v2',
      locator: 'Theorem 1',
    },
    statement: 'The kernel K < 2 & K > 0 at every width.',
    formula: 'K < 2',
    conditions: ['ReLU', 'width > 1'],
    conventions: 'Ours.',
    assumptions: ['none'],
    method: 'analytic',
    budget: 'quick',
    seed: 0,
    observations: [
      {
        index: 0,
        params: { width: 4, activation: 'relu' },
        key: '0123456789abcdef',
        prediction: { k: 1 },
        measurement: { values: { k: { value: 1.01, standardError: 0.01, samples: 10 } } },
        durationMs: 1.5,
        source: 'measured',
      },
      {
        index: 1,
        params: { width: 8, activation: 'relu' },
        key: 'fedcba9876543210',
        prediction: { k: 1 },
        measurement: { values: { k: { value: 0.99, interval: [0.98, 1] } } },
        durationMs: 0,
        source: 'cache',
      },
    ],
    tests,
    verdict: 'supported',
    familyLevel: 0.95,
    vegaLite: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      data: {
        values: [
          { x: 4, y: 1.01 },
          { x: 8, y: 0.99 },
        ],
      },
      mark: 'point',
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    },
    settings: { budget: 'quick', seed: 0, level: 0.95, gridSize: 2 },
    versions: { ...NTK_VERSIONS },
    backend: { name: 'cpu', dtype: 'float64', mode: 'reference' },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 12,
    ...over,
  };
}

/** A hand-made failed ClaimResult (a measurement threw at point 1). */
export function makeFailedResult(over: Partial<ClaimResult> = {}): ClaimResult {
  const base = makeResult({ claimId: 'synthetic-failed', title: 'A failed claim' });
  return {
    ...base,
    status: 'failed',
    error: { stage: 'measure', pointIndex: 1, name: 'RangeError', message: 'width <= 0 & broken' },
    observations: base.observations.slice(0, 1),
    tests: [],
    verdict: 'inconclusive',
    vegaLite: null,
    ...over,
  };
}

/** A CheckReport around the results (settings seed 0, quick, cpu). */
export function makeReport(results: readonly ClaimResult[]): CheckReport {
  return {
    format: 'ntk-check-report',
    formatVersion: 1,
    settings: {
      budget: 'quick',
      seed: 0,
      claims: results.map((r) => r.claimId),
      level: 0.95,
      backend: 'cpu',
    },
    backend: { info: { name: 'cpu', dtype: 'float64', mode: 'reference' }, reason: '--backend cpu' },
    origin: { kind: 'run' },
    environment: {
      cliVersion: '0.1.0',
      node: process.version,
      platform: process.platform,
      arch: process.arch,
    },
    versions: { ...NTK_VERSIONS, '@ntk/cli': '0.1.0' },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1234,
    summary: summarise(results),
    results,
  };
}

/** A claim like st-arnaud-2025-predictor-limit whose measurement always throws (its text has `<` and `&`). */
export const FAILING_CLAIM: Claim = {
  ...(stArnaudPredictorLimitClaim as unknown as Claim),
  id: 'synthetic-failing-claim',
  title: 'A <synthetic> claim & its failure',
  measure: async () => {
    throw new RangeError('deliberate <failure> & stop');
  },
};

/**
 * A real report: runClaims (quick budget, seed 0) on two cheap analytic claims (one supported, one
 * contradicted) and {@link FAILING_CLAIM}.
 */
export async function runFixtureReport(): Promise<CheckReport> {
  const run = await runClaims(
    ['st-arnaud-2025-predictor-limit', 'st-arnaud-2025-normalised-kernel-ones', FAILING_CLAIM],
    { budget: 'quick', seed: 0 },
  );
  return { ...makeReport(run.results), startedAt: run.startedAt, durationMs: run.durationMs };
}
