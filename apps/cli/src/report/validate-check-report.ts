import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { type CheckReport, type CheckSummary, summarise } from './check-report.ts';
import { reportSchema } from './report-schema.ts';

let validator: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  if (validator === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    validator = ajv.compile(reportSchema());
  }
  return validator;
}

/**
 * Checks a value against the `CheckReport` JSON Schema (`schema/report.schema.json`, draft-07, with ajv; all
 * errors collected). Each error is one line: the JSON Pointer of the offending value (or `/` for the root),
 * then ajv's message, with the allowed values or the unexpected property where ajv knows them, e.g.
 * `/results/0/verdict must be equal to one of the allowed values (supported, contradicted, inconclusive)`.
 * A report that fits the schema is also checked for what a schema cannot say: `results` hold one result per
 * id of `settings.claims`, in that order, and `summary` is what `summarise(results)` counts.
 *
 * @param value - A parsed `report.json` (any value).
 * @returns The error lines, in ajv's order; `[]` when the value is a valid report.
 * @example
 * ```ts
 * const errors = validateCheckReport(JSON.parse(await readFile('ntk-report/report.json', 'utf8')));
 * if (errors.length > 0) throw new Error(`report.json: ${errors[0]}`);
 * ```
 */
export function validateCheckReport(value: unknown): string[] {
  const validate = compiled();
  if (!validate(value)) return (validate.errors ?? []).map(errorLine);
  return consistencyErrors(value as CheckReport);
}

/** What the schema cannot say: the results follow `settings.claims`, and the summary counts them. */
function consistencyErrors(report: CheckReport): string[] {
  const errors: string[] = [];
  const ids = report.results.map((r) => r.claimId);
  if (ids.join('\n') !== report.settings.claims.join('\n')) {
    errors.push(
      `/results must hold one result per claim of /settings/claims, in that order (claims ${report.settings.claims.join(', ')}; results ${ids.join(', ')})`,
    );
  }
  const counted = summarise(report.results);
  for (const key of Object.keys(counted) as (keyof CheckSummary)[]) {
    if (report.summary[key] !== counted[key]) {
      errors.push(
        `/summary/${key} must be ${counted[key]} (counted from /results), not ${report.summary[key]}`,
      );
    }
  }
  return errors;
}

function errorLine(e: ErrorObject): string {
  const where = e.instancePath === '' ? '/' : e.instancePath;
  const params = e.params as Record<string, unknown>;
  let detail = '';
  if (Array.isArray(params['allowedValues'])) detail = ` (${params['allowedValues'].join(', ')})`;
  else if (typeof params['additionalProperty'] === 'string') detail = ` (${params['additionalProperty']})`;
  else if ('allowedValue' in params) detail = ` (${JSON.stringify(params['allowedValue'])})`;
  return `${where} ${e.message ?? 'is invalid'}${detail}`;
}
