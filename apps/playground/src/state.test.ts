import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  BACKEND_CHOICES,
  DATA_CHOICES,
  DEFAULT_STATE,
  LIMITS,
  MNIST_PER_DIGIT,
  type PlaygroundState,
  parseState,
  serializeState,
} from './state.ts';

const SEED = 20261201;

const num = (k: keyof typeof LIMITS) => fc.double({ min: LIMITS[k].min, max: LIMITS[k].max, noNaN: true });
const int = (k: keyof typeof LIMITS) => fc.integer({ min: LIMITS[k].min, max: LIMITS[k].max });

/** Any valid state: free text (any characters, incl. &, =, #, %, unicode) for the activation fields. */
const stateArb: fc.Arbitrary<PlaygroundState> = fc
  .record({
    activation: fc
      .string({ minLength: 1, maxLength: 500, unit: 'grapheme' })
      .filter((s) => s.trim() !== '' && s.length <= 500),
    derivative: fc.oneof(
      fc.constant(''),
      fc.string({ maxLength: 500, unit: 'grapheme' }).filter((s) => s.length <= 500),
    ),
    sigmaW2: num('sigmaW2'),
    sigmaB2: num('sigmaB2'),
    depth: int('depth'),
    width: int('width'),
    parameterization: fc.constantFrom('ntk' as const, 'standard' as const),
    data: fc.constantFrom(...DATA_CHOICES),
    n: int('n'),
    d: int('d'),
    digits: fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 10 }),
    seed: int('seed'),
    backend: fc.constantFrom(...BACKEND_CHOICES),
    steps: int('steps'),
    lr: num('lr'),
  })
  .map((s) => (s.data === 'mnist' ? { ...s, n: Math.min(s.n, s.digits.length * MNIST_PER_DIGIT) } : s));

describe(`state (fast-check seed ${SEED})`, () => {
  it('parseState("") is the default state and serializeState(default) is empty', () => {
    expect(parseState('')).toEqual({ state: DEFAULT_STATE, rejected: [] });
    expect(serializeState(DEFAULT_STATE)).toBe('');
  });

  test.prop([stateArb], { seed: SEED, numRuns: 300 })(
    'parseState(serializeState(s)) returns s exactly, with nothing rejected',
    (s) => {
      const query = serializeState(s);
      expect(parseState(query)).toEqual({ state: s, rejected: [] });
      expect(parseState(`?${query}`).state).toEqual(s);
      // Through a real URL, as the page does with location.search.
      expect(parseState(new URL(`https://example.org/p/?${query}`).search).state).toEqual(s);
    },
  );

  it('serializeState writes short keys and only the fields that differ from the default', () => {
    const q = serializeState({ ...DEFAULT_STATE, depth: 10, activation: 'x*tanh(x) + 1' });
    expect(q).toBe('act=x*tanh%28x%29+%2B+1&L=10');
  });

  it('parseState rejects invalid parameters, names them, and keeps the default', () => {
    const { state, rejected } = parseState(
      'L=0&w=abc&sw2=-1&backend=tpu&digits=1,1&param=mean&lr=1.5&n=2.5&act=&steps=',
    );
    expect(state).toEqual(DEFAULT_STATE);
    expect(rejected).toHaveLength(10);
    expect(rejected.join('\n')).toMatch(/L=0: expected an integer in \[1, 64\]/);
    expect(rejected.join('\n')).toMatch(/backend=tpu: expected one of auto, cpu, gpujs-auto/);
    expect(rejected.join('\n')).toMatch(/digits=1,1: expected distinct digits/);
  });

  it('parseState ignores unknown parameters', () => {
    expect(parseState('foo=1&L=5')).toEqual({ state: { ...DEFAULT_STATE, depth: 5 }, rejected: [] });
  });

  it('parseState caps n at the bundled MNIST digits and says so', () => {
    const { state, rejected } = parseState('data=mnist&digits=3,7&n=90');
    expect(state.n).toBe(2 * MNIST_PER_DIGIT);
    expect(rejected).toEqual([`n=90: at most ${2 * MNIST_PER_DIGIT} MNIST digits are bundled for 2 classes`]);
  });
});
