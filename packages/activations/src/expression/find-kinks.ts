// Locates the points where an expression may fail to be smooth. Internal to the package.
import { dependsOnX, type Expr } from './ast.ts';
import { interpret } from './interpret.ts';

/** At most this many kinks are reported (those nearest 0). */
export const MAX_KINKS = 64;

/** The "switching functions" s(x) of `e`: φ or φ' can be non-smooth only where one of them is 0. */
function switches(e: Expr, out: Expr[]): void {
  const diff = (a: Expr, b: Expr): Expr => ({ k: 'op', op: 'subtract', a, b });
  switch (e.k) {
    case 'num':
    case 'x':
    case 'const':
      return;
    case 'neg':
      switches(e.a, out);
      return;
    case 'op':
      switches(e.a, out);
      switches(e.b, out);
      // a^b with a non-integer exponent is not smooth (or not real) where a = 0.
      if (e.op === 'pow' && !(e.b.k === 'num' && Number.isInteger(e.b.v) && e.b.v >= 0)) out.push(e.a);
      return;
    case 'cmp':
      switches(e.a, out);
      switches(e.b, out);
      out.push(diff(e.a, e.b));
      return;
    case 'cond':
      switches(e.c, out);
      switches(e.t, out);
      switches(e.f, out);
      if (e.c.k !== 'cmp') out.push(e.c);
      return;
    case 'call':
      for (const a of e.args) switches(a, out);
      if (['abs', 'sign', 'sqrt', 'cbrt'].includes(e.name)) out.push(e.args[0] as Expr);
      if (e.name === 'max' || e.name === 'min') {
        for (let i = 0; i < e.args.length; i++) {
          for (let j = i + 1; j < e.args.length; j++) out.push(diff(e.args[i] as Expr, e.args[j] as Expr));
        }
      }
      if (e.name === 'pow') {
        const b = e.args[1] as Expr;
        if (!(b.k === 'num' && Number.isInteger(b.v) && b.v >= 0)) out.push(e.args[0] as Expr);
      }
      return;
  }
}

/** The scan grid: x = sinh(t) on 4001 points up to |x| = 1e4 (spacing ≈ 0.0025 near 0), exactly 0 included. */
const GRID: readonly number[] = (() => {
  const n = 2000;
  const tMax = Math.asinh(1e4);
  const g: number[] = [];
  for (let i = -n; i <= n; i++) g.push(i === 0 ? 0 : Math.sinh((tMax * i) / n));
  return g;
})();

function bisect(s: (x: number) => number, lo: number, hi: number, slo: number): number {
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    const sm = s(mid);
    if (sm === 0) return mid;
    if (Math.sign(sm) === Math.sign(slo)) {
      lo = mid;
      slo = sm;
    } else hi = mid;
  }
  return Math.abs(s(lo)) <= Math.abs(s(hi)) ? lo : hi;
}

/**
 * Zeros of the switching functions of the given expressions on [−1e4, 1e4]: sign changes on a grid, refined by
 * bisection to the last bit, plus exact zeros at grid points. Zeros where s only touches 0 without changing
 * sign are not found (φ is usually smooth there). Returns at most {@link MAX_KINKS}, sorted.
 */
export function findKinks(...exprs: readonly Expr[]): number[] {
  const all: Expr[] = [];
  for (const e of exprs) switches(e, all);
  const roots: number[] = [];
  const seen = new Set<string>();
  for (const sw of all) {
    if (!dependsOnX(sw)) continue;
    const key = JSON.stringify(sw);
    if (seen.has(key)) continue;
    seen.add(key);
    const s = interpret(sw);
    const values = GRID.map(s);
    for (let i = 0; i < GRID.length; i++) {
      const v = values[i] as number;
      if (v === 0) {
        const left = i > 0 ? (values[i - 1] as number) : 1;
        const right = i + 1 < GRID.length ? (values[i + 1] as number) : 1;
        if (left !== 0 || right !== 0) roots.push(GRID[i] as number);
      } else if (i + 1 < GRID.length) {
        const w = values[i + 1] as number;
        if (w !== 0 && Number.isFinite(v) && Number.isFinite(w) && Math.sign(v) !== Math.sign(w)) {
          roots.push(bisect(s, GRID[i] as number, GRID[i + 1] as number, v));
        }
      }
    }
  }
  roots.sort((a, b) => a - b);
  const unique: number[] = [];
  for (const r of roots) {
    const last = unique[unique.length - 1];
    if (last === undefined || Math.abs(r - last) > 1e-12 * Math.max(1, Math.abs(r)))
      unique.push(r === 0 ? 0 : r);
  }
  if (unique.length <= MAX_KINKS) return unique;
  return unique
    .sort((a, b) => Math.abs(a) - Math.abs(b))
    .slice(0, MAX_KINKS)
    .sort((a, b) => a - b);
}
