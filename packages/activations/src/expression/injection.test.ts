import { ArgumentRangeError, ArgumentTypeError } from '@ntk/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compileExpression } from '../compile-expression.ts';
import { resolveActivation } from '../resolve-activation.ts';

// Every payload below would flip this flag if any part of it were executed.
const flag = globalThis as unknown as { __ntkPwned?: boolean };
flag.__ntkPwned = false;
afterAll(() => {
  delete flag.__ntkPwned;
});

const ATTEMPTS: readonly [string, RegExp][] = [
  ['constructor', /no symbols but x, pi and e \(found `constructor`\)/],
  ['x.constructor', /property access not allowed/],
  ['this', /no symbols but x, pi and e \(found `this`\)/],
  ["import('fs')", /no string constants|no function `import`/],
  ['import("fs")', /no string constants|no function `import`/],
  ['"str"', /no string constants/],
  ['x = 1', /assignments not allowed/],
  ['f(x) = x', /function definitions not allowed/],
  ['[1,2]', /arrays not allowed/],
  ['{a: 1}', /objects not allowed/],
  ['x[0]', /indexing not allowed|property access not allowed/],
  ['evaluate("1")', /no string constants|no function `evaluate`/],
  ['cos.constructor', /property access not allowed/],
  ['cos.constructor("globalThis.__ntkPwned = true")()', /syntax error/],
  [
    'cos.constructor("globalThis.__ntkPwned = true")(1)',
    /property access not allowed|calls of named functions only/,
  ],
  [
    'constructor.constructor("globalThis.__ntkPwned = true")(1)',
    /property access not allowed|calls of named/,
  ],
  ['x; globalThis.__ntkPwned = true', /several statements|property access|assignments/],
  ['evaluate("globalThis.__ntkPwned = true")', /no string constants|no function `evaluate`/],
  ['parse("x")', /no string constants|no function `parse`/],
  ['createUnit("foo")', /no string constants|no function `createUnit`/],
  ['import({}, {override: true})', /objects not allowed|no function `import`/],
  ['x ? 1 : globalThis', /no symbols but x, pi and e \(found `globalThis`\)/],
  ['true', /no boolean constants/],
  ['null', /no object constants|no symbols/],
  ['x + 1e400', /finite number constants/],
  ['sin(x, 1)', /`sin` with 1 argument/],
  ['max(x)', /`max` with 2 to 16 argument/],
  ['x!', /no operator `!`/],
  ['x & 1', /no operator `&`/],
  ['not x', /no operator `not`/],
  ['x to cm', /no operator `to`|no symbols/],
  ['1:3', /ranges not allowed/],
  ['0 < x < 1', /chained comparisons not allowed/],
  ['y + x', /found `y`/],
  ['Infinity * x', /found `Infinity`/],
  ['x + @', /syntax error/],
  ['x'.repeat(100_000), /≤ 500 characters/],
  [`${'('.repeat(200)}x${')'.repeat(200)}`, /nested more than 100 levels deep/],
  [`${'-'.repeat(150)}x`, /nested more than 100 levels deep/],
];

/** Short test labels: the texts themselves can be 100,000 characters long. */
const CASES = ATTEMPTS.map(
  ([text, reason]) =>
    [text.length > 48 ? `${text.slice(0, 40)}… (${text.length} chars)` : text, text, reason] as const,
);

describe('resolveActivation(untrusted expression)', () => {
  it.each(CASES)('resolveActivation(%j) is rejected with a clear ArgumentRangeError', (_, text, reason) => {
    let error: unknown;
    try {
      resolveActivation(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArgumentRangeError);
    const message = (error as Error).message;
    expect(message).toMatch(/^resolveActivation: invalid argument\. `activation` must be /);
    expect(message).toMatch(reason);
    expect(flag.__ntkPwned).toBe(false);
  });

  it.each(CASES)('resolveActivation("x*x/2 + x", %j) rejects the same text as a derivative', (_, text) => {
    expect(() => resolveActivation('x*x/2 + x', text)).toThrow(ArgumentRangeError);
    expect(flag.__ntkPwned).toBe(false);
  });

  it.each(CASES)('compileExpression(%j) rejects it too', (_, text) => {
    expect(() => compileExpression(text)).toThrow(/^compileExpression: invalid argument\. `text` must be/);
    expect(flag.__ntkPwned).toBe(false);
  });

  it('resolveActivation rejects non-string input with an ArgumentTypeError', () => {
    for (const bad of [null, undefined, 1, {}, ['x'], { toString: () => 'x' }]) {
      expect(() => resolveActivation(bad as unknown as string)).toThrow(ArgumentTypeError);
      expect(() => compileExpression(bad as unknown as string)).toThrow(ArgumentTypeError);
    }
  });

  // Token soup mixing dangerous and ordinary tokens: whatever is accepted must compile to code whose only
  // identifiers are x, Math and whitelisted Math functions; nothing may execute. Seed fixed and printed.
  const TOKENS = [
    'x',
    '(',
    ')',
    '+',
    '-',
    '*',
    '/',
    '^',
    ',',
    '.',
    '[',
    ']',
    '{',
    '}',
    '"',
    "'",
    '=',
    ';',
    '?',
    ':',
    '1',
    '2.5',
    'e',
    'pi',
    'exp',
    'sin',
    'max',
    'constructor',
    'this',
    'import',
    'evaluate',
    'globalThis',
    '__proto__',
    'prototype',
    'Function',
    'eval',
    'process',
    'require',
    '\n',
    ' ',
    '>',
    '<',
    '!',
    '&',
    '|',
    '@',
    '`',
    '$',
  ];
  const SEED = 20240611;
  it(`resolveActivation(token soup) only ever throws argument errors or yields whitelisted code (fast-check seed ${SEED})`, () => {
    const allowed =
      /^(x|Math|abs|exp|log|sqrt|sin|cos|tan|asin|acos|atan|sinh|cosh|asinh|acosh|atanh|pow|sign|max|min)$/;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 24 }), (tokens) => {
        const text = tokens.join('');
        let compiled: ReturnType<typeof compileExpression> | undefined;
        try {
          compiled = compileExpression(text);
        } catch (e) {
          expect(e instanceof ArgumentRangeError || e instanceof ArgumentTypeError).toBe(true);
        }
        if (compiled) {
          for (const id of compiled.source.match(/[A-Za-z_$][\w$]*/g) ?? []) expect(id).toMatch(allowed);
          compiled.fn(0.5);
        }
        expect(flag.__ntkPwned).toBe(false);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });
});
