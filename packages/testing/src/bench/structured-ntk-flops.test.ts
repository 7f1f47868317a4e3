import { describe, expect, it } from 'vitest';
import { structuredNtkFlops } from './structured-ntk-flops.ts';

describe('structuredNtkFlops', () => {
  it('counts 2·(forward products) + the two symmetric Grams per layer, by hand for a 2-3-1 net on N = 2', () => {
    // products: 2·N·n0·n1 + 2·N·n1·n2 = 24 + 12 = 36 (×2 for the backward pass); Grams: N²(2+3) + N²(3+1) = 36
    expect(structuredNtkFlops(2, [2, 3, 1])).toBe(2 * 36 + 36);
  });
  it('grows linearly in N through the products and quadratically through the Grams', () => {
    const sizes = [64, 1024, 1024, 1];
    const f = (N: number) => structuredNtkFlops(N, sizes);
    expect(f(0)).toBe(0);
    // second difference with step 2 of N²·Σ(n_{l−1} + n_l): (16 − 2·4 + 0)·Σ, Σ = (64+1024) + (1024+1024) + (1024+1)
    expect(f(4) - 2 * f(2) + f(0)).toBe(8 * (64 + 4 * 1024 + 1));
  });
});
