/**
 * The accuracy/speed knob of the generic (quadrature) path.
 *
 * E[g(u, v)] is computed in the coordinates u = √q1 z1, v = √q2 (ρ z1 + √(1 − ρ²) z2), z1, z2 ~ N(0, 1)
 * independent: the outer integral over z1 and the inner (conditional) one over z2 each use a composite
 * Gauss–Legendre rule of `order` nodes per panel, panels at most `panelWidth` wide on [−range, range], split at
 * the kinks of φ (z1 = kink/√q1; z2 = (kink/√q2 − ρ z1)/√(1 − ρ²)), with panels graded geometrically towards the
 * point z1 = kink/(ρ√q2) where the conditional expectation has a smoothed kink of width √(1 − ρ²)/|ρ|.
 * Cost per pair ≈ (2·range/panelWidth · order)² evaluations of φ and φ' (defaults: 10 panels × 12 nodes → 120² ≈ 14,400).
 *
 * Accuracy at the defaults (tested): ≤ 1e-10 relative for smooth φ (erf, sin, cos, exp, tanh-like) and ≤ 1e-8 for
 * kinked φ (relu, abrelu), for ρ from −0.99 to 0.999999; the truncation at |z| = range = 10 costs e^{−50}
 * relative for φ of polynomial growth (for exp(x) it needs q ≲ 9).
 *
 * @example
 * ```ts
 * const fine: QuadratureOptions = { order: 16, panelWidth: 1 };
 * ```
 */
export interface QuadratureOptions {
  /** Gauss–Legendre nodes per panel (default 12, 2 … 64). */
  readonly order?: number;
  /** Largest panel width in standard-normal units (default 2). */
  readonly panelWidth?: number;
  /** Truncation |z| ≤ range (default 10). */
  readonly range?: number;
}

/** Defaults of {@link QuadratureOptions}. */
export const DEFAULT_QUADRATURE: Required<QuadratureOptions> = Object.freeze({
  order: 12,
  panelWidth: 2,
  range: 10,
});
