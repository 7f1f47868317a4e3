import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
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
  if (validate(value)) return [];
  return (validate.errors ?? []).map(errorLine);
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
