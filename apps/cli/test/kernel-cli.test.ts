// End-to-end: the built `ntk kernel` spawned as a user runs it (`pnpm --filter @ntk/cli build` first).
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KernelDocument } from '../src/kernel/kernel-document.ts';
import { spawnCli } from './helpers/cli.ts';

describe('ntk kernel (built CLI)', () => {
  it('writes kernel.json/.csv/.svg and prints one JSON document; a bad --data exits 2 with one line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ntk-kernel-e2e-'));
    const r = await spawnCli(['kernel', '--depth', '1', '--data', 'sphere:4:3', '--out', 'k', '--json'], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { files: { json: string; csv: string; svg: string } };
    const doc = JSON.parse(await readFile(summary.files.json, 'utf8')) as KernelDocument;
    // ReLU, σ_w² = 2, σ_b² = 0, |x|²/d = 1: Σ(x, x) = 2 at every layer and Θ(x, x) = 2(L + 1) = 4.
    expect(doc.ntk.map((row, i) => row[i])).toEqual([4, 4, 4, 4].map((v) => expect.closeTo(v, 12)));
    expect(await readFile(summary.files.csv, 'utf8')).toMatch(/^i,j,nngp,ntk\n/);
    expect(await readFile(summary.files.svg, 'utf8')).toMatch(/^<svg/);
    const bad = await spawnCli(['kernel', '--data', 'sphere:4'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^ntk kernel: --data must be/);
  });
});
