import { describe, expect, it } from 'vitest';
import { runCli } from '../test/helpers/cli.ts';
import { CLI_VERSION } from './version.ts';

describe('ntk (program level)', () => {
  it('--version prints the package version and exits 0', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(CLI_VERSION);
  });

  it('--help lists every command with examples and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['check', 'kernel', 'empirical', 'train', 'phase', 'merge'])
      expect(r.stdout).toContain(c);
    expect(r.stdout).toContain('Examples:');
  });

  it('an unknown command exits 2 with one line naming it', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^ntk: unknown command 'frobnicate'/);
  });

  it('no command exits 2 and says a command is required', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a command is required');
  });

  it('an unknown flag of a command exits 2 with one line naming the flag and the command', async () => {
    const r = await runCli(['merge', 'a', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^ntk merge: unknown option '--bogus'/);
  });
});
