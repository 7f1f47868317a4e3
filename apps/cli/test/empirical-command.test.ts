// ntk empirical in-process: the numbers equal the library's with the documented keys, the Monte-Carlo mean
// is within a few standard errors of the analytic NTK, config files equal flags, bad input exits 2.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mlpKernels } from '@ntk/analytic';
import { foldIn, key, sphere } from '@ntk/core';
import { empiricalNtk, initMlp } from '@ntk/empirical';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EmpiricalReport } from '../src/empirical/empirical-report.ts';
import { runCli } from './helpers/cli.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ntk-empirical-'));
});

const readReport = async (out: string): Promise<EmpiricalReport> =>
  JSON.parse(await readFile(join(dir, out, 'empirical.json'), 'utf8')) as EmpiricalReport;

describe('ntk empirical', () => {
  it('--help ends with examples', async () => {
    const r = await runCli(['empirical', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--samples');
  });

  it('K = 1: the NTK equals empiricalNtk of initMlp(spec, foldIn(foldIn(key(seed), 1), 0)) on sphere(foldIn(key(seed), 0))', async () => {
    const seed = 7;
    const r = await runCli(
      [
        'empirical',
        '--width',
        '64',
        '--depth',
        '2',
        '--data',
        'sphere:5:4',
        '--seed',
        String(seed),
        '--per-layer',
        '--out',
        'one',
      ],
      { cwd: dir },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('NTK');
    expect(r.stdout).toContain('one/empirical.svg');
    const report = await readReport('one');
    const x = sphere(foldIn(key(seed), 0), 5, 4);
    const spec = {
      activation: 'relu',
      depth: 2,
      widths: 64,
      sigmaW2: 2,
      sigmaB2: 0,
      parameterization: 'ntk' as const,
    };
    const net = initMlp(spec, foldIn(foldIn(key(seed), 1), 0), 4);
    const direct = await empiricalNtk(net, x, undefined, { perLayer: true });
    expect(report.data.x).toEqual(x.toArray());
    expect(report.empirical.ntk.mean).toEqual(direct.ntk.toArray());
    expect(report.empirical.nngp.mean).toEqual(direct.nngp.toArray());
    expect(report.empirical.layers?.map((l) => l.mean)).toEqual(direct.layers?.map((l) => l.toArray()));
    const { widths: _w, ...infinite } = spec;
    expect(report.analytic.ntk).toEqual(mlpKernels(infinite, x).ntk.toArray());
    const csv = await readFile(join(dir, 'one', 'empirical.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe(
      'i,j,analytic_ntk,empirical_ntk,analytic_nngp,empirical_nngp,empirical_ntk_layer_1,empirical_ntk_layer_2,empirical_ntk_layer_3',
    );
    expect(csv.trim().split('\n')).toHaveLength(1 + 25);
    expect(await readFile(join(dir, 'one', 'empirical.svg'), 'utf8')).toMatch(/^<svg/);
  });

  it('--method jacobian gives the structured kernel up to rounding', async () => {
    const args = ['empirical', '--width', '32', '--data', 'gaussian:4:3', '--json'];
    const a = await runCli([...args, '--out', 'structured'], { cwd: dir });
    const b = await runCli([...args, '--method', 'jacobian', '--out', 'jacobian'], { cwd: dir });
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const ra = await readReport('structured');
    const rb = await readReport('jacobian');
    ra.empirical.ntk.mean.flat().forEach((v, i) => {
      expect(rb.empirical.ntk.mean.flat()[i]).toBeCloseTo(v, 10);
    });
  });

  it('K > 1: the Monte-Carlo mean is within a few standard errors of the analytic NTK', async () => {
    const seed = 3; // fixed; printed on failure
    const K = 48;
    const r = await runCli(
      [
        'empirical',
        '--width',
        '256',
        '--depth',
        '1',
        '--data',
        'sphere:6:3',
        '--samples',
        String(K),
        '--block-size',
        '8',
        '--seed',
        String(seed),
        '--json',
        '--out',
        'mc',
      ],
      { cwd: dir },
    );
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { deviation: EmpiricalReport['deviation']; samples: number };
    expect(summary.samples).toBe(K);
    const report = await readReport('mc');
    // Every entry within 4.5 standard errors (36 entries; the O(1/width) bias is far below one s.e. here) …
    expect(summary.deviation.ntk.maxAbsZ, `seed ${seed}, K ${K}`).toBeLessThan(4.5);
    // … and the whole mean within a tolerance shrinking like 1/√(K·width) (one network deviates by O(1/√width)).
    expect(summary.deviation.ntk.relativeFrobenius, `seed ${seed}`).toBeLessThan(4 / Math.sqrt(K * 256));
    // The standard errors are those of K samples: se² = variance / K.
    const v = report.empirical.ntk.variance?.[0]?.[1] as number;
    const se = report.empirical.ntk.stdError?.[0]?.[1] as number;
    expect(se).toBeCloseTo(Math.sqrt(v / K), 14);
    expect(r.stderr).toContain('48 initialisations');
  });

  it('a YAML config gives the same files as the same flags', async () => {
    await writeFile(
      join(dir, 'e.yaml'),
      'activation: erf\ndepth: 1\nwidth: 16\nsigmaW2: 1.5\nsigmaB2: 0.1\ndata:\n  kind: angles\n  n: 5\n  d: 2\nseed: 4\nsamples: 3\nblockSize: 2\n',
    );
    const a = await runCli(['empirical', '--config', 'e.yaml', '--out', 'yaml'], { cwd: dir });
    const b = await runCli(
      [
        'empirical',
        '--seed',
        '4',
        '--samples',
        '3',
        '--block-size',
        '2',
        '--data',
        'angles:5:2',
        '--activation',
        'erf',
        '--depth',
        '1',
        '--width',
        '16',
        '--sigma-w2',
        '1.5',
        '--sigma-b2',
        '0.1',
        '--out',
        'flags',
      ],
      { cwd: dir },
    );
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    for (const f of ['empirical.json', 'empirical.csv', 'empirical.svg']) {
      expect(await readFile(join(dir, 'yaml', f), 'utf8')).toBe(
        await readFile(join(dir, 'flags', f), 'utf8'),
      );
    }
    // A flag overrides the file.
    const c = await runCli(
      ['empirical', '--config', 'e.yaml', '--seed', '5', '--json', '--out', 'override'],
      { cwd: dir },
    );
    expect(JSON.parse(c.stdout).seed).toBe(5);
  });

  it('bad flags and config files exit 2 with one line naming the flag or field', async () => {
    await writeFile(join(dir, 'bad-key.json'), JSON.stringify({ depht: 2 }));
    await writeFile(join(dir, 'bad-type.yaml'), 'samples: many\n');
    await writeFile(join(dir, 'bad-data.json'), JSON.stringify({ data: { kind: 'sphere', n: 0, d: 3 } }));
    const cases: [string[], RegExp][] = [
      [['--samples', '0'], /--samples must be an integer ≥ 1/],
      [['--width', 'wide'], /--width must be an integer/],
      [['--block-size', '0'], /--block-size must be an integer ≥ 1/],
      [['--method', 'magic'], /--method must be 'structured' or 'jacobian'/],
      [['--method', 'jacobian', '--samples', '4'], /--method jacobian works with --samples 1 only/],
      [['--shard', '1/2'], /--shard needs --samples K > 1/],
      [['--samples', '4', '--shard', '3/2'], /--shard must be k\/n/],
      [['--data', 'cube:3'], /--data must be/],
      [['--backend', 'abacus'], /--backend must be/],
      [['--activation', 'frobnicate(x)'], /activation|frobnicate/],
      [['--config', 'bad-key.json'], /unknown setting `depht`/],
      [['--config', 'bad-type.yaml'], /`samples` must be integer/],
      [['--config', 'bad-data.json'], /data/],
      [['--config', 'missing.yaml'], /--config missing.yaml: cannot read it/],
      [['--out', 'bad-key.json'], /--out bad-key.json: not a directory/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['empirical', '--width', '8', ...args], { cwd: dir });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      // (Errors of flag parsers come before commander's preAction hook: main prefixes them `ntk:`.)
      expect(r.stderr, args.join(' ')).toMatch(/^ntk( empirical)?: /);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });

  it('an aborted signal (SIGINT) stops the run with exit 130', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('interrupted by SIGINT', 'AbortError'));
    const r = await runCli(['empirical', '--width', '8', '--samples', '32', '--out', 'aborted'], {
      cwd: dir,
      signal: controller.signal,
    });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('interrupted');
  });
});
