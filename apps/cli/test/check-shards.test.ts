// `ntk check --shard k/n` in three processes, merged by `ntk merge`, equals the unsharded run.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCheckReport } from '../src/report/validate-check-report.ts';
import { assertBuilt, listFiles, readJson, reportResults, tableColumn, tempDir } from './check-helpers.ts';
import { type CliRun, runCli, spawnCli } from './helpers/cli.ts';

// 5 + 4 = 9 (claim, point) pairs: pair j goes to shard (j mod 3) + 1
const CLAIMS = 'hayou-2019-ntk-depth-rates,jacot-2018-init-convergence';

describe('ntk check --shard k/3 + ntk merge', () => {
  let dir: string;
  let shards: CliRun[];
  let single: CliRun;
  let merged: CliRun;
  beforeAll(async () => {
    assertBuilt();
    dir = await tempDir('check-shards');
    shards = await Promise.all(
      [1, 2, 3].map((k) =>
        spawnCli(['check', '--claims', CLAIMS, '--shard', `${k}/3`, '--out', `shard-${k}`], { cwd: dir }),
      ),
    );
    single = await runCli(['check', '--claims', CLAIMS, '--out', 'single'], { cwd: dir });
    merged = await runCli(['merge', 'shard-3', 'shard-1', 'shard-2', '--out', 'merged'], { cwd: dir });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('each shard measures its round-robin share of the pairs and writes shard.json, no report', async () => {
    expect(shards.map((s) => s.code)).toEqual([0, 0, 0]);
    const points = await Promise.all([1, 2, 3].map((k) => listFiles(join(dir, `shard-${k}`, 'points'))));
    const h = (i: number) => `hayou-2019-ntk-depth-rates/quick-seed0/point-${i}.json`;
    const j = (i: number) => `jacot-2018-init-convergence/quick-seed0/point-${i}.json`;
    expect(points).toEqual([
      [h(0), h(3), j(1)],
      [h(1), h(4), j(2)],
      [h(2), j(0), j(3)],
    ]);
    for (const k of [1, 2, 3]) {
      const manifest = await readJson<Record<string, unknown>>(join(dir, `shard-${k}`, 'shard.json'));
      expect(manifest).toMatchObject({ kind: 'check', shard: { index: k, count: 3 }, complete: true });
      expect(manifest['settings']).toEqual({
        budget: 'quick',
        seed: 0,
        claims: CLAIMS.split(','),
        level: 0.95,
        backend: 'cpu',
      });
      expect(existsSync(join(dir, `shard-${k}`, 'report.json'))).toBe(false);
    }
  });

  it('merges into the report of the unsharded run (apart from timing and provenance)', async () => {
    expect(single.code).toBe(0);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(tableColumn(merged.stdout, 0)).toBe(`claim${CLAIMS.replace(',', '')}`);
    const out = join(dir, 'merged');
    const report = await readJson<Record<string, unknown>>(join(out, 'report.json'));
    expect(validateCheckReport(report)).toEqual([]);
    expect(report['origin']).toEqual({ kind: 'merge', shards: 3 });
    const expected = await reportResults(join(dir, 'single'));
    expect(expected).toHaveLength(2);
    expect(await reportResults(out)).toEqual(expected);
    const files = await listFiles(out);
    expect(files).toEqual(
      expect.arrayContaining([
        'report.md',
        'report.html',
        'figures/hayou-2019-ntk-depth-rates.svg',
        'figures/jacot-2018-init-convergence.svg',
        'results/hayou-2019-ntk-depth-rates.json',
        'results/jacot-2018-init-convergence.json',
      ]),
    );
  });
});
