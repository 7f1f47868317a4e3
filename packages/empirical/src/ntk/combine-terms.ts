import type { FloatArray } from '@ntk/core';
import type { NtkOutputMode } from './types.ts';

/**
 * One layer's NTK term from the Gram matrix of its per-output signals (or Jacobian rows) and, for the
 * structured method, the feature kernel K: term[(i,a),(j,b)] = GD[(i,a),(j,b)]·K[i,j] (K ≡ 1 when null),
 * reduced to the output mode (`trace`: Σ_a, `mean`: (1/O)Σ_a, `full`: as is). Float64.
 *
 * @param GD - (N1·O) × (N2·O) Gram matrix, row-major.
 * @param K - N1 × N2 feature kernel, or null.
 * @param n1 - N1.
 * @param n2 - N2.
 * @param O - Outputs.
 * @param mode - Output mode.
 * @returns The term: N1×N2 (`trace`/`mean`) or (N1·O)×(N2·O) (`full`).
 */
export function combineTerms(
  GD: FloatArray,
  K: FloatArray | null,
  n1: number,
  n2: number,
  O: number,
  mode: NtkOutputMode,
): Float64Array {
  const cols = n2 * O;
  if (mode === 'full') {
    const out = new Float64Array(n1 * O * cols);
    for (let i = 0; i < n1; i++)
      for (let a = 0; a < O; a++) {
        const r = (i * O + a) * cols;
        for (let j = 0; j < n2; j++) {
          const k = K === null ? 1 : (K[i * n2 + j] as number);
          for (let b = 0; b < O; b++) out[r + j * O + b] = (GD[r + j * O + b] as number) * k;
        }
      }
    return out;
  }
  const scale = mode === 'mean' ? 1 / O : 1;
  const out = new Float64Array(n1 * n2);
  for (let i = 0; i < n1; i++)
    for (let j = 0; j < n2; j++) {
      let s = 0;
      for (let a = 0; a < O; a++) s += GD[(i * O + a) * cols + j * O + a] as number;
      const k = K === null ? 1 : (K[i * n2 + j] as number);
      out[i * n2 + j] = O === 1 ? s * k : scale * s * k;
    }
  return out;
}

/**
 * Diagonal version of {@link combineTerms}: row i holds the O×O block ⟨D1(i,a), D2(i,b)⟩·K_ii (`full`, N×O²)
 * or its trace (`trace`, scaled by 1/O for `mean`; N×1).
 *
 * @param D1 - (N·O) × m signals (or Jacobian rows) at X1.
 * @param D2 - The same at X2 (same shape).
 * @param m - Row length.
 * @param Kdiag - Length-N feature-kernel diagonal, or null for 1.
 * @param n - N.
 * @param O - Outputs.
 * @param mode - Output mode.
 * @returns The term, length N·O² (`full`) or N.
 */
export function combineDiagonal(
  D1: FloatArray,
  D2: FloatArray,
  m: number,
  Kdiag: ArrayLike<number> | null,
  n: number,
  O: number,
  mode: NtkOutputMode,
): Float64Array {
  const full = mode === 'full';
  const out = new Float64Array(full ? n * O * O : n);
  const scale = mode === 'mean' && O > 1 ? 1 / O : 1;
  for (let i = 0; i < n; i++) {
    const k = Kdiag === null ? 1 : (Kdiag[i] as number);
    for (let a = 0; a < O; a++)
      for (let b = 0; b < O; b++) {
        if (!full && a !== b) continue;
        const ra = (i * O + a) * m;
        const rb = (i * O + b) * m;
        let s = 0;
        for (let p = 0; p < m; p++) s += (D1[ra + p] as number) * (D2[rb + p] as number);
        if (full) out[i * O * O + a * O + b] = s * k;
        else out[i] = (out[i] as number) + scale * s * k;
      }
  }
  return out;
}

/**
 * Row-wise inner products ⟨A1(i), A2(i)⟩ in float64.
 *
 * @param A1 - N × m.
 * @param A2 - N × m.
 * @param n - N.
 * @param m - Columns.
 * @returns Length N.
 */
export function rowDots(A1: FloatArray, A2: FloatArray, n: number, m: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let p = 0; p < m; p++) s += (A1[i * m + p] as number) * (A2[i * m + p] as number);
    out[i] = s;
  }
  return out;
}
