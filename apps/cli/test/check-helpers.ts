// Helpers of the `ntk check` tests: temporary directories, reading an output directory, and results without
// the timing and provenance fields that `ClaimResult` documents as not reproducible.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClaimResult } from '@ntk/bounds';
import { NTK_BIN } from './helpers/cli.ts';

/** A fresh temporary directory. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `ntk-${prefix}-`));
}

/** Fails with a clear message when the CLI is not built (spawn tests run `bin/ntk.js` → `dist/bin.js`). */
export function assertBuilt(): void {
  if (!existsSync(join(NTK_BIN, '../../dist/bin.js'))) {
    throw new Error('apps/cli is not built: run `pnpm --filter @ntk/cli build` first (turbo does it in CI)');
  }
}

/** A JSON file, parsed. */
export async function readJson<T = unknown>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/**
 * A result without `startedAt`, `durationMs`, `observations[].durationMs` and `observations[].source` (the
 * fields two runs with the same settings may differ in, however they were split or resumed).
 */
export function withoutTiming(result: ClaimResult): unknown {
  const { startedAt: _s, durationMs: _d, observations, ...rest } = result;
  return {
    ...rest,
    observations: observations.map(({ durationMs: _od, source: _os, ...o }) => o),
  };
}

/** The report's results without timing and provenance (see {@link withoutTiming}). */
export async function reportResults(out: string): Promise<unknown[]> {
  const report = await readJson<{ results: ClaimResult[] }>(join(out, 'report.json'));
  return report.results.map(withoutTiming);
}

/** Every file under a directory (relative paths, sorted). */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** The text of column `i` of a cli-table3 table in `text`, its wrapped cells joined (no spaces). */
export function tableColumn(text: string, i: number): string {
  return text
    .split('\n')
    .filter((l) => l.startsWith('│'))
    .map((l) => (l.split('│')[i + 1] ?? '').trim())
    .join('');
}
