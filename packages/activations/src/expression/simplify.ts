// A light, linear-time algebraic clean-up of symbolic derivatives (mathjs's own `simplify` takes seconds on
// derivatives of a few hundred nodes, so it is not used). Internal to the package.
import type { Expr } from './ast.ts';

const isNum = (e: Expr, v?: number): e is { k: 'num'; v: number } =>
  e.k === 'num' && (v === undefined || e.v === v);
const same = (a: Expr, b: Expr): boolean => JSON.stringify(a) === JSON.stringify(b);
const num = (v: number): Expr => (v < 0 ? { k: 'neg', a: { k: 'num', v: -v } } : { k: 'num', v });

function foldConstant(op: string, a: number, b: number): number | undefined {
  let r: number;
  switch (op) {
    case 'add':
      r = a + b;
      break;
    case 'subtract':
      r = a - b;
      break;
    case 'multiply':
      r = a * b;
      break;
    case 'divide':
      r = a / b;
      if (!Number.isInteger(r)) return undefined; // keep 2 / 3 as a fraction in the text
      break;
    case 'pow':
      r = a ** b;
      if (!Number.isInteger(r) || Math.abs(r) > 2 ** 53) return undefined;
      break;
    default:
      return undefined;
  }
  return Number.isFinite(r) ? r : undefined;
}

/**
 * Bottom-up rewriting with: constant folding, x+0, 0+x, x−0, 0−x, x·1, 1·x, x·0, −1·x, x/1, 0/x, x^1, x^0,
 * −(−x), a + (−b), a − (−b), and |u|/u → sign(u) (mathjs differentiates |u| to |u|/u, which is NaN at u = 0;
 * sign(u) is the a.e. derivative with value 0 at the kink). Never changes the value where both sides are finite.
 */
export function simplifyExpr(e: Expr): Expr {
  switch (e.k) {
    case 'num':
    case 'x':
    case 'const':
      return e;
    case 'neg': {
      const a = simplifyExpr(e.a);
      if (a.k === 'neg') return a.a;
      if (isNum(a, 0)) return a;
      return { k: 'neg', a };
    }
    case 'cmp':
      return { k: 'cmp', op: e.op, a: simplifyExpr(e.a), b: simplifyExpr(e.b) };
    case 'cond':
      return { k: 'cond', c: simplifyExpr(e.c), t: simplifyExpr(e.t), f: simplifyExpr(e.f) };
    case 'call':
      return { k: 'call', name: e.name, args: e.args.map(simplifyExpr) };
    case 'op': {
      const a = simplifyExpr(e.a);
      const b = simplifyExpr(e.b);
      const av = a.k === 'num' ? a.v : a.k === 'neg' && a.a.k === 'num' ? -a.a.v : undefined;
      const bv = b.k === 'num' ? b.v : b.k === 'neg' && b.a.k === 'num' ? -b.a.v : undefined;
      if (av !== undefined && bv !== undefined) {
        const r = foldConstant(e.op, av, bv);
        if (r !== undefined) return num(r);
      }
      switch (e.op) {
        case 'add':
          if (av === 0) return b;
          if (bv === 0) return a;
          if (b.k === 'neg') return { k: 'op', op: 'subtract', a, b: b.a };
          break;
        case 'subtract':
          if (bv === 0) return a;
          if (av === 0) return simplifyExpr({ k: 'neg', a: b });
          if (b.k === 'neg') return { k: 'op', op: 'add', a, b: b.a };
          break;
        case 'multiply':
          if (av === 0 || bv === 0) return { k: 'num', v: 0 };
          if (av === 1) return b;
          if (bv === 1) return a;
          if (av === -1) return simplifyExpr({ k: 'neg', a: b });
          if (bv === -1) return simplifyExpr({ k: 'neg', a });
          if (a.k === 'neg') return simplifyExpr({ k: 'neg', a: { k: 'op', op: 'multiply', a: a.a, b } });
          if (b.k === 'neg') return simplifyExpr({ k: 'neg', a: { k: 'op', op: 'multiply', a, b: b.a } });
          break;
        case 'divide':
          if (bv === 1) return a;
          if (av === 0) return { k: 'num', v: 0 };
          if (a.k === 'neg') return simplifyExpr({ k: 'neg', a: { k: 'op', op: 'divide', a: a.a, b } });
          // (c1·u)/c2 → (c1/c2)·u when c1/c2 is an integer: the 2·x/2 of d/dx x²/2.
          if (bv !== undefined && a.k === 'op' && a.op === 'multiply' && a.a.k === 'num') {
            const q = a.a.v / bv;
            if (Number.isInteger(q)) return simplifyExpr({ k: 'op', op: 'multiply', a: num(q), b: a.b });
          }
          if (a.k === 'call' && a.name === 'abs' && same(a.args[0] as Expr, b)) {
            return { k: 'call', name: 'sign', args: [b] };
          }
          break;
        case 'pow':
          if (bv === 1) return a;
          if (bv === 0) return { k: 'num', v: 1 };
          break;
      }
      return { k: 'op', op: e.op, a, b };
    }
  }
}
