import { argumentError, checkNumber } from '@ntk/core';
import type { LearningRateSchedule } from '../train/types.ts';

/**
 * Validates a learning-rate schedule and returns η_k as a function of the step.
 *
 * @param fn - Calling function.
 * @param s - Schedule.
 * @returns k ↦ η_k.
 * @throws {ArgumentTypeError} / {@link @ntk/core!ArgumentRangeError} For a bad schedule (η ≤ 0, a bad factor or boundaries).
 */
export function learningRateAt(fn: string, s: unknown): (k: number) => number {
  if (typeof s === 'number') {
    const eta = checkNumber(fn, 'options.learningRate', s, { positive: true });
    return () => eta;
  }
  if (typeof s !== 'object' || s === null) {
    throw argumentError('type', fn, 'options.learningRate', 'a number > 0 or a schedule object', s);
  }
  const sch = s as Exclude<LearningRateSchedule, number>;
  if (sch.type === 'constant') {
    const eta = checkNumber(fn, 'options.learningRate.value', sch.value, { positive: true });
    return () => eta;
  }
  if (sch.type === 'step') {
    const eta = checkNumber(fn, 'options.learningRate.initial', sch.initial, { positive: true });
    const factor = checkNumber(fn, 'options.learningRate.factor', sch.factor, { positive: true });
    if (
      !Array.isArray(sch.boundaries) ||
      !sch.boundaries.every(
        (b, i, a) => Number.isInteger(b) && b > 0 && (i === 0 || b > (a[i - 1] as number)),
      )
    ) {
      throw argumentError(
        'range',
        fn,
        'options.learningRate.boundaries',
        'increasing positive integers',
        sch.boundaries,
      );
    }
    const bounds = sch.boundaries;
    return (k) => {
      let e = eta;
      for (const b of bounds) if (k >= b) e *= factor;
      return e;
    };
  }
  throw argumentError(
    'range',
    fn,
    'options.learningRate.type',
    '"constant" or "step"',
    (s as { type?: unknown }).type,
  );
}
