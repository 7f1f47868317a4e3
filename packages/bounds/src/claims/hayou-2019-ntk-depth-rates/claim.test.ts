import { edgeOfChaos } from '@ntk/analytic';
import { foldIn, key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { evaluateTests } from '../../claim/evaluate-tests.ts';
import type { Budget, Measurement, Observation } from '../../claim/types.ts';
import { cpuContext } from '../monte-carlo/run-grid.ts';
import {
  hayouNtkDepthRatesClaim as claim,
  ERF_EOC_SIGMA_W2,
  type HayouParams,
  TANH_EOC_SIGMA_W2,
} from './claim.ts';

const SEED = 20190531; // run seed of this file's measurements (printed below)
const ctx = (k: number, budget: Budget = 'quick') => cpuContext(foldIn(key(SEED), k), budget);

// Independent references (not the package's code): erf moments in closed form,
// E[erf(√q z)²] = (2/π) asin(2q/(1 + 2q)), E[erf'(√q z)²] = (4/π)/√(1 + 4q), q* by bisection of V(q) − q.
const erfV = (q: number) => (2 / Math.PI) * Math.asin((2 * q) / (1 + 2 * q));
const erfD = (q: number) => 4 / Math.PI / Math.sqrt(1 + 4 * q);
function erfChi1(sw2: number, sb2: number): number {
  let a = 1e-12;
  let b = 1e6;
  // V(q) − q is positive below q* and negative above (V is concave with V(0) = σ_b² > 0).
  for (let i = 0; i < 300; i++) {
    const m = Math.sqrt(a * b);
    if (sw2 * erfV(m) + sb2 - m > 0) a = m;
    else b = m;
  }
  return sw2 * erfD(Math.sqrt(a * b));
}

describe('hayouNtkDepthRatesClaim.predict', () => {
  it('predict gives the mean-field rates: ½ ln(σ_w²/2) for ReLU ordered, ±ln χ₁ for erf (independent q*)', () => {
    const [reluOrdered, erfOrdered, erfChaotic, reluEoc, erfEoc] = claim.grid.quick as HayouParams[];
    // ReLU: χ₁ = σ_w²·P(z > 0) = σ_w²/2 exactly; the NTK correlation gap decays like √(1 − c) ∝ χ₁^{L/2}.
    expect(claim.predict(reluOrdered!).rate).toBeCloseTo(0.5 * Math.log(1.6 / 2), 12);
    expect(claim.predict(erfOrdered!).rate).toBeCloseTo(Math.log(erfChi1(1.0, 0.1)), 9);
    expect(claim.predict(erfChaotic!).rate).toBeCloseTo(-Math.log(erfChi1(3, 0.1)), 9);
    expect(claim.predict(erfChaotic!).limit).toBe(0);
    // EOC: with 1 − c_l ~ 9π²/(2l²) (ReLU), Σ̇ = 1 − arccos(c)/π ≈ 1 − 3/l, so Π_{k>l} Σ̇_k ≈ (l/L)³ and
    // Θ^L(x, x′)/Θ^L(x, x) → ∫₀¹u³du = 1/4; smooth: 1 − c_l ~ β/l, Σ̇ ≈ 1 − 2/l, → ∫₀¹u²du = 1/3.
    expect(claim.predict(reluEoc!)).toEqual({ limit: 0.25, exponent: 1, lambdaMin: 0.75 });
    expect(claim.predict(erfEoc!).limit).toBeCloseTo(1 / 3, 15);
    expect(claim.predict(erfEoc!).lambdaMin).toBeCloseTo(2 / 3, 15);
  });
  it('the EOC constants are on the edge of chaos (independent erf χ₁ = 1; tanh against edgeOfChaos)', () => {
    expect(Math.abs(erfChi1(ERF_EOC_SIGMA_W2, 0.1) - 1)).toBeLessThan(1e-12);
    expect(
      Math.abs((edgeOfChaos('tanh', { sigmaB2Grid: [0.1] })[0]?.sigmaW2 as number) - TANH_EOC_SIGMA_W2),
    ).toBeLessThan(1e-10);
  });
  it('the ReLU EOC limit 1/4 matches an independent arc-cosine recursion at L = 3000', () => {
    // Two inputs at 60° with σ_w² = 2, σ_b² = 0: Σ^l(x, x) = q = 2 at every layer, so with t_l = Θ^l(x, x′)/q:
    // t₁ = c₁ = cos 60°, c_{l+1} = (√(1 − c²) + (π − arccos c)c)/π, Σ̇_{l+1} = (π − arccos c_l)/π,
    // t_{l+1} = c_{l+1} + t_l Σ̇_{l+1}; the diagonal is t = l, so ρ at depth L (L + 1 dense layers) is t_{L+1}/(L + 1).
    let c = 0.5;
    let t = 0.5; // Θ¹(x, x′)/q
    const L = 3000;
    for (let l = 1; l <= L; l++) {
      const th = Math.acos(c);
      const dot = (Math.PI - th) / Math.PI;
      c = (Math.sqrt(1 - c * c) + (Math.PI - th) * c) / Math.PI;
      t = c + t * dot;
    }
    const rho = t / (L + 1);
    expect(rho - 0.25).toBeGreaterThan(0);
    expect(rho - 0.25).toBeLessThan((Math.log(L) / L) * 1.5);
  });
});

describe('hayouNtkDepthRatesClaim.measure', () => {
  it('measure is reproducible by key (bit-identical) and differs for another key', async () => {
    const p = claim.grid.quick[0] as HayouParams;
    const a = await claim.measure(p, ctx(1));
    const b = await claim.measure(p, ctx(1));
    const c = await claim.measure(p, ctx(2));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c.values.rate?.value).not.toBe(a.values.rate?.value);
    const e = claim.grid.quick[4] as HayouParams;
    const ea = await claim.measure({ ...e, maxDepth: 300 }, ctx(3));
    const eb = await claim.measure({ ...e, maxDepth: 300 }, ctx(3));
    expect(JSON.stringify(eb)).toBe(JSON.stringify(ea));
  });
  it('measure honours an aborted signal', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(
      claim.measure(claim.grid.quick[0] as HayouParams, { ...ctx(1), signal: ac.signal }),
    ).rejects.toThrow();
  });
});

