import type { Activation } from '@ntk/activations';
import { piMinusThetaFromS, sinFromS, sinMinusThetaCos, thetaFromS } from '../numeric/angle.ts';
import type { ActivationMoments } from './moments.ts';

const INV_2PI = 1 / (2 * Math.PI);
const TWO_OVER_PI = 2 / Math.PI;
const FOUR_OVER_PI = 4 / Math.PI;

/** √(a1 a2) − √(b1 b2) style norm term for f: √(f(q1) f(q2)) − f(√(q1 q2)) is 0 when q1 === q2 (exactly). */
function normTerm(f: (q: number) => number, q1: number, q2: number): number {
  if (q1 === q2) return 0;
  return Math.sqrt(f(q1) * f(q2)) - f(Math.sqrt(q1 * q2));
}

/**
 * Arc-cosine kernel moments of abrelu φ(x) = a·x (x < 0), b·x (x ≥ 0) (Cho & Saul 2009), with s = 1 − ρ:
 * E[φφ] = ab·c + (b − a)² √(q1q2)/(2π) (sin θ + (π − θ) cos θ),
 * gap = ab √(q1q2) s + (b − a)² √(q1q2)/(2π) (π s − (sin θ − θ cos θ)),
 * E[φ'φ'] = ((a² + b²)(π − θ) + 2ab θ)/(2π).
 */
function abreluPair(a: number, b: number, q1: number, q2: number, s: number, out: Float64Array): void {
  const m = Math.sqrt(q1 * q2);
  const sin = sinFromS(s);
  const cos = 1 - s;
  const theta = thetaFromS(s);
  const pmt = piMinusThetaFromS(s);
  const d2 = (b - a) * (b - a);
  out[0] = a * b * m * cos + d2 * m * INV_2PI * (sin + pmt * cos);
  out[1] = a * b * m * s + d2 * m * INV_2PI * (Math.PI * s - sinMinusThetaCos(theta, sin, cos));
  out[2] = ((a * a + b * b) * pmt + 2 * a * b * theta) * INV_2PI;
}

/** asin(x) − asin(ρx) for 0 ≤ x < 1, s = 1 − ρ, without cancellation as ρ → 1. */
function asinDiff(x: number, oneMinusX2: number, s: number): number {
  const rho = 1 - s;
  const oneMinusRho2 = s * (2 - s);
  const r1 = Math.sqrt(oneMinusX2 + x * x * oneMinusRho2); // √(1 − ρ²x²)
  const r0 = Math.sqrt(oneMinusX2); // √(1 − x²)
  const num = rho >= 0 ? (x * oneMinusRho2) / (r1 + rho * r0) : x * (r1 - rho * r0);
  return Math.atan2(num, r0 * r1 + rho * x * x);
}

const erfVar = (q: number): number => TWO_OVER_PI * Math.asin((2 * q) / (1 + 2 * q));

/**
 * Closed-form moments for the built-ins that have them: relu, leaky_relu, abrelu (arc-cosine), step, sign,
 * erf (Williams 1997), linear, sin, cos, exp. Returns `null` for the rest.
 *
 * @param act - A resolved activation.
 * @returns The moments, or `null` when `act` has no closed form.
 */
