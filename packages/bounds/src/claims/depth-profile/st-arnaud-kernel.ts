import { type Key, Matrix, type MlpSpec, sphere, splitKey } from '@ntk/core';
import { ntkDepthProfile } from './ntk-correlations.ts';

/** Inputs and per-depth normalised kernels of the St-Arnaud et al. claims. */
export interface StArnaudProfile {
  /** Number of training points N (the first N rows). */
  readonly train: number;
  /** Number of test points M (the last M rows). */
  readonly test: number;
  /**
   * `kernel[L − 1]`: the paper's normalised kernel Θ̄^{(L)} = n₀·2^{L−1}·Θ^{(L)}/L for the network with L layers
   * (L − 1 hidden), on all N + M points, L = 1..`layers`.
   */
  readonly kernel: readonly Matrix[];
}

/**
 * The paper's normalised limiting kernel Θ̄^{(L)} = n₀·2^{L−1}·Θ^{(L)}/L of a bias-free ReLU network (Jacot et al.
 * 2018 parameterisation, σ_w² = 1, unit-norm inputs) for L = 1..`layers`, computed with our recursion.
 *
 * Conversion (DESIGN §3): our NTK parameterisation with σ_w² = 2, σ_b² = 0 on inputs of norm √d gives
 * Σ¹ = 2u·u′ for the unit vectors u = x/√d, while the paper's Σ^{(1)} = u·u′/n₀. ReLU's kernels are positively
 * homogeneous (Σ of degree 1, Σ̇ of degree 0 in the previous Σ), so by induction Σ^l_ours = 2^l·n₀·Σ^{(l)},
 * Σ̇_ours = 2Σ̇ and Θ^l_ours = 2^l·n₀·Θ^{(l)}. Hence Θ̄^{(L)} = n₀ 2^{L−1} Θ^{(L)}/L = Θ_ours/(2L), where Θ_ours is our
 * NTK at depth L − 1 hidden layers (L dense layers). Its diagonal is exactly 1.
 *
 * @param k - Key of the sphere points (split: training, test).
 * @param train - N training points.
 * @param test - M test points.
 * @param dimension - n₀.
 * @param layers - Largest L (layers, as the paper counts them; ≥ 2).
 * @param signal - Cancellation.
 * @returns Θ̄^{(L)} on all N + M points for L = 1..layers.
 * @example
 * ```ts
 * stArnaudProfile(key(0), 5, 2, 8, 100).kernel[99]; // Θ̄^{(100)}
 * ```
 */
export function stArnaudProfile(
  k: Key,
  train: number,
  test: number,
  dimension: number,
  layers: number,
  signal?: AbortSignal,
): StArnaudProfile {
  const [kTrain, kTest] = splitKey(k, 2) as [Key, Key];
  const a = sphere(kTrain, train, dimension);
  const b = sphere(kTest, test, dimension);
  const x = new Matrix(train + test, dimension, Float64Array.from([...a.data, ...b.data]));
  const spec: MlpSpec = { activation: 'relu', depth: layers - 1, sigmaW2: 2, sigmaB2: 0 };
  const { ntk } = ntkDepthProfile(spec, x, signal);
  // ntk[h − 1] is our NTK at h hidden layers = the paper's L = h + 1 layers; L = 1 is the linear model Σ¹ = 2u·u′.
  const first = Matrix.zeros(train + test, train + test);
  for (let i = 0; i < train + test; i++) {
    for (let j = 0; j < train + test; j++) {
      let s = 0;
      for (let c = 0; c < dimension; c++) s += x.get(i, c) * x.get(j, c);
      first.data[i * (train + test) + j] = s / dimension; // Θ_ours = 2u·u′ at L = 1, over 2L = 2
    }
  }
  const kernel = [first, ...ntk.map((m, h) => scale(m, 1 / (2 * (h + 2))))];
  return { train, test, kernel };
}

function scale(m: Matrix, f: number): Matrix {
  const out = new Float64Array(m.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (m.data[i] as number) * f;
  return new Matrix(m.rows, m.cols, out);
}
