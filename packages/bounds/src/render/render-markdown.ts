import type { ClaimResult } from '../result/claim-result.ts';
import { formatNumber } from './format-number.ts';

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /** Level of the title heading, 1–5 (default 2); sections use the next level. */
  readonly headingLevel?: number;
  /** Significant digits of numbers (default 4). */
  readonly digits?: number;
  /**
   * Longest per-point settings JSON shown in the table (default 400 characters); longer ones are cut with
   * `…` (the JSON result holds them in full). `Infinity` shows everything.
   */
  readonly maxSettingsLength?: number;
}

type Num = number | null;

/**
 * A claim's result as Markdown for the docs: the title; the verdict (or the failure); the citation
 * (authors, year, title, venue, a link to https://arxiv.org/abs/&lt;id&gt;, the theorem or figure); the
 * statement; the formula as a display-math block (between lines of two dollar signs); conditions,
 * conventions and assumptions; a table of the points (parameters, predicted and measured values,
 * ± standard error or an interval); a table of the tests
 * (value, interval, level, accept region, verdict, description); and the run's settings, seed, per-point
 * measurement settings (cut at `maxSettingsLength`), versions and backend. Numbers are rounded to `digits` significant digits
 * ({@link formatNumber}); `null` ends of accept regions and intervals are written −∞/+∞.
 *
 * @param result - A result of {@link runClaim}.
 * @param options - Heading level, digits, longest settings shown.
 * @returns The Markdown text.
 * @example
 * ```ts
 * writeFileSync(`docs/claims/${result.claimId}.md`, renderMarkdown(await runClaim(claim)));
 * ```
 */
export function renderMarkdown(result: ClaimResult, options: RenderMarkdownOptions = {}): string {
  const level = Math.min(5, Math.max(1, Math.round(options.headingLevel ?? 2)));
  const h = '#'.repeat(level);
  const h2 = '#'.repeat(level + 1);
  const n = (x: Num) => formatNumber(x, options.digits ?? 4);
  const lo = (x: Num) => (x === null ? '−∞' : n(x));
  const hi = (x: Num) => (x === null ? '+∞' : n(x));
  const cell = (s: string) => s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const out: string[] = [];
  out.push(`${h} ${result.title}`, '');
  out.push(`Claim \`${result.claimId}\` (${result.method}).`, '');
  if (result.status === 'ok') {
    out.push(
      `**Verdict: ${result.verdict}** at family-wise level ${formatPercent(result.familyLevel)} ` +
        `(budget \`${result.budget}\`, seed ${result.seed}).`,
    );
  } else {
    const e = result.error;
    const where = e?.pointIndex === undefined ? '' : ` at point ${e.pointIndex}`;
    out.push(
      `**Run failed** in \`${e?.stage ?? 'unknown'}\`${where}: ${e?.name ?? 'Error'}: ${e?.message ?? ''}`,
    );
    out.push('', `Verdict: ${result.verdict} (nothing could be decided).`);
  }
  out.push('');
  const c = result.citation;
  const version = c.arxivVersion ?? '';
  const venue = c.venue === undefined ? '' : ` ${c.venue}.`;
  out.push(
    `**Source.** ${c.authors.join(', ')} (${c.year}). *${c.title}*.${venue} ` +
      `[arXiv:${c.arxiv}${version}](https://arxiv.org/abs/${c.arxiv}${version}), ${c.locator}.`,
    '',
  );
  out.push(`**Statement.** ${result.statement}`, '', '$$', result.formula, '$$', '');
  out.push('**Conditions.**', '', ...result.conditions.map((s) => `- ${s}`), '');
  out.push(`**Conventions.** ${result.conventions}`, '');
  if (result.assumptions.length > 0)
    out.push('**Assumptions.**', '', ...result.assumptions.map((s) => `- ${s}`), '');

  out.push(`${h2} Points`, '');
  if (result.observations.length === 0) {
    out.push('No point was measured.', '');
  } else {
    out.push('| # | parameters | quantity | predicted | measured |', '|---|---|---|---|---|');
    for (const p of result.observations) {
      const params = Object.entries(p.params)
        .map(([k, v]) => `${k} = ${typeof v === 'number' ? n(v) : String(v)}`)
        .join(', ');
      const names = [...new Set([...Object.keys(p.prediction), ...Object.keys(p.measurement.values)])];
      for (const name of names) {
        const pred = p.prediction[name];
        const m = p.measurement.values[name];
        let measured = '';
        if (m !== undefined) {
          measured = n(m.value);
          if (m.standardError !== undefined) measured += ` ± ${n(m.standardError)} (SE)`;
          if (m.interval !== undefined) measured += ` ∈ [${lo(m.interval[0])}, ${hi(m.interval[1])}]`;
          if (m.samples !== undefined) measured += `, n = ${m.samples}`;
        }
        out.push(
          `| ${p.index} | ${cell(params)} | ${cell(name)} | ${pred === undefined ? '' : n(pred)} | ${cell(measured)} |`,
        );
      }
    }
    out.push('');
  }

  out.push(`${h2} Tests`, '');
  if (result.tests.length === 0) {
    out.push('No test was evaluated.', '');
  } else {
    out.push(
      '| test | value | interval | level | accept | verdict | description |',
      '|---|---|---|---|---|---|---|',
    );
    for (const t of result.tests) {
      const interval = `[${lo(t.interval[0])}, ${hi(t.interval[1])}]`;
      const source = t.intervalSource === 'standard-error' ? '' : ' (given)';
      const note = t.note === undefined ? '' : ` (${t.note})`;
      out.push(
        `| ${cell(t.id)} | ${n(t.value)} | ${interval}${source} | ${formatPercent(t.level ?? 1)} | ` +
          `[${lo(t.accept.lo)}, ${hi(t.accept.hi)}] | ${t.verdict}${cell(note)} | ${cell(t.description)} |`,
      );
    }
    out.push('');
  }

  out.push(`${h2} Settings`, '');
  const s = result.settings;
  out.push(
    `- budget \`${s.budget}\`, seed ${s.seed}, family-wise level ${formatPercent(s.level)} (Bonferroni over the tests), ` +
      `${s.gridSize} grid point(s)`,
  );
  const b = result.backend;
  const extra = [
    b.fallbackReason === undefined ? '' : `fell back: ${b.fallbackReason}`,
    b.threads === undefined ? '' : `${b.threads} thread(s)`,
  ]
    .filter((x) => x !== '')
    .join(', ');
  out.push(`- backend \`${b.name}\` (${b.dtype}, mode \`${b.mode}\`${extra === '' ? '' : `, ${extra}`})`);
  out.push(
    `- versions: ${Object.entries(result.versions)
      .map(([k, v]) => `\`${k}\` ${v}`)
      .join(', ')}`,
  );
  out.push(`- started ${result.startedAt}, took ${n(result.durationMs / 1000)} s`);
  const withSettings = result.observations.filter((p) => p.measurement.settings !== undefined);
  if (withSettings.length > 0) {
    out.push('', '| # | measurement settings |', '|---|---|');
    const max = options.maxSettingsLength ?? 400;
    for (const p of withSettings) {
      const json = JSON.stringify(p.measurement.settings);
      const shown = json.length > max ? `${json.slice(0, Math.max(0, max))}…` : json;
      out.push(`| ${p.index} | \`${cell(shown)}\` |`);
    }
  }
  out.push('');
  return out.join('\n');
}

function formatPercent(x: Num): string {
  if (x === null) return 'n/a';
  return `${Number((100 * x).toPrecision(6))}%`;
}
