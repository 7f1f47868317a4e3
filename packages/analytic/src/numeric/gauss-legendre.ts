/** Nodes and weights of an n-point Gauss–Legendre rule on [−1, 1]. */
export interface GaussLegendreRule {
  /** Nodes x_k, ascending. */
  readonly nodes: Float64Array;
  /** Weights w_k (sum 2). */
  readonly weights: Float64Array;
}

const CACHE = new Map<number, GaussLegendreRule>();

/**
 * The n-point Gauss–Legendre rule on [−1, 1]: ∫ f ≈ Σ w_k f(x_k), exact for polynomials of degree ≤ 2n − 1.
 * Nodes are found by Newton's method on P_n from Chebyshev starting points (Golub–Welsch gives the same
 * rule); rules are cached.
 *
 * @param n - Number of nodes, an integer in [1, 200].
 * @returns The rule.
 * @throws {RangeError} If n is out of range (internal use: callers validate).
 * @example
 * ```ts
 * const { nodes, weights } = gaussLegendre(3); // nodes ±√(3/5), 0; weights 5/9, 8/9, 5/9
 * ```
 */
export function gaussLegendre(n: number): GaussLegendreRule {
  const hit = CACHE.get(n);
  if (hit) return hit;
  if (!Number.isInteger(n) || n < 1 || n > 200)
    throw new RangeError(`gaussLegendre: n = ${n} not in [1, 200]`);
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      if (n === 1) {
        p1 = x;
        p0 = 1;
      }
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    // Recompute the derivative at the converged node for the weight.
    let p0 = 1;
    let p1 = x;
    for (let k = 2; k <= n; k++) {
      const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
      p0 = p1;
      p1 = p2;
    }
    dp = n === 1 ? 1 : (n * (x * p1 - p0)) / (x * x - 1);
    const w = 2 / ((1 - x * x) * dp * dp);
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  if (n % 2 === 1) nodes[(n - 1) / 2] = 0;
  const rule = { nodes, weights };
  CACHE.set(n, rule);
  return rule;
}
