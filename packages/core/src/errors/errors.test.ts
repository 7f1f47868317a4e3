import { describe, expect, it } from 'vitest';
import { ArgumentRangeError, ArgumentTypeError, argumentError, argumentMessage } from './argument-error.ts';
import { formatValue } from './format-value.ts';
import { NotPositiveDefiniteError, NumericalError } from './numerical-error.ts';
import { ShapeError } from './shape-error.ts';
import { assertFiniteResult, checkFiniteArray, checkInteger, checkNumber } from './validate.ts';

describe('argument errors', () => {
  it('argumentMessage uses the one format', () => {
    expect(
      argumentMessage({ fn: 'sphere', argument: 'n', expected: 'a positive integer', received: 0 }),
    ).toBe('sphere: invalid argument. `n` must be a positive integer. Value: `0`.');
  });
  it('argumentError gives TypeError / RangeError subclasses carrying the details', () => {
    const t = argumentError('type', 'f', 'a', 'a number', 'x');
    expect(t).toBeInstanceOf(TypeError);
    expect(t).toBeInstanceOf(ArgumentTypeError);
    const r = argumentError('range', 'f', 'a', 'positive', -1);
    expect(r).toBeInstanceOf(RangeError);
    expect(r).toBeInstanceOf(ArgumentRangeError);
    expect(r).toMatchObject({ fn: 'f', argument: 'a', expected: 'positive', received: -1 });
  });
  it('formatValue renders values briefly', () => {
    expect(formatValue(Number.NaN)).toBe('NaN');
    expect(formatValue(-0)).toBe('-0');
    expect(formatValue('x'.repeat(100))).toHaveLength(62);
    expect(formatValue(new Float32Array(3))).toBe('Float32Array(3)');
    expect(formatValue([1, 2])).toBe('[1, 2]');
    expect(formatValue(new Array(10).fill(0))).toBe('array(10)');
    expect(formatValue({ rows: 2, cols: 3 })).toBe('matrix 2×3');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(undefined)).toBe('undefined');
    expect(formatValue(() => 1)).toBe('function');
    expect(formatValue({})).toBe('object');
  });
});

describe('ShapeError, NumericalError, NotPositiveDefiniteError', () => {
  it('ShapeError carries expected and actual', () => {
    const e = new ShapeError('matmul', 'b', '3×n', '4×2', 'inner dimensions must agree');
    expect(e.message).toBe(
      'matmul: shape mismatch. `b` (inner dimensions must agree). Expected: `3×n`. Actual: `4×2`.',
    );
    expect(e).toMatchObject({ expected: '3×n', actual: '4×2' });
  });
  it('NotPositiveDefiniteError names the pivot', () => {
    const e = new NotPositiveDefiniteError('cholesky', 2, -0.5, 0);
    expect(e).toBeInstanceOf(NumericalError);
    expect(e.message).toMatch(/pivot 2 is -0.5/);
    expect(e.pivotIndex).toBe(2);
  });
});

describe('validators', () => {
  it('checkInteger accepts integers in range and rejects the rest', () => {
    expect(checkInteger('f', 'n', 3)).toBe(3);
    expect(() => checkInteger('f', 'n', '3')).toThrow(TypeError);
    expect(() => checkInteger('f', 'n', 0)).toThrow(
      'f: invalid argument. `n` must be an integer ≥ 1. Value: `0`.',
    );
    expect(() => checkInteger('f', 'n', 11, 0, 10)).toThrow(/in \[0, 10\]/);
  });
  it('checkNumber rejects non-finite and out-of-range values', () => {
    expect(checkNumber('f', 'x', 0, { nonNegative: true })).toBe(0);
    expect(() => checkNumber('f', 'x', Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => checkNumber('f', 'x', 0, { positive: true })).toThrow(/> 0/);
    expect(() => checkNumber('f', 'x', -1, { nonNegative: true })).toThrow(/≥ 0/);
    expect(() => checkNumber('f', 'x', null)).toThrow(TypeError);
  });
  it('checkFiniteArray names the first bad index', () => {
    expect(() => checkFiniteArray('f', 'x', [1, Number.NaN])).toThrow('`x[1]` must be finite');
    expect(() => checkFiniteArray('f', 'x', [1, 2])).not.toThrow();
  });
  it('assertFiniteResult reports (row, col) of the first non-finite entry', () => {
    expect(() => assertFiniteResult('mlpKernels', 'NTK', [1, 2, 3, Number.POSITIVE_INFINITY], 2)).toThrow(
      'mlpKernels: non-finite value Infinity in NTK at entry (1, 1).',
    );
    expect(() => assertFiniteResult('g', 'v', [Number.NaN])).toThrow(/index 0/);
  });
});
