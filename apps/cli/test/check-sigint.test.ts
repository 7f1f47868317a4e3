// Ctrl-C in the middle of `ntk check`: a clean stop (exit 130) leaving a consistent directory that
// `--resume` completes into the result of an uninterrupted run.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type ClaimResult, pointObservationFromJson } from '@ntk/bounds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, listFiles, readJson, reportResults, tempDir } from './check-helpers.ts';
import { type CliRun, runCli, spawnCli } from './helpers/cli.ts';

// Two cheap claims (4 points each, ~1 s and ~2 s): interrupted after the second one's first point, the first
// claim is finished and the second partly measured.
const FIRST = 'jacot-2018-init-convergence';
const SECOND = 'jacot-2018-training-stability';
const ARGS = ['check', '--claims', `${FIRST},${SECOND}`, '--budget', 'quick', '--out', 'run'];

describe('ntk check interrupted by SIGINT, then --resume', () => {
  let dir: string;
  let interrupted: CliRun & { signal: NodeJS.Signals | null };
  let afterInterrupt: string[];
  let stateAfterInterrupt: Record<string, unknown>;
  let whole: Promise<CliRun>;
  beforeAll(async () => {
    assertBuilt();
    dir = await tempDir('check-sigint');
    // the uninterrupted reference, in-process, while the spawned run starts
    whole = runCli(
      ARGS.map((a) => (a === 'run' ? 'whole' : a)),
      { cwd: dir },
    );
    interrupted = await spawnCli(ARGS, {
      cwd: dir,
      onSpawn: (child) => {
        let stderr = '';
        let sent = false; // once: a second Ctrl-C quits at once, by design
        child.stderr?.on('data', (d) => {
          stderr += d;
          if (!sent && stderr.includes(`${SECOND}: point 1/4 done`)) {
            sent = true;
            child.kill('SIGINT');
          }
        });
      },
    });
    afterInterrupt = await listFiles(join(dir, 'run'));
    stateAfterInterrupt = await readJson(join(dir, 'run', 'run.json'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stops with exit code 130 and says what was kept and how to continue', () => {
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/interrupted/);
    expect(interrupted.stderr).toContain(`ntk check --claims ${FIRST},${SECOND} --budget quick --seed 0`);
    expect(interrupted.stderr).toMatch(/--out run --resume/);
    expect(interrupted.stderr).toMatch(/kept \d+ of 8 points/);
    expect(interrupted.stdout).toBe('');
  });

  it('leaves a consistent directory: whole point files, the finished claim, run.json interrupted, no report', async () => {
    expect(afterInterrupt.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const points = afterInterrupt.filter((f) => f.startsWith('points/'));
    expect(points.length).toBeGreaterThanOrEqual(5);
    expect(points.length).toBeLessThan(8);
    for (const f of points) {
      const { observation } = pointObservationFromJson(await readFile(join(dir, 'run', f), 'utf8'));
      expect(f).toContain(`${observation.claimId}/quick-seed0/point-${observation.index}.json`);
    }
    expect(afterInterrupt).toContain(`results/${FIRST}.json`);
    expect(afterInterrupt).not.toContain(`results/${SECOND}.json`);
    expect(afterInterrupt).not.toContain('report.json');
    expect(stateAfterInterrupt['status']).toBe('interrupted');
    expect(stateAfterInterrupt['claimsFinished']).toEqual([FIRST]);
    expect(stateAfterInterrupt['pointsKept']).toBe(points.length);
  });

  it('--resume reuses the kept points and gives the result of an uninterrupted run', async () => {
    const resumed = await runCli([...ARGS, '--resume'], { cwd: dir });
    expect(resumed.code).toBe(0);
    expect(existsSync(join(dir, 'run', 'report.json'))).toBe(true);
    const report = await readJson<{ results: ClaimResult[] }>(join(dir, 'run', 'report.json'));
    const sources = report.results.flatMap((r) => r.observations.map((o) => o.source));
    const kept = (stateAfterInterrupt['pointsKept'] as number) ?? 0;
    expect(sources.filter((s) => s === 'cache')).toHaveLength(kept);
    expect(sources.filter((s) => s === 'measured')).toHaveLength(8 - kept);
    expect((await readJson<Record<string, unknown>>(join(dir, 'run', 'run.json')))['status']).toBe(
      'complete',
    );

    expect((await whole).code).toBe(0);
    expect(await reportResults(join(dir, 'run'))).toEqual(await reportResults(join(dir, 'whole')));
  });
});
