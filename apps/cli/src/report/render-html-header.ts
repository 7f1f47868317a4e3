import type { CheckReport } from './check-report.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * The `<header>` of `report.html`: the title, the run's settings (budget, seed, level, backend asked for and
 * used with the reason, origin, start time and duration, CLI, Node, platform and package versions) and the
 * verdict counts.
 *
 * @param report - The report.
 * @returns An HTML fragment (all text escaped).
 * @example
 * ```ts
 * const html = renderHtmlHeader(report); // '<header>…</header>'
 * ```
 */
export function renderHtmlHeader(report: CheckReport): string {
  const s = report.settings;
  const e = report.environment;
  const b = report.backend.info;
  const origin = report.origin.kind === 'merge' ? `merge of ${report.origin.shards} shard(s)` : 'one run';
  const backend = [
    `${b.name} (${b.dtype}, mode ${b.mode}`,
    b.threads === undefined ? '' : `, ${b.threads} thread(s)`,
    b.fallbackReason === undefined ? '' : `, fell back: ${b.fallbackReason}`,
    `); asked for ${s.backend}: ${report.backend.reason}`,
  ].join('');
  const versions = Object.entries(report.versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const rows: [string, string][] = [
    ['budget', s.budget],
    ['seed', String(s.seed)],
    ['level', `${Number((100 * s.level).toPrecision(6))}% family-wise per claim`],
    ['claims', String(s.claims.length)],
    ['backend', backend],
    ['origin', origin],
    ['date', `${report.startedAt} (took ${(report.durationMs / 1000).toFixed(1)} s)`],
    ['environment', `@ntk/cli ${e.cliVersion}, Node ${e.node}, ${e.platform}/${e.arch}`],
    ['versions', versions],
  ];
  const dl = rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('\n');
  const m = report.summary;
  const counts: [string, number][] = [
    ['claims', m.total],
    ['supported', m.supported],
    ['contradicted', m.contradicted],
    ['inconclusive', m.inconclusive],
    ['failed', m.failed],
  ];
  const summary = counts
    .map(([k, n]) => `<li class="count-${k}"><strong>${n}</strong> ${escapeHtml(k)}</li>`)
    .join('');
  return [
    '<header>',
    '<h1>NTK claims check</h1>',
    '<p>Published Neural Tangent Kernel claims, each run as a check: the theory’s prediction beside a measurement, with a verdict computed from the measurement’s own statistics.</p>',
    `<dl class="settings">\n${dl}\n</dl>`,
    `<ul class="summary">${summary}</ul>`,
    '</header>',
  ].join('\n');
}
