import { describe, expect, it } from 'vitest';
import { ArgumentRangeError, ArgumentTypeError } from '../errors/argument-error.ts';
import { resolveMlpSpec, validateMlpSpec } from './resolve-mlp-spec.ts';

describe('resolveMlpSpec(spec)', () => {
  it('fills defaults and expands per-layer values', () => {
    expect(resolveMlpSpec({ activation: 'relu', depth: 2, sigmaW2: 2 })).toEqual({
      activation: 'relu',
      depth: 2,
      widths: null,
      sigmaW2: [2, 2, 2],
      sigmaB2: [0, 0, 0],
      parameterization: 'ntk',
      outputs: 1,
    });
  });
  it('keeps per-layer arrays, widths and the derivative', () => {
    const r = resolveMlpSpec({
      activation: 'max(x, 0)',
      activationDerivative: 'x > 0 ? 1 : 0',
      depth: 2,
      widths: [3, 4],
      sigmaW2: [1, 2, 3],
      sigmaB2: 0.1,
      parameterization: 'standard',
      outputs: 3,
    });
    expect(r.widths).toEqual([3, 4]);
    expect(r.sigmaW2).toEqual([1, 2, 3]);
    expect(r.sigmaB2).toEqual([0.1, 0.1, 0.1]);
    expect(r.activationDerivative).toBe('x > 0 ? 1 : 0');
  });
  it('depth 0 (a linear model) is allowed', () => {
    expect(resolveMlpSpec({ activation: 'relu', depth: 0 }).sigmaW2).toEqual([1]);
  });
  it('survives a JSON round trip (the spec is JSON-serialisable)', () => {
    const spec = { activation: 'tanh', depth: 3, widths: 64, sigmaW2: [1, 1, 1, 1], sigmaB2: 0.05 };
    expect(validateMlpSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
  });

  const bad: Array<[string, unknown, new (...a: never[]) => Error, RegExp]> = [
    ['not an object', 3, ArgumentTypeError, /`spec` must be an object/],
    ['an array', [], ArgumentTypeError, /`spec` must be an object/],
    [
      'an unknown field',
      { activation: 'relu', depth: 1, width: 3 },
      ArgumentRangeError,
      /`spec.width` must be absent/,
    ],
    ['activation not a string', { activation: 1, depth: 1 }, ArgumentTypeError, /`spec.activation`/],
    ['activation empty', { activation: ' ', depth: 1 }, ArgumentRangeError, /`spec.activation`/],
    ['activation too long', { activation: 'x+'.repeat(300), depth: 1 }, ArgumentRangeError, /≤ 500/],
    [
      'derivative not a string',
      { activation: 'relu', activationDerivative: 2, depth: 1 },
      ArgumentTypeError,
      /activationDerivative/,
    ],
    [
      'derivative empty',
      { activation: 'relu', activationDerivative: '', depth: 1 },
      ArgumentRangeError,
      /activationDerivative/,
    ],
    [
      'depth missing',
      { activation: 'relu' },
      ArgumentTypeError,
      /`spec.depth` must be an integer ≥ 0. Value: `undefined`/,
    ],
    [
      'depth fractional',
      { activation: 'relu', depth: 1.5 },
      ArgumentRangeError,
      /`spec.depth`.*Value: `1.5`/,
    ],
    ['depth negative', { activation: 'relu', depth: -1 }, ArgumentRangeError, /`spec.depth`/],
    [
      'width 0',
      { activation: 'relu', depth: 2, widths: [3, 0] },
      ArgumentRangeError,
      /`spec.widths\[1\]` must be a positive integer. Value: `0`/,
    ],
    ['width fractional', { activation: 'relu', depth: 1, widths: 2.5 }, ArgumentRangeError, /`spec.widths`/],
    [
      'width not a number',
      { activation: 'relu', depth: 1, widths: ['8'] },
      ArgumentTypeError,
      /spec.widths\[0\]/,
    ],
    [
      'widths wrong length',
      { activation: 'relu', depth: 2, widths: [3] },
      ArgumentRangeError,
      /array of depth = 2/,
    ],
    [
      'sigmaW2 zero',
      { activation: 'relu', depth: 1, sigmaW2: 0 },
      ArgumentRangeError,
      /`spec.sigmaW2` must be a finite number > 0/,
    ],
    [
      'sigmaW2 NaN',
      { activation: 'relu', depth: 1, sigmaW2: Number.NaN },
      ArgumentRangeError,
      /Value: `NaN`/,
    ],
    [
      'sigmaW2 wrong length',
      { activation: 'relu', depth: 1, sigmaW2: [1] },
      ArgumentRangeError,
      /depth \+ 1 = 2/,
    ],
    [
      'sigmaB2 negative',
      { activation: 'relu', depth: 1, sigmaB2: [0, -1] },
      ArgumentRangeError,
      /`spec.sigmaB2\[1\]` must be a finite number ≥ 0/,
    ],
    ['sigmaB2 a string', { activation: 'relu', depth: 1, sigmaB2: '0' }, ArgumentTypeError, /spec.sigmaB2/],
    [
      'bad parameterization',
      { activation: 'relu', depth: 1, parameterization: 'mup' },
      ArgumentRangeError,
      /"ntk" or "standard"/,
    ],
    ['outputs 0', { activation: 'relu', depth: 1, outputs: 0 }, ArgumentRangeError, /`spec.outputs`/],
    ['outputs a string', { activation: 'relu', depth: 1, outputs: '2' }, ArgumentTypeError, /`spec.outputs`/],
  ];
  it.each(bad)('rejects %s, naming the field, the expectation and the value', (_name, spec, cls, msg) => {
    expect(() => resolveMlpSpec(spec)).toThrow(cls);
    expect(() => resolveMlpSpec(spec)).toThrow(msg);
  });
  it('uses the caller name in messages', () => {
    expect(() => resolveMlpSpec({ activation: 'relu' }, 'mlpKernels')).toThrow(
      /^mlpKernels: invalid argument/,
    );
  });
});
