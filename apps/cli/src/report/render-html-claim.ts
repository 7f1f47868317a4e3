import { type ClaimResult, formatNumber } from '@ntk/bounds';
import { claimAnchor } from './claim-anchor.ts';
import { escapeHtml } from './escape-html.ts';
import { figurePath } from './figure-path.ts';
import { formatRange } from './format-test.ts';
import { scopeSvgIds } from './scope-svg-ids.ts';
import { verdictBadge } from './verdict-badge.ts';

/** A claim's figure for `report.html`: the SVG text, or why there is none. */
export type ClaimFigure = { readonly svg: string } | { readonly error: string };

const n = (x: number | null): string => formatNumber(x, 4);
/** Longest per-point settings JSON shown (the JSON report holds it in full). */
const MAX_SETTINGS = 2000;

function citationHtml(r: ClaimResult): string {
  const c = r.citation;
  const arxiv = `${c.arxiv}${c.arxivVersion ?? ''}`;
  const venue = c.venue === undefined ? '' : ` ${escapeHtml(c.venue)}.`;
  return (
    `<p class="citation"><strong>Source.</strong> ${escapeHtml(c.authors.join(', '))} (${c.year}). ` +
    `<cite>${escapeHtml(c.title)}</cite>.${venue} ` +
    `<a href="https://arxiv.org/abs/${encodeURIComponent(arxiv)}">arXiv:${escapeHtml(arxiv)}</a>, ` +
    `${escapeHtml(c.locator)}.</p>`
  );
}

function listHtml(title: string, items: readonly string[]): string {
  if (items.length === 0) return '';
  return `<h3>${title}</h3>\n<ul>${items.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`;
}

function testsHtml(r: ClaimResult): string {
  if (r.tests.length === 0) return '<h3>Tests</h3>\n<p>No test was evaluated.</p>';
  const rows = r.tests.map((t) => {
    const level = t.level === null ? 'n/a' : `${Number((100 * t.level).toPrecision(6))}%`;
    const source = t.intervalSource === 'given' ? ' (given)' : '';
    const note = t.note === undefined ? '' : ` <em>(${escapeHtml(t.note)})</em>`;
    return (
      `<tr><td><code>${escapeHtml(t.id)}</code></td><td class="num">${escapeHtml(n(t.value))}</td>` +
      `<td class="num">${escapeHtml(formatRange(t.interval[0], t.interval[1]))}${source}</td>` +
      `<td class="num">${level}</td><td class="num">${escapeHtml(formatRange(t.accept.lo, t.accept.hi))}</td>` +
      `<td><span class="badge ${t.verdict}">${t.verdict}</span>${note}</td><td>${escapeHtml(t.description)}</td></tr>`
    );
  });
  return [
    '<h3>Tests</h3>',
    '<div class="table-wrap"><table class="tests">',
    '<thead><tr><th>test</th><th>value</th><th>interval</th><th>level</th><th>accepted</th><th>verdict</th><th>description</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody></table></div>`,
  ].join('\n');
}

function pointsHtml(r: ClaimResult): string {
  if (r.observations.length === 0) return '<h3>Points</h3>\n<p>No point was measured.</p>';
  const rows: string[] = [];
  for (const p of r.observations) {
    const params = Object.entries(p.params)
      .map(([k, v]) => `${k} = ${typeof v === 'number' ? n(v) : String(v)}`)
      .join(', ');
    const names = [...new Set([...Object.keys(p.prediction), ...Object.keys(p.measurement.values)])];
    names.forEach((name, i) => {
      const pred = p.prediction[name];
      const m = p.measurement.values[name];
      let measured = '';
      if (m !== undefined) {
        measured = n(m.value);
        if (m.standardError !== undefined) measured += ` ± ${n(m.standardError)} (SE)`;
        if (m.interval !== undefined) measured += ` ∈ ${formatRange(m.interval[0], m.interval[1])}`;
        if (m.samples !== undefined) measured += `, n = ${m.samples}`;
      }
      const head =
        i === 0
          ? `<td rowspan="${names.length}" class="num">${p.index}</td><td rowspan="${names.length}">${escapeHtml(params)}</td>`
          : '';
      rows.push(
        `<tr>${head}<td><code>${escapeHtml(name)}</code></td>` +
          `<td class="num">${pred === undefined ? '' : escapeHtml(n(pred))}</td><td class="num">${escapeHtml(measured)}</td></tr>`,
      );
    });
  }
  const settings = r.observations
    .filter((p) => p.measurement.settings !== undefined)
    .map((p) => {
      const json = JSON.stringify(p.measurement.settings);
      const shown = json.length > MAX_SETTINGS ? `${json.slice(0, MAX_SETTINGS)}…` : json;
      return `<tr><td class="num">${p.index}</td><td><code>${escapeHtml(shown)}</code></td></tr>`;
    });
  return [
    '<h3>Points</h3>',
    '<div class="table-wrap"><table class="points">',
    '<thead><tr><th>#</th><th>parameters</th><th>quantity</th><th>predicted</th><th>measured</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody></table></div>`,
    settings.length === 0
      ? ''
      : '<details class="settings"><summary>Measurement settings of each point</summary>\n' +
        '<div class="table-wrap"><table><thead><tr><th>#</th><th>settings (JSON)</th></tr></thead>' +
        `<tbody>\n${settings.join('\n')}\n</tbody></table></div></details>`,
  ]
    .filter((x) => x !== '')
    .join('\n');
}

