import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Each public package is packed with `pnpm pack` (workspace: ranges become versions), installed with npm into
// an empty project together with the @ntk packages it depends on (nothing else of the workspace), then a
// TypeScript smoke file is type-checked against the installed .d.ts files and its output run with Node.
const root = resolve(import.meta.dirname, '../../..');
const here = resolve(import.meta.dirname, '..');
const tsc = join(here, 'node_modules', 'typescript', 'bin', 'tsc');
const work = join(tmpdir(), `ntk-pack-${process.pid}`);
// pnpm may not be on PATH (CI runs `npx --yes pnpm@10.34.9 test`): reuse the pnpm that runs this script.
const execPath = process.env['npm_execpath'] ?? '';
const pnpm: [string, string[]] = /pnpm/.test(execPath)
  ? execPath.endsWith('.js') || execPath.endsWith('.cjs')
    ? [process.execPath, [execPath]]
    : [execPath, []]
  : ['pnpm', []];

interface Pkg {
  dir: string;
  name: string;
  deps: string[];
}

function publicPackages(): Pkg[] {
  const out: Pkg[] = [];
  for (const dir of readdirSync(join(root, 'packages'))) {
    const file = join(root, 'packages', dir, 'package.json');
    if (!existsSync(file)) continue;
    const pj = JSON.parse(readFileSync(file, 'utf8'));
    if (pj.private) continue;
    // Optional peers (the backends that `@ntk/backend-auto` loads when present) are left out: the smoke file
    // proves that the package works without them.
    const optional = pj.peerDependenciesMeta ?? {};
    const deps = Object.keys({ ...pj.dependencies, ...pj.peerDependencies }).filter(
      (d) => d.startsWith('@ntk/') && optional[d]?.optional !== true,
    );
    out.push({ dir, name: pj.name, deps });
  }
  return out;
}

function closure(pkgs: Pkg[], name: string, seen = new Set<string>()): Set<string> {
  seen.add(name);
  for (const d of pkgs.find((p) => p.name === name)?.deps ?? []) if (!seen.has(d)) closure(pkgs, d, seen);
  return seen;
}

const pkgs = publicPackages().filter((p) => existsSync(join(here, 'smoke', `${p.dir}.ts`)));
const tarballs = new Map<string, string>();

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'tarballs'), { recursive: true });
  for (const p of publicPackages()) {
    const out = execFileSync(pnpm[0], [...pnpm[1], 'pack', '--pack-destination', join(work, 'tarballs')], {
      cwd: join(root, 'packages', p.dir),
      encoding: 'utf8',
    });
    const tgz = out.trim().split('\n').pop() as string;
    tarballs.set(p.name, tgz.startsWith('/') ? tgz : join(work, 'tarballs', tgz));
  }
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('each public package packs and works alone', () => {
  it('found packages with smoke tests', () => {
    expect(pkgs.map((p) => p.name)).toContain('@ntk/core');
  });
  it.each(pkgs.map((p) => [p.name, p] as const))(
    '%s installs into an empty project, type-checks and runs',
    (_n, p) => {
      const dir = join(work, p.dir);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ name: 'empty', private: true, type: 'module' }),
      );
      const tgzs = [...closure(pkgs.concat(publicPackages()), p.name)].map((n) => tarballs.get(n) as string);
      execFileSync(
        'npm',
        ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', ...tgzs],
        {
          cwd: dir,
          stdio: 'pipe',
        },
      );
      writeFileSync(join(dir, 'smoke.ts'), readFileSync(join(here, 'smoke', `${p.dir}.ts`), 'utf8'));
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            exactOptionalPropertyTypes: true,
            skipLibCheck: false,
            types: [],
            lib: ['ES2022', 'DOM'],
            outDir: 'out',
          },
          files: ['smoke.ts'],
        }),
      );
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, stdio: 'pipe' });
      const printed = execFileSync(process.execPath, [join(dir, 'out', 'smoke.js')], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(printed).toContain(`ok ${p.name}`);
    },
    240_000,
  );
});
