// Bad input to `ntk check` and to `ntk merge` of its shards: exit code 2 and exactly one line naming the problem.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './check-helpers.ts';
import { type CliRun, runCli } from './helpers/cli.ts';

const CHEAP = 'st-arnaud-2025-predictor-limit'; // one analytic point
const CHEAP2 = 'hayou-2019-ntk-depth-rates'; // five analytic points

/** The run failed as a usage error: code 2, nothing on stdout, one stderr line matching `pattern`. */
function expectUsage(run: CliRun, command: string, pattern: RegExp): void {
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^ntk ${command}: `));
  expect(lines[0]).toMatch(pattern);
  expect(run.code).toBe(2);
}

describe('ntk check: bad input → exit 2, one line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('check-bad');
    await writeFile(join(dir, 'file.txt'), 'not a directory\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const check = (...args: string[]) => runCli(['check', ...args], { cwd: dir });

  it('an unknown claim id, naming it and listing the known ones', async () => {
    const run = await check('--claims', `${CHEAP},no-such-claim`, '--out', 'r');
    expectUsage(
      run,
      'check',
      /--claims: unknown claim id 'no-such-claim' \(known: .*hayou-2019-ntk-depth-rates/,
    );
  });

  it('a claim id given twice', async () => {
    expectUsage(await check('--claims', `${CHEAP},${CHEAP}`), 'check', /claim id '.*' is given twice/);
  });

  it('a bad --budget', async () => {
    expectUsage(
      await check('--claims', CHEAP, '--budget', 'fast'),
      'check',
      /--budget must be 'quick' or 'full', got "fast"/,
    );
  });

  it('a bad --seed', async () => {
    expectUsage(
      await check('--claims', CHEAP, '--seed', '1.5'),
      'check',
      /--seed must be an integer ≥ 0, got "1.5"/,
    );
    expectUsage(await check('--claims', CHEAP, '--seed', 'x'), 'check', /--seed must be an integer/);
  });

  it('a bad --shard', async () => {
    for (const shard of ['4/3', '0/2', 'two', '1/0']) {
      expectUsage(await check('--claims', CHEAP, '--shard', shard), 'check', /--shard must be k\/n/);
    }
  });

  it('a bad --backend', async () => {
    expectUsage(await check('--claims', CHEAP, '--backend', 'tpu'), 'check', /--backend must be 'cpu' or/);
  });

  it('an --out that cannot be written (under a regular file)', async () => {
    expectUsage(
      await check('--claims', CHEAP, '--out', 'file.txt/sub'),
      'check',
      /--out file\.txt\/sub: cannot write there/,
    );
    expectUsage(
      await check('--claims', CHEAP, '--out', 'file.txt'),
      'check',
      /--out file\.txt: not a directory/,
    );
  });

  it('--resume with settings other than those of run.json, naming the setting', async () => {
    const first = await check('--claims', CHEAP, '--out', 'resume');
    expect(first.code).toBe(0);
    expectUsage(
      await check('--claims', CHEAP, '--out', 'resume', '--seed', '1', '--resume'),
      'check',
      /--resume: resume\/run\.json was written with --seed 0, not --seed 1/,
    );
    expectUsage(
      await check('--claims', CHEAP, '--out', 'resume', '--budget', 'full', '--resume'),
      'check',
      /written with --budget quick, not --budget full/,
    );
    expectUsage(
      await check('--claims', `${CHEAP},${CHEAP2}`, '--out', 'resume', '--resume'),
      'check',
      new RegExp(`written with --claims ${CHEAP}, not --claims ${CHEAP},${CHEAP2}`),
    );
    expectUsage(
      await check('--claims', CHEAP, '--out', 'resume', '--shard', '1/2', '--resume'),
      'check',
      /written with --shard none, not --shard 1\/2/,
    );
    // the same settings resume (everything from the cache)
    const again = await check('--claims', CHEAP, '--out', 'resume', '--resume', '--json');
    expect(again.code).toBe(0);
  });

  it('a run.json that is not one', async () => {
    await writeFile(join(dir, 'file.txt'), '{}');
    const out = join(dir, 'junk');
    await check('--claims', CHEAP, '--out', out, '--list'); // --list writes nothing
    await rm(out, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(out, { recursive: true }));
    await writeFile(join(out, 'run.json'), '{"format": "something-else"}');
    expectUsage(
      await check('--claims', CHEAP, '--out', 'junk', '--resume'),
      'check',
      /run\.json has a bad `format`/,
    );
  });
});

describe('ntk merge of check shards: bad input → exit 2, one line', () => {
  let dir: string;
  const claims = `${CHEAP},${CHEAP2}`; // 1 + 5 = 6 pairs
  beforeAll(async () => {
    dir = await tempDir('merge-bad');
    for (const [k, seed, out] of [
      [1, 0, 'a1'],
      [2, 0, 'a2'],
      [2, 1, 'b2'],
    ] as const) {
      const run = await runCli(
        ['check', '--claims', claims, '--shard', `${k}/2`, '--seed', String(seed), '--out', out],
        {
          cwd: dir,
        },
      );
      expect(run.code, run.stderr).toBe(0);
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const merge = (...args: string[]) => runCli(['merge', ...args], { cwd: dir });

  it('a missing shard', async () => {
    expectUsage(await merge('a1', '--out', 'm'), 'merge', /missing shard 2\/2/);
  });

  it('shards of different runs', async () => {
    expectUsage(await merge('a1', 'b2', '--out', 'm'), 'merge', /b2: its settings differ from those of a1/);
  });

  it('the same shard twice', async () => {
    expectUsage(await merge('a1', 'a1', '--out', 'm'), 'merge', /shard 1\/2 is also in a1/);
  });

  it('a directory that is not a shard', async () => {
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'empty'), { recursive: true }));
    expectUsage(await merge('a1', 'empty', '--out', 'm'), 'merge', /empty: not a shard directory/);
  });

  it('a shard that lost a point, naming the point and the shard', async () => {
    const good = await merge('a2', 'a1', '--out', 'good', '--json');
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ format: 'ntk-check-summary', summary: { total: 2 } });
    // pair 3 = hayou point 2 → shard (3 mod 2) + 1 = 2
    await rm(join(dir, 'a2', 'points', CHEAP2, 'quick-seed0', 'point-2.json'));
    expectUsage(
      await merge('a1', 'a2', '--out', 'm'),
      'merge',
      new RegExp(`point 2 of ${CHEAP2} is missing: shard 2/2 \\(.*a2\\)`),
    );
  });
});
