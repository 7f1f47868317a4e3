import { claims } from '@ntk/bounds';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/usage-error.ts';
import { claimListJson, formatClaimList } from './format-claim-list.ts';
import { selectClaims } from './select-claims.ts';

describe('selectClaims', () => {
  it('keeps the order given; all claims without --claims', () => {
    const ids = ['st-arnaud-2025-predictor-limit', 'hayou-2019-ntk-depth-rates'];
    expect(selectClaims(ids).map((c) => c.id)).toEqual(ids);
    expect(selectClaims(undefined).map((c) => c.id)).toEqual(claims.map((c) => c.id));
  });

  it('names an unknown id and lists the known ones', () => {
    expect(() => selectClaims(['nope'])).toThrow(UsageError);
    expect(() => selectClaims(['nope'])).toThrow(/unknown claim id 'nope' \(known: hanin-nica-2020-mean, /);
  });
});

describe('formatClaimList / claimListJson', () => {
  it('lists every claim with its id, method and title', () => {
    const lines = formatClaimList(claims).trimEnd().split('\n');
    expect(lines).toHaveLength(claims.length + 1);
    expect(lines[0]).toMatch(/^id\s+method\s+title$/);
    for (const [i, c] of claims.entries()) {
      expect(lines[i + 1]).toMatch(new RegExp(`^${c.id}\\s+${c.method}\\s+`));
      expect(lines[i + 1]?.endsWith(c.title)).toBe(true);
    }
    expect(claimListJson(claims).claims.map((c) => c.id)).toEqual(claims.map((c) => c.id));
  });
});
