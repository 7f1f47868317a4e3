import { resolveActivation } from '@ntk/activations';
import { activationMoments } from '@ntk/analytic';
import type { Matrix } from '@ntk/core';

/**
 * Each layer's share of the NTK (NTK parameterisation): the NTK is a sum over the layers' parameters,
 *
 * $$
 * \Theta^{L+1} = \sum_{l=1}^{L+1} \Sigma^l \prod_{k=l+1}^{L+1} \dot\Sigma^k,
 * $$
 *
 * and term l is the part that the weights and biases of layer l contribute. Σ̇^k = σ_w² E[φ'(u)φ'(v)] with (u, v)
 * of covariance Σ^{k−1} is computed here from the activation's moments (`activationMoments` of
 * `@ntk/analytic`), independently of the recursion that produced Θ, so that the sum of the terms equals the
 * NTK only if both are right.
 *
 * @param activation - The activation (name or mathjs expression).
 * @param sigmaW2 - σ_w².
 * @param nngp - Σ^l for l = 1..L+1 (each N×N, symmetric with a positive diagonal).
 * @returns term[l − 1] as rows, for l = 1..L+1.
 * @throws The errors of `resolveActivation` for a bad activation.
 * @example
 * ```ts
 * const r = mlpKernels(spec, x, undefined, { layers: true });
 * const terms = layerContributions(spec.activation, spec.sigmaW2, r.layers!.map((k) => k.nngp));
 * ```
 */
export function layerContributions(
  activation: string,
  sigmaW2: number,
  nngp: readonly Matrix[],
): number[][][] {
  const moments = activationMoments(resolveActivation(activation));
  const count = nngp.length;
  const n = nngp[0]?.rows ?? 0;
  // dots[k] = Σ̇^{k+2} (from Σ^{k+1}), k = 0..L−1.
  const dots = nngp.slice(0, count - 1).map((sigma) => sigmaDot(moments, sigmaW2, sigma));
  return nngp.map((sigma, l) => {
    const term: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row: number[] = [];
      for (let j = 0; j < n; j++) {
        let v = sigma.get(i, j);
        for (let k = l; k < count - 1; k++) v *= (dots[k] as number[][])[i]?.[j] as number;
        row.push(v);
      }
      term.push(row);
    }
    return term;
  });
}

/** Σ̇ = σ_w² E[φ'(u)φ'(v)] entrywise, (u, v) ~ N(0, [[Σ_ii, Σ_ij], [Σ_ij, Σ_jj]]). */
function sigmaDot(moments: ReturnType<typeof activationMoments>, sigmaW2: number, sigma: Matrix): number[][] {
  const n = sigma.rows;
  const out = new Float64Array(3);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      const q1 = sigma.get(i, i);
      const q2 = sigma.get(j, j);
      if (i === j || q1 <= 0 || q2 <= 0) {
        // s = 0: the diagonal. A zero-variance input (x = 0 and σ_b² = 0) has Σ_ij = 0 for every j, so whatever
        // finite Σ̇_ij is used here multiplies only zeros (its terms vanish, as in the recursion).
        moments.diag(i === j ? q1 : Math.max(q1, q2), out);
        row.push(sigmaW2 * (out[1] as number));
        continue;
      }
      const rho = sigma.get(i, j) / Math.sqrt(q1 * q2);
      const s = Math.min(2, Math.max(0, 1 - rho));
      moments.pair(q1, q2, s, out);
      row.push(sigmaW2 * (out[2] as number));
    }
    rows.push(row);
  }
  return rows;
}
