import { UsageError } from '../errors/usage-error.ts';
import type { VariancePoint } from './phase-settings.ts';

function number(flag: string, text: string, whole: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) {
    throw new UsageError(`${flag} must be lo:hi (two numbers), got ${JSON.stringify(whole)}`);
  }
  return v;
}

/**
 * A commander argParser for a range flag `lo:hi` (e.g. `--sigma-w2-range 0.5:4`), giving `[lo, hi]`; whether
 * lo < hi and the bounds are checked later with the settings.
 *
 * @param flag - The flag's name, for messages.
 * @returns The parser.
 * @throws {UsageError} (from the parser) Unless the text is two finite numbers separated by `:`.
 * @example
 * ```ts
 * rangeFlag('--sigma-w2-range')('0.5:4'); // [0.5, 4]
 * ```
 */
export function rangeFlag(flag: string): (text: string) => [number, number] {
  return (text) => {
    const parts = text.split(':');
    if (parts.length !== 2)
      throw new UsageError(`${flag} must be lo:hi (two numbers), got ${JSON.stringify(text)}`);
    return [number(flag, parts[0] as string, text), number(flag, parts[1] as string, text)];
  };
}

/**
 * A commander argParser for `--profile-at SW2:SB2[,SW2:SB2…]`: the (σ_w², σ_b²) points of the depth profile.
 *
 * @param flag - The flag's name, for messages.
 * @returns The parser.
 * @throws {UsageError} (from the parser) Unless every item is two finite numbers separated by `:`.
 * @example
 * ```ts
 * pointsFlag('--profile-at')('1.5:0,2:0'); // [{ sigmaW2: 1.5, sigmaB2: 0 }, { sigmaW2: 2, sigmaB2: 0 }]
 * ```
 */
export function pointsFlag(flag: string): (text: string) => VariancePoint[] {
  return (text) => {
    const bad = () =>
      new UsageError(`${flag} must be SW2:SB2[,SW2:SB2…] (σ_w²:σ_b² pairs), got ${JSON.stringify(text)}`);
    const items = text.split(',').filter((s) => s.trim() !== '');
    if (items.length === 0) throw bad();
    return items.map((item) => {
      const parts = item.split(':');
      const [w, b] = parts.map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
      if (parts.length !== 2 || !Number.isFinite(w) || !Number.isFinite(b)) throw bad();
      return { sigmaW2: w as number, sigmaB2: b as number };
    });
  };
}
