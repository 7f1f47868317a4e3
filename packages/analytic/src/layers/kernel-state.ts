/**
 * The kernel state that layers map to the next: what stax calls a `Kernel`, on flat `Float64Array`s.
 *
 * Between layers it holds, for inputs x_i (rows) and x'_j (cols): the covariance `nngp` (Σ after a dense layer, the
 * post-activation E[φ(u)φ(v)] after an activation layer), the tangent kernel `ntk` (Θ after a dense layer,
 * Θ·E[φ'(u)φ'(v)] after an activation), the diagonal variances `var1` = Σ(x_i, x_i), `var2` = Σ(x'_j, x'_j) and their
 * tangent counterparts, and the cancellation-free `gap` = √(var1_i var2_j) − nngp_ij = √(var1_i var2_j)·(1 − ρ_ij) ≥ 0,
 * which carries 1 − ρ through the recursion without ever forming it as a difference of nearly equal numbers.
 *
 * Layout: row-major `rows × cols`. When `symmetric` (x' = x), only entries with j ≥ i are computed and valid
 * (see {@link kernelsOf}); when `diagonalOnly`, `nngp`/`ntk` hold the diagonal (length `rows`) and `gap` is empty.
 *
 * @example
 * ```ts
 * const s0 = inputState(x);           // the inputs' kernel x·x'/d
 * const s1 = dense({ sigmaW2: 2 }).apply(s0);
 * const { nngp, ntk } = kernelsOf(s1);
 * ```
 */
export interface KernelState {
  /** Number of first inputs N1. */
  readonly rows: number;
  /** Number of second inputs N2 (= N1 when symmetric). */
  readonly cols: number;
  /** x' = x: only the upper triangle (j ≥ i) is computed. */
  readonly symmetric: boolean;
  /** Only the diagonal Σ(x, x), Θ(x, x) is carried (O(N) memory). */
  readonly diagonalOnly: boolean;
  /** Σ (or E[φφ] after an activation), rows × cols (or the diagonal). */
  readonly nngp: Float64Array;
  /** Θ (or Θ·E[φ'φ'] after an activation), rows × cols (or the diagonal). */
  readonly ntk: Float64Array;
  /** √(var1_i var2_j) − nngp_ij ≥ 0, rows × cols (empty when diagonalOnly). */
  readonly gap: Float64Array;
  /** Σ(x_i, x_i), length rows. */
  readonly var1: Float64Array;
  /** Σ(x'_j, x'_j), length cols (the same array as var1 when symmetric). */
  readonly var2: Float64Array;
  /** Θ(x_i, x_i), length rows. */
  readonly ntkVar1: Float64Array;
  /** Θ(x'_j, x'_j), length cols. */
  readonly ntkVar2: Float64Array;
  /** Width of the current layer (the input dimension d at the input; `null` = infinite). */
  readonly width: number | null;
  /** `input` (the inputs' kernel), `pre` (after a dense layer) or `post` (after an activation). */
  readonly stage: 'input' | 'pre' | 'post';
}
