import { describe, expect, it } from 'vitest';
import { vegaLiteToSvg } from '../figures/vega-lite-to-svg.ts';
import { scopeSvgIds } from './scope-svg-ids.ts';

describe('scopeSvgIds', () => {
  it('prefixes ids and the references to them, and nothing else', () => {
    const svg =
      '<svg><defs><clipPath id="clip1"><rect/></clipPath><linearGradient id="g1"/></defs>' +
      '<g clip-path="url(#clip1)" fill="url(#g1)"><use xlink:href="#g1"/><a href="#other"/></g></svg>';
    expect(scopeSvgIds(svg, 'claim-a')).toBe(
      '<svg><defs><clipPath id="claim-a-clip1"><rect/></clipPath><linearGradient id="claim-a-g1"/></defs>' +
        '<g clip-path="url(#claim-a-clip1)" fill="url(#claim-a-g1)"><use xlink:href="#claim-a-g1"/><a href="#other"/></g></svg>',
    );
    expect(scopeSvgIds('<svg><path d="M0,0"/></svg>', 'x')).toBe('<svg><path d="M0,0"/></svg>');
    expect(scopeSvgIds('<svg><g id="a"/></svg>', 'a b<c')).toBe('<svg><g id="a_b_c-a"/></svg>');
  });

  it('keeps two clipped Vega figures apart', async () => {
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      data: {
        values: [
          { x: 1, y: 1 },
          { x: 2, y: 5 },
        ],
      },
      mark: { type: 'line', clip: true },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative', scale: { domain: [0, 2] } },
      },
    };
    const raw = await vegaLiteToSvg(spec);
    expect(raw).toMatch(/<clipPath id="/);
    const a = scopeSvgIds(raw, 'a');
    const b = scopeSvgIds(raw, 'b');
    const idsOf = (s: string) => [...s.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(idsOf(a).every((id) => id?.startsWith('a-'))).toBe(true);
    expect(idsOf(a).some((id) => idsOf(b).includes(id))).toBe(false);
    for (const [, id] of a.matchAll(/url\(#([^)]+)\)/g)) expect(idsOf(a)).toContain(id);
  });
});
