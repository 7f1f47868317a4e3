/**
 * Renders a received value for an error message: short, unambiguous, never huge.
 *
 * @param value - Anything a caller passed.
 * @returns A one-line description such as `0`, `"tanh("`, `NaN`, `Float64Array(3)`, `[1, 2]` or `object`.
 * @example
 * ```ts
 * formatValue(Number.NaN); // 'NaN'
 * ```
 */
export function formatValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') {
    const s = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(s);
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return 'function';
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name;
    const len = (value as unknown as { length?: number }).length;
    return `${name}(${len ?? value.byteLength})`;
  }
  if (Array.isArray(value)) {
    if (value.length > 6) return `array(${value.length})`;
    return `[${value.map((v) => (typeof v === 'object' && v !== null ? '…' : formatValue(v))).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const v = value as { rows?: unknown; cols?: unknown };
    if (typeof v.rows === 'number' && typeof v.cols === 'number') return `matrix ${v.rows}×${v.cols}`;
    return 'object';
  }
  return typeof value;
}
