import type { ClaimResult } from '@ntk/bounds';

/**
 * A result's verdict for tables: the verdict when the run completed, else `failed: <stage>`
 * (e.g. `failed: measure`).
 *
 * @param result - A claim's result.
 * @returns The label.
 * @example
 * ```ts
 * verdictLabel(result); // 'supported'
 * ```
 */
export function verdictLabel(result: ClaimResult): string {
  if (result.status === 'failed') return `failed: ${result.error?.stage ?? 'unknown'}`;
  return result.verdict;
}
