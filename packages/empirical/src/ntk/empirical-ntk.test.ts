import { BUILTIN_ACTIVATIONS } from '@ntk/activations';
import { foldIn, key, Matrix } from '@ntk/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussianInputs, relErr } from '../../test/helpers.ts';
import { initMlp } from '../network/init-mlp.ts';
import { empiricalNtk } from './empirical-ntk.ts';

// exp grows as exp(exp(…)) with depth: capped at depth 2 so that the kernels stay finite (depth 3 overflows).
const MAX_DEPTH: Record<string, number> = { exp: 2 };

// Both methods sum the same P products per entry in a different order: rounding ≈ P·2⁻⁵³·max|Θ̂| ≤ 3e4·1.1e-16
// ≈ 3e-12 relative for the largest nets drawn here, so 1e-10 (the bound) has a margin of 30.
const TOL = 1e-10;

const caseArb = fc
  .record({
    depth: fc.integer({ min: 1, max: 6 }),
    act: fc.constantFrom(...BUILTIN_ACTIVATIONS),
    parameterization: fc.constantFrom('ntk' as const, 'standard' as const),
    sigmaW2: fc.double({ min: 0.5, max: 3, noNaN: true }),
    sigmaB2: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1, noNaN: true })),
    outputs: fc.constantFrom(1, 3),
    n1: fc.integer({ min: 1, max: 4 }),
    n2: fc.integer({ min: 1, max: 3 }),
    d: fc.integer({ min: 1, max: 5 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .chain((c) =>
    fc.record({
      c: fc.constant(c),
      widths: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: c.depth, maxLength: c.depth }),
      mode: fc.constantFrom('trace' as const, 'mean' as const, 'full' as const),
    }),
  );

describe('empiricalNtk', () => {
  it('empiricalNtk(net, X1, X2, { method }) structured equals jacobian to 1e-10 (fast-check, seed 20240611)', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ c, widths, mode }) => {
        const depth = Math.min(c.depth, MAX_DEPTH[c.act] ?? 6);
        const spec = {
          activation: c.act,
          depth,
          widths: widths.slice(0, depth),
          sigmaW2: c.sigmaW2,
          sigmaB2: c.sigmaB2,
          parameterization: c.parameterization,
          outputs: c.outputs,
        };
        const k = key(c.seed);
        const net = initMlp(spec, foldIn(k, 0), c.d);
        const X1 = gaussianInputs(foldIn(k, 1), c.n1, c.d);
        const X2 = gaussianInputs(foldIn(k, 2), c.n2, c.d);
        for (const x2 of [undefined, X2]) {
          const s = await empiricalNtk(net, X1, x2, { outputMode: mode, perLayer: true });
          const j = await empiricalNtk(net, X1, x2, { outputMode: mode, perLayer: true, method: 'jacobian' });
          expect(relErr(s.ntk.data, j.ntk.data)).toBeLessThanOrEqual(TOL);
          for (let l = 0; l <= depth; l++) {
            expect(relErr(s.layers![l]!.data, j.layers![l]!.data)).toBeLessThanOrEqual(TOL);
          }
        }
        for (const x2 of [undefined, gaussianInputs(foldIn(k, 3), c.n1, c.d)]) {
          const s = await empiricalNtk(net, X1, x2, { outputMode: mode, diagonal: true });
          const j = await empiricalNtk(net, X1, x2, { outputMode: mode, diagonal: true, method: 'jacobian' });
          const fullS = await empiricalNtk(net, X1, x2, { outputMode: mode });
          expect(relErr(s.ntk.data, j.ntk.data)).toBeLessThanOrEqual(TOL);
          // The diagonal mode equals the diagonal (blocks) of the full computation.
          if (x2 !== undefined) continue;
          const O = c.outputs;
          const expected: number[] = [];
          for (let i = 0; i < c.n1; i++) {
            if (mode === 'full') {
              for (let a = 0; a < O; a++)
                for (let b = 0; b < O; b++) expected.push(fullS.ntk.get(i * O + a, i * O + b));
            } else expected.push(fullS.ntk.get(i, i));
          }
          expect(relErr(s.ntk.data, expected)).toBeLessThanOrEqual(TOL);
        }
      }),
      { seed: 20240611, numRuns: 120 },
    );
  });

  it('empiricalNtk of a linear model (depth 0, NTK parameterisation) is σ_w²·x·x′/d + σ_b² whatever the weights', async () => {
    const X = Matrix.fromRows([
      [1, 2, 0],
      [0.5, -1, 3],
    ]);
    const net = initMlp({ activation: 'relu', depth: 0, sigmaW2: 1.7, sigmaB2: 0.3 }, key(4), 3);
    const r = await empiricalNtk(net, X);
    const dot = (a: number[], b: number[]): number => a.reduce((s, v, i) => s + v * b[i]!, 0);
    const rows = X.toArray();
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++) {
        const expected = (1.7 * dot(rows[i]!, rows[j]!)) / 3 + 0.3;
        expect(r.ntk.get(i, j)).toBeCloseTo(expected, 13);
        expect(r.nngp.get(i, j)).toBeCloseTo(expected, 13);
      }
  });

  it('empiricalNtk: in the NTK parameterisation the readout layer term equals the empirical NNGP', async () => {
    const net = initMlp(
      { activation: 'erf', depth: 2, widths: [7, 5], sigmaW2: 1.4, sigmaB2: 0.2 },
      key(8),
      3,
    );
    const X = gaussianInputs(key(9), 4, 3);
    const r = await empiricalNtk(net, X, undefined, { perLayer: true });
    expect(relErr(r.layers![2]!.data, r.nngp.data)).toBeLessThan(1e-14);
  });
});
