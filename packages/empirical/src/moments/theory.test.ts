// Theory check: the Monte-Carlo mean of the empirical NTK and NNGP approaches the infinite-width kernels of
// @ntk/analytic (Jacot et al. 2018; Lee et al. 2018), and the fluctuations shrink like 1/√width.
import { mlpKernels } from '@ntk/analytic';
import { key, Matrix as M, normal } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { empiricalMoments } from './empirical-moments.ts';
import type { EmpiricalMoments } from './types.ts';

// Three inputs in d = 4, rescaled to |x|² = d, fixed key 5.
const d = 4;
const raw = normal(key(5), 3 * d);
for (let i = 0; i < 3; i++) {
  const row = raw.subarray(i * d, (i + 1) * d);
  const s = Math.sqrt(d / row.reduce((a, v) => a + v * v, 0));
  for (let j = 0; j < d; j++) row[j]! *= s;
}
const X = new M(3, d, raw);
const DEPTH = 2;
// Widths and sample counts (base key 1000 + activation index): K·width² is what the run time scales with.
// Width 4096 costs ≈ 1–3 s per initialisation here (drawing 4096² weights), so it runs for ReLU only, with K = 8,
// in the test after this loop.
const RUNS = [
  { width: 256, samples: 64 },
  { width: 1024, samples: 32 },
] as const;
const CASES = [
  { activation: 'relu', sigmaW2: 2, sigmaB2: 0.1 },
  { activation: 'erf', sigmaW2: 1.5, sigmaB2: 0.05 },
  { activation: 'tanh', sigmaW2: 1.5, sigmaB2: 0.05 },
] as const;

/** Mean over entries of sd(Θ̂_ij)/√(m_ii·m_jj): the fluctuation relative to the kernel's scale (entries with a
 * mean near 0, e.g. odd activations at near-orthogonal inputs, would make sd/|m_ij| meaningless). */
function meanRelSd(m: EmpiricalMoments['ntk']): number {
  const n = m.mean.rows;
  let s = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      s += Math.sqrt(m.variance.get(i, j)) / Math.sqrt(Math.abs(m.mean.get(i, i) * m.mean.get(j, j)));
  return s / (n * n);
}

describe('empiricalMoments (theory)', () => {
  for (const [c, cse] of CASES.map((c, i) => [c, i] as const)) {
    it(`empiricalMoments: the mean of Θ̂ and of the NNGP approaches mlpKernels, fluctuations ∝ 1/√width (${c.activation})`, async () => {
      const results: EmpiricalMoments[] = [];
      for (const run of RUNS) {
        results.push(
          await empiricalMoments({
            spec: {
              activation: c.activation,
              depth: DEPTH,
              widths: run.width,
              sigmaW2: c.sigmaW2,
              sigmaB2: c.sigmaB2,
            },
            X1: X,
            key: key(1000 + cse),
            samples: run.samples,
          }),
        );
      }
      // Fluctuations: the relative standard deviation of Θ̂ over initialisations is O(1/√n) (Hanin & Nica
      // 2020), so quadrupling the width halves it. A sample sd from K draws has relative standard error
      // ≈ 1/√(2K) (Gaussian case), so log(ratio) ≈ log 2 ± s with s² = 1/(2K₁) + 1/(2K₂); accept 3s.
      const sd = results.map((r) => meanRelSd(r.ntk));
      const ratio = sd[0]! / sd[1]!;
      const s = Math.sqrt(1 / (2 * RUNS[0].samples) + 1 / (2 * RUNS[1].samples));
      const lo = 2 * Math.exp(-3 * s);
      const hi = 2 * Math.exp(3 * s);
      const lines = [
        `${c.activation} (key(${1000 + cse}), K = ${RUNS.map((r) => r.samples).join(', ')}): rel. sd of Θ̂ at widths ${RUNS.map((r) => r.width).join(', ')}: ${sd.map((v) => v.toFixed(4)).join(', ')} (ratio ${ratio.toFixed(2)}, expected 2, accepted [${lo.toFixed(2)}, ${hi.toFixed(2)}])`,
      ];
      expect(ratio).toBeGreaterThan(lo);
      expect(ratio).toBeLessThan(hi);
      const theory = mlpKernels(
        { activation: c.activation, depth: DEPTH, sigmaW2: c.sigmaW2, sigmaB2: c.sigmaB2 },
        X,
      );
      const errs: number[][] = [];
      results.forEach((r, w) => {
        const n = RUNS[w]!.width;
        const row: number[] = [];
        for (const [name, st, th] of [
          ['NTK', r.ntk, theory.ntk],
          ['NNGP', r.nngp, theory.nngp],
        ] as const) {
          let worst = 0;
          for (let i = 0; i < th.data.length; i++) {
            const t = th.data[i]!;
            const err = Math.abs(st.mean.data[i]! - t);
            // Tolerance: 4 standard errors of the Monte-Carlo mean, plus the finite-width bias of the mean,
            // which is O(depth/n) relative (Hanin & Nica 2020); allowed as 2·(L+1)/n·|Θ|.
            const tol = 4 * st.stdError.data[i]! + ((2 * (DEPTH + 1)) / n) * Math.abs(t);
            expect(
              err,
              `${name} entry ${i} at width ${n}: |${st.mean.data[i]} − ${t}| vs ${tol}`,
            ).toBeLessThanOrEqual(tol);
            const n3 = th.rows;
            const scale = Math.sqrt(
              Math.abs(th.data[Math.floor(i / n3) * (n3 + 1)]! * th.data[(i % n3) * (n3 + 1)]!),
            );
            worst = Math.max(worst, err / scale);
          }
          row.push(worst);
          lines.push(
            `  width ${n}, K = ${RUNS[w]!.samples}: max |mean − theory|/√(θ_ii θ_jj) ${name} = ${worst.toExponential(2)}`,
          );
        }
        errs.push(row);
      });
      console.log(lines.join('\n'));
    });
  }

  it('empiricalMoments: ReLU at width 4096 (K = 8, key(1100)) continues the approach: mean within 4 SE + bias, spread halves again', async () => {
    const spec = { activation: 'relu', depth: DEPTH, sigmaW2: 2, sigmaB2: 0.1 };
    const wide = await empiricalMoments({
      spec: { ...spec, widths: 4096 },
      X1: X,
      key: key(1100),
      samples: 8,
    });
    const mid = await empiricalMoments({
      spec: { ...spec, widths: 1024 },
      X1: X,
      key: key(1101),
      samples: 32,
    });
    const theory = mlpKernels(spec, X);
    for (let i = 0; i < theory.ntk.data.length; i++) {
      const t = theory.ntk.data[i]!;
      const tol = 4 * wide.ntk.stdError.data[i]! + ((2 * (DEPTH + 1)) / 4096) * Math.abs(t);
      expect(Math.abs(wide.ntk.mean.data[i]! - t)).toBeLessThanOrEqual(tol);
    }
    // sd ratio 1024 → 4096 ≈ 2; its log has standard error s = √(1/(2·32) + 1/(2·8)): accept 3s.
    const ratio = meanRelSd(mid.ntk) / meanRelSd(wide.ntk);
    const s = Math.sqrt(1 / 64 + 1 / 16);
    console.log(
      `relu rel. sd ratio 1024→4096: ${ratio.toFixed(2)} (accepted [${(2 * Math.exp(-3 * s)).toFixed(2)}, ${(2 * Math.exp(3 * s)).toFixed(2)}])`,
    );
    expect(ratio).toBeGreaterThan(2 * Math.exp(-3 * s));
    expect(ratio).toBeLessThan(2 * Math.exp(3 * s));
  }, 120_000);
});
