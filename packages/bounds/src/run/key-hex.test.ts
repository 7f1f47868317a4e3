import { foldIn, key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { keyFromHex, keyToHex } from './key-hex.ts';

describe('keyToHex / keyFromHex', () => {
  it('keyToHex(k) writes the high word first, zero-padded', () => {
    expect(keyToHex(key(42))).toBe('000000000000002a');
    expect(keyToHex(key(2 ** 32 + 1))).toBe('0000000100000001');
  });
  it('keyFromHex(keyToHex(k)) returns the same words', () => {
    for (let i = 0; i < 20; i++) {
      const k = foldIn(key(7), i);
      expect([...keyFromHex(keyToHex(k))]).toEqual([...k]);
    }
  });
  it('keyToHex and keyFromHex reject bad input', () => {
    expect(() => keyToHex([1, 2] as unknown as Uint32Array)).toThrow(/keyToHex: invalid argument. `k`/);
    expect(() => keyFromHex('12')).toThrow(/keyFromHex: invalid argument. `hex`/);
    expect(() => keyFromHex('zz00000000000000')).toThrow(RangeError);
  });
});
