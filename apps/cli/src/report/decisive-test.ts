import type { ClaimResult } from '@ntk/bounds';

/** One evaluated test of a {@link ClaimResult} (its JSON-safe form: non-finite numbers are `null`). */
export type ClaimTestResult = ClaimResult['tests'][number];

/**
 * The test that decides a claim's verdict, for tables: the first `contradicted` test, else the first
 * `inconclusive` one, else the first test.
 *
 * @param result - A claim's result.
 * @returns The test, or `undefined` when the result has no tests (a failed run).
 * @example
 * ```ts
 * decisiveTest(result)?.id; // 'slope-ordered'
 * ```
 */
export function decisiveTest(result: ClaimResult): ClaimTestResult | undefined {
  return (
    result.tests.find((t) => t.verdict === 'contradicted') ??
    result.tests.find((t) => t.verdict === 'inconclusive') ??
    result.tests[0]
  );
}
