import type { DataSettings } from '../data/data-settings.ts';

/**
 * A copy of data settings with its keys in a fixed order (kind, then n, d or path), so that settings
 * written to files and compared across shards do not depend on how they were given (flag or config file).
 *
 * @param d - Validated data settings.
 * @returns The same settings, keys ordered.
 * @example
 * ```ts
 * canonicalData({ d: 3, n: 8, kind: 'sphere' } as DataSettings); // { kind: 'sphere', n: 8, d: 3 }
 * ```
 */
export function canonicalData(d: DataSettings): DataSettings {
  switch (d.kind) {
    case 'mnist':
      return { kind: d.kind, n: d.n };
    case 'csv':
      return { kind: d.kind, path: d.path };
    default:
      return { kind: d.kind, n: d.n, d: d.d };
  }
}
