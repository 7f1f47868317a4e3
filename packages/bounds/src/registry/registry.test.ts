import { describe, expect, it } from 'vitest';
import { syntheticClaim } from '../../test/synthetic-claim.ts';
import { analyticClaims } from '../claims/analytic-claims.ts';
import { monteCarloClaims } from '../claims/monte-carlo-claims.ts';
import { trainingClaims } from '../claims/training-claims.ts';
import { claimIds } from './claim-ids.ts';
import { claims } from './claims.ts';
import { findClaim } from './find-claim.ts';
import { validateClaim } from './validate-claim.ts';

describe('the registry', () => {
  it('claims holds the three lists in order (Monte-Carlo, analytic, training)', () => {
    expect(claims).toEqual([...monteCarloClaims, ...analyticClaims, ...trainingClaims]);
    expect(claimIds()).toEqual(claims.map((c) => c.id));
    console.log(`registry: ${claims.length} claim(s): ${claimIds().join(', ') || '(none)'}`);
  });
  it('claim ids are unique', () => {
    expect(new Set(claimIds()).size).toBe(claims.length);
  });
  it.each(claims.map((c) => [c.id, c] as const))(
    '%s is a complete claim definition (validateClaim)',
    (_id, c) => {
      expect(validateClaim(c)).toEqual([]);
    },
  );
  it('findClaim(id) finds a claim and rejects an unknown id listing the known ones', () => {
    const a = syntheticClaim({ id: 'claim-a' });
    const b = syntheticClaim({ id: 'claim-b' });
    expect(findClaim('claim-b', [a, b])).toBe(b);
    expect(() => findClaim('claim-c', [a, b])).toThrow(
      /findClaim: invalid argument. `id` must be one of the known claim ids: claim-a, claim-b. Value: `"?claim-c"?`/,
    );
    for (const c of claims) expect(findClaim(c.id)).toBe(c);
    expect(() => findClaim('no-such-claim')).toThrow(RangeError);
  });
});

describe('validateClaim', () => {
  it('validateClaim(claim) accepts a complete claim', () => {
    expect(validateClaim(syntheticClaim())).toEqual([]);
  });
  it('validateClaim(claim) names every missing or malformed field', () => {
    const c = syntheticClaim();
    const bad = {
      ...c,
      id: 'Not_Kebab',
      citation: {
        authors: [],
        title: '',
        year: 20,
        arxiv: 'arXiv:1909.05989',
        locator: '',
        arxivVersion: '2',
      },
      statement: ' ',
      formula: '',
      conditions: [],
      conventions: '',
      method: 'guess',
      grid: { quick: [], full: [{ depth: Number.NaN }] },
      figure: undefined,
    } as never;
    const problems = validateClaim(bad);
    for (const field of [
      'id',
      'citation.authors',
      'citation.title',
      'citation.year',
      'citation.arxiv',
      'citation.arxivVersion',
      'citation.locator',
      'statement',
      'formula',
      'conditions',
      'conventions',
      'method',
      'grid.quick',
      'grid.full[0].depth',
      'figure',
    ]) {
      expect(
        problems.some((p) => p.startsWith(`${field}:`)),
        field,
      ).toBe(true);
    }
  });
});
