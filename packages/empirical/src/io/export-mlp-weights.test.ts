import { foldIn, key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { gaussianInputs } from '../../test/helpers.ts';
import { initMlp } from '../network/init-mlp.ts';
import { mlpForward } from '../network/mlp-forward.ts';
import { exportMlpWeights } from './export-mlp-weights.ts';
import { importMlpWeights } from './import-mlp-weights.ts';

describe('exportMlpWeights', () => {
  it('exportMlpWeights writes the documented format; JSON text round-trips bit for bit', async () => {
    const net = initMlp(
      { activation: 'erf', depth: 2, widths: [5, 3], sigmaW2: 1.3, sigmaB2: [0.1, 0, 0.2], outputs: 2 },
      key(9),
      4,
    );
    const json = exportMlpWeights(net);
    expect(json.format).toBe('ntk-mlp-weights');
    expect(json.version).toBe(1);
    expect(json.inputDim).toBe(4);
    expect(json.spec).toMatchObject({ activation: 'erf', depth: 2, widths: [5, 3], outputs: 2 });
    expect(json.layers.map((l) => l.W.shape)).toEqual([
      [5, 4],
      [3, 5],
      [2, 3],
    ]);
    expect(json.layers[1]!.b).toBeNull();
    expect(json.layers[0]!.W.data[4 + 1]).toBe(net.layers[0]!.W.get(1, 1)); // row-major
    const back = importMlpWeights(JSON.stringify(json));
    for (let l = 0; l < 3; l++) {
      expect(Array.from(back.layers[l]!.W.data)).toEqual(Array.from(net.layers[l]!.W.data));
      expect(Array.from(back.layers[l]!.b)).toEqual(Array.from(net.layers[l]!.b));
    }
    const X = gaussianInputs(foldIn(key(9), 1), 3, 4);
    expect(Array.from((await mlpForward(back, X)).data)).toEqual(Array.from((await mlpForward(net, X)).data));
  });

  it('exportMlpWeights rejects a non-network', () => {
    expect(() => exportMlpWeights(null as never)).toThrow(/exportMlpWeights.*`net`/);
  });
});
