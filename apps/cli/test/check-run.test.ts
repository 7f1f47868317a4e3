// `ntk check` in-process: --list, --json, reruns with and without --resume, an interrupted shard.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClaimResult } from '@ntk/bounds';
import { claims } from '@ntk/bounds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, readJson, tempDir } from './check-helpers.ts';
import { runCli } from './helpers/cli.ts';

const CHEAP = 'st-arnaud-2025-predictor-limit'; // one analytic point
const CHEAP2 = 'hayou-2019-ntk-depth-rates'; // five analytic points

describe('ntk check (in-process)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('check-run');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const check = (...args: string[]) => runCli(['check', ...args], { cwd: dir });

  it('--list prints the registry and writes nothing', async () => {
    const run = await check('--list', '--out', 'listed');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(claims.length + 1);
    expect(run.stdout).toContain(CHEAP2);
    expect(existsSync(join(dir, 'listed'))).toBe(false);
    const json = await check('--list', '--json');
    expect(JSON.parse(json.stdout).claims.map((c: { id: string }) => c.id)).toEqual(claims.map((c) => c.id));
  });

  it('--json prints one JSON summary and no table', async () => {
    const run = await check('--claims', `${CHEAP},${CHEAP2}`, '--out', 'json', '--json');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    const out = join(dir, 'json');
    expect(summary).toMatchObject({
      format: 'ntk-check-summary',
      out,
      files: {
        json: join(out, 'report.json'),
        markdown: join(out, 'report.md'),
        html: join(out, 'report.html'),
        run: join(out, 'run.json'),
        points: join(out, 'points'),
        results: [join(out, 'results', `${CHEAP}.json`), join(out, 'results', `${CHEAP2}.json`)],
      },
      summary: { total: 2, failed: 0 },
    });
    expect(summary.files.figures).toHaveLength(2);
    expect(summary.results.map((r: { claimId: string; status: string }) => [r.claimId, r.status])).toEqual([
      [CHEAP, 'ok'],
      [CHEAP2, 'ok'],
    ]);
    const report = await readJson<{ summary: unknown; results: ClaimResult[] }>(join(out, 'report.json'));
    expect(summary.summary).toEqual(report.summary);
    expect(summary.results.map((r: { verdict: string }) => r.verdict)).toEqual(
      report.results.map((r) => r.verdict),
    );
  });

  it('a rerun without --resume measures every point again; with --resume it reuses them', async () => {
    const sources = async () =>
      (await readJson<{ results: ClaimResult[] }>(join(dir, 'again', 'report.json'))).results.flatMap((r) =>
        r.observations.map((o) => o.source),
      );
    expect((await check('--claims', CHEAP2, '--out', 'again')).code).toBe(0);
    expect(await sources()).toEqual(Array(5).fill('measured'));
    expect((await check('--claims', CHEAP2, '--out', 'again')).code).toBe(0);
    expect(await sources()).toEqual(Array(5).fill('measured'));
    const resumed = await check('--claims', CHEAP2, '--out', 'again', '--resume');
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('(cached)');
    expect(await sources()).toEqual(Array(5).fill('cache'));
  });

  it('a rerun with other claims leaves no stale result or figure of the earlier run', async () => {
    expect((await check('--claims', CHEAP, '--out', 'stale')).code).toBe(0);
    expect((await check('--claims', CHEAP2, '--out', 'stale')).code).toBe(0);
    const files = await listFiles(join(dir, 'stale'));
    expect(files.filter((f) => f.startsWith('results/') || f.startsWith('figures/'))).toEqual([
      `figures/${CHEAP2}.svg`,
      `results/${CHEAP2}.json`,
    ]);
  });

  it('an interrupted rerun removes the earlier report: no report.json unless the run completed', async () => {
    expect((await check('--claims', CHEAP, '--out', 'redo')).code).toBe(0);
    expect(existsSync(join(dir, 'redo', 'report.json'))).toBe(true);
    const controller = new AbortController();
    controller.abort(new DOMException('interrupted by SIGINT', 'AbortError'));
    const stopped = await runCli(['check', '--claims', CHEAP, '--out', 'redo', '--resume'], {
      cwd: dir,
      signal: controller.signal,
    });
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/ntk check: interrupted: kept 1 of 1 points? in redo\/points/);
    expect(stopped.stderr.trimEnd().split('\n').at(-1)).toBe('ntk check: interrupted');
    const files = await listFiles(join(dir, 'redo'));
    expect(files.filter((f) => f.startsWith('report.') || f.startsWith('figures/'))).toEqual([]);
    expect(await readJson(join(dir, 'redo', 'run.json'))).toMatchObject({
      status: 'interrupted',
      pointsKept: 1,
    });
  });

  it('an interrupted shard says so in run.json and shard.json and resumes to completion', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('interrupted by SIGINT', 'AbortError'));
    const args = ['--claims', `${CHEAP},${CHEAP2}`, '--shard', '2/2', '--out', 'shard'];
    const stopped = await runCli(['check', ...args], { cwd: dir, signal: controller.signal });
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted: kept 0 of 3 points of shard 2\/2/);
    expect(stopped.stderr).toContain('--shard 2/2 --resume');
    expect(await readJson(join(dir, 'shard', 'run.json'))).toMatchObject({
      status: 'interrupted',
      shard: { index: 2 },
    });
    expect(await readJson(join(dir, 'shard', 'shard.json'))).toMatchObject({ complete: false });
    const merge = await runCli(['merge', 'shard', '--out', 'nope'], { cwd: dir });
    expect(merge.code).toBe(2);
    const resumed = await check(...args, '--resume', '--json');
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({
      format: 'ntk-check-shard-summary',
      shard: { index: 2, count: 2 },
      points: { total: 3, measured: 3, cached: 0 },
    });
    expect(await readJson(join(dir, 'shard', 'shard.json'))).toMatchObject({ complete: true });
    // pairs 1, 3, 5 of [CHEAP#0, CHEAP2#0..4]
    expect(await listFiles(join(dir, 'shard', 'points'))).toEqual(
      [0, 2, 4].map((i) => `${CHEAP2}/quick-seed0/point-${i}.json`),
    );
  });
});