export function closedFormMoments(act: Activation): ActivationMoments | null {
  if (act.kind !== 'builtin') return null;
  const method = 'closed-form' as const;
  switch (act.builtin) {
    case 'relu':
    case 'leaky_relu':
    case 'abrelu': {
      const a = act.builtin === 'relu' ? 0 : (act.params['a'] as number);
      const b = act.builtin === 'relu' ? 1 : (act.params['b'] ?? 1);
      const v = (a * a + b * b) / 2;
      return {
        activation: act,
        method,
        diag(q, out) {
          out[0] = v * q;
          out[1] = v;
        },
        pair(q1, q2, s, out) {
          abreluPair(a, b, q1, q2, s, out);
        },
      };
    }
    case 'step':
    case 'sign': {
      const sign = act.builtin === 'sign';
      return {
        activation: act,
        method,
        diag(_q, out) {
          out[0] = sign ? 1 : 0.5;
          out[1] = 0;
        },
        pair(_q1, _q2, s, out) {
          const theta = thetaFromS(s);
          const pmt = piMinusThetaFromS(s);
          // step: P(u>0, v>0) = (π − θ)/(2π); sign: 1 − 2θ/π.
          out[0] = sign ? (pmt - theta) / Math.PI : pmt * INV_2PI;
          out[1] = sign ? (2 * theta) / Math.PI : theta * INV_2PI;
          out[2] = 0;
        },
      };
    }
    case 'erf':
      return {
        activation: act,
        method,
        diag(q, out) {
          out[0] = erfVar(q);
          out[1] = FOUR_OVER_PI / Math.sqrt(1 + 4 * q);
        },
        pair(q1, q2, s, out) {
          const d1 = 1 + 2 * q1;
          const d2 = 1 + 2 * q2;
          const x = Math.sqrt((4 * q1 * q2) / (d1 * d2)); // r1 r2
          const oneMinusX2 = (1 + 2 * q1 + 2 * q2) / (d1 * d2);
          const rho = 1 - s;
          out[0] = TWO_OVER_PI * Math.asin(rho * x);
          out[1] =
            TWO_OVER_PI *
              (q1 === q2
                ? 0
                : Math.sqrt(Math.asin((2 * q1) / d1) * Math.asin((2 * q2) / d2)) - Math.asin(x)) +
            TWO_OVER_PI * asinDiff(x, oneMinusX2, s);
          // E[φ'φ'] = (4/π)/√det(I + 2Σ), det = 1 + 2q1 + 2q2 + 4(q1q2 − c²), q1q2 − c² = q1q2·s(2 − s).
          out[2] = FOUR_OVER_PI / Math.sqrt(1 + 2 * q1 + 2 * q2 + 4 * q1 * q2 * s * (2 - s));
        },
      };
    case 'linear':
      return {
        activation: act,
        method,
        diag(q, out) {
          out[0] = q;
          out[1] = 1;
        },
        pair(q1, q2, s, out) {
          const m = Math.sqrt(q1 * q2);
          out[0] = m * (1 - s);
          out[1] = m * s;
          out[2] = 1;
        },
      };
    case 'sin':
    case 'cos': {
      const isSin = act.builtin === 'sin';
      // E[sin u sin v] = e^{−(q1+q2)/2} sinh c; E[cos u cos v] = e^{−(q1+q2)/2} cosh c.
      const sinhPair = (q1: number, q2: number, s: number): [number, number] => {
        const m = Math.sqrt(q1 * q2);
        const e = Math.exp(-(q1 + q2) / 2);
        const c = m * (1 - s);
        // sinh m − sinh(m − ms) = 2 cosh(m − ms/2) sinh(ms/2)
        const gap = normTerm(Math.sinh, q1, q2) + 2 * Math.cosh(m - (m * s) / 2) * Math.sinh((m * s) / 2);
        return [e * Math.sinh(c), e * gap];
      };
      const coshPair = (q1: number, q2: number, s: number): [number, number] => {
        const m = Math.sqrt(q1 * q2);
        const e = Math.exp(-(q1 + q2) / 2);
        const c = m * (1 - s);
        const gap = normTerm(Math.cosh, q1, q2) + 2 * Math.sinh(m - (m * s) / 2) * Math.sinh((m * s) / 2);
        return [e * Math.cosh(c), e * gap];
      };
      const sinSq = (q: number): number => -0.5 * Math.expm1(-2 * q); // E sin² = (1 − e^{−2q})/2
      const cosSq = (q: number): number => 0.5 * (1 + Math.exp(-2 * q));
      return {
        activation: act,
        method,
        diag(q, out) {
          out[0] = isSin ? sinSq(q) : cosSq(q);
          out[1] = isSin ? cosSq(q) : sinSq(q);
        },
        pair(q1, q2, s, out) {
          const [ks, gs] = sinhPair(q1, q2, s);
          const [kc, gc] = coshPair(q1, q2, s);
          out[0] = isSin ? ks : kc;
          out[1] = isSin ? gs : gc;
          out[2] = isSin ? kc : ks;
        },
      };
    }
    case 'exp':
      return {
        activation: act,
        method,
        diag(q, out) {
          out[0] = Math.exp(2 * q);
          out[1] = out[0];
        },
        pair(q1, q2, s, out) {
          const r1 = Math.sqrt(q1);
          const r2 = Math.sqrt(q2);
          const c = r1 * r2 * (1 - s);
          const k = Math.exp((q1 + q2) / 2 + c);
          // √(A1A2) − k = k·expm1((q1 + q2)/2 − c), (q1 + q2)/2 − c = (√q1 − √q2)²/2 + √(q1q2) s.
          out[0] = k;
          out[1] = k * Math.expm1(((r1 - r2) * (r1 - r2)) / 2 + r1 * r2 * s);
          out[2] = k;
        },
      };
    default:
      return null;
  }
}
