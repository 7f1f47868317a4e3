import { describe, expect, it } from 'vitest';
import { makeFailedResult, makeReport, makeResult, makeTest } from '../../test/report-fixtures.ts';
import { claimAnchor } from './claim-anchor.ts';
import { escapeHtml } from './escape-html.ts';
import { renderReportHtml } from './render-report-html.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><path d="M0,0L5,5"/></svg>';

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`a < b & "c" > 'd'`)).toBe('a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('renderReportHtml', () => {
  const evil = makeResult({
    claimId: 'evil-claim',
    title: 'Title <b>bold</b> & co',
    statement: 'K <script>alert(1)</script> & more',
    formula: '\\frac{a}{b} < c',
    conditions: ['x < y'],
    assumptions: ['"quoted" & <tag>'],
    tests: [makeTest('t<1>', 'supported', { description: 'a < b', accept: { lo: null, hi: 2 } })],
  });
  const failed = makeFailedResult();
  const html = renderReportHtml(makeReport([evil, failed]), new Map([['evil-claim', { svg: SVG }]]));

  it('is one self-contained document: inline CSS, no scripts, no external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
    expect(html).not.toMatch(/\ssrc=/);
    // The only absolute URLs are links to arXiv (not loaded) and the SVG namespace.
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<)]+/g)].map((m) => m[0]);
    for (const url of urls)
      expect(url).toMatch(/^(https:\/\/arxiv\.org\/abs\/|http:\/\/www\.w3\.org\/2000\/svg)/);
  });

  it('escapes every text: ids, titles, statements, formulas, tests, errors', () => {
    expect(html).toContain('Title &lt;b&gt;bold&lt;/b&gt; &amp; co');
    expect(html).toContain('K &lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(html).toContain('<code>\\frac{a}{b} &lt; c</code>');
    expect(html).toContain('<li>x &lt; y</li>');
    expect(html).toContain('&quot;quoted&quot; &amp; &lt;tag&gt;');
    expect(html).toContain('<code>t&lt;1&gt;</code>');
    expect(html).toContain('width &lt;= 0 &amp; broken');
    expect(html).toContain('On &lt;synthetic&gt; kernels &amp; their limits');
    expect(html).not.toContain('<b>bold</b>');
  });

  it('has the settings, the counts and a verdict table linking to each section', () => {
    expect(html).toContain('<dt>budget</dt><dd>quick</dd>');
    expect(html).toContain('<dt>seed</dt><dd>0</dd>');
    expect(html).toMatch(/<dt>backend<\/dt><dd>cpu \(float64, mode reference\)/);
    expect(html).toContain('<dt>date</dt><dd>2026-01-01T00:00:00.000Z');
    expect(html).toContain('<strong>1</strong> supported');
    expect(html).toContain('<strong>1</strong> failed');
    for (const id of ['evil-claim', 'synthetic-failed']) {
      expect(html).toContain(`<a href="#${claimAnchor(id)}">`);
      expect(html).toContain(`<section class="claim" id="${claimAnchor(id)}"`);
    }
  });

  it('has per claim the citation with its arXiv link, the tests and the points', () => {
    expect(html).toContain('<a href="https://arxiv.org/abs/2401.00001v2">arXiv:2401.00001v2</a>');
    expect(html).toContain('Ada Lovelace, Alan Turing (2024)');
    expect(html).toContain('[−∞, 2]');
    expect(html).toContain('<table class="tests">');
    expect(html).toContain('<table class="points">');
    expect(html).toContain('1.01 ± 0.01 (SE), n = 10');
    expect(html).toContain('0.99 ∈ [0.98, 1]');
    expect(html).not.toContain('Measurement settings of each point');
    const withSettings = makeResult({
      observations: makeResult().observations.map((o) => ({
        ...o,
        measurement: { ...o.measurement, settings: { networks: 64, note: 'a<b', long: 'x'.repeat(3000) } },
      })),
    });
    const page = renderReportHtml(makeReport([withSettings]), new Map());
    expect(page).toContain('<summary>Measurement settings of each point</summary>');
    expect(page).toContain('{&quot;networks&quot;:64,&quot;note&quot;:&quot;a&lt;b&quot;');
    expect(page).toContain('x…</code>');
    expect(page).not.toContain('x'.repeat(2000));
  });

  it('puts the figure inline for ok claims and the error for failed ones', () => {
    expect(html.match(/<figure class="claim-figure"/g)).toHaveLength(1);
    expect(html).toContain(`<figure class="claim-figure" data-claim="evil-claim">\n${SVG}`);
    expect(html).toContain('<strong>Run failed</strong> in <code>measure</code> at point 1');
    const noFigure = renderReportHtml(makeReport([evil]), new Map([['evil-claim', { error: 'bad <spec>' }]]));
    expect(noFigure).not.toContain('<figure');
    expect(noFigure).toContain('The figure could not be drawn: bad &lt;spec&gt;');
  });
});
