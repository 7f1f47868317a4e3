import { describe, expect, it } from 'vitest';
import { claimIdHash } from './claim-id-hash.ts';

describe('claimIdHash', () => {
  it('claimIdHash(id) matches the FNV-1a 32-bit reference test vectors', () => {
    // Vectors of the FNV reference test suite (fnv1a_32): "", "a", "foobar".
    expect(claimIdHash('')).toBe(0x811c9dc5);
    expect(claimIdHash('a')).toBe(0xe40c292c);
    expect(claimIdHash('foobar')).toBe(0xbf9cf968);
  });
  it('claimIdHash(id) hashes UTF-8 bytes, not UTF-16 code units', () => {
    // 'é∑' is the bytes c3 a9 e2 88 91; value computed independently with Python over .encode('utf-8').
    expect(claimIdHash('é∑')).toBe(0xcb2fbd96);
    expect(claimIdHash('hanin-nica-2020-theorem-1')).toBe(0xa260b72d);
  });
  it('claimIdHash(id) is an unsigned 32-bit integer and rejects non-strings', () => {
    const h = claimIdHash('some-claim');
    expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    expect(() => claimIdHash(3 as unknown as string)).toThrow(/claimIdHash: invalid argument. `id`/);
  });
});
