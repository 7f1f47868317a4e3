import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, runClaim, validateClaim } from '../src/index.ts';
import { heVarianceClaim } from './example-claim.ts';

// The README's "how to add a claim" example is this file: it must stay complete and runnable.
describe('the README example claim', () => {
  it('the README shows test/example-claim.ts verbatim (apart from the import path)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const block = readme.split('<!-- example-claim -->')[1]?.split('```ts\n')[1]?.split('```')[0];
    const source = readFileSync(join(import.meta.dirname, 'example-claim.ts'), 'utf8').replace(
      "from '../src/index.ts'",
      "from '@ntk/bounds'",
    );
    expect(block).toBe(source);
  });
  it('is a valid registry claim and runs at the quick budget (seed 0)', async () => {
    expect(validateClaim(heVarianceClaim)).toEqual([]);
    const r = await runClaim(heVarianceClaim, { seed: 0 });
    console.log(
      `${r.claimId}: ${r.verdict}; ` +
        r.tests
          .map(
            (t) =>
              `${t.id} = ${t.value?.toFixed(4)} [${t.interval[0]?.toFixed(4)}, ${t.interval[1]?.toFixed(4)}]`,
          )
          .join('; '),
    );
    console.log(renderMarkdown(r).split('\n').slice(0, 8).join('\n'));
    expect(r.status).toBe('ok');
    expect(['supported', 'contradicted', 'inconclusive']).toContain(r.verdict);
    expect(r.tests.every((t) => Number.isFinite(t.value))).toBe(true);
  }, 120_000);
});
