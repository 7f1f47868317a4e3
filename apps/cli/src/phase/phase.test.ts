import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.ts';
import type { PhaseDocument } from './phase-document.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ntk-phase-'));
});

async function readDoc(out: string): Promise<PhaseDocument> {
  return JSON.parse(await readFile(join(dir, out, 'phase.json'), 'utf8')) as PhaseDocument;
}

describe('ntk phase: against mean-field theory', () => {
  it('ReLU: χ₁ = σ_w²/2 everywhere (E[step(u)²] = 1/2), so the edge of chaos is σ_w² = 2 for every σ_b²', async () => {
    const r = await runCli(
      [
        'phase',
        '--sigma-w2-range',
        '1:3',
        '--sigma-b2-range',
        '0:0.5',
        '--grid',
        '5',
        '--out',
        'relu',
        '--json',
      ],
      { cwd: dir },
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = await readDoc('relu');
    expect(doc.grid.sigmaW2).toEqual([1, 1.5, 2, 2.5, 3]);
    expect(doc.points).toHaveLength(25);
    for (const p of doc.points) {
      expect(p.chi1).toBeCloseTo(p.sigmaW2 / 2, 12);
      expect(p.phase).toBe(p.sigmaW2 < 2 ? 'ordered' : p.sigmaW2 > 2 ? 'chaotic' : 'edge-of-chaos');
      // q* = σ_b²/(1 − σ_w²/2) in the ordered phase; none (the variance diverges) in the chaotic one.
      if (p.sigmaW2 < 2) expect(p.qStar).toBeCloseTo(p.sigmaB2 / (1 - p.sigmaW2 / 2), 10);
      if (p.sigmaW2 > 2) expect(p.qStar).toBeNull();
    }
    expect(doc.counts).toEqual({ ordered: 10, edgeOfChaos: 5, chaotic: 10 });
    for (const e of doc.edgeOfChaos) expect(Math.abs((e.sigmaW2 as number) - 2)).toBeLessThan(1e-6);
    const summary = JSON.parse(r.stdout) as { format: string; counts: unknown };
    expect(summary.format).toBe('ntk-phase-summary');
    expect(summary.counts).toEqual(doc.counts);
  });

  it('tanh and erf at σ_b² = 0: q* = 0, χ₁ = σ_w² φ′(0)², so the edge is σ_w² = 1/φ′(0)² (tanh 1, erf π/4)', async () => {
    for (const [activation, edge] of [
      ['tanh', 1],
      ['erf', Math.PI / 4],
    ] as const) {
      const lo = 0.9 * edge;
      const hi = 1.1 * edge;
      const out = `edge-${activation}`;
      const r = await runCli(
        [
          'phase',
          '--activation',
          activation,
          '--sigma-w2-range',
          `${lo}:${hi}`,
          '--sigma-b2-range',
          '0:0.2',
          '--grid',
          '3',
          '--out',
          out,
        ],
        { cwd: dir },
      );
      expect(r.code, r.stderr).toBe(0);
      const doc = await readDoc(out);
      // The edge at σ_b² = 0 is where q* = 0 turns marginal: edgeOfChaos pins it to about 1e-5 there.
      expect(Math.abs((doc.edgeOfChaos[0]?.sigmaW2 as number) - edge)).toBeLessThan(1e-5 * edge);
      const [below, at, above] = doc.points.slice(0, 3);
      expect(below?.qStar).toBe(0);
      expect(below?.chi1).toBeCloseTo(0.9, 10);
      expect(below?.phase).toBe('ordered');
      expect(at?.chi1).toBeCloseTo(1, 6);
      expect(above?.chi1).toBeGreaterThan(1);
      expect(above?.phase).toBe('chaotic');
      // σ_b² > 0 moves the edge to larger σ_w² (the curve rises): at σ_b² = 0.2 all three points are ordered.
      expect((doc.edgeOfChaos[2]?.sigmaW2 as number) > hi).toBe(true);
      expect(doc.points.slice(6).map((p) => p.phase)).toEqual(['ordered', 'ordered', 'ordered']);
    }
  });

  it('--depth: the normalised NTK tends to 1 in the ordered phase and stays below the edge value in the chaotic one', async () => {
    const r = await runCli(
      [
        'phase',
        '--activation',
        'erf',
        '--grid',
        '3',
        '--depth',
        '30',
        '--profile-at',
        '0.8:0.2,4:0.01',
        '--out',
        'profile',
      ],
      { cwd: dir },
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = await readDoc('profile');
    const [ordered, chaotic] = doc.profiles?.points ?? [];
    expect(ordered?.phase).toBe('ordered');
    expect(chaotic?.phase).toBe('chaotic');
    expect(ordered?.rho).toHaveLength(31);
    // Layer 1: Θ¹ = Σ¹ = σ_w² x·x′/d + σ_b² with |x|²/d = 1 and cos 60° = 1/2.
    expect(ordered?.rho[0]).toBeCloseTo((0.8 * 0.5 + 0.2) / (0.8 + 0.2), 12);
    expect(ordered?.rho[30]).toBeGreaterThan(0.99);
    expect(chaotic?.rho[30]).toBeLessThan(0.9);
    expect(r.stdout).toContain('Normalised NTK');
    const csv = (await readFile(join(dir, 'profile', 'phase-profile.csv'), 'utf8')).trim().split('\n');
    expect(csv[0]).toBe('sigma_w2,sigma_b2,phase,layer,rho_ntk');
    expect(csv).toHaveLength(1 + 2 * 31);
    // Default profile points: 0.75×, 1×, 1.5× the edge at the middle σ_b².
    const d = await runCli(['phase', '--grid', '3', '--depth', '5', '--out', 'profile-default'], {
      cwd: dir,
    });
    expect(d.code, d.stderr).toBe(0);
    const dd = await readDoc('profile-default');
    expect(dd.profiles?.points.map((p) => p.phase)).toEqual(['ordered', 'edge-of-chaos', 'chaotic']);
  });
});

describe('ntk phase: files', () => {
  it('phase.csv parses back to the JSON; phase.svg is a heatmap with the edge curve', async () => {
    const r = await runCli(['phase', '--activation', 'erf', '--grid', '4', '--out', 'files'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\d+ ordered \(χ₁ < 1\), \d+ chaotic/);
    expect(r.stdout).toContain(join(dir, 'files', 'phase.svg'));
    const doc = await readDoc('files');
    const lines = (await readFile(join(dir, 'files', 'phase.csv'), 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('sigma_w2,sigma_b2,q_star,chi1,log10_chi1,phase');
    expect(lines).toHaveLength(1 + 16);
    lines.slice(1).forEach((line, k) => {
      const [w, b, q, chi, , phase] = line.split(',');
      const p = doc.points[k];
      expect(Number(w)).toBe(p?.sigmaW2);
      expect(Number(b)).toBe(p?.sigmaB2);
      expect(q === '' ? null : Number(q)).toBe(p?.qStar);
      expect(Number(chi)).toBe(p?.chi1);
      expect(phase).toBe(p?.phase);
    });
    const edge = (await readFile(join(dir, 'files', 'phase-edge.csv'), 'utf8')).trim().split('\n');
    expect(edge).toHaveLength(1 + 4);
    const svg = await readFile(join(dir, 'files', 'phase.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('mark-rect');
    expect(svg).toContain('mark-line');
    expect(svg.match(/<path/g)?.length ?? 0).toBeGreaterThan(16);
    expect(doc.versions['@ntk/analytic']).toMatch(/^\d+\.\d+\.\d+/);

    // --edge-points picks evenly among the grid's σ_b² rows, ends included.
    const e = await runCli(['phase', '--grid', '5', '--edge-points', '3', '--out', 'edge3'], { cwd: dir });
    expect(e.code, e.stderr).toBe(0);
    expect((await readDoc('edge3')).edgeOfChaos.map((p) => p.sigmaB2)).toEqual([0, 0.5, 1]);
  });
});

describe('ntk phase: settings', () => {
  it('a YAML config gives the same phase.json as the equivalent flags', async () => {
    await writeFile(
      join(dir, 'p.yaml'),
      'activation: erf\nsigmaW2Range: [0.5, 2]\nsigmaB2Range: [0, 0.3]\ngrid: 3\ndepth: 4\nprofileAt:\n  - { sigmaW2: 1, sigmaB2: 0.1 }\n',
    );
    const a = await runCli(['phase', '--config', 'p.yaml', '--out', 'from-yaml'], { cwd: dir });
    const b = await runCli(
      [
        'phase',
        '--activation',
        'erf',
        '--sigma-w2-range',
        '0.5:2',
        '--sigma-b2-range',
        '0:0.3',
        '--grid',
        '3',
        '--depth',
        '4',
        '--profile-at',
        '1:0.1',
        '--out',
        'from-flags',
      ],
      { cwd: dir },
    );
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(await readFile(join(dir, 'from-yaml', 'phase.json'), 'utf8')).toBe(
      await readFile(join(dir, 'from-flags', 'phase.json'), 'utf8'),
    );
  });

  it('bad settings exit 2 with one line naming the field, key or flag', async () => {
    await writeFile(join(dir, 'bad-grid.json'), JSON.stringify({ grid: 1 }));
    await writeFile(join(dir, 'unknown.yaml'), 'activaton: tanh\n');
    await writeFile(join(dir, 'bad-range.yaml'), 'sigmaW2Range: [2, 1]\n');
    await writeFile(join(dir, 'neg-range.yaml'), 'sigmaW2Range: [0, 1]\n');
    await writeFile(join(dir, 'profile-only.yaml'), 'profileAt: [{ sigmaW2: 1, sigmaB2: 0 }]\n');
    const cases: [string[], RegExp][] = [
      [['--config', 'bad-grid.json'], /--config bad-grid\.json: `grid` must be >= 2, got 1/],
      [['--config', 'unknown.yaml'], /unknown setting `activaton`/],
      [
        ['--config', 'bad-range.yaml'],
        /--config bad-range\.yaml: `sigmaW2Range` must have lo < hi, got \[2,1\]/,
      ],
      [['--config', 'neg-range.yaml'], /`sigmaW2Range\.0` must be > 0/],
      [['--config', 'profile-only.yaml'], /`profileAt` needs a `depth`/],
      [['--sigma-w2-range', '3'], /--sigma-w2-range must be lo:hi/],
      [['--sigma-b2-range', '0.5:0.1'], /--sigma-b2-range: `sigmaB2Range` must have lo < hi/],
      [['--sigma-b2-range', '-1:1'], /--sigma-b2-range: `sigmaB2Range\.0` must be >= 0/],
      [['--grid', '1'], /--grid must be an integer ≥ 2/],
      [['--grid', '1000'], /--grid: `grid` must be <= 401/],
      [['--profile-at', '1'], /--profile-at must be SW2:SB2/],
      [['--edge-points', '1'], /--edge-points must be an integer ≥ 2/],
      [['--activation', 'tanh(y)'], /activation/],
      [['--sigma-w2', '2'], /unknown option '--sigma-w2'/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['phase', ...args, '--out', 'bad'], { cwd: dir });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(/^ntk phase: /);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });

  it('--help ends with examples; an aborted signal stops with exit 130', async () => {
    const h = await runCli(['phase', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--sigma-w2-range');
    expect(h.stdout).toContain('Examples:');
    const ac = new AbortController();
    ac.abort();
    const r = await runCli(['phase', '--grid', '3', '--out', 'aborted'], { cwd: dir, signal: ac.signal });
    expect(r.code).toBe(130);
  });
});
