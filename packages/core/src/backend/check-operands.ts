import { argumentError } from '../errors/argument-error.ts';
import { ShapeError } from '../errors/shape-error.ts';
import { checkMatrix } from '../matrix/matrix.ts';
import type { MatmulOptions } from './backend.ts';
import type { UnaryOp } from './unary-op.ts';

/** Dimensions of a product: op(A) is m×k, op(B) is k×n. */
export interface MatmulDims {
  /** Rows of the result. */
  m: number;
  /** Inner dimension. */
  k: number;
  /** Columns of the result. */
  n: number;
}

/**
 * Validates the operands of `Backend.matmul` and returns the product's dimensions. Shared by every backend
 * so that all of them reject bad input with the same message.
 *
 * @param fn - Name for messages (`cpu.matmul`).
 * @param a - Left operand.
 * @param b - Right operand.
 * @param options - Transposes.
 * @returns `{ m, k, n }` for an m×k by k×n product.
 * @throws {ShapeError} If the inner dimensions differ.
 */
export function checkMatmulOperands(
  fn: string,
  a: unknown,
  b: unknown,
  options: MatmulOptions = {},
): MatmulDims {
  const A = checkMatrix(fn, 'a', a);
  const B = checkMatrix(fn, 'b', b);
  const m = options.transposeA ? A.cols : A.rows;
  const k = options.transposeA ? A.rows : A.cols;
  const kb = options.transposeB ? B.cols : B.rows;
  const n = options.transposeB ? B.rows : B.cols;
  if (k !== kb) {
    throw new ShapeError(
      fn,
      'b',
      options.transposeB ? `n×${k}` : `${k}×n`,
      B.shapeText,
      `inner dimensions must agree; op(a) is ${m}×${k}`,
    );
  }
  checkScalar(fn, 'options.alpha', options.alpha ?? 1);
  return { m, k, n };
}

/**
 * Validates the operands of `Backend.gram`.
 *
 * @param fn - Name for messages.
 * @param x - n×d.
 * @param y - m×d or undefined.
 * @param alpha - Scale.
 * @throws {ShapeError} If the column counts differ.
 */
export function checkGramOperands(fn: string, x: unknown, y: unknown, alpha: unknown): void {
  const X = checkMatrix(fn, 'x', x);
  if (y !== undefined) {
    const Y = checkMatrix(fn, 'y', y);
    if (Y.cols !== X.cols)
      throw new ShapeError(fn, 'y', `m×${X.cols}`, Y.shapeText, 'x and y need the same number of columns');
  }
  checkScalar(fn, 'alpha', alpha);
}

/**
 * Validates two same-shape operands and the op of `Backend.zip`.
 *
 * @param fn - Name for messages.
 * @param a - Left.
 * @param b - Right.
 * @param op - Operation name.
 * @throws {ShapeError} If shapes differ; {@link ArgumentRangeError} for an unknown op.
 */
export function checkZipOperands(fn: string, a: unknown, b: unknown, op: unknown): void {
  const A = checkMatrix(fn, 'a', a);
  const B = checkMatrix(fn, 'b', b);
  if (A.rows !== B.rows || A.cols !== B.cols)
    throw new ShapeError(fn, 'b', A.shapeText, B.shapeText, 'same shape as a');
  if (op !== 'add' && op !== 'sub' && op !== 'mul' && op !== 'div') {
    throw argumentError('range', fn, 'op', '"add", "sub", "mul" or "div"', op);
  }
}

/**
 * Validates a {@link UnaryOp}.
 *
 * @param fn - Name for messages.
 * @param op - Candidate op.
 * @returns The op.
 * @throws {ArgumentTypeError} If `fn` is not a function or `source` not a string.
 */
export function checkUnaryOp(fn: string, op: unknown): UnaryOp {
  const o = op as Partial<UnaryOp> | null;
  if (o === null || typeof o !== 'object' || typeof o.fn !== 'function' || typeof o.source !== 'string') {
    throw argumentError('type', fn, 'op', 'a UnaryOp { name, fn, source }', op);
  }
  return o as UnaryOp;
}

/**
 * Validates the arguments of `Backend.addRowVector`.
 *
 * @param fn - Name for messages.
 * @param x - n×m.
 * @param v - Length m.
 * @param alpha - Scale.
 * @throws {ShapeError} If `v.length !== x.cols`.
 */
export function checkRowVector(fn: string, x: unknown, v: unknown, alpha: unknown): void {
  const X = checkMatrix(fn, 'x', x);
  const V = v as ArrayLike<number> | null;
  if (V === null || typeof V !== 'object' || typeof V.length !== 'number') {
    throw argumentError('type', fn, 'v', 'an array of numbers', v);
  }
  if (V.length !== X.cols)
    throw new ShapeError(fn, 'v', `[${X.cols}]`, `[${V.length}]`, 'one entry per column of x');
  checkScalar(fn, 'alpha', alpha);
}

/**
 * Validates the op and axis of `Backend.reduce`.
 *
 * @param fn - Name for messages.
 * @param x - Input.
 * @param op - Reduction.
 * @param axis - Axis.
 */
export function checkReduce(fn: string, x: unknown, op: unknown, axis: unknown): void {
  checkMatrix(fn, 'x', x);
  if (op !== 'sum' && op !== 'sumSquares' && op !== 'max' && op !== 'min' && op !== 'maxAbs') {
    throw argumentError('range', fn, 'op', '"sum", "sumSquares", "max", "min" or "maxAbs"', op);
  }
  if (axis !== 'all' && axis !== 'rows' && axis !== 'cols') {
    throw argumentError('range', fn, 'axis', '"all", "rows" or "cols"', axis);
  }
}

/**
 * Validates a finite scalar argument.
 *
 * @param fn - Name for messages.
 * @param argument - Argument name.
 * @param v - Value.
 * @returns The value.
 */
export function checkScalar(fn: string, argument: string, v: unknown): number {
  if (typeof v !== 'number') throw argumentError('type', fn, argument, 'a finite number', v);
  if (!Number.isFinite(v)) throw argumentError('range', fn, argument, 'a finite number', v);
  return v;
}
