import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import katex from 'katex';
import { escapeHtml } from './layout.ts';

/** The verdict of a claim or of one of its tests, as `ntk check` computes it. */
export type ReportVerdict = 'supported' | 'contradicted' | 'inconclusive';

/** Where a claim comes from. */
export interface ReportCitation {
  readonly authors: readonly string[];
  readonly title: string;
  readonly year: number;
  readonly arxiv: string;
  readonly locator: string;
  readonly venue?: string;
}

/** One scalar test of a claim: the measured statistic, its interval and the region the claim allows. */
export interface ReportTest {
  readonly id: string;
  readonly description: string;
  readonly value: number;
  readonly interval: readonly [number, number];
  readonly accept: { readonly lo: number; readonly hi: number };
  readonly verdict: ReportVerdict;
}

/** One grid point: the theory's numbers beside the measured ones (optional in a report). */
export interface ReportObservation {
  readonly params: Readonly<Record<string, unknown>>;
  readonly prediction: Readonly<Record<string, number>>;
  readonly measurement: {
    readonly values: Readonly<
      Record<
        string,
        {
          readonly value: number;
          readonly standardError?: number;
          readonly interval?: readonly [number, number];
        }
      >
    >;
  };
}

/** One claim's result in a run. */
export interface ReportResult {
  readonly claimId: string;
  readonly title: string;
  readonly citation: ReportCitation;
  readonly verdict: ReportVerdict;
  readonly tests: readonly ReportTest[];
  readonly budget: string;
  readonly seed: number | string;
  readonly statement?: string;
  readonly formula?: string;
  readonly observations?: readonly ReportObservation[];
}

/** The `report.json` that `ntk check` writes: one result per claim. */
export interface ClaimsReport {
  readonly results: readonly ReportResult[];
}

/** The environment variable naming the report to render (a path, absolute or relative to the repository). */
export const CLAIMS_REPORT_ENV = 'NTK_CLAIMS_REPORT';

/** Where the report is looked for when the variable is unset, relative to the repository root. */
export const DEFAULT_CLAIMS_REPORT = 'ntk-report/report.json';

const VERDICTS: readonly string[] = ['supported', 'contradicted', 'inconclusive'];

class ReportError extends Error {
  constructor(path: string, expected: string, value: unknown) {
    super(`invalid claims report: \`${path}\` must be ${expected}. Value: \`${JSON.stringify(value)}\`.`);
    this.name = 'ReportError';
  }
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ReportError(path, 'an object', value);
  }
  return value as Record<string, unknown>;
}

function list(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new ReportError(path, 'an array', value);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ReportError(path, 'a string', value);
  return value;
}

/** A reported number; `null` is how `@ntk/bounds` writes a non-finite one (NaN, ±∞), read back as NaN (shown n/a). */
function reported(value: unknown, path: string): number {
  if (value === null) return Number.NaN;
  return finite(value, path);
}

function finite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ReportError(path, 'a finite number', value);
  return value;
}

