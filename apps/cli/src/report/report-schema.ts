import { readFileSync } from 'node:fs';

/**
 * Where `report.schema.json` lies: `schema/` of the package, two folders above this module both in `src/report/`
 * (tests, `@ntk/source`) and in `dist/report/` (the built package, which ships `schema/`).
 */
export const REPORT_SCHEMA_URL: URL = new URL('../../schema/report.schema.json', import.meta.url);

let cached: Readonly<Record<string, unknown>> | undefined;

/**
 * The JSON Schema (draft-07) of a `CheckReport`, as shipped in `@ntk/cli/report.schema.json`; read once.
 *
 * @returns The schema object (do not mutate it).
 * @throws The file system's or `JSON.parse`'s error when the package's `schema/` folder is missing or broken.
 * @example
 * ```ts
 * const schema = reportSchema();
 * schema['$id']; // 'urn:ntk:cli:report-schema:1'
 * ```
 */
export function reportSchema(): Readonly<Record<string, unknown>> {
  cached ??= JSON.parse(readFileSync(REPORT_SCHEMA_URL, 'utf8')) as Record<string, unknown>;
  return cached;
}
