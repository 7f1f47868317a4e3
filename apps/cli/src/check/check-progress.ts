import type { ProgressUpdate } from '../progress/progress-reporter.ts';

/** Where a check run is, for its two progress bars. */
export interface CheckProgressState {
  /** Position of the current claim among the run's claims (0-based). */
  readonly claimPosition: number;
  /** Number of claims. */
  readonly claimCount: number;
  /** The current claim's id. */
  readonly claimId: string;
  /** Overall fraction done, in [0, 1]. */
  readonly fraction: number;
  /** Estimated ms left overall (`null`: not known yet). */
  readonly remainingMs: number | null;
  /** Position of the current point among the claim's points (0-based), if known. */
  readonly pointPosition?: number | undefined;
  /** Number of points of the claim this run measures, if known. */
  readonly pointCount?: number | undefined;
  /** The claim's fraction done, in [0, 1]. */
  readonly claimFraction: number;
  /** Estimated ms left for the claim (`null`: not known yet). */
  readonly claimRemainingMs: number | null;
}

/**
 * The two bars of `ntk check`: bar 0 the whole run (`claim i/n <id>`), bar 1 the current claim
 * (`point j/m`), each with its fraction and estimated time left.
 *
 * @param s - The run's state.
 * @returns The bars for `ProgressReporter.update`.
 * @example
 * ```ts
 * progress.update(checkProgressBars({ claimPosition: 0, claimCount: 2, claimId: 'a', fraction: 0.25,
 *   remainingMs: 3000, pointPosition: 1, pointCount: 4, claimFraction: 0.5, claimRemainingMs: 1000 }));
 * ```
 */
export function checkProgressBars(s: CheckProgressState): ProgressUpdate[] {
  const point =
    s.pointCount === undefined || s.pointPosition === undefined
      ? 'point ?'
      : `point ${Math.min(s.pointPosition + 1, s.pointCount)}/${s.pointCount}`;
  return [
    {
      fraction: s.fraction,
      label: `claim ${s.claimPosition + 1}/${s.claimCount} ${s.claimId}`,
      remainingMs: s.remainingMs,
    },
    { fraction: s.claimFraction, label: point, remainingMs: s.claimRemainingMs },
  ];
}

/**
 * Whether two sets of bars would look the same (same labels, same whole percentages): `ntk check` skips
 * such updates, so that line-mode logs do not repeat themselves.
 *
 * @param a - New bars.
 * @param b - The previous bars.
 * @returns `true` when nothing visible changed.
 * @example
 * ```ts
 * if (!sameBars(bars, last)) progress.update(bars);
 * ```
 */
export function sameBars(a: readonly ProgressUpdate[], b: readonly ProgressUpdate[]): boolean {
  const pct = (x: number) => Math.floor(100 * x);
  return (
    a.length === b.length &&
    a.every((bar, i) => {
      const other = b[i] as ProgressUpdate;
      return bar.label === other.label && pct(bar.fraction) === pct(other.fraction);
    })
  );
}