/** An interval end: a number, or (JSON cannot hold ∞) `null` / `"Infinity"` / `"-Infinity"` for an open end. */
function bound(value: unknown, path: string, side: 'lo' | 'hi'): number {
  if (value === null) return side === 'lo' ? -Infinity : Infinity;
  if (value === 'Infinity' || value === '+Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  if (typeof value === 'number' && !Number.isNaN(value)) return value;
  throw new ReportError(path, 'a number, null, "Infinity" or "-Infinity"', value);
}

function verdict(value: unknown, path: string): ReportVerdict {
  if (typeof value !== 'string' || !VERDICTS.includes(value)) {
    throw new ReportError(path, '"supported", "contradicted" or "inconclusive"', value);
  }
  return value as ReportVerdict;
}

function parseTest(value: unknown, path: string): ReportTest {
  const t = record(value, path);
  const interval = list(t['interval'], `${path}.interval`);
  if (interval.length !== 2) throw new ReportError(`${path}.interval`, 'a pair [lo, hi]', interval);
  const accept = record(t['accept'], `${path}.accept`);
  return {
    id: text(t['id'], `${path}.id`),
    description: text(t['description'], `${path}.description`),
    value: reported(t['value'], `${path}.value`),
    interval: [
      bound(interval[0], `${path}.interval[0]`, 'lo'),
      bound(interval[1], `${path}.interval[1]`, 'hi'),
    ],
    accept: {
      lo: bound(accept['lo'], `${path}.accept.lo`, 'lo'),
      hi: bound(accept['hi'], `${path}.accept.hi`, 'hi'),
    },
    verdict: verdict(t['verdict'], `${path}.verdict`),
  };
}

function parseCitation(value: unknown, path: string): ReportCitation {
  const c = record(value, path);
  const authors = list(c['authors'], `${path}.authors`).map((a, i) => text(a, `${path}.authors[${i}]`));
  const year = finite(c['year'], `${path}.year`);
  const base = {
    authors,
    title: text(c['title'], `${path}.title`),
    year,
    arxiv: text(c['arxiv'], `${path}.arxiv`),
    locator: text(c['locator'], `${path}.locator`),
  };
  return c['venue'] === undefined ? base : { ...base, venue: text(c['venue'], `${path}.venue`) };
}

function parseResult(value: unknown, path: string): ReportResult {
  const r = record(value, path);
  const seed = r['seed'];
  if (typeof seed !== 'string' && (typeof seed !== 'number' || !Number.isFinite(seed))) {
    throw new ReportError(`${path}.seed`, 'a number or a string', seed);
  }
  let result: ReportResult = {
    claimId: text(r['claimId'], `${path}.claimId`),
    title: text(r['title'], `${path}.title`),
    citation: parseCitation(r['citation'], `${path}.citation`),
    verdict: verdict(r['verdict'], `${path}.verdict`),
    tests: list(r['tests'], `${path}.tests`).map((t, i) => parseTest(t, `${path}.tests[${i}]`)),
    budget: text(r['budget'], `${path}.budget`),
    seed,
  };
  if (r['statement'] !== undefined)
    result = { ...result, statement: text(r['statement'], `${path}.statement`) };
  if (r['formula'] !== undefined) result = { ...result, formula: text(r['formula'], `${path}.formula`) };
  if (r['observations'] !== undefined) {
    const observations = list(r['observations'], `${path}.observations`).map((o, i) => {
      const p = `${path}.observations[${i}]`;
      const obs = record(o, p);
      const prediction = record(obs['prediction'], `${p}.prediction`);
      const measurement = record(obs['measurement'], `${p}.measurement`);
      const values = record(measurement['values'], `${p}.measurement.values`);
      for (const [name, v] of Object.entries(prediction)) reported(v, `${p}.prediction.${name}`);
      for (const [name, v] of Object.entries(values)) {
        reported(
          record(v, `${p}.measurement.values.${name}`)['value'],
          `${p}.measurement.values.${name}.value`,
        );
      }
      return obs as unknown as ReportObservation;
    });
    result = { ...result, observations };
  }
  return result;
}

/**
 * Validates a parsed `report.json`; an error names the first offending field
 * (e.g. `` `results[0].tests[1].verdict` must be "supported", "contradicted" or "inconclusive" ``).
 */
export function parseClaimsReport(json: unknown): ClaimsReport {
  const root = record(json, 'report');
  const results = list(root['results'], 'results').map((r, i) => parseResult(r, `results[${i}]`));
  const ids = new Set<string>();
  for (const [i, r] of results.entries()) {
    if (ids.has(r.claimId)) throw new ReportError(`results[${i}].claimId`, 'unique', r.claimId);
    ids.add(r.claimId);
  }
  return { results };
}

/** The report to render: the file named by `NTK_CLAIMS_REPORT`, else `ntk-report/report.json`, if it exists. */
export function findClaimsReport(
  repoRoot: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): { readonly path: string; readonly exists: boolean; readonly fromEnv: boolean } {
  const named = env[CLAIMS_REPORT_ENV];
  const fromEnv = named !== undefined && named !== '';
  const path = resolve(repoRoot, fromEnv ? named : DEFAULT_CLAIMS_REPORT);
  if (fromEnv && !existsSync(path)) {
    throw new Error(`${CLAIMS_REPORT_ENV} names ${path}, which does not exist`);
  }
  return { path, exists: existsSync(path), fromEnv };
}

/** Reads and validates a report file. */
export function readClaimsReport(path: string): ClaimsReport {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`claims report ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseClaimsReport(json);
}

/** A number for a table: 4 significant digits, exponent form for very large or small magnitudes. */
export function formatNumber(x: number | null): string {
  if (x === null || Number.isNaN(x)) return 'n/a';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  const s = a >= 1e5 || a < 1e-3 ? x.toExponential(3) : String(Number(x.toPrecision(4)));
  return s.replace('-', '−');
}

function interval(lo: number, hi: number): string {
  return `[${formatNumber(lo)}, ${formatNumber(hi)}]`;
}

function badge(v: ReportVerdict): string {
  return `<span class="verdict verdict-${v}">${v}</span>`;
}

function citationHtml(c: ReportCitation): string {
  const authors =
    c.authors.length > 3 ? `${c.authors[0]} et al.` : c.authors.join(c.authors.length === 2 ? ' and ' : ', ');
  const arxiv = escapeHtml(c.arxiv);
  return (
    `${escapeHtml(authors)} (${c.year}), <cite>${escapeHtml(c.title)}</cite>` +
    `${c.venue ? `, ${escapeHtml(c.venue)}` : ''}, ${escapeHtml(c.locator)}; ` +
    `arXiv <a href="https://arxiv.org/abs/${encodeURIComponent(c.arxiv)}">${arxiv}</a>`
  );
}

function observationsHtml(observations: readonly ReportObservation[]): string {
  const rows: string[] = [];
  for (const obs of observations) {
    const params = Object.entries(obs.params)
      .map(([k, v]) => `${escapeHtml(k)} = ${escapeHtml(String(v))}`)
      .join(', ');
    const names = new Set([...Object.keys(obs.prediction), ...Object.keys(obs.measurement.values)]);
    for (const name of names) {
      const p = obs.prediction[name];
      const m = obs.measurement.values[name];
      let measured = '—';
      if (m) {
        measured = formatNumber(m.value);
        if (m.standardError !== undefined) measured += ` ± ${formatNumber(m.standardError)}`;
        if (m.interval) measured += ` ${interval(m.interval[0], m.interval[1])}`;
      }
      rows.push(
        `<tr><td>${params}</td><td><code>${escapeHtml(name)}</code></td>` +
          `<td>${p === undefined ? '—' : formatNumber(p)}</td><td>${measured}</td></tr>`,
      );
    }
  }
  return (
    '<details open><summary>Predicted and measured at each grid point</summary>' +
    '<table><thead><tr><th>parameters</th><th>quantity</th><th>predicted</th><th>measured (± s.e.)</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></details>`
  );
}

