import { argumentError } from '../errors/argument-error.ts';
import { checkInteger } from '../errors/validate.ts';
import { Matrix } from '../matrix/matrix.ts';
import { checkKey, type Key } from '../random/key.ts';
import { normal } from '../random/sample.ts';

/**
 * Points at prescribed angles in one plane: row i is x_i = r(cos θ_i·u + sin θ_i·v) for orthonormal u, v.
 * So ∠(x_i, x_j) = |θ_i − θ_j| (mod the usual folding to [0, π]) and every ‖x_i‖ = r. Include θ = 0 to
 * get a reference point: then row i is at angle θ_i from it.
 *
 * Without a key, u = e₁ and v = e₂ (exactly representable); with a key, u, v are a random orthonormal pair
 * (Gram–Schmidt on two Gaussian vectors).
 *
 * @param thetas - Angles in radians (finite).
 * @param d - Dimension (≥ 2).
 * @param options - `radius` (default √d, so x·x/d = 1) and `key` for a random plane.
 * @returns A (thetas.length)×d matrix.
 * @throws {ArgumentRangeError} For non-finite angles, d < 2 or a bad radius.
 * @example
 * ```ts
 * const sweep = pointsAtAngles([0, Math.PI / 4, Math.PI / 2], 16);
 * ```
 */
export function pointsAtAngles(
  thetas: ArrayLike<number>,
  d: number,
  options: { radius?: number; key?: Key } = {},
): Matrix {
  if (thetas === null || typeof thetas !== 'object' || typeof thetas.length !== 'number') {
    throw argumentError('type', 'pointsAtAngles', 'thetas', 'an array of angles in radians', thetas);
  }
  checkInteger('pointsAtAngles', 'd', d, 2);
  const r = options.radius ?? Math.sqrt(d);
  if (typeof r !== 'number' || !Number.isFinite(r) || r <= 0) {
    throw argumentError('range', 'pointsAtAngles', 'options.radius', 'a finite number > 0', r);
  }
  const u = new Float64Array(d);
  const v = new Float64Array(d);
  if (options.key === undefined) {
    u[0] = 1;
    v[1] = 1;
  } else {
    checkKey('pointsAtAngles', 'options.key', options.key);
    const g = normal(options.key, 2 * d);
    let nu = 0;
    for (let j = 0; j < d; j++) nu += (g[j] as number) ** 2;
    nu = Math.sqrt(nu);
    for (let j = 0; j < d; j++) u[j] = (g[j] as number) / nu;
    let dot = 0;
    for (let j = 0; j < d; j++) dot += (g[d + j] as number) * (u[j] as number);
    let nv = 0;
    for (let j = 0; j < d; j++) {
      v[j] = (g[d + j] as number) - dot * (u[j] as number);
      nv += (v[j] as number) ** 2;
    }
    nv = Math.sqrt(nv);
    for (let j = 0; j < d; j++) v[j] = (v[j] as number) / nv;
  }
  const n = thetas.length;
  const out = Matrix.zeros(n, d);
  for (let i = 0; i < n; i++) {
    const t = thetas[i];
    if (typeof t !== 'number' || !Number.isFinite(t)) {
      throw argumentError('range', 'pointsAtAngles', `thetas[${i}]`, 'a finite angle in radians', t);
    }
    const c = r * Math.cos(t);
    const s = r * Math.sin(t);
    for (let j = 0; j < d; j++) out.data[i * d + j] = c * (u[j] as number) + s * (v[j] as number);
  }
  return out;
}
