import { describe, expect, it } from 'vitest';
import { toJsonSafe } from './to-json-safe.ts';

describe('toJsonSafe', () => {
  it('toJsonSafe(value) replaces non-finite numbers by null and keeps the rest', () => {
    const v = {
      a: 1.5,
      b: [Number.NaN, Number.POSITIVE_INFINITY, -0.25],
      c: { lo: Number.NEGATIVE_INFINITY, hi: 3 },
      s: 'x',
      t: true,
      n: null,
      u: undefined,
    };
    const j = toJsonSafe(v);
    expect(j).toEqual({ a: 1.5, b: [null, null, -0.25], c: { lo: null, hi: 3 }, s: 'x', t: true, n: null });
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
    expect(v.b[0]).toBeNaN(); // the input is not modified
  });
  it('toJsonSafe(value) rejects what JSON would mangle, naming the path', () => {
    expect(() => toJsonSafe({ x: { y: new Float64Array(2) } })).toThrow(
      /toJsonSafe: invalid argument. `value.x.y`/,
    );
    expect(() => toJsonSafe({ d: new Date(0) })).toThrow(/`value.d`/);
    expect(() => toJsonSafe({ f: () => 1 })).toThrow(/`value.f`/);
    expect(() => toJsonSafe({ b: 1n })).toThrow(/`value.b`/);
    expect(() => toJsonSafe([1, undefined])).toThrow(/`value\[1\]`/);
    const cyc: Record<string, unknown> = {};
    cyc['self'] = cyc;
    expect(() => toJsonSafe(cyc, 'runClaim', 'settings')).toThrow(
      /runClaim: invalid argument. `settings.self`/,
    );
  });
  it('toJsonSafe(value) accepts a shared (non-cyclic) sub-object twice', () => {
    const shared = { k: 1 };
    expect(toJsonSafe({ a: shared, b: shared })).toEqual({ a: { k: 1 }, b: { k: 1 } });
  });
});
