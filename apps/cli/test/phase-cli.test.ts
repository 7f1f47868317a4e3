// End-to-end: the built `ntk phase` spawned as a user runs it (`pnpm --filter @ntk/cli build` first).
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PhaseDocument } from '../src/phase/phase-document.ts';
import { spawnCli } from './helpers/cli.ts';

describe('ntk phase (built CLI)', () => {
  it('writes phase.json/.csv/.svg and prints the summary; a bad range exits 2 with one line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ntk-phase-e2e-'));
    const r = await spawnCli(['phase', '--grid', '3', '--out', 'p'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('edge of chaos σ_w²');
    const doc = JSON.parse(await readFile(join(dir, 'p', 'phase.json'), 'utf8')) as PhaseDocument;
    // ReLU's edge of chaos: σ_w² = 2 at every σ_b².
    for (const e of doc.edgeOfChaos) expect(e.sigmaW2).toBeCloseTo(2, 6);
    expect(await readFile(join(dir, 'p', 'phase.csv'), 'utf8')).toMatch(/^sigma_w2,sigma_b2,/);
    expect(await readFile(join(dir, 'p', 'phase.svg'), 'utf8')).toMatch(/^<svg/);
    const bad = await spawnCli(['phase', '--sigma-w2-range', '4:1'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^ntk phase: --sigma-w2-range: `sigmaW2Range` must have lo < hi/);
  });
});
