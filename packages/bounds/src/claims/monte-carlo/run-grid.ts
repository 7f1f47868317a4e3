import { cpuBackend, foldIn, type Key } from '@ntk/core';
import { evaluateTests, type TestsEvaluation } from '../../claim/evaluate-tests.ts';
import type { Budget, Claim, ClaimParams, MeasureContext, Observation } from '../../claim/types.ts';

/**
 * A measurement context on the float64 CPU backend (for tests and scripts of the Monte-Carlo claims).
 *
 * @param key - The grid point's key.
 * @param budget - The budget (default `quick`).
 * @returns The context.
 * @example
 * ```ts
 * await claim.measure(params, cpuContext(key(1)));
 * ```
 */
export function cpuContext(key: Key, budget: Budget = 'quick'): MeasureContext {
  return { key, budget, backend: cpuBackend() };
}

/**
 * Runs a claim's grid for one budget in the simplest way (point i measured with `foldIn(key, i)`), then its tests
 * and the verdict engine. The registry's runner (bounds-core) does the same with its own key derivation, caching
 * and progress; this helper serves the claims' own tests and scripts.
 *
 * @param claim - The claim.
 * @param budget - Which grid.
 * @param key - Base key.
 * @returns The observations and the evaluation.
 * @example
 * ```ts
 * const { evaluation } = await runGrid(claim, 'quick', key(0));
 * ```
 */
export async function runGrid<P extends ClaimParams>(
  claim: Claim<P>,
  budget: Budget,
  key: Key,
): Promise<{ observations: Observation<P>[]; evaluation: TestsEvaluation }> {
  const observations: Observation<P>[] = [];
  const grid = claim.grid[budget];
  for (let i = 0; i < grid.length; i++) {
    const params = grid[i] as P;
    const prediction = claim.predict(params);
    const measurement = await claim.measure(params, cpuContext(foldIn(key, i), budget));
    observations.push({ params, prediction, measurement });
  }
  return { observations, evaluation: evaluateTests(claim.tests(observations, budget)) };
}
