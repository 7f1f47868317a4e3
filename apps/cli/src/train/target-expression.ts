import { erf } from '@ntk/activations';
import { UsageError } from '../errors/usage-error.ts';

/** A compiled target: y = f(x₁, …, x_d) for one input row. */
export type TargetFunction = (x: ArrayLike<number>) => number;

const FUNCTIONS: Readonly<
  Record<string, { readonly arity: number; readonly fn: (...a: number[]) => number }>
> = {
  abs: { arity: 1, fn: Math.abs },
  sign: { arity: 1, fn: Math.sign },
  exp: { arity: 1, fn: Math.exp },
  log: { arity: 1, fn: Math.log },
  sqrt: { arity: 1, fn: Math.sqrt },
  sin: { arity: 1, fn: Math.sin },
  cos: { arity: 1, fn: Math.cos },
  tan: { arity: 1, fn: Math.tan },
  asin: { arity: 1, fn: Math.asin },
  acos: { arity: 1, fn: Math.acos },
  atan: { arity: 1, fn: Math.atan },
  sinh: { arity: 1, fn: Math.sinh },
  cosh: { arity: 1, fn: Math.cosh },
  tanh: { arity: 1, fn: Math.tanh },
  erf: { arity: 1, fn: erf },
  max: { arity: 2, fn: Math.max },
  min: { arity: 2, fn: Math.min },
  pow: { arity: 2, fn: Math.pow },
};

type Node = (x: ArrayLike<number>) => number;

/**
 * Compiles a training target written as an expression in the input coordinates x1, …, xd (1-based), e.g.
 * `sin(3*x1)`, `x1*x2 - 0.5`, `tanh(x1 + x2^2)`. The grammar is a small safe subset of mathjs syntax, parsed
 * here and evaluated by a closure tree (no `eval`, no user text in code): numbers, `x1`…`xd`, `pi`, `e`,
 * `+ - * / ^` (`^` right-associative, binding tighter than unary minus as in mathjs), parentheses and the
 * functions abs, sign, exp, log, sqrt, sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, erf, max, min, pow.
 *
 * @param text - The expression (at most 500 characters).
 * @param d - The input dimension (the largest coordinate index allowed).
 * @param flag - How to name the source in messages (default `--target`).
 * @returns The function of one input row.
 * @throws {UsageError} Naming the flag, the offending token and its column.
 * @example
 * ```ts
 * const f = compileTarget('sin(3*x1) + x2', 3);
 * f([0, 1, 0]); // 1
 * ```
 */
export function compileTarget(text: string, d: number, flag = '--target'): TargetFunction {
  if (text.length > 500) throw new UsageError(`${flag}: longer than 500 characters`);
  const tokens = tokenize(text, flag);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (what: string): never => {
    const t = peek();
    throw new UsageError(
      `${flag}: ${what} ${t === undefined ? 'at the end' : `at column ${t.col + 1} (${JSON.stringify(t.text)})`} in ${JSON.stringify(text)}`,
    );
  };
  const accept = (s: string): boolean => {
    if (peek()?.text === s) {
      pos++;
      return true;
    }
    return false;
  };
  const expr = (): Node => {
    let left = term();
    for (;;) {
      if (accept('+')) {
        const a = left;
        const b = term();
        left = (x) => a(x) + b(x);
      } else if (accept('-')) {
        const a = left;
        const b = term();
        left = (x) => a(x) - b(x);
      } else return left;
    }
  };
  const term = (): Node => {
    let left = unary();
    for (;;) {
      if (accept('*')) {
        const a = left;
        const b = unary();
        left = (x) => a(x) * b(x);
      } else if (accept('/')) {
        const a = left;
        const b = unary();
        left = (x) => a(x) / b(x);
      } else return left;
    }
  };
  const unary = (): Node => {
    if (accept('-')) {
      const a = unary();
      return (x) => -a(x);
    }
    if (accept('+')) return unary();
    return power();
  };
  const power = (): Node => {
    const base = atom();
    if (accept('^')) {
      const exponent = unary();
      return (x) => base(x) ** exponent(x);
    }
    return base;
  };
  const atom = (): Node => {
    const t = peek();
    if (t === undefined) return fail('expected a number, a coordinate or (');
    if (t.kind === 'number') {
      pos++;
      const v = Number(t.text);
      return () => v;
    }
    if (accept('(')) {
      const inner = expr();
      if (!accept(')')) fail('expected )');
      return inner;
    }
    if (t.kind === 'name') {
      pos++;
      const coordinate = /^x([1-9][0-9]*)$/.exec(t.text);
      if (coordinate !== null) {
        const i = Number(coordinate[1]) - 1;
        if (i >= d) {
          pos--;
          fail(`the data have ${d} coordinate${d === 1 ? '' : 's'} (x1…x${d}), no`);
        }
        return (x) => x[i] as number;
      }
      if (t.text === 'pi') return () => Math.PI;
      if (t.text === 'e') return () => Math.E;
      const f = Object.hasOwn(FUNCTIONS, t.text) ? FUNCTIONS[t.text] : undefined;
      if (f === undefined) {
        pos--;
        return fail(`unknown name (use x1…x${d}, pi, e or ${Object.keys(FUNCTIONS).join(', ')})`);
      }
      if (!accept('(')) fail(`expected ( after ${t.text}`);
      const args: Node[] = [expr()];
      while (accept(',')) args.push(expr());
      if (!accept(')')) fail('expected )');
      if (args.length !== f.arity) {
        pos--;
        fail(`${t.text} takes ${f.arity} argument${f.arity === 1 ? '' : 's'}, got ${args.length},`);
      }
      const [a, b] = args as [Node, Node | undefined];
      return b === undefined ? (x) => f.fn(a(x)) : (x) => f.fn(a(x), b(x));
    }
    return fail('unexpected');
  };
  const root = expr();
  if (pos < tokens.length) fail('unexpected');
  return root;
}

interface Token {
  readonly kind: 'number' | 'name' | 'op';
  readonly text: string;
  readonly col: number;
}

function tokenize(text: string, flag: string): Token[] {
  const out: Token[] = [];
  const re =
    /\s*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z_0-9]*)|([-+*/^(),]))/y;
  let i = 0;
  while (i < text.length) {
    if (/^\s*$/.test(text.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(text);
    if (m === null) {
      const col = i + (text.slice(i).length - text.slice(i).trimStart().length);
      throw new UsageError(
        `${flag}: unexpected character ${JSON.stringify(text[col])} at column ${col + 1} in ${JSON.stringify(text)}`,
      );
    }
    const s = m[1] ?? m[2] ?? (m[3] as string);
    const col = m.index + m[0].length - s.length;
    out.push({ kind: m[1] !== undefined ? 'number' : m[2] !== undefined ? 'name' : 'op', text: s, col });
    i = re.lastIndex;
  }
  if (out.length === 0) throw new UsageError(`${flag}: empty expression`);
  return out;
}
