import { NumericalError } from '../errors/numerical-error.ts';

/** Largest number of implicit QL iterations allowed for one eigenvalue before giving up. */
const MAX_ITERATIONS = 60;

/** √(a² + b²) without destructive overflow or underflow (EISPACK `pythag`); faster than `Math.hypot` in V8. */
function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x > y) {
    const r = y / x;
    return x * Math.sqrt(1 + r * r);
  }
  if (y === 0) return 0;
  const r = x / y;
  return y * Math.sqrt(1 + r * r);
}

/**
 * Householder reduction of a symmetric matrix to tridiagonal form T = Qᵀ·A·Q, Q = P_{n−1}·…·P₁ with
 * P_i = I − u_i·u_iᵀ/h_i (EISPACK `tred2` order, from the last row up). Internal kernel of `eigh` and
 * `eigvalsh`; it does not validate.
 *
 * @param a - Row-major n×n, lower triangle used; overwritten: row i holds u_i in its first i entries.
 * @param n - Order.
 * @param d - Out: the diagonal of T.
 * @param e - Out: the subdiagonal of T, e[i] coupling i−1 and i (e[0] = 0).
 * @returns h_i for each i (0 where P_i = I).
 * @example
 * ```ts
 * const hs = householderTridiagonal(a, n, d, e);
 * ```
 */
export function householderTridiagonal(
  a: Float64Array,
  n: number,
  d: Float64Array,
  e: Float64Array,
): Float64Array {
  const hs = new Float64Array(n);
  // p accumulates A·u of the current step; q holds the q of the previous step, whose rank-2 update
  // A ← A − u·qᵀ − q·uᵀ is pending (u = row i+1 of a). That update is fused with the next product A·u, so
  // the lower triangle is streamed once per step instead of twice (the reduction is memory-bound for
  // N ≳ 1000).
  let p = new Float64Array(n);
  let q = new Float64Array(n);
  let pending = false;
  for (let i = n - 1; i >= 1; i--) {
    const row = i * n;
    const l = i - 1;
    const prev = row + n; // u of the pending update
    if (pending) {
      // Row i of the pending update first: it is the next Householder vector.
      const ui = a[prev + i] as number;
      const qi = q[i] as number;
      for (let k = 0; k <= i; k++) a[row + k] -= ui * (q[k] as number) + qi * (a[prev + k] as number);
    }
    d[i] = a[row + i] as number;
    let scale = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(a[row + k] as number);
    if (i === 1 || scale === 0) {
      e[i] = a[row + l] as number;
      if (pending) {
        for (let j = 0; j < i; j++) {
          const rj = j * n;
          const uj = a[prev + j] as number;
          const qj = q[j] as number;
          for (let k = 0; k <= j; k++) a[rj + k] -= uj * (q[k] as number) + qj * (a[prev + k] as number);
        }
        pending = false;
      }
      continue;
    }
    // u = x/scale with u_l = f − g, where g = −sign(f)·‖x/scale‖; P = I − u·uᵀ/h with h = ‖u‖²/2.
    let h = 0;
    const inv = 1 / scale;
    for (let k = 0; k < i; k++) {
      const v = (a[row + k] as number) * inv;
      a[row + k] = v;
      h += v * v;
    }
    const f = a[row + l] as number;
    const g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
    e[i] = scale * g;
    h -= f * g;
    a[row + l] = f - g;
    hs[i] = h;
    // p = A·u over the leading i×i block, reading its lower triangle once, row by row (applying the
    // pending update to each entry just before it is used).
    p.fill(0, 0, i);
    if (pending) {
      for (let j = 0; j < i; j++) {
        const rj = j * n;
        const uj = a[row + j] as number;
        const vj = a[prev + j] as number;
        const qj = q[j] as number;
        let s = 0;
        for (let k = 0; k < j; k++) {
          const ajk = (a[rj + k] as number) - (vj * (q[k] as number) + qj * (a[prev + k] as number));
          a[rj + k] = ajk;
          s += ajk * (a[row + k] as number);
          p[k] += ajk * uj;
        }
        const ajj = (a[rj + j] as number) - 2 * vj * qj;
        a[rj + j] = ajj;
        p[j] += s + ajj * uj;
      }
    } else {
      for (let j = 0; j < i; j++) {
        const rj = j * n;
        const uj = a[row + j] as number;
        let s = 0;
        for (let k = 0; k < j; k++) {
          const ajk = a[rj + k] as number;
          s += ajk * (a[row + k] as number);
          p[k] += ajk * uj;
        }
        p[j] += s + (a[rj + j] as number) * uj;
      }
    }
    // p ← p/h; q = p − K·u with K = uᵀp/(2h); it becomes the pending update.
    let up = 0;
    const invH = 1 / h;
    for (let j = 0; j < i; j++) {
      const v = (p[j] as number) * invH;
      p[j] = v;
      up += v * (a[row + j] as number);
    }
    const kk = up / (h + h);
    for (let j = 0; j < i; j++) p[j] -= kk * (a[row + j] as number);
    const t = q;
    q = p;
    p = t;
    pending = true;
  }
  d[0] = a[0] as number;
  e[0] = 0;
  return hs;
}

