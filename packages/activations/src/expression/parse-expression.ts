// Parses and validates one untrusted expression text. Internal to the package.
import { argumentError, MAX_ACTIVATION_LENGTH } from '@ntk/core';
import type { MathNode } from 'mathjs';
import { countNodes, type Expr } from './ast.ts';
import { fromMathjs } from './from-mathjs.ts';
import { MAX_INPUT_NODES } from './limits.ts';
import { mathjs } from './mathjs-instance.ts';
import { ExpressionRejection } from './rejection.ts';

/** Parsed text: the mathjs node (for `derivative`) and the validated Expr. */
export interface ParsedExpression {
  readonly node: MathNode;
  readonly expr: Expr;
}

/** What every expression error states as expected, before the specific reason. */
export const EXPECTED = 'a mathjs expression in x with whitelisted operations only';

/**
 * Parses `text` with mathjs (which only builds a tree, evaluating nothing) and validates the tree.
 *
 * @throws {ArgumentTypeError} If `text` is not a string.
 * @throws {ArgumentRangeError} If it is empty, too long, not parseable, or uses anything off the whitelist.
 */
export function parseExpression(fn: string, argument: string, text: unknown): ParsedExpression {
  if (typeof text !== 'string') throw argumentError('type', fn, argument, 'a mathjs expression in x', text);
  if (text.trim() === '' || text.length > MAX_ACTIVATION_LENGTH) {
    throw argumentError(
      'range',
      fn,
      argument,
      `a non-empty string of ≤ ${MAX_ACTIVATION_LENGTH} characters`,
      text,
    );
  }
  let node: MathNode;
  try {
    node = mathjs().parse(text);
  } catch (error) {
    throw argumentError(
      'range',
      fn,
      argument,
      `${EXPECTED} (syntax error: ${(error as Error).message})`,
      text,
    );
  }
  let expr: Expr;
  try {
    expr = fromMathjs(node);
  } catch (error) {
    if (error instanceof ExpressionRejection) {
      throw argumentError('range', fn, argument, `${EXPECTED}: ${error.message}`, text);
    }
    throw error;
  }
  if (countNodes(expr) > MAX_INPUT_NODES) {
    throw argumentError('range', fn, argument, `${EXPECTED}: at most ${MAX_INPUT_NODES} nodes`, text);
  }
  return { node, expr };
}
