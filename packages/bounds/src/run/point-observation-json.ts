import { argumentError } from '@ntk/core';
import type { Budget, ClaimParams, Measurement, Prediction } from '../claim/types.ts';
import { mapJson } from '../internal/map-json.ts';
import type { JsonValue } from '../result/json-types.ts';
import { NTK_VERSIONS } from '../result/ntk-versions.ts';
import type { PointObservation } from './point-observation.ts';

/** The `format` tag of a serialised {@link PointObservation}. */
const FORMAT = 'ntk-bounds-point';
const TAG = '$number';

/**
 * Writes a {@link PointObservation} as JSON text that {@link pointObservationFromJson} reads back exactly:
 * a non-finite number is written as `{ "$number": "NaN" | "Infinity" | "-Infinity" }` (lossless, unlike the
 * `null` rule of results), and the record carries `format: 'ntk-bounds-point'`, `formatVersion: 1` and the
 * `@ntk/bounds` version that wrote it. This is the format of the on-disk cache and of shards.
 *
 * @param observation - The observation.
 * @returns JSON text.
 * @throws ArgumentTypeError if the observation holds something that is not JSON data (a typed array, …).
 * @example
 * ```ts
 * const text = pointObservationToJson(obs);
 * pointObservationFromJson(text); // deep-equal to obs
 * ```
 */
export function pointObservationToJson(observation: PointObservation): string {
  const record = {
    format: FORMAT,
    formatVersion: 1,
    boundsVersion: NTK_VERSIONS['@ntk/bounds'],
    ...observation,
  };
  const encoded = mapJson(record, 'pointObservationToJson', 'observation', (x) => ({
    [TAG]: Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity',
  }));
  return `${JSON.stringify(encoded, null, 1)}\n`;
}

/** A {@link PointObservation} read back by {@link pointObservationFromJson}, with the writer's version. */
export interface PointObservationRecord {
  /** The observation. */
  readonly observation: PointObservation;
  /** The `@ntk/bounds` version that wrote it. */
  readonly boundsVersion: string;
}

/**
 * Reads JSON text written by {@link pointObservationToJson}, restoring non-finite numbers.
 *
 * @param text - The JSON text.
 * @returns The observation and the version of `@ntk/bounds` that wrote it.
 * @throws ArgumentRangeError if the text is not valid JSON or not a point record (names the field).
 * @example
 * ```ts
 * const { observation, boundsVersion } = pointObservationFromJson(text);
 * ```
 */
export function pointObservationFromJson(text: string): PointObservationRecord {
  const fn = 'pointObservationFromJson';
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw argumentError('range', fn, 'text', 'JSON text', `${String(text).slice(0, 40)}…`);
  }
  const r = decode(raw) as Record<string, unknown>;
  const bad = (field: string, expected: string): never => {
    throw argumentError('range', fn, `text.${field}`, expected, r?.[field]);
  };
  if (r === null || typeof r !== 'object' || Array.isArray(r)) bad('', 'a JSON object');
  if (r['format'] !== FORMAT) bad('format', `'${FORMAT}'`);
  if (r['formatVersion'] !== 1) bad('formatVersion', '1');
  if (typeof r['boundsVersion'] !== 'string') bad('boundsVersion', 'a version string');
  if (typeof r['claimId'] !== 'string') bad('claimId', 'a string');
  if (r['budget'] !== 'quick' && r['budget'] !== 'full') bad('budget', "'quick' or 'full'");
  if (!Number.isSafeInteger(r['seed'])) bad('seed', 'a safe integer');
  if (!(Number.isInteger(r['index']) && (r['index'] as number) >= 0)) bad('index', 'an integer ≥ 0');
  if (typeof r['key'] !== 'string' || !/^[0-9a-f]{16}$/.test(r['key'])) bad('key', '16 hex digits');
  if (typeof r['durationMs'] !== 'number') bad('durationMs', 'a number');
  if (r['source'] !== 'measured' && r['source'] !== 'cache') bad('source', "'measured' or 'cache'");
  if (!isObject(r['params'])) bad('params', 'an object');
  const prediction = r['prediction'];
  if (!isObject(prediction) || !Object.values(prediction).every((v) => typeof v === 'number')) {
    bad('prediction', 'an object of numbers');
  }
  const measurement = r['measurement'] as Record<string, unknown>;
  if (!isObject(measurement) || !isObject(measurement['values'])) bad('measurement', 'a measurement');
  for (const [k, e] of Object.entries(measurement['values'] as object)) {
    if (!isObject(e) || typeof (e as { value?: unknown }).value !== 'number') {
      bad(`measurement.values.${k}`, 'an estimate { value, standardError?, interval? }');
    }
  }
  const observation: PointObservation = {
    claimId: r['claimId'] as string,
    budget: r['budget'] as Budget,
    seed: r['seed'] as number,
    index: r['index'] as number,
    key: r['key'] as string,
    params: r['params'] as ClaimParams,
    prediction: prediction as Prediction,
    measurement: measurement as unknown as Measurement,
    durationMs: r['durationMs'] as number,
    source: r['source'] as 'measured' | 'cache',
  };
  return { observation, boundsVersion: r['boundsVersion'] as string };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function decode(v: JsonValue | unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (!isObject(v)) return v;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === TAG) {
    const t = v[TAG];
    if (t === 'NaN') return Number.NaN;
    if (t === 'Infinity') return Number.POSITIVE_INFINITY;
    if (t === '-Infinity') return Number.NEGATIVE_INFINITY;
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = decode(v[k]);
  return out;
}
