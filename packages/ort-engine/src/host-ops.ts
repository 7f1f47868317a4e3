import type { BinaryOpName, DType, FloatArray } from '@ntk/core';

/** A new zeroed array of the precision. */
export function allocate(dtype: DType, length: number): FloatArray {
  return dtype === 'float64' ? new Float64Array(length) : new Float32Array(length);
}

/** The data in the precision: the same array when it already is, else a rounded copy. */
export function inDtype(dtype: DType, data: FloatArray): FloatArray {
  if (dtype === 'float64') return data instanceof Float64Array ? data : Float64Array.from(data);
  return data instanceof Float32Array ? data : Float32Array.from(data);
}

type Loop = (x: FloatArray, out: FloatArray, f: (v: number) => number) => void;

function genericLoop(x: FloatArray, out: FloatArray, f: (v: number) => number): void {
  for (let i = 0; i < x.length; i++) out[i] = f(x[i] as number);
}

// One loop per function: a single shared loop sees every activation (φ, φ', …) at its call site, so V8 keeps
// it polymorphic and inlines none of them; a loop of its own per function is monomorphic and inlines `f`.
// The generated text is fixed (no user text is evaluated); where `Function` is refused (CSP), the shared loop runs.
const loops = new WeakMap<(v: number) => number, Loop>();

function loopFor(f: (v: number) => number): Loop {
  let loop = loops.get(f);
  if (loop === undefined) {
    try {
      loop = new Function(
        'x',
        'out',
        'f',
        'const n = x.length; for (let i = 0; i < n; i++) out[i] = f(x[i]);',
      ) as Loop;
    } catch {
      loop = genericLoop;
    }
    loops.set(f, loop);
  }
  return loop;
}

/** y = f(x) elementwise, stored (and so rounded) in the precision. */
export function mapHost(dtype: DType, x: FloatArray, f: (v: number) => number): FloatArray {
  const out = allocate(dtype, x.length);
  loopFor(f)(x, out, f);
  return out;
}

/** Elementwise binary op of two arrays of one length; operands are first rounded to the precision. */
export function zipHost(dtype: DType, a: FloatArray, b: FloatArray, op: BinaryOpName): FloatArray {
  const out = allocate(dtype, a.length);
  const A = inDtype(dtype, a);
  const B = inDtype(dtype, b);
  const n = a.length;
  if (op === 'add') for (let i = 0; i < n; i++) out[i] = (A[i] as number) + (B[i] as number);
  else if (op === 'sub') for (let i = 0; i < n; i++) out[i] = (A[i] as number) - (B[i] as number);
  else if (op === 'mul') for (let i = 0; i < n; i++) out[i] = (A[i] as number) * (B[i] as number);
  else for (let i = 0; i < n; i++) out[i] = (A[i] as number) / (B[i] as number);
  return out;
}

/** α·x + β elementwise in the precision. */
export function affineHost(dtype: DType, x: FloatArray, alpha: number, beta: number): FloatArray {
  const X = inDtype(dtype, x);
  const out = allocate(dtype, x.length);
  for (let i = 0; i < x.length; i++) out[i] = alpha * (X[i] as number) + beta;
  return out;
}

/** Y_ij = X_ij + α·v_j in the precision (α·v_j rounded once per column, as a device kernel would). */
export function addRowVectorHost(
  dtype: DType,
  x: FloatArray,
  rows: number,
  cols: number,
  v: ArrayLike<number>,
  alpha: number,
): FloatArray {
  const X = inDtype(dtype, x);
  const w = allocate(dtype, cols);
  for (let j = 0; j < cols; j++) w[j] = alpha * (v[j] as number);
  const out = allocate(dtype, rows * cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) out[o + j] = (X[o + j] as number) + (w[j] as number);
  }
  return out;
}
