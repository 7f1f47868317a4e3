import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeReport, makeResult, runFixtureReport } from '../../test/report-fixtures.ts';
import type { CheckReport } from './check-report.ts';
import { REPORT_SCHEMA_URL } from './report-schema.ts';
import { validateCheckReport } from './validate-check-report.ts';

type Mutable = Record<string, unknown> & { results: Record<string, unknown>[] };

describe('validateCheckReport', () => {
  let report: CheckReport;
  const copy = (): Mutable => structuredClone(report) as unknown as Mutable;

  beforeAll(async () => {
    report = JSON.parse(JSON.stringify(await runFixtureReport())) as CheckReport;
  });

  it('accepts a real report (ok, contradicted and failed claims) as written to report.json', () => {
    expect(report.results.map((r) => [r.status, r.verdict])).toEqual([
      ['ok', 'supported'],
      ['ok', 'contradicted'],
      ['failed', 'inconclusive'],
    ]);
    expect(validateCheckReport(report)).toEqual([]);
    expect(validateCheckReport(makeReport([makeResult()]))).toEqual([]);
  });

  it('rejects a wrong verdict, naming its path and the allowed values', () => {
    const bad = copy();
    (bad.results[0] as Record<string, unknown>)['verdict'] = 'maybe';
    expect(validateCheckReport(bad)).toEqual([
      '/results/0/verdict must be equal to one of the allowed values (supported, contradicted, inconclusive)',
    ]);
  });

  it('rejects a missing claimId', () => {
    const bad = copy();
    delete bad.results[1]?.['claimId'];
    expect(validateCheckReport(bad)).toContain("/results/1 must have required property 'claimId'");
  });

  it('rejects a point key that is not 16 hex digits', () => {
    const bad = copy();
    const observations = bad.results[0]?.['observations'] as Record<string, unknown>[];
    (observations[0] as Record<string, unknown>)['key'] = 'XYZ';
    expect(validateCheckReport(bad)).toEqual([
      '/results/0/observations/0/key must match pattern "^[0-9a-f]{16}$"',
    ]);
  });

  it('rejects other mutations: format, origin, status, test numbers, unknown fields, a failed run without error', () => {
    const cases: [string, (r: Mutable) => void, string][] = [
      ['format', (r) => (r['format'] = 'other'), '/format must be equal to constant ("ntk-check-report")'],
      ['origin', (r) => (r['origin'] = { kind: 'merge' }), '/origin must match exactly one schema in oneOf'],
      [
        'status',
        (r) => (r.results[0] = { ...r.results[0], status: 'done' }),
        '/results/0/status must be equal to one of the allowed values (ok, failed)',
      ],
      [
        'test value',
        (r) => {
          const tests = r.results[0]?.['tests'] as Record<string, unknown>[];
          (tests[0] as Record<string, unknown>)['value'] = 'one';
        },
        '/results/0/tests/0/value must be number,null',
      ],
      ['unknown field', (r) => (r['extra'] = 1), '/ must NOT have additional properties (extra)'],
      [
        'failed without error',
        (r) => {
          delete r.results[2]?.['error'];
        },
        "/results/2 must have required property 'error'",
      ],
      [
        'source',
        (r) => {
          const observations = r.results[0]?.['observations'] as Record<string, unknown>[];
          (observations[0] as Record<string, unknown>)['source'] = 'disk';
        },
        '/results/0/observations/0/source must be equal to one of the allowed values (measured, cache)',
      ],
    ];
    for (const [name, mutate, expected] of cases) {
      const bad = copy();
      mutate(bad);
      expect(validateCheckReport(bad), name).toContain(expected);
    }
    expect(validateCheckReport(null)).toEqual(['/ must be object']);
  });

  it('rejects a summary that does not count the results, and results out of settings.claims order', () => {
    const miscounted = copy();
    miscounted['summary'] = { ...(miscounted['summary'] as object), supported: 2 };
    expect(validateCheckReport(miscounted)).toEqual([
      '/summary/supported must be 1 (counted from /results), not 2',
    ]);
    const reordered = copy();
    reordered.results.reverse();
    expect(validateCheckReport(reordered)).toEqual([
      '/results must hold one result per claim of /settings/claims, in that order (claims ' +
        'st-arnaud-2025-predictor-limit, st-arnaud-2025-normalised-kernel-ones, synthetic-failing-claim; results ' +
        'synthetic-failing-claim, st-arnaud-2025-normalised-kernel-ones, st-arnaud-2025-predictor-limit)',
    ]);
  });

  it('is a draft-07 schema shipped in the package', () => {
    const schema = JSON.parse(readFileSync(REPORT_SCHEMA_URL, 'utf8')) as Record<string, unknown>;
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      files: string[];
      exports: Record<string, unknown>;
    };
    expect(pkg.files).toContain('schema');
    expect(pkg.exports['./report.schema.json']).toBe('./schema/report.schema.json');
  });
});
