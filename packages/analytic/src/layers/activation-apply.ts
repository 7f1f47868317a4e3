import { argumentError } from '@ntk/core';
import { degeneratePair } from '../moments/degenerate-pair.ts';
import type { ActivationMoments } from '../moments/moments.ts';
import { type ThetaTable, thetaTable } from '../moments/theta-table.ts';
import { fullState } from './full-state.ts';
import type { KernelState } from './kernel-state.ts';

const INV_2PI = 1 / (2 * Math.PI);
// sin θ − θ cos θ = Σ c_k θ^{2k+1}, c_k = (−1)^{k+1} 2k/(2k+1)!, used below θ = 0.5 (8 terms: error < 1e-17 relative).
const C1 = 1 / 3;
const C2 = -1 / 30;
const C3 = 1 / 840;
const C4 = -1 / 45360;
const C5 = 1 / 3991680;
const C6 = -1 / 518918400;
const C7 = 1 / 93405312000;
const C8 = -16 / 355687428096000;

/** The activation map on a state (no finiteness check; see activation()). */
export function activationApply(
  s: KernelState,
  m: ActivationMoments,
  inPlace: boolean,
  table: boolean | 'auto',
): KernelState {
  if (s.stage !== 'pre') {
    throw argumentError(
      'range',
      'activation',
      'state',
      'the output of a dense layer (activations act on Gaussian pre-activations)',
      s.stage === 'input' ? 'the raw inputs' : 'the output of an activation',
    );
  }
  const act = m.activation;
  const alloc = (a: Float64Array): Float64Array => (inPlace ? a : new Float64Array(a.length));
  const d = new Float64Array(2);
  const cache = new Map<number, [number, number]>();
  const diag = (v: Float64Array, t: Float64Array): [Float64Array, Float64Array] => {
    const nv = alloc(v);
    const nt = alloc(t);
    for (let i = 0; i < v.length; i++) {
      const q = v[i] as number;
      let hit = cache.get(q);
      if (!hit) {
        m.diag(q, d);
        hit = [d[0] as number, d[1] as number];
        cache.set(q, hit);
      }
      nv[i] = hit[0];
      nt[i] = (t[i] as number) * hit[1];
    }
    return [nv, nt];
  };
  const q1s = inPlace ? s.var1.slice() : s.var1;
  const q2s = s.symmetric ? q1s : inPlace ? s.var2.slice() : s.var2;
  const [var1, ntkVar1] = diag(s.var1, s.ntkVar1);
  const [var2, ntkVar2] = s.symmetric ? [var1, ntkVar1] : diag(s.var2, s.ntkVar2);
  if (s.diagonalOnly) {
    return { ...s, nngp: var1, ntk: ntkVar1, var1, var2: var1, ntkVar1, ntkVar2: ntkVar1, stage: 'post' };
  }
  const { rows, cols, symmetric } = s;
  const C = s.nngp;
  const T = s.ntk;
  const G = s.gap;
  const nngp = alloc(C);
  const ntk = alloc(T);
  const gap = alloc(G);
  const r1 = new Float64Array(rows);
  for (let i = 0; i < rows; i++) r1[i] = Math.sqrt(q1s[i] as number);
  const r2 = symmetric ? r1 : new Float64Array(cols);
  if (!symmetric) for (let j = 0; j < cols; j++) r2[j] = Math.sqrt(q2s[j] as number);

  if (m.method === 'closed-form' && act.builtin === 'relu') {
    // The hot loop: relu arc-cosine kernel, in place on flat arrays, no allocation per entry.
    for (let i = 0; i < rows; i++) {
      const a = r1[i] as number;
      const o = i * cols;
      for (let j = symmetric ? i + 1 : 0; j < cols; j++) {
        const p = o + j;
        const mm = a * (r2[j] as number);
        if (mm === 0) {
          nngp[p] = 0;
          gap[p] = 0;
          ntk[p] = 0; // φ'(0) = 0 for relu
          continue;
        }
        let sv = (G[p] as number) / mm;
        if (sv > 2) sv = 2;
        else if (!(sv >= 0)) sv = sv < 0 ? 0 : sv;
        const cos = 1 - sv;
        const sin = Math.sqrt(sv * (2 - sv));
        const theta = Math.atan2(sin, cos);
        const pmt = cos >= 0 ? Math.PI - theta : Math.atan2(sin, -cos);
        let J: number;
        if (theta < 0.5) {
          const t2 = theta * theta;
          J =
            theta *
            t2 *
            (C1 + t2 * (C2 + t2 * (C3 + t2 * (C4 + t2 * (C5 + t2 * (C6 + t2 * (C7 + t2 * C8)))))));
        } else J = sin - theta * cos;
        const f = mm * INV_2PI;
        nngp[p] = f * (sin + pmt * cos);
        gap[p] = f * (Math.PI * sv - J);
        ntk[p] = (T[p] as number) * pmt * INV_2PI;
      }
    }
  } else {
    const out = new Float64Array(3);
    let tab: ThetaTable | null = null;
    if (m.method === 'quadrature' && table !== false) {
      const q0 = q1s[0] as number;
      let equal = q0 > 0;
      // Equal variances up to rounding (inputs normalised in floating point, e.g. on the sphere): within 1e-13
      // relative, the table at q0 is used (an error of the same order in the kernel).
      const close = (q: number): boolean => Math.abs(q - q0) <= 1e-13 * q0;
      for (let i = 0; equal && i < rows; i++) equal = close(q1s[i] as number);
      for (let j = 0; equal && j < cols; j++) equal = close(q2s[j] as number);
      const entries = symmetric ? (rows * (rows - 1)) / 2 : rows * cols;
      if (equal && (table === true || entries > 2000)) tab = thetaTable(m, q0);
    }
    for (let i = 0; i < rows; i++) {
      const q1 = q1s[i] as number;
      const a = r1[i] as number;
      const o = i * cols;
      for (let j = symmetric ? i + 1 : 0; j < cols; j++) {
        const p = o + j;
        const q2 = q2s[j] as number;
        const mm = a * (r2[j] as number);
        if (mm === 0) degeneratePair(act, q1, q2, var1[i] as number, var2[j] as number, out);
        else {
          let sv = (G[p] as number) / mm;
          if (sv > 2) sv = 2;
          else if (!(sv >= 0)) sv = sv < 0 ? 0 : sv;
          if (tab) tab.eval(sv, out);
          else m.pair(q1, q2, sv, out);
        }
        nngp[p] = out[0] as number;
        gap[p] = out[1] as number;
        ntk[p] = (T[p] as number) * (out[2] as number);
      }
    }
  }
  return fullState({ rows, cols, symmetric, nngp, ntk, gap, var1, var2, ntkVar1, ntkVar2 }, 'post', s.width);
}
