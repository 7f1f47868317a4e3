import { describe, expect, it } from 'vitest';
import { runClaims } from '../run/run-claims.ts';
import { claims } from './claims.ts';

// The quick profile of the whole registry, as CI runs it: every claim at the quick budget, seed 0, on the
// float64 CPU backend. The budget is ≤ 3 minutes on 2 idle cores; the vitest timeout (240 s) leaves room for
// a loaded machine. Timings are printed, never asserted.
describe('quick profile of the registry', () => {
  it("runClaims('all', { budget: 'quick' }) completes with status 'ok' and a valid verdict for every claim", async () => {
    const run = await runClaims('all', { budget: 'quick', seed: 0 });
    const rows = run.results.map((r) => [
      r.claimId,
      r.status,
      r.verdict,
      (r.durationMs / 1000).toFixed(2),
      r.error === undefined ? '' : `${r.error.stage}: ${r.error.message}`,
    ]);
    const header = ['claim', 'status', 'verdict', 'seconds', 'error'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
    console.log(
      [
        `quick profile, seed ${run.seed}: ${run.results.length} claim(s) in ${(run.durationMs / 1000).toFixed(1)} s`,
        line(header),
        ...rows.map(line),
      ].join('\n'),
    );
    expect(run.results.map((r) => r.claimId)).toEqual(claims.map((c) => c.id));
    for (const r of run.results) {
      expect(r.status, `${r.claimId}: ${r.error?.stage}: ${r.error?.message}`).toBe('ok');
      expect(['supported', 'contradicted', 'inconclusive']).toContain(r.verdict);
      expect(r.tests.length, `${r.claimId} has tests`).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    }
  }, 240_000);
});
