/**
 * Floating-point operations of the structured empirical NTK of an MLP on N inputs:
 * flops = 2·F + Σ_{l=1}^{L+1} N²·(n_{l−1} + n_l),  F = Σ_{l=1}^{L+1} 2·N·n_{l−1}·n_l
 * (forward and backward products, and the two symmetric Gram matrices per layer counted as syrk, N²·n each).
 * The one count every benchmark of the NTK reports GFLOP/s with.
 *
 * @param N - Inputs.
 * @param sizes - Layer sizes n_0 (input dimension), n_1 … n_L (hidden), n_{L+1} (outputs).
 * @returns The operation count.
 * @example
 * ```ts
 * structuredNtkFlops(256, [64, ...new Array(10).fill(1024), 1]);
 * ```
 */
export function structuredNtkFlops(N: number, sizes: readonly number[]): number {
  let f = 0;
  let g = 0;
  for (let l = 1; l < sizes.length; l++) {
    f += 2 * N * (sizes[l] as number) * (sizes[l - 1] as number);
    g += N * N * ((sizes[l - 1] as number) + (sizes[l] as number));
  }
  return 2 * f + g;
}
