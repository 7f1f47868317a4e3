import { argumentError, checkInteger, checkNumber } from '@ntk/core';
import type { MseQuery } from '../kernel/gradient-descent-mse.ts';
import type { MseSpectrum } from '../kernel/mse-spectrum.ts';

/** A validated {@link MseQuery} time/steps part. */
export interface ReadQuery {
  readonly time: number;
  readonly steps: number | null;
  readonly learningRate: number;
  readonly warnings: string[];
}

/**
 * Validates the time/steps part of a query.
 *
 * @param fn - Calling function.
 * @param query - The query.
 * @param spectrum - The kernel's spectrum (for the stability warning).
 * @returns Time, steps, learning rate and warnings.
 */
export function readQuery(fn: string, query: unknown, spectrum: MseSpectrum): ReadQuery {
  if (typeof query !== 'object' || query === null)
    throw argumentError('type', fn, 'query', 'an object', query);
  const q = query as MseQuery;
  const warnings: string[] = [];
  if (q.steps !== undefined) {
    if (q.time !== undefined) {
      throw argumentError('range', fn, 'query', 'either `time` or `steps`, not both', {
        time: q.time,
        steps: q.steps,
      });
    }
    const steps = checkInteger(fn, 'query.steps', q.steps, 0);
    if (q.learningRate === undefined) {
      throw argumentError('type', fn, 'query.learningRate', 'a number > 0 (needed with `steps`)', undefined);
    }
    const eta = checkNumber(fn, 'query.learningRate', q.learningRate, { positive: true });
    if (eta >= spectrum.maxLearningRate) {
      warnings.push(
        `${fn}: learning rate ${eta} ≥ η_max = 2N/λ_max = ${spectrum.maxLearningRate}: gradient descent diverges ` +
          '(the top eigencomponent of the residual grows by |1 − ηλ_max/N| ≥ 1 per step). Lower the learning rate.',
      );
    }
    return { time: eta * steps, steps, learningRate: eta, warnings };
  }
  if (q.time === undefined)
    throw argumentError('type', fn, 'query.time', 'a number ≥ 0 or Infinity', undefined);
  if (typeof q.time !== 'number') throw argumentError('type', fn, 'query.time', 'a number', q.time);
  if (!(q.time >= 0) || Number.isNaN(q.time)) {
    throw argumentError('range', fn, 'query.time', 'a number ≥ 0 or Infinity', q.time);
  }
  if (q.learningRate !== undefined) {
    throw argumentError(
      'range',
      fn,
      'query.learningRate',
      'absent with `time` (gradient flow has no step size)',
      q.learningRate,
    );
  }
  return { time: q.time, steps: null, learningRate: 0, warnings };
}
