// ntk empirical --samples K --shard k/n as separate processes of the built CLI, merged by ntk merge: the merged
// files are byte-identical to the unsharded run's; an incomplete shard set exits 2.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from './helpers/cli.ts';

let dir = '';
// K = 40 in blocks of 8: 5 blocks over 3 shards (2, 2, 1), so the shards are unequal and block-aligned.
const RUN = [
  'empirical',
  '--width',
  '32',
  '--depth',
  '2',
  '--data',
  'sphere:5:3',
  '--samples',
  '40',
  '--block-size',
  '8',
  '--seed',
  '11',
  '--per-layer',
];
const FILES = ['empirical.json', 'empirical.csv', 'empirical.svg'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ntk-empirical-shards-'));
});

describe('ntk empirical --shard + ntk merge (built CLI, separate processes)', () => {
  it('three concurrent shards merged give the unsharded run’s files byte for byte', async () => {
    const [single, ...shards] = await Promise.all([
      spawnCli([...RUN, '--out', 'single'], { cwd: dir }),
      spawnCli([...RUN, '--shard', '1/3', '--out', 'shard-1'], { cwd: dir }),
      spawnCli([...RUN, '--shard', '2/3', '--out', 'shard-2'], { cwd: dir }),
      spawnCli([...RUN, '--shard', '3/3', '--out', 'shard-3'], { cwd: dir }),
    ]);
    expect(single?.code, single?.stderr).toBe(0);
    for (const s of shards) expect(s.code, s.stderr).toBe(0);
    expect(shards[0]?.stdout).toContain('initialisations 0..15 of 40');
    expect(shards[2]?.stdout).toContain('initialisations 32..39 of 40');
    expect((await readdir(join(dir, 'shard-2'))).sort()).toEqual([
      'blocks',
      'moments-unit.json',
      'shard.json',
    ]);
    // Any order of the directories on the command line.
    const merged = await spawnCli(['merge', 'shard-3', 'shard-1', 'shard-2', '--out', 'merged'], {
      cwd: dir,
    });
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('mean over K = 40 initialisations');
    expect(merged.stdout).toBe(single?.stdout.replaceAll('single/', 'merged/'));
    for (const f of FILES) {
      const a = await readFile(join(dir, 'single', f));
      const b = await readFile(join(dir, 'merged', f));
      expect(b.equals(a), f).toBe(true);
    }
  });

  it('a shard set with a missing shard, or shards of another run, exits 2 with one line', async () => {
    await Promise.all([
      spawnCli([...RUN, '--shard', '1/2', '--out', 'half-1'], { cwd: dir }),
      spawnCli([...RUN, '--seed', '12', '--shard', '2/2', '--out', 'other-2'], { cwd: dir }),
    ]);
    const missing = await spawnCli(['merge', 'half-1', '--out', 'bad'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('missing shard 2/2');
    const mixed = await spawnCli(['merge', 'half-1', 'other-2', '--out', 'bad'], { cwd: dir });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('settings differ');
  });
});
