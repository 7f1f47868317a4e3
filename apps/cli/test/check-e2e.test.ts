// `ntk check` end to end, as a user runs it: the built CLI spawned with one cheap claim at the quick budget.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCheckReport } from '../src/report/validate-check-report.ts';
import { assertBuilt, listFiles, readJson, tableColumn, tempDir } from './check-helpers.ts';
import { type CliRun, spawnCli } from './helpers/cli.ts';

const CLAIM = 'hayou-2019-ntk-depth-rates';

describe('ntk check (spawned)', () => {
  let dir: string;
  let run: CliRun;
  beforeAll(async () => {
    assertBuilt();
    dir = await tempDir('check-e2e');
    run = await spawnCli(['check', '--claims', CLAIM, '--budget', 'quick', '--out', 'report'], { cwd: dir });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exits 0 and prints the verdict table and the files', () => {
    expect(run.stderr).not.toMatch(/failed|Error/);
    expect(run.code).toBe(0);
    expect(tableColumn(run.stdout, 0)).toBe(`claim${CLAIM}`);
    expect(tableColumn(run.stdout, 2)).toMatch(/^verdict(supported|contradicted|inconclusive)$/);
    expect(run.stdout).toContain('report/report.html');
    // line-mode progress (stdout is not a terminal): a line per finished point
    expect(run.stderr).toContain(`${CLAIM}: point 1/5 done`);
    expect(run.stderr).toContain(`${CLAIM}: point 5/5 done`);
  });

  it('writes the report files, the figure, the result, the points and run.json', async () => {
    const out = join(dir, 'report');
    const files = await listFiles(out);
    expect(files).toEqual(
      expect.arrayContaining([
        'report.json',
        'report.md',
        'report.html',
        `figures/${CLAIM}.svg`,
        `results/${CLAIM}.json`,
        'run.json',
        ...[0, 1, 2, 3, 4].map((i) => `points/${CLAIM}/quick-seed0/point-${i}.json`),
      ]),
    );
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await readFile(join(out, 'figures', `${CLAIM}.svg`), 'utf8')).toMatch(/^<svg/);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script/i);
    const state = await readJson<{ status: string }>(join(out, 'run.json'));
    expect(state.status).toBe('complete');
  });

  it('writes a report.json that validates against the schema, with the result of the run', async () => {
    const out = join(dir, 'report');
    const report = await readJson<Record<string, unknown>>(join(out, 'report.json'));
    expect(validateCheckReport(report)).toEqual([]);
    expect(report['origin']).toEqual({ kind: 'run' });
    expect(report['settings']).toEqual({
      budget: 'quick',
      seed: 0,
      claims: [CLAIM],
      level: 0.95,
      backend: 'cpu',
    });
    const results = report['results'] as { claimId: string; status: string; verdict: string }[];
    expect(results.map((r) => [r.claimId, r.status])).toEqual([[CLAIM, 'ok']]);
    expect(tableColumn(run.stdout, 2)).toBe(`verdict${results[0]?.verdict}`);
    expect(await readJson(join(out, 'results', `${CLAIM}.json`))).toEqual(results[0]);
    expect(existsSync(join(out, 'shard.json'))).toBe(false);
  });
});
