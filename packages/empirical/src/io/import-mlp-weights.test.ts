import { ArgumentRangeError, ArgumentTypeError, key, ShapeError } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { initMlp } from '../network/init-mlp.ts';
import { exportMlpWeights } from './export-mlp-weights.ts';
import { importMlpWeights } from './import-mlp-weights.ts';

function sample(): ReturnType<typeof JSON.parse> {
  const net = initMlp({ activation: 'relu', depth: 1, widths: 3, sigmaB2: [0.1, 0] }, key(1), 2);
  return JSON.parse(JSON.stringify(exportMlpWeights(net)));
}

describe('importMlpWeights', () => {
  it('importMlpWeights reads a hand-written file (the README example)', () => {
    const net = importMlpWeights({
      format: 'ntk-mlp-weights',
      version: 1,
      spec: { activation: 'relu', depth: 1, widths: [2], sigmaW2: 2, sigmaB2: 0.1 },
      inputDim: 3,
      layers: [
        { W: { shape: [2, 3], data: [0.1, -1.2, 0.3, 0.5, 0.7, -0.4] }, b: [0.2, -0.9] },
        { W: { shape: [1, 2], data: [1.1, -0.6] }, b: [0.05] },
      ],
    });
    expect(net.layers[0]!.W.get(1, 2)).toBe(-0.4);
    expect(net.layers[1]!.b[0]).toBe(0.05);
  });

  it('importMlpWeights rejects non-finite weights, naming the layer and entry', () => {
    const j = sample();
    j.layers[0].W.data[4] = Number.NaN;
    expect(() => importMlpWeights(j)).toThrow(ArgumentRangeError);
    expect(() => importMlpWeights(j)).toThrow(
      /json\.layers\[0\]\.W\.data\[4\] \(row 2, column 0\)` must be a finite number/,
    );
    const k = sample();
    k.layers[0].b[1] = null; // what JSON.stringify makes of Infinity
    expect(() => importMlpWeights(k)).toThrow(/json\.layers\[0\]\.b\[1\]/);
    expect(() => importMlpWeights('{"format": NaN}')).toThrow(/valid JSON text/);
  });

  it('importMlpWeights rejects mismatched weight shapes and lengths', () => {
    const j = sample();
    j.layers[1].W.shape = [1, 4];
    expect(() => importMlpWeights(j)).toThrow(ShapeError);
    expect(() => importMlpWeights(j)).toThrow(
      /json\.layers\[1\]\.W\.shape.*Expected: `\[1, 3\]`. Actual: `\[1, 4\]`/,
    );
    const k = sample();
    k.layers[0].W.data.pop();
    expect(() => importMlpWeights(k)).toThrow(/json\.layers\[0\]\.W\.data.*length 6/);
    const m = sample();
    m.layers[0].b = [1, 2];
    expect(() => importMlpWeights(m)).toThrow(ShapeError);
    const n = sample();
    n.layers.pop();
    expect(() => importMlpWeights(n)).toThrow(/json\.layers` must be an array of depth \+ 1 = 2 layers/);
  });

  it('importMlpWeights rejects a bias where σ_b² = 0 and a missing bias where σ_b² > 0', () => {
    const j = sample();
    j.layers[1].b = [0.5];
    expect(() => importMlpWeights(j)).toThrow(/json\.layers\[1\]\.b.*no bias/);
    j.layers[1].b = [0];
    expect(() => importMlpWeights(j)).not.toThrow();
    const k = sample();
    k.layers[0].b = null;
    expect(() => importMlpWeights(k)).toThrow(ArgumentTypeError);
  });

  it('importMlpWeights rejects a bad header, spec (incl. infinite or fractional widths) or input dimension', () => {
    expect(() => importMlpWeights(42)).toThrow(ArgumentTypeError);
    expect(() => importMlpWeights({ ...sample(), format: 'other' })).toThrow(/json\.format/);
    expect(() => importMlpWeights({ ...sample(), version: 2 })).toThrow(/json\.version/);
    const s = sample();
    expect(() => importMlpWeights({ ...s, spec: { ...s.spec, widths: undefined } })).toThrow(/spec\.widths/);
    expect(() => importMlpWeights({ ...s, spec: { ...s.spec, widths: [1.5] } })).toThrow(/spec\.widths\[0\]/);
    expect(() => importMlpWeights({ ...s, spec: { ...s.spec, widths: [0] } })).toThrow(/spec\.widths\[0\]/);
    expect(() => importMlpWeights({ ...s, inputDim: 0 })).toThrow(/json\.inputDim/);
    // inputDim 5 makes layer 1's stored [3, 2] shape wrong.
    expect(() => importMlpWeights({ ...s, inputDim: 5 })).toThrow(/json\.layers\[0\]\.W\.shape/);
    expect(() => importMlpWeights({ ...s, layers: 'x' })).toThrow(/json\.layers/);
  });
});
