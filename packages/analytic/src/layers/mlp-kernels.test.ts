import { fc, test } from '@fast-check/vitest';
import { eigvalsh, key, Matrix, NumericalError, ShapeError, sphere } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import deepFixture from '../../fixtures/deep.json' with { type: 'json' };
import { activation } from './activation-layer.ts';
import { dense } from './dense.ts';
import { inputState } from './input-state.ts';
import { kernelsOf } from './kernels-of.ts';
import { mlp } from './mlp.ts';
import { mlpKernels } from './mlp-kernels.ts';
import { serial } from './serial.ts';

const SEED = 314; // fast-check seed, fixed and printed
const relErr = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let e = 0;
  for (let i = 0; i < b.length; i++)
    e = Math.max(e, Math.abs((a[i] as number) - (b[i] as number)) / Math.abs(b[i] as number));
  return e;
};

describe('mlpKernels at depth 1000 and 10,000 against a 64-digit run of the same recursion', () => {
  interface DeepCase {
    activation: string;
    sigmaW2: number;
    sigmaB2: number;
    x: number[][];
    depths: Record<string, { nngp: string[][]; ntk: string[][] }>;
  }
  const cases = (deepFixture as { cases: DeepCase[] }).cases.flatMap((c) =>
    Object.entries(c.depths).map(
      ([L, ref]) =>
        [`${c.activation} σ_w²=${c.sigmaW2} σ_b²=${c.sigmaB2} L=${L}`, c, Number(L), ref] as const,
    ),
  );
  it.each(cases)('%s: every entry within 1e-9 relative', (_n, c, L, ref) => {
    const { nngp, ntk } = mlpKernels(
      { activation: c.activation, depth: L, sigmaW2: c.sigmaW2, sigmaB2: c.sigmaB2 },
      c.x,
    );
    expect(relErr(nngp.data, ref.nngp.flat().map(Number))).toBeLessThanOrEqual(1e-9);
    expect(relErr(ntk.data, ref.ntk.flat().map(Number))).toBeLessThanOrEqual(1e-9);
  });
});

const specArb = fc.record({
  activation: fc.constantFrom('relu', 'erf', 'tanh', 'abrelu(-0.3, 1.2)', 'sin', 'step'),
  depth: fc.integer({ min: 0, max: 4 }),
  sigmaW2: fc.double({ min: 0.3, max: 3, noNaN: true }),
  sigmaB2: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
});
const pointsArb = fc.tuple(
  fc.integer({ min: 2, max: 6 }),
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 0, max: 1000 }),
);