/**
 * Forms Qᵀ = P₁·P₂·…·P_{n−1} (row-major) from the reflectors left in `a` by {@link householderTridiagonal}.
 *
 * @param a - The reduced matrix (row i holds u_i).
 * @param n - Order.
 * @param hs - h_i from the reduction.
 * @returns Qᵀ, n×n row-major.
 * @example
 * ```ts
 * const qt = accumulateReflectors(a, n, householderTridiagonal(a, n, d, e));
 * ```
 */
export function accumulateReflectors(a: Float64Array, n: number, hs: Float64Array): Float64Array {
  // Qᵀ = P₁·P₂·…·P_{n−1} by right products W ← W·P_i; after P₁…P_{i−1} only rows/columns < i are
  // non-trivial. Four reflectors per pass over each row of W (copied, zero-padded, into `u`):
  // W·P_i·…·P_{i+3} = W − Σ_j t_j·u_jᵀ with t_j = (W·u_j − Σ_{l<j} t_l·(u_l·u_j)) / h_j, which cuts the
  // loads and stores on W (the accumulation is memory-bound for N ≳ 1000) by four.
  const vt = new Float64Array(n * n);
  for (let r = 0; r < n; r++) vt[r * n + r] = 1;
  const u = new Float64Array(4 * n);
  const inv = new Float64Array(4);
  let i = 2;
  for (; i + 3 < n; i += 4) {
    const len = i + 3;
    let any = false;
    for (let j = 0; j < 4; j++) {
      const h = hs[i + j] as number;
      inv[j] = h === 0 ? 0 : 1 / h;
      const src = (i + j) * n;
      const dst = j * n;
      const support = h === 0 ? 0 : i + j;
      for (let k = 0; k < len; k++) u[dst + k] = k < support ? (a[src + k] as number) : 0;
      any ||= h !== 0;
    }
    if (!any) continue;
    const o1 = n;
    const o2 = 2 * n;
    const o3 = 3 * n;
    let g01 = 0;
    let g02 = 0;
    let g03 = 0;
    let g12 = 0;
    let g13 = 0;
    let g23 = 0;
    for (let k = 0; k < len; k++) {
      const x0 = u[k] as number;
      const x1 = u[o1 + k] as number;
      const x2 = u[o2 + k] as number;
      const x3 = u[o3 + k] as number;
      g01 += x0 * x1;
      g02 += x0 * x2;
      g03 += x0 * x3;
      g12 += x1 * x2;
      g13 += x1 * x3;
      g23 += x2 * x3;
    }
    const i0 = inv[0] as number;
    const i1 = inv[1] as number;
    const i2 = inv[2] as number;
    const i3 = inv[3] as number;
    for (let r = 0; r < len; r++) {
      const rr = r * n;
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      for (let k = 0; k < len; k++) {
        const w = vt[rr + k] as number;
        d0 += w * (u[k] as number);
        d1 += w * (u[o1 + k] as number);
        d2 += w * (u[o2 + k] as number);
        d3 += w * (u[o3 + k] as number);
      }
      const t0 = d0 * i0;
      const t1 = (d1 - t0 * g01) * i1;
      const t2 = (d2 - t0 * g02 - t1 * g12) * i2;
      const t3 = (d3 - t0 * g03 - t1 * g13 - t2 * g23) * i3;
      if (t0 === 0 && t1 === 0 && t2 === 0 && t3 === 0) continue;
      for (let k = 0; k < len; k++) {
        vt[rr + k] -=
          t0 * (u[k] as number) +
          t1 * (u[o1 + k] as number) +
          t2 * (u[o2 + k] as number) +
          t3 * (u[o3 + k] as number);
      }
    }
  }
  for (; i < n; i++) {
    const h = hs[i] as number;
    if (h === 0) continue;
    const row = i * n;
    for (let r = 0; r < i; r++) {
      const rr = r * n;
      let t = 0;
      for (let k = 0; k < i; k++) t += (vt[rr + k] as number) * (a[row + k] as number);
      if (t === 0) continue;
      t /= h;
      for (let k = 0; k < i; k++) vt[rr + k] -= t * (a[row + k] as number);
    }
  }
  return vt;
}

