// Converts an Expr back to a mathjs node, for mathjs's toString/toTex. Internal to the package.
import type { MathNode } from 'mathjs';
import { type Expr, OP_SYMBOL } from './ast.ts';
import { mathjs } from './mathjs-instance.ts';

type Ctor = new (...args: unknown[]) => MathNode;

/** The mathjs node of `e` (no parenthesis nodes: mathjs adds the necessary ones when printing). */
export function toMathjs(e: Expr): MathNode {
  const m = mathjs() as unknown as Record<string, Ctor>;
  const Constant = m['ConstantNode'] as Ctor;
  const Symbol_ = m['SymbolNode'] as Ctor;
  const Operator = m['OperatorNode'] as Ctor;
  const Conditional = m['ConditionalNode'] as Ctor;
  const Function_ = m['FunctionNode'] as Ctor;
  const go = (n: Expr): MathNode => {
    switch (n.k) {
      case 'num':
        return n.v < 0 ? new Operator('-', 'unaryMinus', [new Constant(-n.v)]) : new Constant(n.v);
      case 'x':
        return new Symbol_('x');
      case 'const':
        return new Symbol_(n.name);
      case 'neg':
        return new Operator('-', 'unaryMinus', [go(n.a)]);
      case 'op':
      case 'cmp':
        return new Operator(OP_SYMBOL[n.op], n.op, [go(n.a), go(n.b)]);
      case 'cond':
        return new Conditional(go(n.c), go(n.t), go(n.f));
      case 'call':
        return new Function_(new Symbol_(n.name), n.args.map(go));
    }
  };
  return go(e);
}
