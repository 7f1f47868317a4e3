import { renderMarkdown } from '@ntk/bounds';
import { describe, expect, it } from 'vitest';
import { makeFailedResult, makeReport, makeResult, makeTest } from '../../test/report-fixtures.ts';
import { renderReportMarkdown } from './render-report-markdown.ts';

describe('renderReportMarkdown', () => {
  const ok = makeResult({
    claimId: 'ok-claim',
    title: 'An ok claim',
    verdict: 'contradicted',
    tests: [makeTest('t1', 'contradicted', { value: 7, interval: [6, 8], accept: { lo: null, hi: 1 } })],
  });
  const failed = makeFailedResult();
  const md = renderReportMarkdown(makeReport([ok, failed]));

  it('has a title, the settings and the counts', () => {
    expect(md.startsWith('# NTK claims check\n')).toBe(true);
    expect(md).toContain('Budget `quick`, seed 0');
    expect(md).toContain(
      '**Summary:** 2 claim(s): 0 supported, 1 contradicted, 0 inconclusive, 1 failed to run.',
    );
    expect(md.endsWith('\n')).toBe(true);
  });

  it('has the verdict table with the decisive test and a link to each claim', () => {
    expect(md).toContain(
      '| [`ok-claim`](#an-ok-claim) | analytic | contradicted | `t1`: 7 [6, 8] vs [−∞, 1] | 1 / 1 |',
    );
    expect(md).toContain(
      '| [`synthetic-failed`](#a-failed-claim) | analytic | failed: measure | RangeError: width <= 0 & broken | 1 / 0 |',
    );
  });

  it("has every claim as @ntk/bounds' renderMarkdown at heading level 2, with its figure", () => {
    expect(md).toContain(renderMarkdown(ok, { headingLevel: 2 }).trimEnd());
    expect(md).toContain(renderMarkdown(failed, { headingLevel: 2 }).trimEnd());
    expect(md).toContain('[![An ok claim](figures/ok-claim.svg)](figures/ok-claim.svg)');
    expect(md).not.toContain('figures/synthetic-failed.svg');
    expect(md).toContain('No figure: the run failed.');
    expect(md.indexOf('## An ok claim')).toBeLessThan(md.indexOf('## A failed claim'));
  });

  it('links only the figures that were written when told which', () => {
    const none = renderReportMarkdown(makeReport([ok]), { figures: new Set() });
    expect(none).not.toContain('figures/ok-claim.svg');
    expect(none).toContain('No figure: it could not be drawn.');
  });

  it('escapes | in table cells', () => {
    const piped = makeFailedResult({
      error: { stage: 'measure', name: 'Error', message: 'a | b' },
    });
    expect(renderReportMarkdown(makeReport([piped]))).toContain('Error: a \\| b');
  });
});
