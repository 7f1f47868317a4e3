import { argumentError, type ResolvedMlpSpec, resolveMlpSpec } from '@ntk/core';

/**
 * Validates an `MlpSpec` for a finite network: everything `resolveMlpSpec` checks, plus finite widths.
 *
 * @param spec - Candidate spec.
 * @param fn - Calling function, for messages.
 * @returns The resolved spec, `widths` non-null.
 * @throws {ArgumentTypeError} / {@link @ntk/core!ArgumentRangeError} For a bad field, or when `widths` is omitted
 *   for depth ≥ 1 (infinite width has no finite network; use `@ntk/analytic` for it).
 * @example
 * ```ts
 * resolveFiniteSpec({ activation: 'relu', depth: 2, widths: 64 }, 'initMlp').widths; // [64, 64]
 * ```
 */
export function resolveFiniteSpec(spec: unknown, fn: string): ResolvedMlpSpec & { widths: number[] } {
  const r = resolveMlpSpec(spec, fn);
  if (r.widths === null && r.depth === 0) return { ...r, widths: [] };
  if (r.widths === null) {
    throw argumentError(
      'range',
      fn,
      'spec.widths',
      'finite positive integers (a finite network needs widths; the infinite-width kernels are in @ntk/analytic)',
      (spec as { widths?: unknown }).widths,
    );
  }
  return r as ResolvedMlpSpec & { widths: number[] };
}