function figureHtml(r: ClaimResult, figure: ClaimFigure | undefined): string {
  if (r.status === 'failed') return '';
  if (figure === undefined || 'error' in figure) {
    const why = figure === undefined ? 'no figure was rendered' : figure.error;
    return `<p class="error">The figure could not be drawn: ${escapeHtml(why)}</p>`;
  }
  return (
    `<figure class="claim-figure" data-claim="${escapeHtml(r.claimId)}">\n${scopeSvgIds(figure.svg, claimAnchor(r.claimId))}\n` +
    `<figcaption>Prediction and measurement for <code>${escapeHtml(r.claimId)}</code> (also <a href="${escapeHtml(figurePath(r.claimId))}">${escapeHtml(figurePath(r.claimId))}</a>).</figcaption>\n</figure>`
  );
}

/**
 * One claim's `<section>` of `report.html` (id from {@link claimAnchor}): the title and verdict badge, the
 * error of a failed run, the citation (authors, year, title, venue, arXiv link, locator), the statement,
 * the formula's TeX source, conditions, conventions and assumptions, the figure as inline SVG inside
 * `<figure class="claim-figure" data-claim="<id>">` (ok runs only), the tests table and the points table
 * (predicted vs measured numbers) with each point's measurement settings (JSON, cut at 2000 characters) in a
 * `<details>` element.
 *
 * @param result - The claim's result.
 * @param figure - Its rendered figure (`{ svg }`) or why it could not be drawn (`{ error }`); ignored for a
 *   failed run.
 * @returns The HTML fragment (all text escaped; the SVG is inserted with its ids scoped by {@link scopeSvgIds}).
 * @example
 * ```ts
 * renderHtmlClaim(result, { svg: await vegaLiteToSvg(result.vegaLite) });
 * ```
 */
export function renderHtmlClaim(result: ClaimResult, figure?: ClaimFigure): string {
  const r = result;
  const out: string[] = [];
  out.push(`<section class="claim" id="${claimAnchor(r.claimId)}" data-claim="${escapeHtml(r.claimId)}">`);
  out.push(`<h2>${escapeHtml(r.title)} ${verdictBadge(r)}</h2>`);
  out.push(
    `<p class="claim-id"><code>${escapeHtml(r.claimId)}</code> · ${escapeHtml(r.method)} · budget ${escapeHtml(r.budget)} · seed ${r.seed}` +
      ` · family-wise level ${Number((100 * r.familyLevel).toPrecision(6))}% · ${r.observations.length} of ${r.settings.gridSize} point(s)</p>`,
  );
  if (r.status === 'failed') {
    const e = r.error;
    const where = e?.pointIndex === undefined ? '' : ` at point ${e.pointIndex}`;
    out.push(
      `<p class="error"><strong>Run failed</strong> in <code>${escapeHtml(e?.stage ?? 'unknown')}</code>${where}: ` +
        `${escapeHtml(e?.name ?? 'Error')}: ${escapeHtml(e?.message ?? '')}. Nothing could be decided.</p>`,
    );
  }
  out.push(citationHtml(r));
  out.push(`<p><strong>Statement.</strong> ${escapeHtml(r.statement)}</p>`);
  out.push(`<pre class="formula"><code>${escapeHtml(r.formula)}</code></pre>`);
  out.push(listHtml('Conditions', r.conditions));
  out.push(`<h3>Conventions</h3>\n<p>${escapeHtml(r.conventions)}</p>`);
  out.push(listHtml('Assumptions', r.assumptions));
  out.push(figureHtml(r, figure));
  out.push(testsHtml(r));
  out.push(pointsHtml(r));
  out.push('</section>');
  return out.filter((s) => s !== '').join('\n');
}
