import { argumentError } from '../errors/argument-error.ts';
import { checkKey, type Key, randomBits } from './key.ts';

const TWO_POW_M53 = 2 ** -53;

function checkCount(fn: string, n: unknown): number {
  if (typeof n !== 'number') throw argumentError('type', fn, 'n', 'a non-negative integer', n);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 31) {
    throw argumentError('range', fn, 'n', 'an integer in [0, 2^31]', n);
  }
  return n;
}

/**
 * `n` float64 uniforms in the open interval (0, 1), 53 random bits each:
 * u = (⌊w₀/2¹¹⌋·2³² + w₁ + 0.5)·2⁻⁵³ from two words w₀, w₁ of the key's stream per sample.
 *
 * @param k - Key.
 * @param n - Number of samples.
 * @returns The samples.
 * @throws {ArgumentTypeError} If `k` is not a key. {@link ArgumentRangeError} If `n` is invalid.
 * @example
 * ```ts
 * const u = uniform(key(0), 1000);
 * ```
 */
export function uniform(k: Key, n: number): Float64Array {
  checkKey('uniform', 'k', k);
  checkCount('uniform', n);
  const bits = randomBits(k, 2 * n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const hi = (bits[2 * i] as number) >>> 11; // 21 bits
    const lo = bits[2 * i + 1] as number; // 32 bits
    out[i] = (hi * 4294967296 + lo + 0.5) * TWO_POW_M53;
  }
  return out;
}

/**
 * `n` float64 standard normal samples N(0, 1) by the Box–Muller transform of {@link uniform} pairs:
 * z₀ = √(−2 ln u₀) cos(2πu₁), z₁ = √(−2 ln u₀) sin(2πu₁).
 *
 * Identical in Node and browsers (V8's `Math.log`/`Math.cos`/`Math.sin` are the same fdlibm ports).
 *
 * @param k - Key.
 * @param n - Number of samples.
 * @returns The samples.
 * @throws {ArgumentTypeError} If `k` is not a key. {@link ArgumentRangeError} If `n` is invalid.
 * @example
 * ```ts
 * const z = normal(key(0), 1000);
 * ```
 */
export function normal(k: Key, n: number): Float64Array {
  checkKey('normal', 'k', k);
  checkCount('normal', n);
  const m = n + (n & 1);
  const u = uniform(k, m);
  const out = new Float64Array(m);
  for (let i = 0; i < m; i += 2) {
    const r = Math.sqrt(-2 * Math.log(u[i] as number));
    const t = 2 * Math.PI * (u[i + 1] as number);
    out[i] = r * Math.cos(t);
    out[i + 1] = r * Math.sin(t);
  }
  return n & 1 ? out.slice(0, n) : out;
}

/**
 * A uniformly random permutation of 0..n−1 (Fisher–Yates on {@link uniform} draws).
 *
 * @param k - Key.
 * @param n - Length.
 * @returns The permutation.
 * @example
 * ```ts
 * permutation(key(3), 5); // e.g. Int32Array [2, 0, 4, 1, 3]
 * ```
 */
export function permutation(k: Key, n: number): Int32Array {
  checkKey('permutation', 'k', k);
  checkCount('permutation', n);
  const u = uniform(k, n);
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor((u[i] as number) * (i + 1));
    const t = p[i] as number;
    p[i] = p[j] as number;
    p[j] = t;
  }
  return p;
}