/**
 * Implicit QL iterations on a symmetric tridiagonal (d, e) (EISPACK `tql2`: Bowdler, Martin, Reinsch &
 * Wilkinson 1968), with the shift of the leading 2×2 block; optionally rotating the rows of `vt` (= Vᵀ).
 *
 * @param d - Diagonal; on exit the eigenvalues, unsorted.
 * @param e - Subdiagonal as from {@link householderTridiagonal} (e[i] couples i−1 and i); destroyed.
 * @param vt - Null for eigenvalues only (O(n²) work), or Qᵀ: on exit row i is the eigenvector of d[i].
 * @param n - Order.
 * @param fn - Public function name, for the error.
 * @throws {NumericalError} If an eigenvalue needs more than 60 iterations.
 * @example
 * ```ts
 * implicitQl(d, e, qt, n, 'eigh');
 * ```
 */
export function implicitQl(
  d: Float64Array,
  e: Float64Array,
  vt: Float64Array | null,
  n: number,
  fn: string,
): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i] as number;
  e[n - 1] = 0;
  const eps = 2 ** -52;
  const cs = new Float64Array(n);
  const sn = new Float64Array(n);
  const carry = new Float64Array(vt === null ? 0 : n);
  let f = 0;
  let tst1 = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l] as number) + Math.abs(e[l] as number));
    let m = l;
    while (m < n - 1 && Math.abs(e[m] as number) > eps * tst1) m++;
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > MAX_ITERATIONS) {
          throw new NumericalError(fn, `QL iteration did not converge for eigenvalue ${l} of ${n}.`, {
            index: l,
          });
        }
        // Shift: the eigenvalue of the leading 2×2 block closer to d[l].
        let g = d[l] as number;
        let p = ((d[l + 1] as number) - g) / (2 * (e[l] as number));
        let r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = (e[l] as number) / (p + r);
        d[l + 1] = (e[l] as number) * (p + r);
        const dl1 = d[l + 1] as number;
        let h = g - (d[l] as number);
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        // Implicit QL sweep from m−1 down to l.
        p = d[m] as number;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1] as number;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          const ei = e[i] as number;
          g = c * ei;
          h = c * p;
          r = hypot(p, ei);
          e[i + 1] = s * r;
          s = ei / r;
          c = p / r;
          const di = d[i] as number;
          p = c * di - s * g;
          d[i + 1] = h + s * (c * g + s * di);
          cs[i] = c;
          sn[i] = s;
        }
        if (vt !== null) rotateRows(vt, n, l, m, cs, sn, carry);
        p = (-s * s2 * c3 * el1 * (e[l] as number)) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l] as number) > eps * tst1);
    }
    d[l] = (d[l] as number) + f;
    e[l] = 0;
  }
}

/**
 * Applies the Givens rotations of one QL sweep to the rows l..m of Vᵀ, in the sweep's order i = m−1, …, l:
 * row_{i+1} ← s_i·row_i + c_i·row_{i+1}, row_i ← c_i·row_i − s_i·row_{i+1}. Row i+1 is final after rotation i,
 * so the running row is carried in `carry` and four rotations are fused per pass: per element 5 loads and
 * 5 stores instead of 16 (the loop is bound by loads and stores, not by its 6 flops per rotation).
 */
function rotateRows(
  vt: Float64Array,
  n: number,
  l: number,
  m: number,
  cs: Float64Array,
  sn: Float64Array,
  carry: Float64Array,
): void {
  carry.set(vt.subarray(m * n, m * n + n));
  let i = m - 1;
  for (; i - 3 >= l; i -= 4) {
    const c0 = cs[i] as number;
    const s0 = sn[i] as number;
    const c1 = cs[i - 1] as number;
    const s1 = sn[i - 1] as number;
    const c2 = cs[i - 2] as number;
    const s2 = sn[i - 2] as number;
    const c3 = cs[i - 3] as number;
    const s3 = sn[i - 3] as number;
    const r1 = (i + 1) * n;
    const r0 = i * n;
    const rm1 = r0 - n;
    const rm2 = rm1 - n;
    const rm3 = rm2 - n;
    for (let k = 0; k < n; k++) {
      let h = carry[k] as number;
      let x = vt[r0 + k] as number;
      vt[r1 + k] = s0 * x + c0 * h;
      h = c0 * x - s0 * h;
      x = vt[rm1 + k] as number;
      vt[r0 + k] = s1 * x + c1 * h;
      h = c1 * x - s1 * h;
      x = vt[rm2 + k] as number;
      vt[rm1 + k] = s2 * x + c2 * h;
      h = c2 * x - s2 * h;
      x = vt[rm3 + k] as number;
      vt[rm2 + k] = s3 * x + c3 * h;
      carry[k] = c3 * x - s3 * h;
    }
  }
  for (; i >= l; i--) {
    const c = cs[i] as number;
    const s = sn[i] as number;
    const r1 = (i + 1) * n;
    const r0 = i * n;
    for (let k = 0; k < n; k++) {
      const h = carry[k] as number;
      const x = vt[r0 + k] as number;
      vt[r1 + k] = s * x + c * h;
      carry[k] = c * x - s * h;
    }
  }
  vt.set(carry, l * n);
}
