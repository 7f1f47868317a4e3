import { argumentError, checkNumber } from '@ntk/core';
import type { Optimizer } from '../train/types.ts';

/** Applies one optimiser update in place to flat parameter blocks. */
export type UpdateFn = (params: Float64Array[], grads: Float64Array[], eta: number) => void;

/**
 * Builds the update rule of an optimiser (state included). Plain: θ ← θ − η·g. Momentum (heavy ball):
 * v ← μ·v + g, θ ← θ − η·v. Adam (Kingma & Ba 2015): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * θ ← θ − η·m̂/(√v̂ + ε) with m̂ = m/(1−β₁^k), v̂ = v/(1−β₂^k).
 *
 * @param fn - Calling function.
 * @param opt - Optimiser (undefined: plain).
 * @returns The update function.
 * @throws {ArgumentTypeError} / {@link @ntk/core!ArgumentRangeError} For a bad optimiser.
 */
export function makeOptimizer(fn: string, opt: unknown): UpdateFn {
  const o = (opt ?? { type: 'sgd' }) as Optimizer;
  if (typeof o !== 'object' || o === null)
    throw argumentError('type', fn, 'options.optimizer', 'an object', opt);
  if (o.type === 'sgd') {
    return (params, grads, eta) => {
      for (let b = 0; b < params.length; b++) {
        const p = params[b]!;
        const g = grads[b]!;
        for (let i = 0; i < p.length; i++) p[i] = (p[i] as number) - eta * (g[i] as number);
      }
    };
  }
  if (o.type === 'momentum') {
    const mu = checkNumber(fn, 'options.optimizer.momentum', o.momentum ?? 0.9, { nonNegative: true });
    if (mu >= 1) throw argumentError('range', fn, 'options.optimizer.momentum', 'a number in [0, 1)', mu);
    let v: Float64Array[] | null = null;
    return (params, grads, eta) => {
      v ??= params.map((p) => new Float64Array(p.length));
      for (let b = 0; b < params.length; b++) {
        const p = params[b]!;
        const g = grads[b]!;
        const vb = v[b]!;
        for (let i = 0; i < p.length; i++) {
          vb[i] = mu * (vb[i] as number) + (g[i] as number);
          p[i] = (p[i] as number) - eta * (vb[i] as number);
        }
      }
    };
  }
  if (o.type === 'adam') {
    const b1 = checkNumber(fn, 'options.optimizer.beta1', o.beta1 ?? 0.9, { nonNegative: true });
    const b2 = checkNumber(fn, 'options.optimizer.beta2', o.beta2 ?? 0.999, { nonNegative: true });
    const eps = checkNumber(fn, 'options.optimizer.epsilon', o.epsilon ?? 1e-8, { positive: true });
    if (b1 >= 1) throw argumentError('range', fn, 'options.optimizer.beta1', 'a number in [0, 1)', b1);
    if (b2 >= 1) throw argumentError('range', fn, 'options.optimizer.beta2', 'a number in [0, 1)', b2);
    let m: Float64Array[] | null = null;
    let v: Float64Array[] | null = null;
    let k = 0;
    return (params, grads, eta) => {
      m ??= params.map((p) => new Float64Array(p.length));
      v ??= params.map((p) => new Float64Array(p.length));
      k++;
      const c1 = 1 - b1 ** k;
      const c2 = 1 - b2 ** k;
      for (let b = 0; b < params.length; b++) {
        const p = params[b]!;
        const g = grads[b]!;
        const mb = m[b]!;
        const vb = v[b]!;
        for (let i = 0; i < p.length; i++) {
          const gi = g[i] as number;
          mb[i] = b1 * (mb[i] as number) + (1 - b1) * gi;
          vb[i] = b2 * (vb[i] as number) + (1 - b2) * gi * gi;
          p[i] =
            (p[i] as number) - (eta * ((mb[i] as number) / c1)) / (Math.sqrt((vb[i] as number) / c2) + eps);
        }
      }
    };
  }
  throw argumentError(
    'range',
    fn,
    'options.optimizer.type',
    '"sgd", "momentum" or "adam"',
    (o as { type?: unknown }).type,
  );
}
