import { argumentError } from '@ntk/core';
import { normalQuantile } from '../stats/normal-quantile.ts';
import type { AcceptRegion, ClaimTest, Verdict } from './types.ts';

/** A {@link ClaimTest} after evaluation: the interval used and the test's own verdict. */
export interface TestResult {
  /** The test's id. */
  readonly id: string;
  /** What was tested. */
  readonly description: string;
  /** The statistic's point estimate. */
  readonly value: number;
  /** The interval the verdict was computed from. */
  readonly interval: readonly [number, number];
  /** Where the interval came from: a standard error at the per-test level, or given by the claim. */
  readonly intervalSource: 'standard-error' | 'given';
  /** Two-sided coverage of a standard-error interval (after the Bonferroni correction); 1 for `given`. */
  readonly level: number;
  /** The values the claim allows. */
  readonly accept: AcceptRegion;
  /** `supported` if `interval ⊂ accept`, `contradicted` if disjoint, `inconclusive` otherwise. */
  readonly verdict: Verdict;
  /** Why the verdict is what it is when that is not obvious (e.g. a non-finite statistic). */
  readonly note?: string;
}

/** The evaluation of all tests of a claim. */
export interface TestsEvaluation {
  /** Per-test results, in the claim's order. */
  readonly tests: readonly TestResult[];
  /** `contradicted` if any test is; else `supported` if all are; else `inconclusive`. */
  readonly verdict: Verdict;
  /** The family-wise confidence level the per-test levels were corrected to. */
  readonly familyLevel: number;
}

/** Options of {@link evaluateTests}. */
export interface EvaluateTestsOptions {
  /** Family-wise confidence level over the claim's tests (Bonferroni), in (0, 1). Default 0.95. */
  readonly level?: number;
}

/**
 * Turn a claim's tests into verdicts. A test with a standard error s gets the interval v ± z·s with
 * z = Φ⁻¹(1 − α/(2m)), α = 1 − level, m = number of tests with standard errors (Bonferroni, so the claim's
 * verdict holds at family-wise level `level`); a test with an explicit interval uses it as given; a test
 * with neither is exact. Each test is `supported` when its interval lies inside the accept region,
 * `contradicted` when it lies wholly outside, and `inconclusive` when it straddles a boundary (the budget
 * cannot decide) or the statistic is not finite. The claim's verdict is `contradicted` if any test is,
 * `supported` if all are, `inconclusive` otherwise (and for an empty list).
 *
 * This is an equivalence-style rule (two one-sided tests): a wide interval never supports a claim.
 *
 * @param tests - The claim's tests.
 * @param options - Family-wise level.
 * @returns Per-test results and the claim's verdict.
 * @throws ArgumentRangeError if `level` is not in (0, 1), a standard error is negative, an interval is
 *   reversed, or an accept region has `lo > hi`.
 * @example
 * ```ts
 * evaluateTests([{ id: 'mean', description: 'E[K]', statistic: { value: 2.01, standardError: 0.01 },
 *   accept: { lo: 1.9, hi: 2.1 } }]).verdict; // 'supported'
 * ```
 */
export function evaluateTests(
  tests: readonly ClaimTest[],
  options: EvaluateTestsOptions = {},
): TestsEvaluation {
  const fn = 'evaluateTests';
  const familyLevel = options.level ?? 0.95;
  if (!(familyLevel > 0 && familyLevel < 1)) {
    throw argumentError('range', fn, 'options.level', 'a number in (0, 1)', familyLevel);
  }
  const m = tests.filter(
    (t) => t.statistic.standardError !== undefined && t.statistic.interval === undefined,
  ).length;
  const perTestAlpha = (1 - familyLevel) / Math.max(m, 1);
  const z = normalQuantile(1 - perTestAlpha / 2);
  const results = tests.map((t, i): TestResult => {
    const { value, standardError, interval } = t.statistic;
    const where = `tests[${i}] (${t.id})`;
    if (t.accept.lo > t.accept.hi) {
      throw argumentError('range', fn, `${where}.accept`, 'lo ≤ hi', t.accept);
    }
    if (standardError !== undefined && !(standardError >= 0) && !Number.isNaN(standardError)) {
      throw argumentError(
        'range',
        fn,
        `${where}.statistic.standardError`,
        'a non-negative number',
        standardError,
      );
    }
    if (interval !== undefined && interval[0] > interval[1]) {
      throw argumentError('range', fn, `${where}.statistic.interval`, 'lo ≤ hi', interval);
    }
    const given = interval !== undefined;
    const bounds: readonly [number, number] = given
      ? interval
      : standardError !== undefined
        ? [value - z * standardError, value + z * standardError]
        : [value, value];
    const base = {
      id: t.id,
      description: t.description,
      value,
      interval: bounds,
      intervalSource:
        standardError !== undefined && !given ? ('standard-error' as const) : ('given' as const),
      level: standardError !== undefined && !given ? 1 - perTestAlpha : 1,
      accept: t.accept,
    };
    if (!Number.isFinite(value) || Number.isNaN(bounds[0]) || Number.isNaN(bounds[1])) {
      return { ...base, verdict: 'inconclusive', note: 'the statistic is not finite' };
    }
    return { ...base, verdict: regionVerdict(bounds, t.accept) };
  });
  let verdict: Verdict = results.length === 0 ? 'inconclusive' : 'supported';
  for (const r of results) {
    if (r.verdict === 'contradicted') {
      verdict = 'contradicted';
      break;
    }
    if (r.verdict === 'inconclusive') verdict = 'inconclusive';
  }
  return { tests: results, verdict, familyLevel };
}

function regionVerdict(interval: readonly [number, number], accept: AcceptRegion): Verdict {
  const [lo, hi] = interval;
  if (lo >= accept.lo && hi <= accept.hi) return 'supported';
  if (hi < accept.lo || lo > accept.hi) return 'contradicted';
  return 'inconclusive';
}
