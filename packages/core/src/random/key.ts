import { argumentError } from '../errors/argument-error.ts';
import { threefry2x32 } from './threefry.ts';

/**
 * A random key: two uint32 words, immutable by convention. Every random quantity in `@ntk` is derived from
 * a key, never from `Math.random`. Keys are split (not advanced), as in JAX: the same key always gives the
 * same numbers, and {@link splitKey} gives independent children.
 */
export type Key = Readonly<Uint32Array>;

// Counter domains keep bits, splits and fold-ins from ever sharing a counter.
const DOMAIN_BITS = 0;
const DOMAIN_SPLIT = 1;
const DOMAIN_FOLD = 2;

/**
 * Makes a key from an integer seed.
 *
 * @param seed - A safe integer (negative allowed); the high and low 32 bits become the key words.
 * @returns The key.
 * @throws {ArgumentTypeError} If `seed` is not a number. {@link ArgumentRangeError} if not a safe integer.
 * @example
 * ```ts
 * const k = key(42);
 * ```
 */
export function key(seed: number): Key {
  if (typeof seed !== 'number') throw argumentError('type', 'key', 'seed', 'a safe integer', seed);
  if (!Number.isSafeInteger(seed)) throw argumentError('range', 'key', 'seed', 'a safe integer', seed);
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return Uint32Array.of(hi, lo);
}

/**
 * Checks that a value is a key.
 *
 * @param fn - Calling function, for the message.
 * @param argument - Argument name.
 * @param value - Value to check.
 * @returns The key.
 * @throws {ArgumentTypeError} If it is not a `Uint32Array` of length 2.
 */
export function checkKey(fn: string, argument: string, value: unknown): Key {
  if (!(value instanceof Uint32Array) || value.length !== 2) {
    throw argumentError('type', fn, argument, 'a key (Uint32Array of length 2, from key(seed))', value);
  }
  return value;
}

/**
 * Splits a key into `n` independent keys (Threefry of the key on a dedicated counter domain).
 *
 * @param k - Parent key.
 * @param n - Number of children (default 2).
 * @returns `n` new keys.
 * @throws {ArgumentTypeError} If `k` is not a key. {@link ArgumentRangeError} if `n` is not a positive integer.
 * @example
 * ```ts
 * const [kInit, kData] = splitKey(key(0));
 * ```
 */
export function splitKey(k: Key, n = 2): Key[] {
  checkKey('splitKey', 'k', k);
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 32 - 1) {
    throw argumentError('range', 'splitKey', 'n', 'an integer in [1, 2^32 - 1]', n);
  }
  const out: Key[] = [];
  for (let i = 0; i < n; i++) {
    const child = new Uint32Array(2);
    threefry2x32(k[0] as number, k[1] as number, DOMAIN_SPLIT, i, child);
    out.push(child);
  }
  return out;
}

/**
 * Derives a key from a key and an integer (e.g. a layer index or a sample index), as JAX's `fold_in`.
 *
 * @param k - Parent key.
 * @param data - A uint32 value.
 * @returns The derived key.
 * @throws {ArgumentRangeError} If `data` is not an integer in [0, 2^32 − 1].
 * @example
 * ```ts
 * const kLayer3 = foldIn(kInit, 3);
 * ```
 */
export function foldIn(k: Key, data: number): Key {
  checkKey('foldIn', 'k', k);
  if (!Number.isInteger(data) || data < 0 || data > 0xffffffff) {
    throw argumentError('range', 'foldIn', 'data', 'an integer in [0, 2^32 - 1]', data);
  }
  const child = new Uint32Array(2);
  threefry2x32(k[0] as number, k[1] as number, DOMAIN_FOLD, data, child);
  return child;
}

/**
 * The first `count` uint32 words of a key's stream: word pairs are Threefry(key, (0, j)) for j = 0, 1, ….
 *
 * @param k - Key.
 * @param count - Number of words (at most 2^33).
 * @returns The words.
 * @example
 * ```ts
 * randomBits(key(1), 4);
 * ```
 */
export function randomBits(k: Key, count: number): Uint32Array {
  checkKey('randomBits', 'k', k);
  if (!Number.isInteger(count) || count < 0 || count > 2 ** 33) {
    throw argumentError('range', 'randomBits', 'count', 'an integer in [0, 2^33]', count);
  }
  const out = new Uint32Array(count + (count & 1));
  const k0 = k[0] as number;
  const k1 = k[1] as number;
  for (let j = 0; 2 * j < count; j++) threefry2x32(k0, k1, DOMAIN_BITS, j, out, 2 * j);
  return count & 1 ? out.subarray(0, count) : out;
}
