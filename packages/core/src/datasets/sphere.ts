import { argumentError } from '../errors/argument-error.ts';
import { checkInteger } from '../errors/validate.ts';
import { Matrix } from '../matrix/matrix.ts';
import { checkKey, type Key } from '../random/key.ts';
import { normal } from '../random/sample.ts';

/**
 * `n` points uniform on the sphere of radius r in ℝ^d: x = r·g/‖g‖ with g ~ N(0, I_d).
 *
 * The default radius √d makes x·x/d = 1, so the first-layer variance is σ_w² + σ_b² (DESIGN §3).
 *
 * @param k - Key.
 * @param n - Number of points.
 * @param d - Dimension (≥ 1).
 * @param options - `radius` (default √d).
 * @returns An n×d matrix, one point per row.
 * @throws {ArgumentRangeError} For non-integer sizes or a non-positive radius.
 * @example
 * ```ts
 * const x = sphere(key(0), 8, 64); // 8 points, ‖x‖ = 8
 * ```
 */
export function sphere(k: Key, n: number, d: number, options: { radius?: number } = {}): Matrix {
  checkKey('sphere', 'k', k);
  checkInteger('sphere', 'n', n, 0);
  checkInteger('sphere', 'd', d, 1);
  const r = options.radius ?? Math.sqrt(d);
  if (typeof r !== 'number' || !Number.isFinite(r) || r <= 0) {
    throw argumentError('range', 'sphere', 'options.radius', 'a finite number > 0', r);
  }
  const g = normal(k, n * d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (g[i * d + j] as number) ** 2;
    const f = r / Math.sqrt(s);
    for (let j = 0; j < d; j++) g[i * d + j] = (g[i * d + j] as number) * f;
  }
  return new Matrix(n, d, g);
}
