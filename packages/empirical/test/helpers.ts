// Test helpers for @ntk/empirical (not part of the published package).
import { type ActivationOps, type Key, Matrix, normal } from '@ntk/core';

/** Local ReLU ops, independent of @ntk/activations. */
export const reluOps: ActivationOps = {
  name: 'relu',
  phi: { name: 'relu', fn: (x) => (x > 0 ? x : 0), source: '(x > 0 ? x : 0)' },
  dphi: { name: 'relu′', fn: (x) => (x > 0 ? 1 : 0), source: '(x > 0 ? 1 : 0)' },
};

/** Local tanh ops. */
export const tanhOps: ActivationOps = {
  name: 'tanh',
  phi: { name: 'tanh', fn: Math.tanh, source: 'Math.tanh(x)' },
  dphi: {
    name: 'tanh′',
    fn: (x) => 1 - Math.tanh(x) ** 2,
    source: '(1 - Math.tanh(x) * Math.tanh(x))',
  },
};

/** A standard-normal N × d matrix drawn from a key. */
export function gaussianInputs(k: Key, n: number, d: number): Matrix {
  return new Matrix(n, d, normal(k, n * d));
}

/** max|a − b| / max(1, max|b|). */
export function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 1;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs((a[i] as number) - (b[i] as number)));
    den = Math.max(den, Math.abs(b[i] as number));
  }
  if (a.length !== b.length) return Infinity;
  return num / den;
}
