import type { ClaimProgress } from '@ntk/bounds';
import { describe, expect, it } from 'vitest';
import { createFinishedPointTracker, type FinishedPoint } from './finished-point-tracker.ts';

const event = (
  claimId: string,
  pointPosition: number,
  pointFraction: number,
  message?: string,
): ClaimProgress => ({
  claimId,
  pointIndex: pointPosition,
  pointPosition,
  pointCount: 2,
  pointFraction,
  fraction: 0,
  elapsedMs: 0,
  remainingMs: null,
  ...(message === undefined ? {} : { message }),
});

describe('createFinishedPointTracker', () => {
  it('reports each finished point once, when the next one starts or the claim is flushed', () => {
    const seen: FinishedPoint[] = [];
    const t = createFinishedPointTracker((p) => seen.push(p));
    t.progress(event('a', 0, 0.5));
    t.progress(event('a', 0, 1)); // the measurement's last step
    t.progress(event('a', 0, 1)); // the point's end (saved by now)
    expect(seen).toEqual([]);
    t.progress(event('a', 1, 1, 'cached'));
    expect(seen.map((p) => [p.claimId, p.pointPosition, p.source])).toEqual([['a', 0, 'measured']]);
    t.flush();
    t.flush();
    expect(seen.map((p) => [p.claimId, p.pointPosition, p.source])).toEqual([
      ['a', 0, 'measured'],
      ['a', 1, 'cache'],
    ]);
  });

  it('does not report a point that never reached its end', () => {
    const seen: FinishedPoint[] = [];
    const t = createFinishedPointTracker((p) => seen.push(p));
    t.progress(event('a', 0, 0.3));
    t.progress(event('b', 0, 0.1));
    t.flush();
    expect(seen).toEqual([]);
  });
});
