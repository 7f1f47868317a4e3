import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NTK_VERSIONS } from './ntk-versions.ts';

const packages = resolve(import.meta.dirname, '../../..');
const readJson = (dir: string) => JSON.parse(readFileSync(join(packages, dir, 'package.json'), 'utf8'));

describe('NTK_VERSIONS', () => {
  it('NTK_VERSIONS lists @ntk/bounds and each @ntk dependency with the version in its package.json', () => {
    const own = readJson('bounds');
    const deps = Object.keys(own.dependencies).filter((d: string) => d.startsWith('@ntk/'));
    expect(Object.keys(NTK_VERSIONS).sort()).toEqual([own.name, ...deps].sort());
    expect(NTK_VERSIONS['@ntk/bounds']).toBe(own.version);
    for (const d of deps) {
      // If this fails after a version bump, run `pnpm --filter @ntk/bounds run versions`.
      expect(NTK_VERSIONS[d], d).toBe(readJson(d.slice('@ntk/'.length)).version);
    }
  });
});
