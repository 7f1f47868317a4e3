import type { Activation } from '@ntk/activations';
import { gaussian1d } from '../numeric/gaussian-1d.ts';
import { DEFAULT_QUADRATURE } from './quadrature-options.ts';

const mean = (f: (x: number) => number, q: number, kinks: readonly number[]): number =>
  gaussian1d(f, q, kinks, DEFAULT_QUADRATURE.order, DEFAULT_QUADRATURE.panelWidth, DEFAULT_QUADRATURE.range);

/**
 * Pair moments when a variance is 0 (a zero input with σ_b² = 0): u ≡ 0, so ρ is undefined and
 * E[φ(u)φ(v)] = φ(0) E[φ(v)], E[φ'(u)φ'(v)] = φ'(0) E[φ'(v)] (φ'(0) as the activation defines it, e.g. 0 for
 * relu, matching a finite network at that input). out = [E φφ, gap, E φ'φ'] with gap = √(A1 A2) − E φφ.
 */
export function degeneratePair(
  act: Activation,
  q1: number,
  q2: number,
  a1: number,
  a2: number,
  out: Float64Array,
): void {
  const phi = act.phi.fn;
  const dphi = act.dphi.fn;
  let k: number;
  let kd: number;
  if (q1 === 0 && q2 === 0) {
    k = phi(0) * phi(0);
    kd = dphi(0) * dphi(0);
  } else {
    const q = q1 === 0 ? q2 : q1;
    k = phi(0) * mean(phi, q, act.kinks);
    kd = dphi(0) * mean(dphi, q, act.kinks);
  }
  out[0] = k;
  out[1] = Math.max(0, Math.sqrt(a1 * a2) - k);
  out[2] = kd;
}
