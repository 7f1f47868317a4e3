import { argumentError, checkFiniteArray, Matrix, ShapeError } from '@ntk/core';
import type { KernelState } from './kernel-state.ts';

/** Inputs: a {@link Matrix} N×d (rows are points) or an array of N rows of length d. */
export type Inputs = Matrix | ReadonlyArray<ArrayLike<number>>;

/** Options of {@link inputState}. */
export interface InputStateOptions {
  /** Carry only the diagonal (O(N) memory). Requires x2 omitted. */
  readonly diagonal?: boolean;
  /** Function name for error messages (default `inputState`). */
  readonly fn?: string;
}

function toMatrix(fn: string, name: string, x: unknown): Matrix {
  let m: Matrix;
  if (x instanceof Matrix) m = x.data instanceof Float64Array ? x : Matrix.fromFloat32(x);
  else if (Array.isArray(x)) {
    try {
      m = Matrix.fromRows(x as ReadonlyArray<ArrayLike<number>>);
    } catch (e) {
      if (e instanceof ShapeError)
        throw new ShapeError(fn, name, e.expected, e.actual, 'rows of equal length');
      throw argumentError('type', fn, name, 'a Matrix or an array of rows of numbers', x);
    }
  } else throw argumentError('type', fn, name, 'a Matrix (N×d) or an array of rows of numbers', x);
  if (m.rows === 0 || m.cols === 0) throw new ShapeError(fn, name, 'N×d with N, d ≥ 1', m.shapeText);
  checkFiniteArray(fn, name, m.data);
  return m;
}

/**
 * The kernel state of the inputs themselves (before the first dense layer): K⁰(x, x') = x·x'/d, variances |x|²/d,
 * and the gap (|x||x'| − x·x')/d computed as |x||x'|·|x̂ − x̂'|²/(2d) (x̂ = x/|x|) for nearly collinear pairs, so that
 * 1 − ρ keeps its relative accuracy. A zero input has variance 0 (its correlation is undefined; the layers handle it).
 *
 * @param x1 - First inputs, N1×d.
 * @param x2 - Second inputs, N2×d; omitted means x1 (symmetric: only j ≥ i is computed).
 * @param options - `diagonal: true` for Σ(x, x) only.
 * @returns The input state (`stage: 'input'`, `width` = d).
 * @throws {ArgumentTypeError} If an input is not a Matrix or array of rows.
 * @throws {ArgumentRangeError} If an input has a non-finite entry, or `diagonal` is combined with x2.
 * @throws {ShapeError} If the inputs are empty, ragged, or x1 and x2 differ in d.
 * @example
 * ```ts
 * const s = inputState([[1, 0], [0, 1]]); // K⁰ = I/2
 * ```
 */
export function inputState(x1: Inputs, x2?: Inputs, options: InputStateOptions = {}): KernelState {
  const fn = options.fn ?? 'inputState';
  const a = toMatrix(fn, 'x1', x1);
  const b = x2 === undefined ? a : toMatrix(fn, 'x2', x2);
  if (b.cols !== a.cols) {
    throw new ShapeError(
      fn,
      'x2',
      `N2×${a.cols}`,
      b.shapeText,
      'inputs must have the same dimension d as x1',
    );
  }
  const d = a.cols;
  const symmetric = x2 === undefined;
  const diagonalOnly = options.diagonal === true;
  if (diagonalOnly && !symmetric) {
    throw argumentError('range', fn, 'x2', 'omitted when `diagonal` is true', 'a second input set');
  }
  const norms = (m: Matrix): Float64Array => {
    const out = new Float64Array(m.rows);
    for (let i = 0; i < m.rows; i++) {
      let s = 0;
      for (let k = 0; k < d; k++) {
        const v = m.data[i * d + k] as number;
        s += v * v;
      }
      out[i] = s;
    }
    return out;
  };
  const n1 = norms(a);
  const n2 = symmetric ? n1 : norms(b);
  const var1 = n1.map((v) => v / d);
  const var2 = symmetric ? var1 : n2.map((v) => v / d);
  if (diagonalOnly) {
    const t = new Float64Array(a.rows);
    return {
      rows: a.rows,
      cols: a.rows,
      symmetric: true,
      diagonalOnly: true,
      nngp: var1,
      ntk: t,
      gap: new Float64Array(0),
      var1,
      var2: var1,
      ntkVar1: t,
      ntkVar2: t,
      width: d,
      stage: 'input',
    };
  }
  const r = a.rows;
  const c = b.rows;
  const nngp = new Float64Array(r * c);
  const gap = new Float64Array(r * c);
  const r1 = n1.map(Math.sqrt);
  const r2 = symmetric ? r1 : n2.map(Math.sqrt);
  for (let i = 0; i < r; i++) {
    const ri = r1[i] as number;
    const oi = i * d;
    for (let j = symmetric ? i : 0; j < c; j++) {
      const oj = j * d;
      let dot = 0;
      for (let k = 0; k < d; k++) dot += (a.data[oi + k] as number) * (b.data[oj + k] as number);
      const rr = ri * (r2[j] as number);
      let g = rr - dot;
      if (rr > 0 && g < 1e-3 * rr) {
        // Nearly collinear: |x||x'| − x·x' = |x||x'|·|x̂ − x̂'|²/2, with no cancellation.
        const ia = 1 / ri;
        const ib = 1 / (r2[j] as number);
        let dd = 0;
        for (let k = 0; k < d; k++) {
          const t = (a.data[oi + k] as number) * ia - (b.data[oj + k] as number) * ib;
          dd += t * t;
        }
        g = (rr * dd) / 2;
      }
      if (symmetric && i === j) g = 0;
      nngp[i * c + j] = dot / d;
      gap[i * c + j] = g / d;
    }
  }
  const ntkVar1 = new Float64Array(r);
  return {
    rows: r,
    cols: c,
    symmetric,
    diagonalOnly: false,
    nngp,
    ntk: new Float64Array(r * c),
    gap,
    var1,
    var2,
    ntkVar1,
    ntkVar2: symmetric ? ntkVar1 : new Float64Array(c),
    width: d,
    stage: 'input',
  };
}
