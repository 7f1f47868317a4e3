import { describe, expect, it } from 'vitest';
import { threefry2x32 } from './threefry.ts';

// Known-answer vectors of Threefry-2x32-20 from Random123 (kat_vectors), also used by JAX's tests.
describe('threefry2x32', () => {
  const cases: Array<[number[], number[], number[]]> = [
    [
      [0, 0],
      [0, 0],
      [0x6b200159, 0x99ba4efe],
    ],
    [
      [0xffffffff, 0xffffffff],
      [0xffffffff, 0xffffffff],
      [0x1cb996fc, 0xbb002be7],
    ],
    [
      [0x13198a2e, 0x03707344],
      [0x243f6a88, 0x85a308d3],
      [0xc4923a9c, 0x483df7a0],
    ],
  ];
  it.each(cases)('threefry2x32(key %j, counter %j) matches the Random123 answer', (k, c, expected) => {
    const out = new Uint32Array(2);
    threefry2x32(k[0] as number, k[1] as number, c[0] as number, c[1] as number, out);
    expect(Array.from(out)).toEqual(expected);
  });
});
