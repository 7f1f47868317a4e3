import { argumentError, checkKey, type Key } from '@ntk/core';

/**
 * A key as 16 lower-case hex digits (the two 32-bit words, high word first), the form results and cached
 * points record it in. {@link keyFromHex} inverts it.
 *
 * @param k - A key (from `key`, `splitKey` or `foldIn` of `@ntk/core`).
 * @returns E.g. `'000000000000002a'` for `key(42)`.
 * @throws ArgumentTypeError if `k` is not a key.
 * @example
 * ```ts
 * keyToHex(key(42)); // '000000000000002a'
 * ```
 */
export function keyToHex(k: Key): string {
  checkKey('keyToHex', 'k', k);
  return (k[0] as number).toString(16).padStart(8, '0') + (k[1] as number).toString(16).padStart(8, '0');
}

/**
 * The key written by {@link keyToHex}.
 *
 * @param hex - 16 hex digits.
 * @returns The key.
 * @throws ArgumentRangeError if `hex` is not 16 hex digits.
 * @example
 * ```ts
 * keyFromHex('000000000000002a'); // equal to key(42)
 * ```
 */
export function keyFromHex(hex: string): Key {
  if (typeof hex !== 'string' || !/^[0-9a-fA-F]{16}$/.test(hex)) {
    throw argumentError('range', 'keyFromHex', 'hex', '16 hexadecimal digits', hex);
  }
  return Uint32Array.of(Number.parseInt(hex.slice(0, 8), 16), Number.parseInt(hex.slice(8), 16));
}
