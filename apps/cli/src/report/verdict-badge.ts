import type { ClaimResult } from '@ntk/bounds';
import { escapeHtml } from './escape-html.ts';
import { verdictLabel } from './verdict-label.ts';

/**
 * A result's verdict as an HTML badge: `<span class="badge supported">supported</span>`, or class `failed`
 * with `failed: <stage>` for a failed run.
 *
 * @param result - A claim's result.
 * @returns The `<span>`.
 * @example
 * ```ts
 * verdictBadge(result); // '<span class="badge contradicted">contradicted</span>'
 * ```
 */
export function verdictBadge(result: ClaimResult): string {
  const kind = result.status === 'failed' ? 'failed' : result.verdict;
  return `<span class="badge ${kind}">${escapeHtml(verdictLabel(result))}</span>`;
}
