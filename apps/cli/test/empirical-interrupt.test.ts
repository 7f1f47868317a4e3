// ntk empirical interrupted: finished Monte-Carlo blocks are kept (atomic files), exit 130, and --resume
// finishes the run with the same bytes as an uninterrupted one; --resume refuses blocks of other settings.
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from './helpers/cli.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ntk-empirical-int-'));
});

const blocks = async (out: string): Promise<string[]> =>
  (await readdir(join(dir, out, 'blocks')).catch(() => [] as string[])).filter((f) => f.endsWith('.json'));

const RUN = [
  'empirical',
  '--width',
  '16',
  '--depth',
  '1',
  '--data',
  'sphere:4:2',
  '--samples',
  '64',
  '--block-size',
  '4',
  '--seed',
  '9',
];

describe('ntk empirical: interruption and --resume', () => {
  it('an abort after some blocks exits 130 and keeps them; --resume completes with the uninterrupted bytes', async () => {
    const controller = new AbortController();
    const poll = setInterval(() => {
      void blocks('int').then((b) => {
        if (b.length >= 2) controller.abort(new DOMException('interrupted by SIGINT', 'AbortError'));
      });
    }, 2);
    const stopped = await runCli([...RUN, '--out', 'int'], { cwd: dir, signal: controller.signal });
    clearInterval(poll);
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toMatch(
      /interrupted; \d+ finished blocks? of 4 initialisations kept in .*blocks; continue with the same command and --resume/,
    );
    const kept = await blocks('int');
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(kept.length).toBeLessThan(16);
    await expect(stat(join(dir, 'int', 'empirical.json'))).rejects.toThrow();
    const before = new Map(
      await Promise.all(
        kept.map(async (f) => [f, (await stat(join(dir, 'int', 'blocks', f))).mtimeMs] as const),
      ),
    );

    const resumed = await runCli([...RUN, '--out', 'int', '--resume'], { cwd: dir });
    expect(resumed.code, resumed.stderr).toBe(0);
    for (const [f, t] of before) expect((await stat(join(dir, 'int', 'blocks', f))).mtimeMs, f).toBe(t); // reused
    expect(await blocks('int')).toHaveLength(16);
    const fresh = await runCli([...RUN, '--out', 'fresh'], { cwd: dir });
    expect(fresh.code).toBe(0);
    for (const f of ['empirical.json', 'empirical.csv', 'empirical.svg']) {
      expect(await readFile(join(dir, 'int', f), 'utf8'), f).toBe(
        await readFile(join(dir, 'fresh', f), 'utf8'),
      );
    }
  });

  it('--resume over blocks of other settings exits 2 naming the setting; --resume with K = 1 exits 2', async () => {
    const r = await runCli([...RUN, '--seed', '10', '--out', 'fresh', '--resume'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--resume: .*block-0\.json is from a run with another `seed` \(9, now 10\)/);
    const one = await runCli(['empirical', '--resume', '--out', 'one'], { cwd: dir });
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('--resume needs --samples K > 1');
  });

  it('SIGINT to the built CLI stops a long Monte-Carlo run with exit 130 and the --resume hint', async () => {
    const run = spawnCli(
      ['empirical', '--width', '16', '--samples', '1000000', '--block-size', '8', '--out', 'sigint'],
      {
        cwd: dir,
        onSpawn: (child) => {
          const poll = setInterval(() => {
            void blocks('sigint').then((b) => {
              if (b.length >= 1) {
                clearInterval(poll);
                child.kill('SIGINT');
              }
            });
          }, 20);
          child.on('close', () => clearInterval(poll));
        },
      },
    );
    const r = await run;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toContain('ntk: stopping');
    expect(r.stderr).toContain('continue with the same command and --resume');
    expect(r.stderr).toContain('ntk empirical: interrupted');
    expect((await blocks('sigint')).length).toBeGreaterThanOrEqual(1);
  });
});
