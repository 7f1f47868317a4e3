// Smoke test run in an empty project with only the packed @ntk/bounds (and its @ntk deps) installed.
// Runs a small claim end to end (keyed Monte-Carlo draws, tests, verdict, Vega-Lite, Markdown), the cache
// (node:fs is loaded by a dynamic import only when cacheDir is given; the directory is relative to the
// throw-away project the smoke runs in; no Node types are needed) and the registry.
import { type Claim, claims, meanEstimate, renderMarkdown, runClaim, validateClaim } from '@ntk/bounds';
import { normal } from '@ntk/core';

const claim: Claim<{ mu: number }> = {
  id: 'smoke-mean',
  title: 'The mean of μ + Z is μ',
  citation: { authors: ['A. Author'], title: 'Smoke', year: 2024, arxiv: '2401.00001', locator: 'Eq. 1' },
  statement: 'The mean of μ + Z is μ.',
  formula: '\\mathbb{E}[\\mu + Z] = \\mu',
  conditions: ['Z standard normal'],
  conventions: 'None.',
  assumptions: [],
  method: 'monte-carlo',
  grid: { quick: [{ mu: 1 }, { mu: 2 }], full: [{ mu: 1 }, { mu: 2 }, { mu: 4 }] },
  predict: (p) => ({ mean: p.mu }),
  measure: async (p, ctx) => ({
    values: { mean: meanEstimate(Array.from(normal(ctx.key, 2000), (z) => p.mu + z)) },
    settings: { samples: 2000 },
  }),
  tests: (obs) =>
    obs.map((o) => ({
      id: `mu-${o.params.mu}`,
      description: 'measured − predicted mean within ±0.2',
      statistic: {
        value: (o.measurement.values['mean']?.value ?? Number.NaN) - (o.prediction['mean'] ?? 0),
        standardError: o.measurement.values['mean']?.standardError ?? 0,
      },
      accept: { lo: -0.2, hi: 0.2 },
    })),
  figure: (obs) => ({
    title: 'mean',
    x: { title: 'μ' },
    y: { title: 'E' },
    series: [
      { name: 'theory', role: 'prediction', points: obs.map((o) => ({ x: o.params.mu, y: o.params.mu })) },
    ],
  }),
};

const dir = '.ntk-bounds-smoke-cache';
const r = await runClaim(claim, { cacheDir: dir });
const again = await runClaim(claim, { cacheDir: dir, resume: true });
const md = renderMarkdown(r);
if (
  validateClaim(claim).length !== 0 ||
  r.status !== 'ok' ||
  r.verdict !== 'supported' ||
  again.observations.some((p) => p.source !== 'cache') ||
  JSON.stringify(again.tests) !== JSON.stringify(r.tests) ||
  r.vegaLite === null ||
  !md.includes('https://arxiv.org/abs/2401.00001') ||
  !Array.isArray(claims)
) {
  throw new Error(`bounds smoke test failed: ${JSON.stringify({ status: r.status, verdict: r.verdict })}`);
}
console.log('ok @ntk/bounds');
