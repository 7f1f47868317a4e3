import { cpuBackend, key, sphere } from '@ntk/core';
import { empiricalNtk, initMlp } from '@ntk/empirical';
import { describe, expect, it } from 'vitest';
import { firstStepNtkChange } from './first-step-ntk-change.ts';

describe('firstStepNtkChange', () => {
  const x = sphere(key(2), 1, 3);
  const spec = { activation: 'relu', depth: 3, widths: 8, sigmaW2: 2, sigmaB2: 1 };
  it('firstStepNtkChange(net, x, y, 0) leaves Θ̂ unchanged and equals empiricalNtk’s diagonal', async () => {
    const net = initMlp(spec, key(4), 3);
    const r = await firstStepNtkChange(net, x, 0.3, 0, cpuBackend());
    const ref = (await empiricalNtk(net, x, undefined, { diagonal: true })).ntk.get(0, 0);
    expect(r.before).toBeCloseTo(ref, 12);
    expect(r.after).toBe(r.before);
  });
  it('firstStepNtkChange(net, x, y, η) changes Θ̂ to first order in η (halving η halves ΔΘ̂ up to O(η²))', async () => {
    const net = initMlp(spec, key(4), 3);
    const a = await firstStepNtkChange(net, x, 0, 1e-4, cpuBackend());
    const b = await firstStepNtkChange(net, x, 0, 5e-5, cpuBackend());
    const da = a.after - a.before;
    const db = b.after - b.before;
    expect(da).not.toBe(0);
    expect(da / db).toBeCloseTo(2, 2);
  });
  it('firstStepNtkChange agrees with a by-hand step for a one-hidden-unit linear network', async () => {
    // f(x) = w2·w1·x/√1·... with activation x (linear), depth 1, width 1, no biases, σ_w² = 1, d = 1:
    // f = w2 w1 x, Θ̂ = (w2 x)² + (w1 x)². Step on ½f² (y = 0): w1' = w1 − η f w2 x, w2' = w2 − η f w1 x.
    const lin = initMlp({ activation: 'x', activationDerivative: '1', depth: 1, widths: 1 }, key(9), 1);
    const w1 = lin.layers[0]!.W.data[0]!;
    const w2 = lin.layers[1]!.W.data[0]!;
    const X = sphere(key(1), 1, 1, { radius: 1.5 });
    const xv = X.get(0, 0);
    const eta = 0.1;
    const f = w2 * w1 * xv;
    const n1 = w1 - eta * f * w2 * xv;
    const n2 = w2 - eta * f * w1 * xv;
    const r = await firstStepNtkChange(lin, X, 0, eta, cpuBackend());
    expect(r.output).toBeCloseTo(f, 14);
    expect(r.before).toBeCloseTo((w2 * xv) ** 2 + (w1 * xv) ** 2, 13);
    expect(r.after).toBeCloseTo((n2 * xv) ** 2 + (n1 * xv) ** 2, 13);
  });
});