function resultHtml(r: ReportResult): string {
  const tests = r.tests
    .map(
      (t) =>
        `<tr><td><code>${escapeHtml(t.id)}</code></td><td>${escapeHtml(t.description)}</td>` +
        `<td>${formatNumber(t.value)}</td><td>${interval(t.interval[0], t.interval[1])}</td>` +
        `<td>${interval(t.accept.lo, t.accept.hi)}</td><td>${badge(t.verdict)}</td></tr>`,
    )
    .join('');
  const formula = r.formula
    ? `<div class="claim-formula">${katex.renderToString(r.formula, { displayMode: true, throwOnError: false })}</div>`
    : '';
  const statement = r.statement ? `<p class="claim-statement">${escapeHtml(r.statement)}</p>` : '';
  return `<section class="claim" id="${escapeHtml(r.claimId)}">
<h2><a class="header-anchor" href="#${escapeHtml(r.claimId)}">${escapeHtml(r.title)}</a> ${badge(r.verdict)}</h2>
<p class="claim-citation">${citationHtml(r.citation)}</p>
${statement}${formula}
<p class="claim-run">Claim <code>${escapeHtml(r.claimId)}</code> · budget <code>${escapeHtml(r.budget)}</code> · seed <code>${escapeHtml(String(r.seed))}</code></p>
<table><thead><tr><th>test</th><th>what is tested</th><th>measured</th><th>interval</th><th>claim allows</th><th>verdict</th></tr></thead>
<tbody>${tests}</tbody></table>
${r.observations && r.observations.length > 0 ? observationsHtml(r.observations) : ''}
</section>`;
}

/**
 * The claims page body: a summary table and one section per claim (title, citation, verdict, each test's
 * measured statistic and interval against the region the claim allows, and predicted vs measured at each
 * grid point when the report has them). Without a report: a page that says none has been generated and how
 * to generate one. All report text is escaped.
 */
export function renderClaimsBody(report: ClaimsReport | null, source: string): string {
  const intro =
    '<h1>Claims and their verdicts</h1>\n<p>Each published claim in the registry of <code>@ntk/bounds</code> is a ' +
    'prediction and an experiment; running them (<code>ntk check</code>, or <code>runClaims</code> in code) computes a verdict from the statistics: ' +
    '<strong>supported</strong> when the measured interval lies inside the region the claim allows, ' +
    '<strong>contradicted</strong> when it lies wholly outside, <strong>inconclusive</strong> otherwise ' +
    '(the budget was too small to tell). Verdicts are computed, never written down.</p>';
  const how =
    `<pre><code># the registry at its quick budget, seed 0, into ${DEFAULT_CLAIMS_REPORT} (also report.html):\n` +
    'ntk check --budget quick\n' +
    '# the same, then the site with it:\n' +
    'pnpm run docs:build\n' +
    '# render another report instead (e.g. a full-budget run):\n' +
    `${CLAIMS_REPORT_ENV}=path/to/report.json pnpm run docs:build</code></pre>`;
  if (report === null) {
    return `${intro}
<div class="notice" id="no-report"><p><strong>No claims report has been generated yet.</strong> This page shows the
latest claims report (<code>report.json</code>); none was found at <code>${escapeHtml(source)}</code>
when the site was built. To generate one and render it:</p>
${how}</div>`;
  }
  const counts = VERDICTS.map((v) => [v, report.results.filter((r) => r.verdict === v).length] as const);
  const summary = report.results
    .map(
      (r) =>
        `<tr><td><a href="#${escapeHtml(r.claimId)}">${escapeHtml(r.title)}</a></td>` +
        `<td>${escapeHtml(r.citation.authors[0] ?? '')}${r.citation.authors.length > 1 ? ' et al.' : ''} ${r.citation.year}</td>` +
        `<td>${badge(r.verdict)}</td></tr>`,
    )
    .join('');
  return `${intro}
<p class="claims-source">Rendered from <code>${escapeHtml(source)}</code>: ${report.results.length} claims — ${counts
    .map(([v, n]) => `${n} ${v}`)
    .join(', ')}. Regenerate it with:</p>
${how}
<table class="claims-summary"><thead><tr><th>claim</th><th>source</th><th>verdict</th></tr></thead><tbody>${summary}</tbody></table>
${report.results.map(resultHtml).join('\n')}`;
}
