import { key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { initMlp } from './init-mlp.ts';
import { mlpParameterCount } from './mlp-parameter-count.ts';

describe('mlpParameterCount', () => {
  it('mlpParameterCount counts W and b of every layer, no b where σ_b² = 0', () => {
    expect(
      mlpParameterCount(initMlp({ activation: 'relu', depth: 1, widths: 4, sigmaB2: 0.1 }, key(0), 3)),
    ).toBe(21);
    expect(mlpParameterCount(initMlp({ activation: 'relu', depth: 1, widths: 4 }, key(0), 3))).toBe(16);
    expect(
      mlpParameterCount(
        initMlp({ activation: 'relu', depth: 2, widths: [3, 2], sigmaB2: [0, 1, 0], outputs: 2 }, key(0), 5),
      ),
    ).toBe(15 + 6 + 2 + 4);
  });

  it('mlpParameterCount rejects a non-network', () => {
    expect(() => mlpParameterCount({ spec: {} } as never)).toThrow(/mlpParameterCount.*`net`/);
  });
});
