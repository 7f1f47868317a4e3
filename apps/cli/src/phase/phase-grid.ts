import { setImmediate } from 'node:timers/promises';
import { resolveActivation } from '@ntk/activations';
import { activationMoments } from '@ntk/analytic';
import { chi1At, type PhasePoint } from './chi1-at.ts';
import { linspace } from './linspace.ts';
import type { PhaseSettings } from './phase-settings.ts';

/** The σ_w² × σ_b² grid of `ntk phase`. */
export interface PhaseGrid {
  /** The σ_w² values (`grid` of them, ends included). */
  readonly sigmaW2: readonly number[];
  /** The σ_b² values. */
  readonly sigmaB2: readonly number[];
  /** The points, σ_b² outer, σ_w² inner: points[j·n + i] is (σ_w²[i], σ_b²[j]). */
  readonly points: readonly PhasePoint[];
}

/**
 * χ₁ and the phase on the grid of the settings' ranges ({@link chi1At} at each point). Yields to the event
 * loop after each σ_b² row, so a SIGINT can stop it.
 *
 * @param settings - Validated settings.
 * @param signal - Aborts between rows (the abort reason is thrown: exit code 130).
 * @param onRow - Called after each σ_b² row with (rows done, rows).
 * @returns The grid.
 * @throws The activation's argument errors (exit code 2) for a bad name or expression.
 * @example
 * ```ts
 * const grid = await phaseGrid({ ...settings, activation: 'tanh', grid: 11 }, ctx.signal);
 * ```
 */
export async function phaseGrid(
  settings: PhaseSettings,
  signal: AbortSignal,
  onRow?: (done: number, total: number) => void,
): Promise<PhaseGrid> {
  const act = resolveActivation(settings.activation);
  const moments = activationMoments(act);
  const sigmaW2 = linspace(settings.sigmaW2Range[0], settings.sigmaW2Range[1], settings.grid);
  const sigmaB2 = linspace(settings.sigmaB2Range[0], settings.sigmaB2Range[1], settings.grid);
  const points: PhasePoint[] = [];
  for (const sb2 of sigmaB2) {
    signal.throwIfAborted();
    for (const sw2 of sigmaW2) points.push(chi1At(act, moments, sw2, sb2));
    onRow?.(points.length / sigmaW2.length, sigmaB2.length);
    await setImmediate();
  }
  return { sigmaW2, sigmaB2, points };
}