describe('mlpKernels properties', () => {
  test.prop([specArb, pointsArb], { seed: SEED, numRuns: 40 })(
    'kernels are symmetric and PSD',
    (spec, [n, d, s]) => {
      const x = sphere(key(s), n, d);
      const { nngp, ntk } = mlpKernels(spec, x);
      for (const k of [nngp, ntk]) {
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(k.get(i, j)).toBe(k.get(j, i));
        const lam = eigvalsh(k);
        expect(lam[0] as number).toBeGreaterThanOrEqual(-1e-10 * Math.abs(lam[n - 1] as number));
      }
    },
  );

  test.prop([specArb, pointsArb], { seed: SEED, numRuns: 25 })(
    'the diagonal mode equals the diagonal of the full kernel',
    (spec, [n, d, s]) => {
      const x = sphere(key(s), n, d, { radius: 1 + (s % 3) });
      const full = mlpKernels(spec, x);
      const diag = mlpKernels(spec, x, undefined, { diagonal: true });
      expect(relErr(diag.ntk, full.ntk.diagonal())).toBeLessThanOrEqual(1e-14);
      expect(relErr(diag.nngp, full.nngp.diagonal())).toBeLessThanOrEqual(1e-14);
    },
  );

  test.prop([specArb, pointsArb], { seed: SEED, numRuns: 25 })(
    'a cross kernel K(x1, x2) is the off-diagonal block of K([x1; x2])',
    (spec, [n, d, s]) => {
      const x = sphere(key(s), n + 2, d);
      const joint = mlpKernels(spec, x);
      const cross = mlpKernels(spec, x.rowRange(0, n), x.rowRange(n, n + 2));
      for (let i = 0; i < n; i++)
        for (let j = 0; j < 2; j++) expect(cross.ntk.get(i, j)).toBeCloseTo(joint.ntk.get(i, n + j), 12);
    },
  );

  test.prop(
    [
      fc.integer({ min: 0, max: 5 }),
      fc.double({ min: 0.1, max: 10, noNaN: true }),
      fc.double({ min: 0.1, max: 10, noNaN: true }),
    ],
    { seed: SEED },
  )('ReLU with σ_b² = 0 is positively homogeneous: K(αx, βx′) = αβ K(x, x′)', (depth, alpha, beta) => {
    const x = sphere(key(depth), 2, 3);
    const spec = { activation: 'relu', depth, sigmaW2: 1.7, sigmaB2: 0 };
    const k = mlpKernels(spec, x.rowRange(0, 1), x.rowRange(1, 2));
    const scaled = mlpKernels(
      spec,
      new Matrix(
        1,
        3,
        x.row(0).map((v) => alpha * v),
      ),
      new Matrix(
        1,
        3,
        x.row(1).map((v) => beta * v),
      ),
    );
    expect(scaled.ntk.get(0, 0)).toBeCloseTo(alpha * beta * k.ntk.get(0, 0), 10);
    expect(scaled.nngp.get(0, 0) / (alpha * beta * k.nngp.get(0, 0))).toBeCloseTo(1, 12);
  });

  it('the linear activation reproduces the linear-model kernel exactly', () => {
    // φ = id: Σ^{l+1} = σ_w² Σ^l + σ_b², Θ^{l+1} = Σ^{l+1} + σ_w² Θ^l, Σ¹ = Θ¹ = σ_w² x·x′/d + σ_b².
    const x = sphere(key(9), 4, 5, { radius: 2 });
    const sw = [1.3, 0.7, 2, 1.1];
    const sb = [0.2, 0, 0.5, 0.1];
    const { nngp, ntk } = mlpKernels({ activation: 'linear', depth: 3, sigmaW2: sw, sigmaB2: sb }, x);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        let dot = 0;
        for (let k = 0; k < 5; k++) dot += x.get(i, k) * x.get(j, k);
        let S = (sw[0] as number) * (dot / 5) + (sb[0] as number);
        let T = S;
        for (let l = 1; l <= 3; l++) {
          S = (sw[l] as number) * S + (sb[l] as number);
          T = S + (sw[l] as number) * T;
        }
        expect(nngp.get(i, j)).toBeCloseTo(S, 13);
        expect(ntk.get(i, j)).toBeCloseTo(T, 13);
      }
    }
  });

  it('ReLU at σ_w² = 2, σ_b² = 0: Θ(x, x) = (L + 1)·2‖x‖²/d exactly (diagonal grows linearly in depth)', () => {
    // Σ¹(x,x) = 2‖x‖²/d = q; E[relu(u)²] = q/2 so Σ^l(x,x) = q for all l; Σ̇ = 2·½ = 1, so Θ^{l+1} = q + Θ^l.
    const x = sphere(key(10), 3, 7, { radius: 1.7 });
    const q = (2 * 1.7 * 1.7) / 7;
    for (const L of [0, 1, 5, 50, 500]) {
      const d = mlpKernels({ activation: 'relu', depth: L, sigmaW2: 2, sigmaB2: 0 }, x, undefined, {
        diagonal: true,
      });
      for (let i = 0; i < 3; i++)
        expect(Math.abs((d.ntk[i] as number) / ((L + 1) * q) - 1)).toBeLessThan(1e-13 * (L + 1));
    }
  });

  it('serial composes: mlp(spec) equals the hand-built serial stack, and nesting does not matter', () => {
    const x = sphere(key(11), 4, 3);
    const spec = { activation: 'erf', depth: 2, sigmaW2: [1.5, 2, 0.8], sigmaB2: [0.1, 0.2, 0.3] };
    const a = kernelsOf(mlp(spec).apply(inputState(x)));
    const block1 = serial(dense({ sigmaW2: 1.5, sigmaB2: 0.1 }), activation('erf'));
    const block2 = serial(dense({ sigmaW2: 2, sigmaB2: 0.2 }), activation('erf'));
    const b = kernelsOf(
      serial(serial(block1, block2), dense({ sigmaW2: 0.8, sigmaB2: 0.3 })).apply(inputState(x)),
    );
    expect(Array.from(b.ntk.data)).toEqual(Array.from(a.ntk.data));
    expect(Array.from(b.nngp.data)).toEqual(Array.from(a.nngp.data));
    expect(Array.from(mlpKernels(spec, x).ntk.data)).toEqual(Array.from(a.ntk.data));
  });

  it('layers: true returns every layer from one pass, equal to separate shallower networks', () => {
    const x = sphere(key(12), 3, 4);
    const spec = { activation: 'tanh', depth: 4, sigmaW2: 1.8, sigmaB2: 0.05 };
    const r = mlpKernels(spec, x, undefined, { layers: true });
    expect(r.layers).toHaveLength(5);
    for (let l = 1; l <= 5; l++) {
      const sep = mlpKernels({ ...spec, depth: l - 1 }, x);
      expect(relErr(r.layers![l - 1]!.ntk.data, sep.ntk.data)).toBeLessThanOrEqual(1e-14);
      expect(relErr(r.layers![l - 1]!.nngp.data, sep.nngp.data)).toBeLessThanOrEqual(1e-14);
    }
    expect(Array.from(r.layers![4]!.ntk.data)).toEqual(Array.from(r.ntk.data));
  });

  it.each(['tanh', 'gelu', 'swish'])(
    'the θ-table used for equal-norm inputs (table: "auto") matches the direct quadrature to 1e-11 (%s)',
    (act) => {
      const x = sphere(key(21), 6, 5); // equal norms: every layer has one variance, so the table applies
      const spec = { activation: act, depth: 3, sigmaW2: 1.7, sigmaB2: 0.1 };
      const tabled = mlpKernels(spec, x, undefined, { table: true });
      const direct = mlpKernels(spec, x, undefined, { table: false });
      expect(relErr(tabled.ntk.data, direct.ntk.data)).toBeLessThanOrEqual(1e-11);
      expect(relErr(tabled.nngp.data, direct.nngp.data)).toBeLessThanOrEqual(1e-11);
    },
  );

  it('zero inputs, σ_b² = 0 and inputs of very different norms stay finite and correct', () => {
    const x = Matrix.fromRows([
      [0, 0, 0],
      [1e-8, 0, 0],
      [1e6, -2e6, 3e5],
    ]);
    for (const act of ['relu', 'erf', 'tanh']) {
      for (const sb of [0, 0.1]) {
        const { nngp, ntk } = mlpKernels({ activation: act, depth: 3, sigmaW2: 1.5, sigmaB2: sb }, x);
        expect(nngp.data.every(Number.isFinite) && ntk.data.every(Number.isFinite)).toBe(true);
        if (sb === 0) expect(ntk.get(0, 0)).toBe(0); // a zero input has zero kernel without biases
      }
    }
    // ReLU, σ_b² = 0: the kernel of x and 1e14·x has correlation exactly 1 at every layer.
    const r = mlpKernels({ activation: 'relu', depth: 6, sigmaW2: 2 }, [[1, 2]], [[1e14, 2e14]]);
    const d1 = mlpKernels({ activation: 'relu', depth: 6, sigmaW2: 2 }, [[1, 2]]);
    expect(r.ntk.get(0, 0) / (1e14 * d1.ntk.get(0, 0))).toBeCloseTo(1, 12);
  });

  it('standard parameterisation: same NNGP as NTK parameterisation; Θ = x·x′ + 1 for the linear model', () => {
    const x = sphere(key(13), 3, 4);
    const ntkParam = mlpKernels(
      { activation: 'relu', depth: 2, widths: [64, 32], sigmaW2: 2, sigmaB2: 0.1 },
      x,
    );
    const std = mlpKernels(
      {
        activation: 'relu',
        depth: 2,
        widths: [64, 32],
        sigmaW2: 2,
        sigmaB2: 0.1,
        parameterization: 'standard',
      },
      x,
    );
    expect(relErr(std.nngp.data, ntkParam.nngp.data)).toBeLessThanOrEqual(1e-14);
    const lin = mlpKernels(
      { activation: 'relu', depth: 0, sigmaW2: 2, sigmaB2: 0.1, parameterization: 'standard' },
      x,
    );
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let dot = 0;
        for (let k = 0; k < 4; k++) dot += x.get(i, k) * x.get(j, k);
        expect(lin.ntk.get(i, j)).toBeCloseTo(dot + 1, 12);
      }
  });
});

