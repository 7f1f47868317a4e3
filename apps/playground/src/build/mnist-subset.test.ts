import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mnistSubsetSource } from './mnist-subset.ts';

describe('mnistSubsetSource', () => {
  it('mnistSubsetSource(5) holds exactly the first 5 images of each digit of the mnist package', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntk-mnist-'));
    try {
      const file = join(dir, 'subset.mjs');
      writeFileSync(file, mnistSubsetSource(5));
      const subset = (await import(pathToFileURL(file).href)).default as {
        raw: Float64Array;
        length: number;
      }[];
      const pkg = createRequire(import.meta.url)('mnist') as { raw: number[]; length: number }[];
      expect(subset).toHaveLength(10);
      subset.forEach((digit, d) => {
        expect(digit.length).toBe(5);
        expect(Array.from(digit.raw)).toEqual(pkg[d]!.raw.slice(0, 5 * 784));
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
