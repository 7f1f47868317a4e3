import { mapJson } from '../internal/map-json.ts';
import type { JsonSafe } from './json-types.ts';

/**
 * A deep copy of `value` as plain JSON data with every non-finite number (NaN, ±∞) replaced by `null`
 * (the rule of {@link JsonSafe}: in `lo`/`hi` positions `null` is −∞/+∞). `JSON.stringify` of the copy
 * loses nothing else, and `JSON.parse` gives it back deep-equal.
 *
 * @param value - Plain data: objects, arrays, strings, numbers, booleans, null.
 * @param fn - The calling function, for error messages (default `'toJsonSafe'`).
 * @param path - The value's name, for error messages (default `'value'`).
 * @returns The JSON-safe copy.
 * @throws ArgumentTypeError naming the path of anything JSON would mangle: a typed array or other class
 *   instance, a function, a symbol, a bigint, `undefined` in an array, a cycle.
 * @example
 * ```ts
 * toJsonSafe({ lo: -Infinity, hi: 2, v: NaN }); // { lo: null, hi: 2, v: null }
 * ```
 */
export function toJsonSafe<T>(value: T, fn = 'toJsonSafe', path = 'value'): JsonSafe<T> {
  return mapJson(value, fn, path, () => null) as JsonSafe<T>;
}
