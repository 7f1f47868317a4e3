import { describe, expect, it } from 'vitest';
import { BUILTIN_ACTIVATIONS } from './builtin-activations.ts';
import { isBuiltinActivation } from './is-builtin-activation.ts';
import { resolveActivation } from './resolve-activation.ts';

describe('isBuiltinActivation', () => {
  it('isBuiltinActivation(name) is true for every BUILTIN_ACTIVATIONS entry, in any case', () => {
    for (const name of BUILTIN_ACTIVATIONS) {
      expect(isBuiltinActivation(name)).toBe(true);
      expect(isBuiltinActivation(` ${name.toUpperCase()} `)).toBe(true);
    }
  });

  it('isBuiltinActivation is false for calls, expressions, prototype names and non-strings', () => {
    for (const text of [
      'leaky_relu(0.1)',
      'tanh(x)',
      'x',
      '',
      'constructor',
      '__proto__',
      'toString',
      'relu6',
    ]) {
      expect(isBuiltinActivation(text)).toBe(false);
    }
    expect(isBuiltinActivation(3 as unknown as string)).toBe(false);
  });

  it('BUILTIN_ACTIVATIONS is frozen, has no duplicates, and every entry resolves to its canonical built-in', () => {
    expect(Object.isFrozen(BUILTIN_ACTIVATIONS)).toBe(true);
    expect(new Set(BUILTIN_ACTIVATIONS).size).toBe(BUILTIN_ACTIVATIONS.length);
    for (const name of BUILTIN_ACTIVATIONS) {
      expect(resolveActivation(name).builtin).toBe(name === 'silu' ? 'swish' : name);
    }
  });
});
