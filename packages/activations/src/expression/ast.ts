// The package's own expression tree: the only shapes that survive validation. Internal to the package.

/** Binary arithmetic operators (mathjs names). */
export type ArithmeticOp = 'add' | 'subtract' | 'multiply' | 'divide' | 'pow';
/** Comparison operators (mathjs names); a comparison is 1 when true and 0 when false. */
export type ComparisonOp = 'larger' | 'smaller' | 'largerEq' | 'smallerEq' | 'equal' | 'unequal';

/** A validated expression in `x`. */
export type Expr =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'x' }
  | { readonly k: 'const'; readonly name: 'pi' | 'e' }
  | { readonly k: 'op'; readonly op: ArithmeticOp; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'neg'; readonly a: Expr }
  | { readonly k: 'cmp'; readonly op: ComparisonOp; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'cond'; readonly c: Expr; readonly t: Expr; readonly f: Expr }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly Expr[] };

/** mathjs operator symbols of the operators above. */
export const OP_SYMBOL: Readonly<Record<ArithmeticOp | ComparisonOp, string>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  larger: '>',
  smaller: '<',
  largerEq: '>=',
  smallerEq: '<=',
  equal: '==',
  unequal: '!=',
};

/** Whether `e` mentions the variable x. */
export function dependsOnX(e: Expr): boolean {
  switch (e.k) {
    case 'x':
      return true;
    case 'num':
    case 'const':
      return false;
    case 'neg':
      return dependsOnX(e.a);
    case 'op':
    case 'cmp':
      return dependsOnX(e.a) || dependsOnX(e.b);
    case 'cond':
      return dependsOnX(e.c) || dependsOnX(e.t) || dependsOnX(e.f);
    case 'call':
      return e.args.some(dependsOnX);
  }
}

/** Number of nodes of `e`. */
export function countNodes(e: Expr): number {
  switch (e.k) {
    case 'x':
    case 'num':
    case 'const':
      return 1;
    case 'neg':
      return 1 + countNodes(e.a);
    case 'op':
    case 'cmp':
      return 1 + countNodes(e.a) + countNodes(e.b);
    case 'cond':
      return 1 + countNodes(e.c) + countNodes(e.t) + countNodes(e.f);
    case 'call':
      return e.args.reduce((s, a) => s + countNodes(a), 1);
  }
}
