import { describe, expect, it } from 'vitest';
import { ShapeError } from '../errors/shape-error.ts';
import { Matrix } from '../matrix/matrix.ts';
import { matmul } from './matmul.ts';

describe('matmul(a, b, options)', () => {
  const a = Matrix.fromRows([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const b = Matrix.fromRows([
    [1, 0],
    [0, 1],
    [2, -1],
  ]);
  it('computes α·op(A)·op(B) for every transpose combination', () => {
    const ab = [
      [7, -1],
      [16, -1],
    ];
    expect(matmul(a, b).toArray()).toEqual(ab);
    expect(matmul(a.transpose(), b, { transposeA: true }).toArray()).toEqual(ab);
    expect(matmul(a, b.transpose(), { transposeB: true }).toArray()).toEqual(ab);
    expect(
      matmul(a.transpose(), b.transpose(), { transposeA: true, transposeB: true, alpha: 2 }).toArray(),
    ).toEqual([
      [14, -2],
      [32, -2],
    ]);
  });
  it('rejects mismatched inner dimensions and non-matrices', () => {
    expect(() => matmul(a, a)).toThrow(ShapeError);
    expect(() => matmul(a, [[1]] as never)).toThrow(TypeError);
  });
});
