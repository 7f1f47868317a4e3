import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFailedResult, makeReport, makeResult } from '../../test/report-fixtures.ts';
import { figurePath } from './figure-path.ts';
import { validateCheckReport } from './validate-check-report.ts';
import { writeCheckReport } from './write-check-report.ts';

describe('writeCheckReport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ntk-report-write-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes report.json, report.md, report.html and one SVG per ok claim', async () => {
    const report = makeReport([makeResult(), makeFailedResult()]);
    const out = join(dir, 'out');
    const files = await writeCheckReport(out, report);
    expect(files).toEqual({
      json: join(out, 'report.json'),
      markdown: join(out, 'report.md'),
      html: join(out, 'report.html'),
      figures: [join(out, 'figures/synthetic-claim.svg')],
    });
    const json = readFileSync(files.json, 'utf8');
    expect(json).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(validateCheckReport(JSON.parse(json))).toEqual([]);
    const svg = readFileSync(files.figures[0] as string, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/<path/);
    expect(readFileSync(files.html, 'utf8')).toContain(svg);
    expect(readFileSync(files.markdown, 'utf8')).toContain('(figures/synthetic-claim.svg)');
    expect(readdirSync(join(out, 'figures'))).toEqual(['synthetic-claim.svg']);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('goes on when a figure cannot be drawn, and says why', async () => {
    const bad = makeResult({
      vegaLite: {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        mark: 'no-such-mark',
        data: { values: [] },
      },
    });
    const out = join(dir, 'bad');
    const files = await writeCheckReport(out, makeReport([bad]));
    expect(files.figures).toEqual([]);
    expect(existsSync(join(out, figurePath(bad.claimId)))).toBe(false);
    expect(readFileSync(files.html, 'utf8')).toContain('The figure could not be drawn: ');
    expect(readFileSync(files.markdown, 'utf8')).toContain('No figure: it could not be drawn.');
  });

  it('keeps figure paths inside figures/', () => {
    expect(figurePath('hanin-nica-2020-mean')).toBe('figures/hanin-nica-2020-mean.svg');
    expect(figurePath('../../etc/passwd')).toBe('figures/__.._etc_passwd.svg');
    expect(figurePath('a/b<c>')).toBe('figures/a_b_c_.svg');
    expect(figurePath('')).toBe('figures/_.svg');
  });
});
