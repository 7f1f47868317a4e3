/**
 * A duration for progress lines: `42 s`, `3 min 5 s`, `2 h 07 min`; `null` (no estimate yet) → `?`.
 *
 * @param ms - Milliseconds, or `null`.
 * @returns The text.
 * @example
 * ```ts
 * formatDuration(185_000); // '3 min 5 s'
 * ```
 */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '?';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
