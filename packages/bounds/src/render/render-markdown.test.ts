import { describe, expect, it } from 'vitest';
import { syntheticClaim } from '../../test/synthetic-claim.ts';
import type { ClaimResult } from '../result/claim-result.ts';
import { runClaim } from '../run/run-claim.ts';
import { formatNumber } from './format-number.ts';
import { renderMarkdown } from './render-markdown.ts';

const claim = syntheticClaim();

describe('renderMarkdown', () => {
  it('renderMarkdown(result) has the title, verdict, citation with arXiv link, statement, formula and lists', async () => {
    const r = await runClaim(claim, { seed: 4 });
    const md = renderMarkdown(r);
    expect(md.startsWith('## Synthetic: the mean of X is μ\n')).toBe(true);
    expect(md).toContain('**Verdict: supported** at family-wise level 95% (budget `quick`, seed 4).');
    expect(md).toContain(
      'A. Author, B. Author (2024). *A synthetic paper*. Nowhere 2024. [arXiv:2401.00001](https://arxiv.org/abs/2401.00001), Theorem 1.',
    );
    expect(md).toContain('**Statement.** The mean of X equals μ.');
    expect(md).toContain('$$\n\\mathbb{E}[X] = \\mu\n$$');
    expect(md).toContain('- X = μ + σZ with Z standard normal');
    expect(md).toContain('**Conventions.** None to convert.');
    expect(md).toContain('- σ = 1');
  });
  it('renderMarkdown(result) tabulates points and tests with rounded numbers, intervals and regions', async () => {
    const r = await runClaim(claim, { seed: 4 });
    const md = renderMarkdown(r);
    const m = r.observations[1]?.measurement.values['mean'];
    const value = formatNumber(m?.value as number);
    const se = formatNumber(m?.standardError as number);
    expect(value).toBe(String(Number((m?.value ?? 0).toPrecision(4)))); // 4 significant digits, e.g. 0.9977
    expect(md).toContain(`| 1 | mu = 1 | mean | 1 | ${value} ± ${se} (SE), n = 4000 |`);
    expect(md).toContain('| 1 | mu = 1 | bound | n/a |  |'); // the infinite prediction (null in JSON)
    expect(md).toContain('| test | value | interval | level | accept | verdict | description |');
    const t = r.tests[0];
    const interval = `[${formatNumber(t?.interval[0] as number)}, ${formatNumber(t?.interval[1] as number)}]`;
    expect(md).toContain(`| mean-mu-0.5 | ${formatNumber(t?.value as number)} | ${interval} | 98.75% |`);
    expect(md).toContain(
      '| 98.75% | [-0.1, 0.1] | supported | measured − predicted mean at μ = 0.5; accept \\|Δ\\| ≤ 0.1 |',
    );
  });
  it('renderMarkdown(result) lists the settings, seed, versions, backend and per-point settings', async () => {
    const md = renderMarkdown(await runClaim(claim, { seed: 4 }));
    expect(md).toContain('### Settings');
    expect(md).toContain(
      '- budget `quick`, seed 4, family-wise level 95% (Bonferroni over the tests), 4 grid point(s)',
    );
    expect(md).toMatch(/- backend `cpu` \(float64, mode `reference`(, 1 thread\(s\))?\)/);
    expect(md).toMatch(/- versions: .*`@ntk\/bounds` \d+\.\d+\.\d+/);
    expect(md).toContain('| 0 | `{"samples":4000,"sigma":1,"shift":0}` |');
    const cut = renderMarkdown(await runClaim(claim, { seed: 4 }), { maxSettingsLength: 12 });
    expect(cut).toContain('| 0 | `{"samples":4…` |');
  });
  it('renderMarkdown(result) writes −∞/+∞ for open ends and reports a failed run', async () => {
    const base = await runClaim(claim);
    const oneSided: ClaimResult = {
      ...base,
      tests: [{ ...(base.tests[0] as ClaimResult['tests'][0]), accept: { lo: 0, hi: null } }],
    };
    expect(renderMarkdown(oneSided, { headingLevel: 3 })).toMatch(/\| \[0, \+∞\] \|/);
    expect(renderMarkdown(oneSided, { headingLevel: 3 }).startsWith('### ')).toBe(true);
    const failed = await runClaim(
      syntheticClaim({
        onMeasure: (_p, i) => {
          if (i === 1) throw new Error('bad point');
        },
      }),
    );
    const md = renderMarkdown(failed);
    expect(md).toContain('**Run failed** in `measure` at point 1: Error: bad point');
    expect(md).toContain('No test was evaluated.');
  });
});