/** Synthetic observations: every measured statistic set to `shift`(prediction) with standard error `se`. */
function synthetic(shift: (v: number) => number, se: number): Observation<HayouParams>[] {
  return (claim.grid.quick as HayouParams[]).map((params) => {
    const prediction = claim.predict(params);
    const measurement: Measurement =
      params.regime === 'edge-of-chaos'
        ? {
            values: {
              exponent: { value: shift(prediction.exponent as number), standardError: se },
              lambdaMin: {
                value: shift(prediction.lambdaMin as number),
                interval: [
                  shift(prediction.lambdaMin as number) - se,
                  shift(prediction.lambdaMin as number) + se,
                ],
              },
            },
          }
        : { values: { rate: { value: shift(prediction.rate as number), standardError: se } } };
    return { params, prediction, measurement };
  });
}

describe('hayouNtkDepthRatesClaim.tests', () => {
  it('synthetic: measurement = prediction → supported; ×1.5 → contradicted; huge error → inconclusive', () => {
    expect(
      evaluateTests(
        claim.tests(
          synthetic((v) => v, 1e-4),
          'quick',
        ),
      ).verdict,
    ).toBe('supported');
    expect(
      evaluateTests(
        claim.tests(
          synthetic((v) => 1.5 * v, 1e-4),
          'quick',
        ),
      ).verdict,
    ).toBe('contradicted');
    expect(
      evaluateTests(
        claim.tests(
          synthetic((v) => v, 1),
          'quick',
        ),
      ).verdict,
    ).toBe('inconclusive');
  });
});

describe('hayouNtkDepthRatesClaim quick run', () => {
  it('runs the quick grid: predict + measure + tests + evaluateTests (verdict printed)', {
    timeout: 120_000,
  }, async () => {
    const obs: Observation<HayouParams>[] = [];
    for (const [i, params] of claim.grid.quick.entries()) {
      obs.push({
        params,
        prediction: claim.predict(params),
        measurement: await claim.measure(params, ctx(100 + i)),
      });
    }
    const ev = evaluateTests(claim.tests(obs, 'quick'));
    console.log(`${claim.id} quick (seed ${SEED}): ${ev.verdict}`);
    for (const t of ev.tests) {
      console.log(
        `  ${t.id}: ${t.value} [${t.interval[0]}, ${t.interval[1]}] accept [${t.accept.lo}, ${t.accept.hi}] → ${t.verdict}`,
      );
    }
    expect(['supported', 'contradicted', 'inconclusive']).toContain(ev.verdict);
    for (const t of ev.tests) expect(Number.isFinite(t.value)).toBe(true);
    expect(JSON.parse(JSON.stringify(obs))).toEqual(obs);
    const fig = claim.figure(obs);
    expect(fig.series.length).toBeGreaterThan(0);
  });
});
