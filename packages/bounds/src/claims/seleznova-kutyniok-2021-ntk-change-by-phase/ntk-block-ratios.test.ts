import { Matrix } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { ntkBlockRatios } from './ntk-block-ratios.ts';

describe('ntkBlockRatios', () => {
  it('ntkBlockRatios(K, labels) averages the blocks by hand', () => {
    // Labels [0, 0, 1]: diagonal mean (4 + 2 + 6)/3 = 4; within pairs (0,1),(1,0) = 2, 2 → 2/4 = 0.5;
    // between pairs (0,2),(2,0),(1,2),(2,1) = 1, 1, 3, 3 → mean 2 → 2/4 = 0.5.
    const K = new Matrix(3, 3, Float64Array.of(4, 2, 1, 2, 2, 3, 1, 3, 6));
    const r = ntkBlockRatios(K, [0, 0, 1]);
    expect(r.within).toBeCloseTo(2 / 4, 15);
    expect(r.between).toBeCloseTo((1 + 3 + 1 + 3) / 4 / 4, 15);
  });
  it('ntkBlockRatios gives NaN for an empty block', () => {
    const r = ntkBlockRatios(new Matrix(2, 2, Float64Array.of(2, 1, 1, 2)), [0, 1]);
    expect(r.within).toBeNaN();
    expect(r.between).toBe(0.5);
  });
  it('ntkBlockRatios rejects non-square kernels, wrong label counts and a non-positive diagonal', () => {
    expect(() => ntkBlockRatios(Matrix.zeros(2, 3), [0, 1])).toThrow(/ntkBlockRatios/);
    expect(() => ntkBlockRatios(Matrix.zeros(2, 2), [0])).toThrow(/labels/);
    expect(() => ntkBlockRatios(Matrix.zeros(2, 2), [0, 1])).toThrow(/positive finite mean diagonal/);
  });
});
