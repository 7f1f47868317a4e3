import { describe, expect, it } from 'vitest';
import { ShapeError } from '../errors/shape-error.ts';
import { checkMatrix, Matrix } from './matrix.ts';

describe('Matrix', () => {
  const a = Matrix.fromRows([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  it('stores row-major: get(i, j) = data[i·cols + j]', () => {
    expect(a.shape).toEqual([2, 3]);
    expect(a.get(1, 0)).toBe(4);
    expect(Array.from(a.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('row(i) and rowRange(s, e) are views that share storage', () => {
    const r = a.clone();
    r.row(1)[2] = 60;
    expect(r.get(1, 2)).toBe(60);
    const v = r.rowRange(1, 2);
    v.set(0, 0, 40);
    expect(r.get(1, 0)).toBe(40);
    expect(v.shape).toEqual([1, 3]);
  });
  it('transpose, diagonal, identity, zeros, toArray', () => {
    expect(a.transpose().toArray()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(Array.from(Matrix.identity(3).diagonal())).toEqual([1, 1, 1]);
    expect(Matrix.zeros(2, 2).toArray()).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
  it('float32 interop rounds to float32 and back exactly', () => {
    const m = Matrix.fromRows([[0.1, 1 / 3]]);
    const f = m.toFloat32();
    expect(f.data).toBeInstanceOf(Float32Array);
    expect(f.get(0, 0)).toBe(Math.fround(0.1));
    const back = Matrix.fromFloat32(f);
    expect(back.data).toBeInstanceOf(Float64Array);
    expect(back.get(0, 1)).toBe(Math.fround(1 / 3));
    expect(f.toFloat64().get(0, 1)).toBe(Math.fround(1 / 3));
  });
  it('toJSON and format', () => {
    expect(JSON.parse(JSON.stringify(a))).toEqual({ rows: 2, cols: 3, data: [1, 2, 3, 4, 5, 6] });
    expect(a.format(2).split('\n')).toHaveLength(2);
  });
  it('rejects a data length that does not match the shape', () => {
    expect(() => new Matrix(2, 2, new Float64Array(3))).toThrow(ShapeError);
  });
  it('rejects negative or fractional dimensions and non-typed-array data', () => {
    expect(() => new Matrix(-1, 2, new Float64Array(0))).toThrow(RangeError);
    expect(() => new Matrix(1.5, 2, new Float64Array(3))).toThrow(RangeError);
    expect(() => new Matrix(1, 1, [1] as never)).toThrow(TypeError);
    expect(() => Matrix.zeros(-2, 1)).toThrow(RangeError);
  });
  it('fromRows rejects ragged rows and non-numbers', () => {
    expect(() => Matrix.fromRows([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => Matrix.fromRows([[1, 'x' as never]])).toThrow(/rows\[0\]\[1\]/);
    expect(() => Matrix.fromRows('nope' as never)).toThrow(TypeError);
  });
  it('row and rowRange reject out-of-range indices', () => {
    expect(() => a.row(2)).toThrow(RangeError);
    expect(() => a.rowRange(1, 3)).toThrow(RangeError);
    expect(() => a.rowRange(-1, 1)).toThrow(RangeError);
  });
  it('checkMatrix names the function and argument', () => {
    expect(() => checkMatrix('f', 'x', [[1]])).toThrow(
      'f: invalid argument. `x` must be a Matrix. Value: `[…]`.',
    );
  });
});
