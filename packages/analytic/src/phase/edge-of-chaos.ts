import type { Activation } from '@ntk/activations';
import { argumentError, NumericalError } from '@ntk/core';
import type { QuadratureOptions } from '../moments/quadrature-options.ts';
import { phaseInputs } from './phase-inputs.ts';
import { qStar } from './q-star.ts';

/** Options of {@link edgeOfChaos}. */
export interface EdgeOfChaosOptions {
  /** The σ_b² values (≥ 0) at which to find σ_w². */
  readonly sigmaB2Grid: readonly number[];
  /** Search range of σ_w² (default [1e-3, 1e3]). */
  readonly sigmaW2Range?: readonly [number, number];
  /** Accuracy knob of the generic quadrature path. */
  readonly quadrature?: QuadratureOptions;
}

/** One point of the edge-of-chaos curve. */
export interface EdgeOfChaosPoint {
  /** σ_b². */
  readonly sigmaB2: number;
  /** σ_w² with χ₁(σ_w², σ_b²) = 1, or NaN where there is none in the range. */
  readonly sigmaW2: number;
  /** q* at that point (NaN where none, or where the map is so marginal that the iteration cannot pin it down). */
  readonly qStar: number;
  /** Why there is no point, where there is none. */
  readonly reason?: string;
}

/**
 * The edge-of-chaos curve σ_w²(σ_b²): for each σ_b², the σ_w² at which χ₁ = σ_w² E[φ'(√q* z)²] = 1, where q*
 * itself depends on (σ_w², σ_b²) (Poole et al. 2016, arXiv 1606.05340, Fig. 2; Schoenholz et al. 2017, arXiv
 * 1611.01232). Found by a geometric scan of the range for a sign change of χ₁ − 1, then bisection in log σ_w² to
 * 1e-14 relative. Where q* stops existing (the variance diverges) the boundary is located instead, and it is the
 * edge if χ₁ → 1 there (ReLU-like activations, σ_b² = 0): its accuracy is then limited to about 1e-8 relative by
 * the marginal (rate → 1) convergence of q*. Points where the variance diverges before χ₁ reaches 1, or where
 * χ₁ − 1 never changes sign in the range, come back as NaN with the reason.
 *
 * @param act - Activation name, mathjs expression or resolved activation.
 * @param options - The σ_b² grid and the σ_w² search range.
 * @returns One point per σ_b².
 * @throws {ArgumentRangeError} For an empty or negative grid, or a bad range or activation.
 * @example
 * ```ts
 * edgeOfChaos('erf', { sigmaB2Grid: [0, 0.05, 0.1] }).map((p) => p.sigmaW2);
 * ```
 */
export function edgeOfChaos(act: string | Activation, options: EdgeOfChaosOptions): EdgeOfChaosPoint[] {
  const fn = 'edgeOfChaos';
  if (
    options === null ||
    typeof options !== 'object' ||
    !Array.isArray(options.sigmaB2Grid) ||
    options.sigmaB2Grid.length === 0
  ) {
    throw argumentError(
      'type',
      fn,
      'options.sigmaB2Grid',
      'a non-empty array of σ_b² ≥ 0',
      options?.sigmaB2Grid,
    );
  }
  const [lo, hi] = options.sigmaW2Range ?? [1e-3, 1e3];
  if (!(lo > 0 && hi > lo && Number.isFinite(hi))) {
    throw argumentError('range', fn, 'options.sigmaW2Range', 'a pair 0 < lo < hi < ∞', options.sigmaW2Range);
  }
  return options.sigmaB2Grid.map((sb2, i) => {
    if (typeof sb2 !== 'number' || !Number.isFinite(sb2) || sb2 < 0) {
      throw argumentError('range', fn, `options.sigmaB2Grid[${i}]`, 'a finite number ≥ 0', sb2);
    }
    const quadrature = options.quadrature ?? {};
    const f = (sw2: number): number => {
      const { moments } = phaseInputs(fn, act, { sigmaW2: sw2, sigmaB2: sb2, quadrature });
      const q = qStar(act, { sigmaW2: sw2, sigmaB2: sb2, quadrature, maxIterations: 20_000 });
      const out = new Float64Array(2);
      moments.diag(q, out);
      return sw2 * (out[1] as number) - 1;
    };
    const qAt = (sw2: number): number => {
      try {
        return qStar(act, { sigmaW2: sw2, sigmaB2: sb2, quadrature, maxIterations: 20_000 });
      } catch (e) {
        if (e instanceof NumericalError) return Number.NaN; // marginal: q* converges too slowly to pin down
        throw e;
      }
    };
    const safe = (sw2: number): number | null => {
      try {
        return f(sw2);
      } catch (e) {
        if (e instanceof NumericalError) return null;
        throw e;
      }
    };
    const steps = 60;
    let a = lo;
    let fa = safe(a);
    for (let k = 1; k <= steps; k++) {
      const b = lo * (hi / lo) ** (k / steps);
      const fb = safe(b);
      if (fa !== null && fb !== null && fa === 0) return { sigmaB2: sb2, sigmaW2: a, qStar: qAt(a) };
      if (fa !== null && fb !== null && Math.sign(fa) !== Math.sign(fb)) {
        let x0 = Math.log(a);
        let x1 = Math.log(b);
        let f0 = fa;
        for (let it = 0; it < 200 && x1 - x0 > 1e-15 * Math.max(1, Math.abs(x1)); it++) {
          const m = 0.5 * (x0 + x1);
          const fm = safe(Math.exp(m));
          if (fm === 0 || fm === null) {
            // null: q* is marginal here (its iteration cannot converge), which happens only next to the edge.
            x0 = x1 = m;
            break;
          }
          if (Math.sign(fm) === Math.sign(f0)) {
            x0 = m;
            f0 = fm;
          } else x1 = m;
        }
        const sw2 = Math.exp(0.5 * (x0 + x1));
        return { sigmaB2: sb2, sigmaW2: sw2, qStar: qAt(sw2) };
      }
      if (fb === null && fa !== null && fa < 0) {
        // q* stops existing between a and b. Locate that boundary; if χ₁ → 1 there (ReLU-like activations, whose
        // edge of chaos is where the variance starts to diverge), it is the edge; otherwise there is none.
        let x0 = Math.log(a);
        let x1 = Math.log(b);
        let f0 = fa;
        for (let it = 0; it < 200 && x1 - x0 > 1e-15 * Math.max(1, Math.abs(x1)); it++) {
          const m = 0.5 * (x0 + x1);
          const fm = safe(Math.exp(m));
          if (fm !== null && fm < 0) {
            x0 = m;
            f0 = fm;
          } else x1 = m;
        }
        if (Math.abs(f0) <= 1e-6) {
          const sw2 = Math.exp(x0);
          return {
            sigmaB2: sb2,
            sigmaW2: sw2,
            qStar: qAt(sw2),
          };
        }
        return {
          sigmaB2: sb2,
          sigmaW2: Number.NaN,
          qStar: Number.NaN,
          reason: `the variance diverges at σ_w² ≈ ${Math.exp(x1).toPrecision(6)} while χ₁ = ${(f0 + 1).toPrecision(6)} < 1`,
        };
      }
      a = b;
      fa = fb;
    }
    return {
      sigmaB2: sb2,
      sigmaW2: Number.NaN,
      qStar: Number.NaN,
      reason: `χ₁ − 1 does not change sign for σ_w² in [${lo}, ${hi}]`,
    };
  });
}
