// The expression path of resolveActivation. Internal to the package.
import { argumentError } from '@ntk/core';
import type { Activation } from '../activation.ts';
import { countNodes, dependsOnX, type Expr } from './ast.ts';
import { compileExpr } from './compile-expr.ts';
import { findKinks } from './find-kinks.ts';
import { fromMathjs } from './from-mathjs.ts';
import { MAX_DERIVATIVE_DEPTH, MAX_DERIVATIVE_NODES } from './limits.ts';
import { mathjs } from './mathjs-instance.ts';
import { EXPECTED, parseExpression } from './parse-expression.ts';
import { ExpressionRejection } from './rejection.ts';
import { simplifyExpr } from './simplify.ts';
import { toMathjs } from './to-mathjs.ts';

/** Points where φ must be finite (and φ' too, away from kinks): a probe, not a proof. */
const PROBES: readonly number[] = [
  0, 0.1, -0.1, 0.5, -0.5, 1, -1, 1.5, -1.5, 2, -2, 3, -3, 5, -5, 8, -8, 0.3, -0.7,
];
/** Generic points for the finite-difference check of φ' (kinks are avoided). */
const FD_POINTS: readonly number[] = [-2.3, -1.7, -0.9, -0.43, -0.11, 0.137, 0.35, 0.8, 1.3, 2.1, 3.3];
/** Relative disagreement between φ' and central differences of φ that rejects φ' (see README). */
export const DERIVATIVE_TOLERANCE = 1e-4;

function reject(argument: string, reason: string, text: string | undefined): never {
  throw argumentError('range', 'resolveActivation', argument, reason, text);
}

/** Symbolic derivative by mathjs (unsimplified), converted and cleaned; throws a message for the user. */
function symbolicDerivative(parsed: { node: import('mathjs').MathNode }, text: string): Expr {
  let d: import('mathjs').MathNode;
  try {
    d = mathjs().derivative(parsed.node, 'x', { simplify: false });
  } catch (error) {
    const why = (error as Error).message.split(':')[0];
    reject(
      'derivative',
      `given: the derivative of \`${text}\` cannot be found symbolically (mathjs: ${why}); ` +
        'pass it as `derivative` (`activationDerivative` in a spec)',
      undefined,
    );
  }
  let expr: Expr;
  try {
    expr = fromMathjs(d, MAX_DERIVATIVE_DEPTH);
  } catch (error) {
    if (!(error instanceof ExpressionRejection)) throw error;
    reject(
      'derivative',
      `given: the symbolic derivative of \`${text}\` is unusable (${error.message})`,
      undefined,
    );
  }
  if (countNodes(expr) > MAX_DERIVATIVE_NODES) {
    reject(
      'activation',
      `an expression whose symbolic derivative has at most ${MAX_DERIVATIVE_NODES} nodes (pass \`derivative\`, or simplify)`,
      text,
    );
  }
  return simplifyExpr(expr);
}

function relativeDifference(a: number, b: number, scale: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), scale);
}

/** Builds the Activation of an expression (and optional user derivative). */
export function resolveExpression(text: string, derivativeText: string | undefined): Activation {
  const parsed = parseExpression('resolveActivation', 'activation', text);
  if (!dependsOnX(parsed.expr)) {
    reject('activation', `${EXPECTED}: a function of x (it is constant)`, text);
  }
  const userDerivative =
    derivativeText === undefined
      ? undefined
      : parseExpression('resolveActivation', 'derivative', derivativeText);
  const dExpr = userDerivative ? userDerivative.expr : symbolicDerivative(parsed, text);
  let phi: ReturnType<typeof compileExpr>;
  let dphi: ReturnType<typeof compileExpr>;
  try {
    phi = compileExpr(parsed.expr);
  } catch (error) {
    if (error instanceof ExpressionRejection) reject('activation', `${EXPECTED}: ${error.message}`, text);
    throw error;
  }
  try {
    dphi = compileExpr(dExpr);
  } catch (error) {
    if (error instanceof ExpressionRejection)
      reject('derivative', `${EXPECTED}: ${error.message}`, derivativeText);
    throw error;
  }
  const kinks = findKinks(parsed.expr, dExpr);
  const nearKink = (x: number): boolean =>
    kinks.some((k) => Math.abs(x - k) < 1e-2 * Math.max(1, Math.abs(k)));
  const phiNode = toMathjs(parsed.expr);
  const dNode = toMathjs(dExpr);
  const name = phiNode.toString();
  const dName = dNode.toString();

  for (const x of PROBES) {
    const y = phi.fn(x);
    if (!Number.isFinite(y)) {
      reject('activation', `an expression finite on all of ℝ (at x = ${x} it gives ${y})`, text);
    }
  }
  const derivativeArgument = userDerivative ? 'derivative' : 'activation';
  const derivativeShown = userDerivative ? derivativeText : text;
  for (const x of [...PROBES, ...kinks]) {
    const y = dphi.fn(x);
    if (!Number.isFinite(y)) {
      reject(
        derivativeArgument,
        `such that φ' = ${dName} is finite on all of ℝ (at x = ${x} it gives ${y})` +
          (userDerivative ? '' : '; pass a derivative that is defined there as `derivative`'),
        derivativeShown,
      );
    }
  }
  // Central differences: truncation ≈ h²|φ'''|/6 ≈ 2e-11|φ'''|, rounding ≈ 1e-16|φ|/h ≈ 1e-11|φ|: far below the
  // tolerance, which only has to catch a wrong derivative (a factor, a sign, a missing term), not round-off.
  const checks = FD_POINTS.filter((x) => !nearKink(x)).map((x) => {
    const h = 1e-5 * Math.max(1, Math.abs(x));
    return { x, d: dphi.fn(x), fd: (phi.fn(x + h) - phi.fn(x - h)) / (2 * h) };
  });
  const scale = 1e-3 * Math.max(1e-300, ...checks.map((c) => Math.abs(c.fd)));
  for (const c of checks) {
    if (!(relativeDifference(c.d, c.fd, scale) <= DERIVATIVE_TOLERANCE)) {
      reject(
        derivativeArgument,
        `${userDerivative ? 'the derivative of φ' : 'an expression with a usable symbolic derivative'}: ` +
          `at x = ${c.x}, φ' = ${dName} gives ${c.d} but central differences of φ give ${c.fd}`,
        derivativeShown,
      );
    }
  }
  const activation: Activation = {
    name,
    kind: 'expression',
    params: Object.freeze({}),
    expression: name,
    derivativeExpression: dName,
    phi: Object.freeze({ name, fn: phi.fn, source: phi.source }),
    dphi: Object.freeze({ name: dName, fn: dphi.fn, source: dphi.source }),
    tex: Object.freeze({ phi: phiNode.toTex(), dphi: dNode.toTex() }),
    kinks: Object.freeze(kinks),
  };
  return Object.freeze(activation);
}
