import { describe, expect, it } from 'vitest';
import { makeFailedResult, makeResult, makeTest } from '../../test/report-fixtures.ts';
import { decisiveTest } from './decisive-test.ts';
import { renderVerdictTable } from './render-verdict-table.ts';
import { wrapId } from './wrap-id.ts';

const widest = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));
/** The table's body cells, row by row: each column's wrapped lines joined (ids rejoined after hyphens). */
function cells(table: string): string[][] {
  const rows: string[][] = [];
  let current: string[][] = [];
  for (const line of table.split('\n')) {
    if (/^[┌├└]/.test(line)) {
      if (current.length > 0) rows.push(current.map((parts) => parts.join(' ').replace(/- /g, '-')));
      current = [];
      continue;
    }
    line
      .split('│')
      .slice(1, -1)
      .forEach((part, i) => {
        current[i] ??= [];
        if (part.trim() !== '') current[i]?.push(part.trim());
      });
  }
  return rows.slice(1); // without the head
}
const flat = (s: string) => cells(s).flat().join(' | ');

describe('decisiveTest', () => {
  it('takes the first contradicted test, else the first inconclusive, else the first', () => {
    const s1 = makeTest('s1', 'supported');
    const i1 = makeTest('i1', 'inconclusive');
    const c1 = makeTest('c1', 'contradicted');
    const c2 = makeTest('c2', 'contradicted');
    expect(decisiveTest(makeResult({ tests: [s1, i1, c1, c2] }))?.id).toBe('c1');
    expect(decisiveTest(makeResult({ tests: [s1, i1, makeTest('i2', 'inconclusive')] }))?.id).toBe('i1');
    expect(decisiveTest(makeResult({ tests: [s1, makeTest('s2', 'supported')] }))?.id).toBe('s1');
    expect(decisiveTest(makeResult({ tests: [] }))).toBeUndefined();
  });
});

describe('renderVerdictTable', () => {
  it('shows id, method, verdict, the decisive test against its accepted region, and points', () => {
    const r = makeResult({
      claimId: 'my-claim',
      method: 'monte-carlo',
      verdict: 'contradicted',
      tests: [
        makeTest('fine', 'supported'),
        makeTest('bad', 'contradicted', { value: 3.2468, interval: [3, 3.3], accept: { lo: 0, hi: 1 } }),
      ],
    });
    const text = flat(renderVerdictTable([r]));
    expect(text).toContain('my-claim');
    expect(text).toContain('monte-carlo');
    expect(text).toContain('contradicted');
    expect(text).toContain('bad: 3.247 [3, 3.3] vs [0, 1]');
    expect(text).not.toContain('fine:');
    expect(text).toContain('1 / 1');
  });

  it('writes null ends as −∞ and +∞', () => {
    const r = makeResult({
      tests: [makeTest('one-sided', 'supported', { interval: [null, 0.2], accept: { lo: null, hi: 0.5 } })],
    });
    expect(flat(renderVerdictTable([r]))).toContain('one-sided: 1 [−∞, 0.2] vs [−∞, 0.5]');
    const up = makeResult({
      tests: [makeTest('up', 'supported', { value: null, interval: [2, null], accept: { lo: 1, hi: null } })],
    });
    expect(flat(renderVerdictTable([up]))).toContain('up: n/a [2, +∞] vs [1, +∞]');
  });

  it('shows a failed run as failed: <stage> with its error', () => {
    const text = flat(renderVerdictTable([makeFailedResult()]));
    expect(text).toContain('failed: measure');
    expect(text).toContain('RangeError at point 1: width <= 0 & broken');
    expect(text).toContain('1 / 0');
  });

  it('fits the width asked for, wrapping long cells, and keeps whole ids', () => {
    const long = 'seleznova-kutyniok-2021-ntk-change-by-phase';
    const results = [
      makeResult({
        claimId: long,
        tests: [makeTest('ntk-change-chaotic-over-ordered-with-a-long-name', 'inconclusive')],
      }),
      makeFailedResult({
        error: { stage: 'measure', name: 'Error', message: 'a very long message '.repeat(12) },
      }),
    ];
    for (const width of [80, 100, 120, 160]) {
      const table = renderVerdictTable(results, { width });
      expect(widest(table)).toBeLessThanOrEqual(width);
      // The id's pieces are all there, in order, though wrapped.
      const [first, second] = cells(table);
      expect(first?.[0]).toBe(long);
      expect(first?.[3]).toBe('ntk-change-chaotic-over-ordered-with-a-long-name: 1 [0.9, 1.1] vs [0.5, 1.5]');
      expect(second?.[3]).toBe(`Error: ${'a very long message '.repeat(12).trim()}`);
    }
    expect(widest(renderVerdictTable(results))).toBeLessThanOrEqual(120);
    expect(widest(renderVerdictTable(results, { width: 40 }))).toBe(
      widest(renderVerdictTable(results, { width: 72 })),
    );
    expect(widest(renderVerdictTable(results))).toBeGreaterThan(100);
  });

  it('has no colour codes', () => {
    expect(renderVerdictTable([makeResult(), makeFailedResult()])).not.toContain('\u001b[');
  });
});

describe('wrapId', () => {
  it('breaks after hyphens, and inside a part only when it is longer than a line', () => {
    expect(wrapId('hanin-nica-2020-mean', 12)).toBe('hanin-nica-\n2020-mean');
    expect(wrapId('short', 12)).toBe('short');
    expect(wrapId('abcdefghij-k', 4)).toBe('abcd\nefgh\nij-k');
    for (const line of wrapId('st-arnaud-2025-activation-deviation-width', 9).split('\n')) {
      expect(line.length).toBeLessThanOrEqual(9);
    }
    expect(wrapId('st-arnaud-2025-activation-deviation-width', 9).replace(/\n/g, '')).toBe(
      'st-arnaud-2025-activation-deviation-width',
    );
  });
});