describe('mlpKernels errors', () => {
  const x = [
    [1, 0],
    [0, 1],
  ];
  it('rejects a bad spec, naming the field', () => {
    expect(() => mlpKernels({ activation: 'relu', depth: -1 }, x)).toThrow(
      /mlpKernels: invalid argument. `spec.depth`/,
    );
    expect(() => mlpKernels({ activation: 'relu', depth: 1, sigmaW2: 0 }, x)).toThrow(/spec.sigmaW2/);
    expect(() => mlpKernels({ activation: 'relu', depth: 1, sigmaB2: -1 }, x)).toThrow(RangeError);
  });
  it('rejects bad expressions (unknown symbol, injection, missing derivative)', () => {
    expect(() => mlpKernels({ activation: 'tanh(y)', depth: 1 }, x)).toThrow(RangeError);
    expect(() => mlpKernels({ activation: 'x.constructor', depth: 1 }, x)).toThrow(RangeError);
    expect(() => mlpKernels({ activation: 'max(x, 0)', depth: 1 }, x)).toThrow(
      /activationDerivative|derivative/,
    );
  });
  it('rejects mismatched input dimensions, ragged or empty inputs with ShapeError', () => {
    expect(() => mlpKernels({ activation: 'relu', depth: 1 }, x, [[1, 2, 3]])).toThrow(ShapeError);
    expect(() => mlpKernels({ activation: 'relu', depth: 1 }, [[1, 2], [3]])).toThrow(ShapeError);
    expect(() => mlpKernels({ activation: 'relu', depth: 1 }, [])).toThrow(ShapeError);
  });
  it('rejects non-finite inputs, naming the entry', () => {
    expect(() => mlpKernels({ activation: 'relu', depth: 1 }, [[1, Number.NaN]])).toThrow(RangeError);
    expect(() => mlpKernels({ activation: 'relu', depth: 1 }, x, [[Number.POSITIVE_INFINITY, 0]])).toThrow(
      RangeError,
    );
  });
  it('standard parameterisation without widths is an error', () => {
    expect(() => mlpKernels({ activation: 'relu', depth: 2, parameterization: 'standard' }, x)).toThrow(
      /widths/,
    );
  });
  it('a kernel that overflows is reported as a NumericalError naming the layer, not returned', () => {
    expect(() => mlpKernels({ activation: 'exp', depth: 12, sigmaW2: 3, sigmaB2: 1 }, [[30, 0]])).toThrow(
      NumericalError,
    );
  });
});
