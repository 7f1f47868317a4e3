import { describe, expect, it } from 'vitest';
import { quickstart } from './quickstart.ts';

describe('quickstart()', () => {
  it('prints the analytic NTK and a Monte-Carlo estimate that agrees within 5 standard errors', async () => {
    const text = await quickstart({ width: 256, samples: 8 });
    expect(text).toContain('infinite-width NTK Θ (analytic):');
    const ses = [...text.matchAll(/\(([-\d.]+) SE\)/g)].map((m) => Number(m[1]));
    expect(ses).toHaveLength(5);
    // Finite-width bias is O(L/width) relative; at width 256 it stays well inside this band.
    for (const s of ses) expect(Math.abs(s)).toBeLessThan(5);
  });
});
