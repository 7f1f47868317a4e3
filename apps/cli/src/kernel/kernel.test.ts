import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.ts';
import type { KernelDocument } from './kernel-document.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ntk-kernel-'));
});

async function readDoc(out: string): Promise<KernelDocument> {
  return JSON.parse(await readFile(join(dir, out, 'kernel.json'), 'utf8')) as KernelDocument;
}

/**
 * The ReLU NTK in the NTK parameterisation, written out here from the arc-cosine kernel of order 1 and 0 (Cho
 * and Saul 2009) for a pair of inputs: independent of @ntk/analytic.
 */
function reluKernels(
  x: readonly number[],
  y: readonly number[],
  depth: number,
  sw2: number,
  sb2: number,
): { nngp: number; ntk: number } {
  const d = x.length;
  const dot = (a: readonly number[], b: readonly number[]) =>
    a.reduce((s, v, i) => s + v * (b[i] as number), 0);
  let qx = (sw2 * dot(x, x)) / d + sb2;
  let qy = (sw2 * dot(y, y)) / d + sb2;
  let c = (sw2 * dot(x, y)) / d + sb2;
  let ntk = c;
  for (let l = 0; l < depth; l++) {
    const rho = Math.max(-1, Math.min(1, c / Math.sqrt(qx * qy)));
    const t = Math.acos(rho);
    const cNext =
      (sw2 * Math.sqrt(qx * qy) * (Math.sin(t) + (Math.PI - t) * Math.cos(t))) / (2 * Math.PI) + sb2;
    const dotSigma = (sw2 * (Math.PI - t)) / (2 * Math.PI);
    qx = (sw2 * qx) / 2 + sb2;
    qy = (sw2 * qy) / 2 + sb2;
    ntk = cNext + ntk * dotSigma;
    c = cNext;
  }
  return { nngp: c, ntk };
}

describe('ntk kernel: values against theory', () => {
  it('the ReLU NTK and NNGP on angles equal the arc-cosine closed form', async () => {
    const r = await runCli(
      ['kernel', '--depth', '3', '--sigma-b2', '0.1', '--data', 'angles:9:2', '--out', 'relu', '--json'],
      { cwd: dir },
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = await readDoc('relu');
    expect(doc.ntk).toHaveLength(9);
    const thetas = doc.data.thetas as number[];
    const pts = thetas.map((t) => [Math.SQRT2 * Math.cos(t), Math.SQRT2 * Math.sin(t)]);
    for (let i = 0; i < 9; i++) {
      for (let j = 0; j < 9; j++) {
        const ref = reluKernels(pts[i] as number[], pts[j] as number[], 3, 2, 0.1);
        expect(Math.abs((doc.ntk[i]?.[j] as number) - ref.ntk)).toBeLessThanOrEqual(1e-10 * ref.ntk);
        expect(Math.abs((doc.nngp[i]?.[j] as number) - ref.nngp)).toBeLessThanOrEqual(1e-10 * ref.nngp);
      }
    }
    // σ_w² = 2, σ_b² = 0 keeps Σ^l(x, x) = σ_w²|x|²/d = 2 and Σ̇(x, x) = 1, so Θ(x, x) = 2(L + 1).
    const r2 = await runCli(['kernel', '--depth', '4', '--data', 'sphere:5:3', '--out', 'diag'], {
      cwd: dir,
    });
    expect(r2.code, r2.stderr).toBe(0);
    const d2 = await readDoc('diag');
    for (let i = 0; i < 5; i++) expect(d2.ntk[i]?.[i]).toBeCloseTo(10, 12);
  });

  it("--per-layer: Θ^{L+1} is the network's NTK and the layers' shares sum to it (tanh: quadrature path)", async () => {
    for (const activation of ['tanh', 'relu']) {
      const out = `layers-${activation}`;
      const r = await runCli(
        [
          'kernel',
          '--activation',
          activation,
          '--depth',
          '3',
          '--sigma-w2',
          '1.7',
          '--sigma-b2',
          '0.2',
          '--data',
          'gaussian:4:3',
          '--seed',
          '7',
          '--per-layer',
          '--out',
          out,
        ],
        { cwd: dir },
      );
      expect(r.code, r.stderr).toBe(0);
      const doc = await readDoc(out);
      const layers = doc.layers ?? [];
      expect(layers.map((l) => l.layer)).toEqual([1, 2, 3, 4]);
      expect(layers[3]?.ntk).toEqual(doc.ntk);
      expect(layers[3]?.nngp).toEqual(doc.nngp);
      // Θ^1 = Σ^1: the input layer's NTK is its NNGP.
      expect(layers[0]?.ntk).toEqual(layers[0]?.nngp);
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) {
          const sum = layers.reduce((s, l) => s + (l.contribution[i]?.[j] as number), 0);
          const ntk = doc.ntk[i]?.[j] as number;
          expect(Math.abs(sum - ntk)).toBeLessThanOrEqual(1e-9 * Math.abs(doc.ntk[i]?.[i] as number));
        }
      }
      // The readout's share is its NNGP.
      expect(layers[3]?.contribution).toEqual(doc.nngp);
    }
  });
});

