import { Ajv, type ErrorObject } from 'ajv';
import { UsageError } from '../errors/usage-error.ts';

/** A JSON Schema (draft-07, as ajv takes it) for a command's settings. */
export type ConfigSchema = Readonly<Record<string, unknown>>;

const ajv = new Ajv({ allErrors: false, useDefaults: true, strict: true });
const compiled = new WeakMap<ConfigSchema, ReturnType<typeof ajv.compile>>();

/**
 * A command's settings from its config file and its flags: the file's object, overridden key by key by the
 * flags that were given (`undefined` values are ignored), then validated against the command's JSON Schema
 * with ajv (defaults filled in, unknown keys rejected). The first error is a {@link UsageError} naming the
 * field as a path (`depth`, `data.n`), what it must be, the value that came and where it came from.
 *
 * @param schema - The command's JSON Schema (an object schema; `additionalProperties: false` recommended).
 * @param fromFile - The config file's object, or `undefined`.
 * @param fromFlags - Settings given as flags (already parsed to numbers etc.).
 * @param source - How to name the file in messages (e.g. `--config kernel.yaml`).
 * @returns The validated settings, with defaults.
 * @throws {UsageError} For the first violation of the schema.
 * @example
 * ```ts
 * const settings = resolveConfig<KernelSettings>(kernelSchema, raw, { depth: 3 }, '--config k.yaml');
 * ```
 */
export function resolveConfig<T>(
  schema: ConfigSchema,
  fromFile: Readonly<Record<string, unknown>> | undefined,
  fromFlags: Readonly<Record<string, unknown>>,
  source = 'config',
): T {
  const merged: Record<string, unknown> = structuredClone({ ...(fromFile ?? {}) });
  const flagged = new Set<string>();
  for (const [k, v] of Object.entries(fromFlags)) {
    if (v === undefined) continue;
    merged[k] = v;
    flagged.add(k);
  }
  let validate = compiled.get(schema);
  if (validate === undefined) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (!validate(merged)) {
    const error = (validate.errors ?? [])[0];
    throw new UsageError(describeSchemaError(error, merged, flagged, source));
  }
  return merged as T;
}

/** One line for an ajv error: the field path, what it must be, the value, and whether it came from a flag. */
export function describeSchemaError(
  error: ErrorObject | undefined,
  data: unknown,
  flagged: ReadonlySet<string> = new Set(),
  source = 'config',
): string {
  if (error === undefined) return `${source}: invalid settings`;
  const parts = error.instancePath.split('/').slice(1).map(unescapePointer);
  let field = parts.join('.');
  let value: unknown = data;
  for (const p of parts) value = (value as Record<string, unknown> | undefined)?.[p];
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    field = field === '' ? extra : `${field}.${extra}`;
    return `${origin(parts[0] ?? extra, flagged, source)}: unknown setting \`${field}\``;
  }
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    field = field === '' ? missing : `${field}.${missing}`;
    return `${source}: missing setting \`${field}\``;
  }
  let rule = error.message ?? 'is invalid';
  if (error.keyword === 'enum') {
    rule = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return `${origin(parts[0] ?? '', flagged, source)}: \`${field}\` ${rule}, got ${JSON.stringify(value)}`;
}

function origin(top: string, flagged: ReadonlySet<string>, source: string): string {
  return flagged.has(top) ? `--${top.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : source;
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}
