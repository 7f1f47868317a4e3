import type { ClaimProgress } from '@ntk/bounds';

/** A point that a run has finished (and, with a cache directory, saved). */
export interface FinishedPoint {
  /** The claim's id. */
  readonly claimId: string;
  /** The point's grid index. */
  readonly pointIndex: number;
  /** Its position among the claim's points in this run (0-based). */
  readonly pointPosition: number;
  /** Number of the claim's points in this run. */
  readonly pointCount: number;
  /** Whether it was measured or taken from the cache. */
  readonly source: 'measured' | 'cache';
}

/** Turns a run's progress events into one call per finished point (see {@link createFinishedPointTracker}). */
export interface FinishedPointTracker {
  /** Feeds a progress event of the current claim. */
  progress(event: ClaimProgress): void;
  /** The claim is done (its result is out): reports its last point if it finished. */
  flush(): void;
}

/**
 * Reports each finished point of a `runClaims` run exactly once, from its progress events. A point counts
 * as finished when a later event is about another point (or the claim's result arrives: {@link
 * FinishedPointTracker.flush}) after the point reached fraction 1; by then `runClaims` has written it to the
 * cache, so a line "point j/m done" never announces a point that an interruption would lose.
 *
 * @param onFinished - Called once per finished point.
 * @returns The tracker.
 * @example
 * ```ts
 * const tracker = createFinishedPointTracker((p) => progress.log(`${p.claimId}: point ${p.pointPosition + 1} done`));
 * runClaims(ids, { onProgress: (p) => p.claim && tracker.progress(p.claim), onResult: () => tracker.flush() });
 * ```
 */
export function createFinishedPointTracker(onFinished: (point: FinishedPoint) => void): FinishedPointTracker {
  let current:
    | {
        claimId: string;
        pointIndex: number;
        pointPosition: number;
        pointCount: number;
        done: boolean;
        cached: boolean;
      }
    | undefined;
  const emit = () => {
    if (current?.done) {
      const { claimId, pointIndex, pointPosition, pointCount, cached } = current;
      onFinished({ claimId, pointIndex, pointPosition, pointCount, source: cached ? 'cache' : 'measured' });
    }
    current = undefined;
  };
  return {
    progress(event) {
      if (
        current !== undefined &&
        (current.claimId !== event.claimId || current.pointPosition !== event.pointPosition)
      ) {
        emit();
      }
      current ??= {
        claimId: event.claimId,
        pointIndex: event.pointIndex,
        pointPosition: event.pointPosition,
        pointCount: event.pointCount,
        done: false,
        cached: false,
      };
      if (event.pointFraction >= 1) current.done = true;
      if (event.message === 'cached') current.cached = true;
    },
    flush: emit,
  };
}
