// The whitelist of functions an expression may call, with their JavaScript forms. Internal to the package.
import { erfSource } from '../special/float32-sources.ts';

/**
 * One whitelisted function: arity, and code generators. `fn` code may use `M` (the `Math` object, passed in)
 * and `H` (the helper object with `erf`, passed in); `source` code may use only `Math.*` functions that gpu.js
 * implements in its shaders (abs, exp, log, sqrt, sin, cos, tan, asin, acos, atan, sinh, cosh, asinh, acosh,
 * atanh, pow, sign, max, min) and is written to stay finite in float32 where the function is.
 */
export interface WhitelistedFunction {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly fn: (args: readonly string[]) => string;
  readonly source: (args: readonly string[]) => string;
}

const a0 = (args: readonly string[]): string => args[0] as string;
const direct = (name: string): WhitelistedFunction => ({
  minArgs: 1,
  maxArgs: 1,
  fn: (args) => `M.${name}(${a0(args)})`,
  source: (args) => `Math.${name}(${a0(args)})`,
});
const same = (code: (a: string, M: string) => string): WhitelistedFunction => ({
  minArgs: 1,
  maxArgs: 1,
  fn: (args) => code(a0(args), 'M'),
  source: (args) => code(a0(args), 'Math'),
});
const variadic = (name: 'max' | 'min'): WhitelistedFunction => ({
  minArgs: 2,
  maxArgs: 16,
  fn: (args) => `M.${name}(${args.join(', ')})`,
  source: (args) => args.slice(1).reduce((acc, a) => `Math.${name}(${acc}, ${a})`, args[0] as string),
});

/** The functions accepted in expressions (mathjs names, all of one real argument unless stated). */
export const FUNCTIONS: ReadonlyMap<string, WhitelistedFunction> = new Map<string, WhitelistedFunction>([
  ['abs', direct('abs')],
  ['sign', direct('sign')],
  ['exp', direct('exp')],
  ['expm1', { ...direct('expm1'), source: (args) => `(Math.exp(${a0(args)}) - 1.0)` }],
  ['log', direct('log')],
  ['log1p', { ...direct('log1p'), source: (args) => `Math.log(1.0 + ${a0(args)})` }],
  ['log2', { ...direct('log2'), source: (args) => `(Math.log(${a0(args)}) * 1.4426950408889634)` }],
  ['log10', { ...direct('log10'), source: (args) => `(Math.log(${a0(args)}) * 0.4342944819032518)` }],
  ['sqrt', direct('sqrt')],
  [
    'cbrt',
    {
      ...direct('cbrt'),
      // gpu.js's cbrt polyfill calls pow on a negative base (undefined in GLSL): use sign·|a|^(1/3).
      source: (args) => `(Math.sign(${a0(args)}) * Math.pow(Math.abs(${a0(args)}), 0.3333333333333333))`,
    },
  ],
  ['sin', direct('sin')],
  ['cos', direct('cos')],
  ['tan', direct('tan')],
  ['sec', same((a, M) => `(1.0 / ${M}.cos(${a}))`)],
  ['csc', same((a, M) => `(1.0 / ${M}.sin(${a}))`)],
  ['cot', same((a, M) => `(1.0 / ${M}.tan(${a}))`)],
  ['asin', direct('asin')],
  ['acos', direct('acos')],
  ['atan', direct('atan')],
  ['sinh', direct('sinh')],
  ['cosh', direct('cosh')],
  [
    'tanh',
    {
      ...direct('tanh'),
      // 2/(1 + e^{−2a}) − 1: one occurrence of a, finite for all a (gpu.js's tanh is NaN past a ≈ 44 in float32).
      source: (args) => `(2.0 / (1.0 + Math.exp(-2.0 * ${a0(args)})) - 1.0)`,
    },
  ],
  ['sech', same((a, M) => `(1.0 / ${M}.cosh(${a}))`)],
  ['csch', same((a, M) => `(1.0 / ${M}.sinh(${a}))`)],
  [
    'coth',
    {
      ...same((a, M) => `(1.0 / ${M}.tanh(${a}))`),
      source: (args) => `(1.0 / (2.0 / (1.0 + Math.exp(-2.0 * ${a0(args)})) - 1.0))`,
    },
  ],
  ['asinh', direct('asinh')],
  ['acosh', direct('acosh')],
  ['atanh', direct('atanh')],
  [
    'erf',
    { minArgs: 1, maxArgs: 1, fn: (args) => `H.erf(${a0(args)})`, source: (args) => erfSource(a0(args)) },
  ],
  ['max', variadic('max')],
  ['min', variadic('min')],
  [
    'pow',
    {
      minArgs: 2,
      maxArgs: 2,
      fn: (args) => `M.pow(${args[0]}, ${args[1]})`,
      source: (args) => `Math.pow(${args[0]}, ${args[1]})`,
    },
  ],
]);

/** Names of the whitelisted functions, sorted, for messages and docs. */
export const FUNCTION_NAMES: readonly string[] = Object.freeze([...FUNCTIONS.keys()].sort());
