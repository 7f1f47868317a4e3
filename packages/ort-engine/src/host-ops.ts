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

/** y = f(x) elementwise, stored (and so rounded) in the precision. */
export function mapHost(dtype: DType, x: FloatArray, f: (v: number) => number): FloatArray {
  const out = allocate(dtype, x.length);
  for (let i = 0; i < x.length; i++) out[i] = f(x[i] as number);
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
