// Generates JavaScript from a validated Expr. Only the shapes of Expr can be emitted, and every identifier in
// the output is fixed text of this file (x, M, H, Math): user text never reaches the output except as numbers
// printed by String(number). Internal to the package.
import { literal } from '../special/float32-sources.ts';
import type { Expr } from './ast.ts';
import { FUNCTIONS } from './functions.ts';
import { MAX_CODE_LENGTH } from './limits.ts';
import { ExpressionRejection } from './rejection.ts';

/** `'fn'`: float64 code using `M` (Math) and `H` (helpers); `'source'`: float32-safe code using `Math` only. */
export type EmitTarget = 'fn' | 'source';

const CMP: Readonly<Record<string, string>> = {
  larger: '>',
  smaller: '<',
  largerEq: '>=',
  smallerEq: '<=',
  equal: '===',
  unequal: '!==',
};
const CMP_SOURCE: Readonly<Record<string, string>> = { ...CMP, equal: '==', unequal: '!=' };

function num(v: number, target: EmitTarget): string {
  if (target === 'source') return literal(v);
  const s = String(Math.abs(v));
  return v < 0 || Object.is(v, -0) ? `(-${s})` : s;
}

function check(code: string): string {
  if (code.length > MAX_CODE_LENGTH) {
    throw new ExpressionRejection(
      `an expression whose generated code stays under ${MAX_CODE_LENGTH} characters`,
    );
  }
  return code;
}

/** Integer-power in float32 source without pow() on a negative base (undefined in GLSL). */
function integerPowerSource(base: string, n: number): string {
  if (n === 0) return '1.0';
  if (n < 0) return `(1.0 / ${integerPowerSource(base, -n)})`;
  if (n === 1) return base;
  const even = `Math.pow(Math.abs(${base}), ${literal(n % 2 === 0 ? n : n - 1)})`;
  return n % 2 === 0 ? even : `(${base} * ${even})`;
}

function power(a: Expr, b: Expr, target: EmitTarget): string {
  const bCode = emit(b, target);
  if (a.k === 'const' && a.name === 'e') return target === 'fn' ? `M.exp(${bCode})` : `Math.exp(${bCode})`;
  const aCode = emit(a, target);
  if (target === 'fn') return `M.pow(${aCode}, ${bCode})`;
  if (b.k === 'num' && Number.isInteger(b.v) && Math.abs(b.v) <= 64) return integerPowerSource(aCode, b.v);
  if (b.k === 'neg' && b.a.k === 'num' && Number.isInteger(b.a.v) && Math.abs(b.a.v) <= 64) {
    return integerPowerSource(aCode, -b.a.v);
  }
  return `Math.pow(${aCode}, ${bCode})`;
}

/** Code of a condition: a comparison directly, anything else compared with 0. */
function condition(c: Expr, target: EmitTarget): string {
  if (c.k === 'cmp') {
    const table = target === 'fn' ? CMP : CMP_SOURCE;
    return `(${emit(c.a, target)} ${table[c.op]} ${emit(c.b, target)})`;
  }
  return `(${emit(c, target)} ${target === 'fn' ? '!==' : '!='} ${target === 'fn' ? '0' : '0.0'})`;
}

/**
 * JavaScript expression text for `e`.
 *
 * @throws {ExpressionRejection} If the code would exceed {@link MAX_CODE_LENGTH}.
 */
export function emit(e: Expr, target: EmitTarget): string {
  switch (e.k) {
    case 'num':
      return num(e.v, target);
    case 'x':
      return 'x';
    case 'const':
      return num(e.name === 'pi' ? Math.PI : Math.E, target);
    case 'neg':
      return `(-${emit(e.a, target)})`;
    case 'op': {
      if (e.op === 'pow') return check(power(e.a, e.b, target));
      const sym = { add: '+', subtract: '-', multiply: '*', divide: '/' }[e.op];
      return check(`(${emit(e.a, target)} ${sym} ${emit(e.b, target)})`);
    }
    case 'cmp': {
      const one = target === 'fn' ? '1' : '1.0';
      const zero = target === 'fn' ? '0' : '0.0';
      return check(`(${condition(e, target)} ? ${one} : ${zero})`);
    }
    case 'cond':
      return check(`(${condition(e.c, target)} ? ${emit(e.t, target)} : ${emit(e.f, target)})`);
    case 'call': {
      if (e.name === 'pow') return check(power(e.args[0] as Expr, e.args[1] as Expr, target));
      const spec = FUNCTIONS.get(e.name);
      if (!spec) throw new ExpressionRejection(`no function \`${e.name}\``);
      const args = e.args.map((a) => emit(a, target));
      return check(target === 'fn' ? spec.fn(args) : spec.source(args));
    }
  }
}
