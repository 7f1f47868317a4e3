import { describe, expect, it } from 'vitest';
import type { Observation } from '../../claim/types.ts';
import { observedSlope } from './observed-slope.ts';

const obs = (width: number, value: number, standardError: number): Observation<{ width: number }> => ({
  params: { width },
  prediction: {},
  measurement: { values: { y: { value, standardError } } },
});

describe('observedSlope', () => {
  it('observedSlope(observations, x, name) is the weighted slope of the named quantity', () => {
    const s = observedSlope([obs(1, 1, 0.1), obs(2, 3, 0.1), obs(3, 5, 0.1)], (o) => o.params.width, 'y');
    expect(s.value).toBeCloseTo(2, 12);
    expect(s.standardError).toBeCloseTo(0.1 / Math.sqrt(2), 12);
  });
  it('observedSlope gives NaN when the points cannot be fitted', () => {
    const x = (o: Observation<{ width: number }>): number => o.params.width;
    expect(observedSlope([obs(1, 1, 0.1)], x, 'y').value).toBeNaN();
    expect(observedSlope([obs(1, 1, 0.1), obs(1, 2, 0.1)], x, 'y').value).toBeNaN();
    expect(observedSlope([obs(1, 1, 0.1), obs(2, Number.NaN, 0.1)], x, 'y').value).toBeNaN();
    expect(observedSlope([obs(1, 1, 0.1), obs(2, 2, 0)], x, 'y').value).toBeNaN();
    expect(observedSlope([obs(1, 1, 0.1), obs(2, 2, Number.POSITIVE_INFINITY)], x, 'y').value).toBeNaN();
    expect(observedSlope([obs(1, 1, 0.1), obs(2, 2, 0.1)], x, 'missing').value).toBeNaN();
  });
});
