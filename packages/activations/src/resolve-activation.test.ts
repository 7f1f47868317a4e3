import { ArgumentRangeError, ArgumentTypeError } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ACTIVATIONS } from './builtin-activations.ts';
import { resolveActivation } from './resolve-activation.ts';

describe('resolveActivation(builtin)', () => {
  it('resolveActivation(name) resolves every built-in, with phi/dphi fn and source', () => {
    for (const name of BUILTIN_ACTIVATIONS) {
      const a = resolveActivation(name);
      expect(a.kind).toBe('builtin');
      expect(typeof a.phi.fn(0.3)).toBe('number');
      expect(typeof a.dphi.fn(0.3)).toBe('number');
      const phiSource = new Function('x', `return ${a.phi.source}`) as (x: number) => number;
      expect(Math.abs(phiSource(0.3) - a.phi.fn(0.3))).toBeLessThan(2e-7);
    }
  });

  it('resolveActivation is case-insensitive, tolerates whitespace and maps silu to swish', () => {
    expect(resolveActivation('  ReLU ').name).toBe('relu');
    expect(resolveActivation('SiLU').builtin).toBe('swish');
    expect(resolveActivation('leaky_relu( 0.2 )').params).toEqual({ a: 0.2, b: 1 });
    expect(resolveActivation('leaky_relu( 0.2 )').name).toBe('leaky_relu(0.2)');
    expect(resolveActivation('leaky_relu').name).toBe('leaky_relu(0.01)');
    expect(resolveActivation('abrelu').params).toEqual({ a: 0.01, b: 1 });
    expect(resolveActivation('ABReLU(-1e-3, 2.5E0)').name).toBe('abrelu(-0.001, 2.5)');
    expect(resolveActivation('abrelu(0.3)').params).toEqual({ a: 0.3, b: 1 });
    expect(resolveActivation('elu(0.5)').name).toBe('elu(0.5)');
    expect(resolveActivation('relu').params).toEqual({});
    expect(resolveActivation('abrelu(-0.5, 2)').phi.fn(-2)).toBe(1);
    expect(resolveActivation('elu').params).toEqual({ alpha: 1 });
  });

  it("resolveActivation(builtin) reports kinks, TeX, expressions and distinct φ/φ' names", () => {
    expect(resolveActivation('relu').kinks).toEqual([0]);
    expect(resolveActivation('abrelu(2, 2)').kinks).toEqual([]);
    expect(resolveActivation('gelu').kinks).toEqual([]);
    expect(resolveActivation('elu').kinks).toEqual([0]); // φ'' jumps at 0 even for α = 1
    expect(resolveActivation('gelu').tex).toEqual({
      phi: 'x\\,\\Phi(x)',
      dphi: '\\Phi(x) + x\\,\\frac{e^{-x^2/2}}{\\sqrt{2\\pi}}',
    });
    expect(resolveActivation('tanh').expression).toBe('tanh(x)');
    expect(resolveActivation('tanh').dphi.name).toBe("tanh'");
    expect(Object.isFrozen(resolveActivation('relu'))).toBe(true);
  });

  it('resolveActivation rejects non-strings, empty and over-long text, and bad parameters', () => {
    expect(() => resolveActivation(3 as unknown as string)).toThrow(ArgumentTypeError);
    expect(() => resolveActivation('relu', 3 as unknown as string)).toThrow(ArgumentTypeError);
    expect(() => resolveActivation('  ')).toThrow(ArgumentRangeError);
    expect(() => resolveActivation('x'.repeat(501))).toThrow(/≤ 500 characters/);
    expect(() => resolveActivation('tanh(2)')).toThrow(/takes none/);
    expect(() => resolveActivation('leaky_relu(1, 2)')).toThrow(/with one numeric parameter/);
    expect(() => resolveActivation('elu(1e999)')).toThrow(/finite/);
    expect(() => resolveActivation('elu()')).toThrow(
      /with one numeric parameter, or bare for the defaults \(alpha = 1\)/,
    );
    expect(() => resolveActivation('abrelu(1, 2, 3)')).toThrow(/with 1 to 2 numeric/);
    expect(() => resolveActivation('relu', 'x > 0 ? 1 : 0')).toThrow(/own derivative/);
  });
});
