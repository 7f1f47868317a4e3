import { argumentError } from '@ntk/core';
import type { JsonValue } from '../result/json-types.ts';

const EXPECTED = 'JSON data (plain objects, arrays, strings, finite or non-finite numbers, booleans, null)';

/**
 * Copies a value as plain JSON data, replacing each non-finite number by `nonFinite(x)`. Rejects what JSON
 * would silently mangle: typed arrays and other class instances (Date, Map, …), functions, symbols,
 * bigints, `undefined` inside arrays, and cycles. `undefined` object properties are dropped (as JSON does).
 * @internal
 */
export function mapJson(
  value: unknown,
  fn: string,
  path: string,
  nonFinite: (x: number) => JsonValue,
): JsonValue {
  const stack: object[] = [];
  const walk = (v: unknown, at: string): JsonValue => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : nonFinite(v);
    if (typeof v !== 'object') throw argumentError('type', fn, at, EXPECTED, v);
    if (stack.includes(v)) throw argumentError('type', fn, at, `${EXPECTED}, without cycles`, '[cycle]');
    stack.push(v);
    try {
      if (Array.isArray(v)) {
        return v.map((item, i) => {
          if (item === undefined) throw argumentError('type', fn, `${at}[${i}]`, EXPECTED, item);
          return walk(item, `${at}[${i}]`);
        });
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw argumentError('type', fn, at, EXPECTED, v);
      const out: Record<string, JsonValue> = {};
      for (const [k, item] of Object.entries(v)) {
        if (item === undefined) continue;
        out[k] = walk(item, `${at}.${k}`);
      }
      return out;
    } finally {
      stack.pop();
    }
  };
  return walk(value, path);
}