describe('ntk kernel: files', () => {
  it('kernel.csv parses back to the numbers of kernel.json; kernel.svg is a figure with marks', async () => {
    const r = await runCli(
      ['kernel', '--data', 'sphere:6:4', '--per-layer', '--depth', '1', '--out', 'files'],
      {
        cwd: dir,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = await readDoc('files');
    const lines = (await readFile(join(dir, 'files', 'kernel.csv'), 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('i,j,nngp,ntk,nngp_1,ntk_1,contribution_1,nngp_2,ntk_2,contribution_2');
    expect(lines).toHaveLength(1 + 36);
    for (const line of lines.slice(1)) {
      const [i, j, nngp, ntk, , , , , ntk2] = line.split(',').map(Number) as number[];
      expect(nngp).toBe(doc.nngp[i as number]?.[j as number]);
      expect(ntk).toBe(doc.ntk[i as number]?.[j as number]);
      expect(ntk2).toBe(doc.layers?.[1]?.ntk[i as number]?.[j as number]);
    }
    const heat = await readFile(join(dir, 'files', 'kernel.svg'), 'utf8');
    expect(heat.startsWith('<svg')).toBe(true);
    expect(heat).toContain('mark-rect');
    expect(heat.match(/<path/g)?.length ?? 0).toBeGreaterThan(36);
    expect(doc.versions['@ntk/analytic']).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.versions['@ntk/cli']).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.settings).toEqual({
      activation: 'relu',
      depth: 1,
      sigmaW2: 2,
      sigmaB2: 0,
      parameterization: 'ntk',
      data: { kind: 'sphere', n: 6, d: 4 },
      seed: 0,
      perLayer: true,
    });
  });

  it('the default run: angles:33:2, a line figure of Θ and Σ against θ, a summary table with ranges', async () => {
    const r = await runCli(['kernel'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('NTK Θ');
    expect(r.stdout).toContain('off-diagonal');
    expect(r.stdout).toContain(join(dir, 'ntk-kernel', 'kernel.json'));
    const doc = await readDoc('ntk-kernel');
    expect(doc.data.n).toBe(33);
    expect(doc.data.thetas?.[32]).toBeCloseTo(Math.PI, 14);
    const svg = await readFile(join(dir, 'ntk-kernel', 'kernel.svg'), 'utf8');
    expect(svg).toContain('mark-line');
    expect(svg).toContain('NTK Θ(x₀, x_θ)');
  });

  it('n ≤ 8 prints the NTK matrix; --json prints exactly one JSON document', async () => {
    const r = await runCli(['kernel', '--data', 'sphere:3:2', '--out', 'small'], { cwd: dir });
    expect(r.stdout).toMatch(/x0.*x1.*x2/);
    const j = await runCli(['kernel', '--data', 'sphere:3:2', '--out', 'small', '--json'], { cwd: dir });
    expect(j.code).toBe(0);
    const parsed = JSON.parse(j.stdout) as { format: string; files: { json: string }; summary: unknown };
    expect(parsed.format).toBe('ntk-kernel-summary');
    expect(parsed.files.json).toBe(join(dir, 'small', 'kernel.json'));
  });
});

describe('ntk kernel: config files', () => {
  it('a YAML config gives the same kernel.json as the equivalent flags; flags override the file', async () => {
    await writeFile(
      join(dir, 'k.yaml'),
      'activation: erf\ndepth: 3\nsigmaW2: 1.5\nsigmaB2: 0.05\ndata:\n  kind: sphere\n  n: 5\n  d: 3\nseed: 4\nperLayer: true\n',
    );
    const a = await runCli(['kernel', '--config', 'k.yaml', '--out', 'from-yaml'], { cwd: dir });
    const b = await runCli(
      [
        'kernel',
        '--activation',
        'erf',
        '--depth',
        '3',
        '--sigma-w2',
        '1.5',
        '--sigma-b2',
        '0.05',
        '--data',
        'sphere:5:3',
        '--seed',
        '4',
        '--per-layer',
        '--out',
        'from-flags',
      ],
      { cwd: dir },
    );
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const fa = await readFile(join(dir, 'from-yaml', 'kernel.json'), 'utf8');
    expect(fa).toBe(await readFile(join(dir, 'from-flags', 'kernel.json'), 'utf8'));
    const c = await runCli(['kernel', '--config', 'k.yaml', '--depth', '1', '--out', 'override'], {
      cwd: dir,
    });
    expect(c.code).toBe(0);
    expect((await readDoc('override')).settings.depth).toBe(1);
    expect((await readDoc('override')).settings.activation).toBe('erf');
  });

  it('bad settings exit 2 with one line naming the field, key or flag', async () => {
    await writeFile(join(dir, 'bad-depth.json'), JSON.stringify({ depth: -1 }));
    await writeFile(join(dir, 'unknown.yaml'), 'activation: relu\nwidht: 3\n');
    await writeFile(join(dir, 'width.yaml'), 'width: 64\n');
    await writeFile(join(dir, 'bad-data.yaml'), 'data:\n  kind: sphere\n  n: 0\n  d: 3\n');
    const cases: [string[], RegExp][] = [
      [['--config', 'bad-depth.json'], /--config bad-depth\.json: `depth` must be >= 0, got -1/],
      [['--config', 'unknown.yaml'], /unknown setting `widht`/],
      [['--config', 'width.yaml'], /unknown setting `width`/],
      [['--config', 'bad-data.yaml'], /`data/],
      [['--data', 'sphere:0:3'], /--data must be/],
      [['--data', 'cube:3'], /--data must be/],
      [['--depth', 'two'], /--depth must be an integer/],
      [['--seed', '-1'], /--seed must be an integer ≥ 0/],
      [['--sigma-w2', '0'], /--sigma-w2: `sigmaW2` must be > 0/],
      [['--parameterization', 'standard'], /`parameterization` standard needs finite widths/],
      [['--activation', 'tanh(y)'], /activation/],
      [['--config', 'missing.yaml'], /--config missing\.yaml: cannot read it/],
      [['--width', '8'], /unknown option '--width'/],
    ];
    await writeFile(join(dir, 'a-file'), 'x');
    const notDir = await runCli(['kernel', '--out', 'a-file'], { cwd: dir });
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toMatch(/^ntk kernel: --out a-file: not a directory/);
    for (const [args, message] of cases) {
      const r = await runCli(['kernel', ...args, '--out', 'bad'], { cwd: dir });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(/^ntk kernel: /);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });

  it('--help ends with examples', async () => {
    const r = await runCli(['kernel', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--per-layer');
    expect(r.stdout).toContain('Examples:');
  });
});
