import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { FigureData } from '../claim/types.ts';
import { toVegaLite } from './to-vega-lite.ts';
import type { VegaLiteSpec } from './vega-lite-spec.ts';

// The official Vega-Lite JSON schema shipped in the vega-lite package (no network).
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true, validateFormats: false });
const validate = ajv.compile(schema);

const figure: FigureData = {
  title: 'Mean NTK vs depth',
  x: { title: 'depth L', scale: 'log' },
  y: { title: 'E[K(x,x)]', scale: 'log' },
  series: [
    { name: 'theory', role: 'prediction', points: [1, 2, 4, 8].map((d) => ({ x: d, y: 2 ** d })) },
    {
      name: 'measured',
      role: 'measurement',
      points: [
        { x: 1, y: 2.1, lo: 1.9, hi: 2.3 },
        { x: 2, y: 3.9, lo: 3.5, hi: 4.3 },
        { x: 4, y: 16.5 },
        { x: 8, y: Number.NaN, lo: 1, hi: 2 },
        { x: 16, y: -1 },
      ],
    },
  ],
};

async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const compiled = compile(spec as unknown as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  return view.toSVG();
}

describe('toVegaLite', () => {
  it('toVegaLite(figure) is valid against the official Vega-Lite schema and compiles', () => {
    const spec = toVegaLite(figure);
    const ok = validate(spec);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const compiled = compile(spec as unknown as TopLevelSpec);
    expect(compiled.spec.marks?.length).toBeGreaterThan(0);
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
    // The validator is not vacuous: a wrong mark type fails it.
    const broken = JSON.parse(JSON.stringify(spec));
    broken.layer[0].mark.type = 'squiggle';
    expect(validate(broken)).toBe(false);
  });
  it('toVegaLite(figure) layers lines, error bars and points, with log scales, legend and titles', () => {
    const spec = toVegaLite(figure) as unknown as {
      title: string;
      description: string;
      data: { values: Record<string, unknown>[] };
      layer: { mark: { type: string }; encoding: Record<string, { scale?: unknown; title?: string }> }[];
    };
    expect(spec.title).toBe('Mean NTK vs depth');
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['line', 'rule', 'point']);
    expect(spec.layer[0]?.encoding['x']?.scale).toEqual({ type: 'log' });
    expect(spec.layer[0]?.encoding['y']?.title).toBe('E[K(x,x)]');
    expect(spec.layer[2]?.encoding['color']?.scale).toEqual({ domain: ['theory', 'measured'] });
    // 4 prediction rows + 3 drawable measurements (NaN y and y ≤ 0 on a log axis left out).
    expect(spec.data.values).toHaveLength(7);
    expect(spec.data.values.filter((r) => 'lo' in r)).toHaveLength(2);
    expect(spec.description).toMatch(/^2 point\(s\) left out/);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
  it('toVegaLite(figure) renders with Vega: one line per prediction series, a symbol per measured point', async () => {
    const svg = await renderSvg(toVegaLite({ ...figure, x: { title: 'depth' }, y: { title: 'K' } }));
    expect(svg).toMatch(/^<svg/);
    // Linear axes: the y ≤ 0 point is drawable now; NaN still left out → 4 symbols, 2 error bars.
    const count = (re: RegExp) => (svg.match(re) ?? []).length;
    expect(count(/aria-roledescription="point"/g)).toBe(4);
    expect(count(/aria-roledescription="rule mark"/g)).toBe(2);
    expect(count(/aria-roledescription="line mark"/g)).toBe(1);
    expect(svg).toContain('Mean NTK vs depth');
    expect(svg).toContain('measured');
  });
  it('toVegaLite(figure) gives a valid spec for an empty figure and a one-point prediction', () => {
    const empty = toVegaLite({ title: 'empty', x: { title: 'x' }, y: { title: 'y' }, series: [] });
    expect(validate(empty)).toBe(true);
    const one = toVegaLite({
      title: 'one',
      x: { title: 'x' },
      y: { title: 'y' },
      series: [{ name: 'p', role: 'prediction', points: [{ x: 1, y: 1 }] }],
    });
    expect(validate(one)).toBe(true);
    expect((one as unknown as { layer: { mark: { point: boolean } }[] }).layer[0]?.mark.point).toBe(true);
  });
  it('toVegaLite rejects a malformed figure or size, naming the field', () => {
    expect(() =>
      toVegaLite({ ...figure, series: [{ name: 'a', role: 'other', points: [] }] } as never),
    ).toThrow(/toVegaLite: invalid argument. `figure.series\[0\].role`/);
    expect(() => toVegaLite({ ...figure, x: { title: 'x', scale: 'sqrt' } } as never)).toThrow(
      /`figure.x.scale`/,
    );
    expect(() => toVegaLite(figure, { width: 0 })).toThrow(/`options.width`/);
  });
});
