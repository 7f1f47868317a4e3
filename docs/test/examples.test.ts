import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareOutput,
  extractExamples,
  type GuideExample,
  runExample,
  typecheckExamples,
} from '../src/examples.ts';
import { PAGES } from '../src/pages.ts';

// Every ```ts block of every guide page is a runnable example: it must type-check under the repository's strict
// settings, run with tsx against the workspace sources without error, and print what its `// →` comments say.
const docsDir = resolve(import.meta.dirname, '..');
const workDir = join(docsDir, '.examples');
const baseConfig = resolve(docsDir, '../tsconfig.base.json');
// Ambient declarations the package sources rely on (e.g. packages/core/src/types/mnist.d.ts).
const packagesDir = resolve(docsDir, '../packages');
const declarations = readdirSync(packagesDir).flatMap((p) => {
  const types = join(packagesDir, p, 'src/types');
  return existsSync(types)
    ? readdirSync(types)
        .filter((f) => f.endsWith('.d.ts'))
        .map((f) => join(types, f))
    : [];
});

const guides = PAGES.filter((p) => p.source?.startsWith('guides/'));
const examples: { name: string; example: GuideExample }[] = guides.flatMap((page) =>
  extractExamples(readFileSync(join(docsDir, page.source!), 'utf8'), `docs/${page.source}`).map(
    (example) => ({
      name: `${page
        .source!.replace(/^guides\//, '')
        .replace(/\.md$/, '')
        .replace(/\//g, '-')}-L${example.line}`,
      example,
    }),
  ),
);

/** At most `limit` child processes at a time (each example is a Node process loading the sources). */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((r) => queue.push(r));
    active++;
    try {
      return await task();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}
const limit = limiter(Math.max(1, Math.min(4, availableParallelism())));

describe('examples in the guides', () => {
  it('every guide page is covered and every package page has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20);
    for (const page of guides.filter((p) => p.source!.startsWith('guides/packages/'))) {
      expect(
        examples.filter((e) => e.example.file === `docs/${page.source}`).length,
        page.source,
      ).toBeGreaterThan(0);
    }
  });

  it('type-check with the strict repository settings', async () => {
    const result = await typecheckExamples(examples, join(workDir, 'typecheck'), baseConfig, declarations);
    expect(result.diagnostics).toBe('');
    expect(result.ok).toBe(true);
  }, 300_000);

  describe.concurrent('run and print what their // → comments say', () => {
    for (const { name, example } of examples) {
      it(`${example.file}:${example.line}`, async () => {
        const run = await limit(() => runExample(example, join(workDir, 'run'), name));
        expect(run.reason, run.stderr).toBe('');
        expect(run.ok).toBe(true);
      }, 300_000);
    }
  });
});

describe('the example runner fails a broken example', () => {
  const fixture = readFileSync(join(import.meta.dirname, 'fixtures/broken-examples.md'), 'utf8');
  const found = extractExamples(fixture, 'fixtures/broken-examples.md');

  it('extractExamples takes ts blocks, skips `no-run` and other languages, and reads // → comments', () => {
    expect(found.map((e) => e.line)).toEqual([5, 11, 17, 23]);
    expect(found.map((e) => e.expected)).toEqual([['2'], null, ['expected'], ['string']]);
  });

  it('runExample passes a good example and fails one that throws or prints something else', async () => {
    const [good, throws, mismatch] = await Promise.all(
      found.slice(0, 3).map((e, i) => runExample(e, join(workDir, 'fixture'), `broken-${i}`)),
    );
    expect(good!.ok).toBe(true);
    expect(throws!.ok).toBe(false);
    expect(throws!.reason).toMatch(/exited with 1: .*this example is broken/);
    expect(mismatch!.ok).toBe(false);
    expect(mismatch!.reason).toBe('printed line 1 is "actual", its // → comment says "expected"');
  }, 120_000);

  it('typecheckExamples fails an example with a type error', async () => {
    const result = await typecheckExamples(
      [{ name: 'type-error', example: found[3]! }],
      join(workDir, 'fixture-tsc'),
      baseConfig,
    );
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatch(/type-error\.ts\(1,7\): error TS2322/);
  }, 120_000);

  it('compareOutput wants every line, in order, and no more', () => {
    expect(compareOutput(['a', 'b'], 'a\nb\n')).toBe('');
    expect(compareOutput(['a', 'b'], 'a\n')).toMatch(/line 2 is "\(nothing\)"/);
    expect(compareOutput(['a'], 'a\nextra\n')).toMatch(/line 2 is "extra"/);
    expect(compareOutput(null, 'anything')).toBe('');
    expect(compareOutput(['x'], '')).toMatch(/line 1 is "\(nothing\)"/);
  });
});
