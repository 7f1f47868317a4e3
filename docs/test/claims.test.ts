import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLAIMS_REPORT_ENV,
  findClaimsReport,
  formatNumber,
  parseClaimsReport,
  readClaimsReport,
  renderClaimsBody,
} from '../src/claims.ts';

const fixture = resolve(import.meta.dirname, 'fixtures/claims-report.json');
const fixtureJson = (): { results: Record<string, unknown>[] } => JSON.parse(readFileSync(fixture, 'utf8'));

describe('parseClaimsReport(json)', () => {
  it('reads the report ntk check writes, with open interval ends as null or "Infinity"', () => {
    const report = readClaimsReport(fixture);
    expect(report.results.map((r) => [r.claimId, r.verdict])).toEqual([
      ['jacot-2018-ntk-convergence', 'supported'],
      ['synthetic-contradicted', 'contradicted'],
      ['synthetic-inconclusive', 'inconclusive'],
    ]);
    expect(report.results[0]!.tests[0]!.accept).toEqual({ lo: -Infinity, hi: 0.05 });
    expect(report.results[1]!.tests[0]!.interval).toEqual([2.1, Infinity]);
  });

  it('names the first offending field', () => {
    const bad = fixtureJson();
    (bad.results[1]!['citation'] as Record<string, unknown>)['year'] = 'twenty';
    expect(() => parseClaimsReport(bad)).toThrow('`results[1].citation.year` must be a finite number');
    const badVerdict = fixtureJson();
    (badVerdict.results[0]!['tests'] as Record<string, unknown>[])[1]!['verdict'] = 'plausible';
    expect(() => parseClaimsReport(badVerdict)).toThrow(
      '`results[0].tests[1].verdict` must be "supported", "contradicted" or "inconclusive". Value: `"plausible"`.',
    );
    expect(() => parseClaimsReport({ results: {} })).toThrow('`results` must be an array');
    expect(() => parseClaimsReport([])).toThrow('`report` must be an object');
    const dup = fixtureJson();
    dup.results[2]!['claimId'] = dup.results[0]!['claimId'];
    expect(() => parseClaimsReport(dup)).toThrow('`results[2].claimId` must be unique');
  });
});

describe('renderClaimsBody(report, source)', () => {
  const html = renderClaimsBody(readClaimsReport(fixture), 'ntk-report/report.json');

  it('renders one section per claim with title, citation, verdict, budget and seed', () => {
    expect(html.match(/<section class="claim" id="/g)).toHaveLength(3);
    expect(html).toContain('id="jacot-2018-ntk-convergence"');
    expect(html).toContain('The empirical NTK converges to the analytic NTK');
    expect(html).toContain('Arthur Jacot, Franck Gabriel, Clément Hongler (2018)');
    expect(html).toContain('A. Author et al. (2021)');
    expect(html).toContain('<a href="https://arxiv.org/abs/1806.07572">1806.07572</a>');
    expect(html).toContain('NeurIPS 2018, Theorem 1');
    expect(html).toContain('budget <code>full</code> · seed <code>0x2a</code>');
    expect(html).toContain('3 claims — 1 supported, 1 contradicted, 1 inconclusive');
    expect(html.match(/class="verdict verdict-contradicted"/g)).toHaveLength(3); // summary, section, its test
  });

  it('shows each test: measured value and interval against the region the claim allows', () => {
    expect(html).toContain('<td>0.0123</td><td>[0.004, 0.0206]</td><td>[−∞, 0.05]</td>');
    expect(html).toContain('<td>2.5</td><td>[2.1, ∞]</td><td>[0.9, 1.1]</td>');
  });

  it('shows predicted beside measured at each grid point, and the formula typeset by KaTeX', () => {
    expect(html).toContain(
      '<td>width = 256, depth = 2</td><td><code>ntk</code></td><td>3.25</td><td>3.291 ± 0.021</td>',
    );
    expect(html).toMatch(/<div class="claim-formula"><span class="katex-display">/);
  });

  it('escapes every string of the report', () => {
    const json = fixtureJson();
    json.results[0]!['title'] = '<script>alert(1)</script>';
    const out = renderClaimsBody(parseClaimsReport(json), 'x');
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says that no report has been generated yet, and how to generate one, when there is none', () => {
    const none = renderClaimsBody(null, 'ntk-report/report.json');
    expect(none).toContain('No claims report has been generated yet.');
    expect(none).toContain('pnpm run docs:build');
    expect(none).toContain(CLAIMS_REPORT_ENV);
    expect(none).not.toContain('<section class="claim"');
  });

  it('reads null (how @ntk/bounds writes a non-finite number) in values as n/a', () => {
    const report = parseClaimsReport({
      results: [
        {
          claimId: 'x',
          title: 'X',
          citation: { authors: ['A'], title: 'T', year: 2020, arxiv: '1234.5678', locator: 'Theorem 1' },
          verdict: 'inconclusive',
          tests: [
            {
              id: 't',
              description: 'd',
              value: null,
              interval: [null, null],
              accept: { lo: 0, hi: 1 },
              verdict: 'inconclusive',
            },
          ],
          budget: 'quick',
          seed: 0,
          observations: [
            { params: { n: 1 }, prediction: { a: null }, measurement: { values: { a: { value: null } } } },
          ],
        },
      ],
    });
    expect(Number.isNaN(report.results[0].tests[0].value)).toBe(true);
    const html = renderClaimsBody(report, 'r.json');
    expect(html).toContain('<td>n/a</td>');
    expect(formatNumber(null)).toBe('n/a');
    expect(formatNumber(Number.NaN)).toBe('n/a');
  });

  it('formatNumber keeps 4 significant digits and uses exponents for extreme magnitudes', () => {
    expect([0, 1.23456, -0.5, 123456, 0.000123, Infinity, -Infinity].map(formatNumber)).toEqual([
      '0',
      '1.235',
      '−0.5',
      '1.235e+5',
      '1.230e−4',
      '∞',
      '−∞',
    ]);
  });
});

describe('findClaimsReport(repoRoot, env)', () => {
  it('uses NTK_CLAIMS_REPORT when set, else ntk-report/report.json', () => {
    const root = resolve(import.meta.dirname, '..');
    expect(findClaimsReport(root, { [CLAIMS_REPORT_ENV]: 'test/fixtures/claims-report.json' })).toEqual({
      path: fixture,
      exists: true,
      fromEnv: true,
    });
    expect(findClaimsReport('/nonexistent-root', {})).toEqual({
      path: '/nonexistent-root/ntk-report/report.json',
      exists: false,
      fromEnv: false,
    });
    expect(() => findClaimsReport(root, { [CLAIMS_REPORT_ENV]: 'missing.json' })).toThrow('does not exist');
  });
});
