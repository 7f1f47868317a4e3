import type { Activation } from '@ntk/activations';
import { gaussian1d, type NormalRule, normalRule } from '../numeric/gaussian-1d.ts';
import type { ActivationMoments } from './moments.ts';
import { DEFAULT_QUADRATURE, type QuadratureOptions } from './quadrature-options.ts';

/**
 * Moments of any activation by the kink- and correlation-aware 2-D quadrature described in
 * {@link QuadratureOptions}. The gap √(A1 A2) − E[φ(u)φ(v)] is computed as √(Â1 Â2)/2 · E[(φ(u)/√Â1 − φ(v)/√Â2)²]
 * with Â the rule's own marginals, a sum of non-negative terms: no cancellation as ρ → 1.
 *
 * @param act - A resolved activation (its `kinks` are used).
 * @param options - The quadrature knob.
 * @returns The moments.
 */
export function quadratureMoments(act: Activation, options: QuadratureOptions = {}): ActivationMoments {
  const order = options.order ?? DEFAULT_QUADRATURE.order;
  const panelWidth = options.panelWidth ?? DEFAULT_QUADRATURE.panelWidth;
  const range = options.range ?? DEFAULT_QUADRATURE.range;
  const phi = act.phi.fn;
  const dphi = act.dphi.fn;
  const kinks = act.kinks;
  const base0 = normalRule([], order, panelWidth, range);
  const sq = (x: number): number => {
    const y = phi(x);
    return y * y;
  };
  const dsq = (x: number): number => {
    const y = dphi(x);
    return y * y;
  };
  let scratchV = new Float64Array(0);
  let scratchW = new Float64Array(0);

  const innerRule = (a: number, b: number, base: NormalRule, pw: number): NormalRule => {
    if (kinks.length === 0) return base;
    let inside = false;
    const breaks: number[] = [];
    for (const k of kinks) {
      const z = (k - a) / b;
      if (z > -range && z < range) {
        inside = true;
        breaks.push(z);
      }
    }
    return inside ? normalRule(breaks, order, pw, range) : base;
  };

  return {
    activation: act,
    method: 'quadrature',
    diag(q, out) {
      const pw = panelWidth / Math.min(4, Math.max(1, Math.sqrt(q)));
      out[0] = gaussian1d(sq, q, kinks, order, pw, range);
      out[1] = gaussian1d(dsq, q, kinks, order, pw, range);
    },
    pair(q1, q2, s, out) {
      const r1 = Math.sqrt(q1);
      const r2 = Math.sqrt(q2);
      const rho = 1 - s;
      // φ varies on the scale 1 in x = √q z: panels shrink with √q (at most 4× the default count).
      const pw = panelWidth / Math.min(4, Math.max(1, r1, r2));
      const base = pw === panelWidth ? base0 : normalRule([], order, pw, range);
      const sigma = Math.sqrt(s * (2 - s));
      const breaks: number[] = [];
      for (const k of kinks) {
        breaks.push(k / r1);
        if (sigma === 0) breaks.push(k / r2);
        else if (rho !== 0) {
          const z0 = k / (r2 * rho);
          const w = sigma / Math.abs(rho);
          breaks.push(z0);
          for (let h = w; h < pw; h *= 2) breaks.push(z0 - h, z0 + h);
        }
      }
      const outer = breaks.length === 0 ? base : normalRule(breaks, order, pw, range);
      const no = outer.nodes.length;
      let k = 0;
      let kd = 0;
      let a1 = 0;
      let a2 = 0;
      if (sigma === 0) {
        // ρ = 1: v = √q2 z1, a 1-D integral.
        for (let i = 0; i < no; i++) {
          const z = outer.nodes[i] as number;
          const w = outer.weights[i] as number;
          const pu = phi(r1 * z);
          const pv = phi(r2 * z);
          k += w * pu * pv;
          kd += w * dphi(r1 * z) * dphi(r2 * z);
          a1 += w * pu * pu;
          a2 += w * pv * pv;
        }
        let g = 0;
        const i1 = a1 > 0 ? 1 / Math.sqrt(a1) : 0;
        const i2 = a2 > 0 ? 1 / Math.sqrt(a2) : 0;
        for (let i = 0; i < no; i++) {
          const z = outer.nodes[i] as number;
          const d = phi(r1 * z) * i1 - phi(r2 * z) * i2;
          g += (outer.weights[i] as number) * d * d;
        }
        out[0] = k;
        out[1] = (Math.sqrt(a1 * a2) * g) / 2;
        out[2] = kd;
        return;
      }
      const b = r2 * sigma;
      // Pass 1: φ(v) at every node is stored with its weight, for the gap pass.
      const cap = no * base.nodes.length * 4;
      if (scratchV.length < cap) {
        scratchV = new Float64Array(cap);
        scratchW = new Float64Array(cap);
      }
      const pu = new Float64Array(no);
      const start = new Int32Array(no + 1);
      let p = 0;
      for (let i = 0; i < no; i++) {
        const z1 = outer.nodes[i] as number;
        const wo = outer.weights[i] as number;
        const u = r1 * z1;
        const fu = phi(u);
        pu[i] = fu;
        const a = r2 * rho * z1;
        const inner = innerRule(a, b, base, pw);
        const ni = inner.nodes.length;
        if (p + ni > scratchV.length) {
          const nv = new Float64Array(2 * (p + ni));
          nv.set(scratchV.subarray(0, p));
          scratchV = nv;
          const nw = new Float64Array(2 * (p + ni));
          nw.set(scratchW.subarray(0, p));
          scratchW = nw;
        }
        start[i] = p;
        let m1 = 0;
        let m2 = 0;
        let m3 = 0;
        let wsum = 0;
        for (let j = 0; j < ni; j++) {
          const v = a + b * (inner.nodes[j] as number);
          const wi = inner.weights[j] as number;
          const fv = phi(v);
          m1 += wi * fv;
          m2 += wi * dphi(v);
          m3 += wi * fv * fv;
          wsum += wi;
          scratchV[p] = fv;
          scratchW[p] = wo * wi;
          p++;
        }
        k += wo * fu * m1;
        kd += wo * dphi(u) * m2;
        a1 += wo * wsum * fu * fu;
        a2 += wo * m3;
      }
      start[no] = p;
      const i1 = a1 > 0 ? 1 / Math.sqrt(a1) : 0;
      const i2 = a2 > 0 ? 1 / Math.sqrt(a2) : 0;
      let g = 0;
      for (let i = 0; i < no; i++) {
        const fu = (pu[i] as number) * i1;
        const end = start[i + 1] as number;
        for (let j = start[i] as number; j < end; j++) {
          const d = fu - (scratchV[j] as number) * i2;
          g += (scratchW[j] as number) * d * d;
        }
      }
      out[0] = k;
      out[1] = (Math.sqrt(a1 * a2) * g) / 2;
      out[2] = kd;
    },
  };
}
