import { gemmNT } from '../linalg/gemm-nt.ts';
import { matmul } from '../linalg/matmul.ts';
import { type FloatArray, Matrix } from '../matrix/matrix.ts';
import type {
  Backend,
  BackendInfo,
  BinaryOpName,
  MatmulOptions,
  ReduceAxis,
  ReduceOpName,
} from './backend.ts';
import {
  checkGramOperands,
  checkMatmulOperands,
  checkReduce,
  checkRowVector,
  checkScalar,
  checkUnaryOp,
  checkZipOperands,
} from './check-operands.ts';
import type { UnaryOp } from './unary-op.ts';

function f64(x: FloatArray): Float64Array {
  return x instanceof Float64Array ? x : Float64Array.from(x);
}

/**
 * The float64 CPU reference {@link Backend}: plain loops, tiled and register-blocked, symmetric half for Gram
 * matrices. It is the reference every other backend is tested against, not the fastest route (see the
 * optional `@ntk/backend-*` packages and `docs/benchmarks.md`).
 *
 * @returns A backend with `info = { name: 'cpu', dtype: 'float64', mode: 'reference' }`.
 * @example
 * ```ts
 * const be = cpuBackend();
 * const g = await be.gram(Matrix.fromRows([[1, 2], [3, 4]])); // [[5, 11], [11, 25]]
 * ```
 */
export function cpuBackend(): Backend {
  const info: BackendInfo = { name: 'cpu', dtype: 'float64', mode: 'reference', threads: 1 };
  return {
    info,
    async matmul(a: Matrix<FloatArray>, b: Matrix<FloatArray>, options: MatmulOptions = {}): Promise<Matrix> {
      checkMatmulOperands('cpu.matmul', a, b, options);
      return matmul(a, b, options);
    },
    async gram(x: Matrix<FloatArray>, y?: Matrix<FloatArray>, alpha = 1): Promise<Matrix> {
      checkGramOperands('cpu.gram', x, y, alpha);
      if (y === undefined)
        return new Matrix(x.rows, x.rows, gemmNT(x.data, x.data, x.rows, x.rows, x.cols, alpha, true));
      return new Matrix(x.rows, y.rows, gemmNT(x.data, y.data, x.rows, y.rows, x.cols, alpha, false));
    },
    async map(x: Matrix<FloatArray>, op: UnaryOp): Promise<Matrix> {
      checkUnaryOp('cpu.map', op);
      const src = x.data;
      const out = new Float64Array(src.length);
      const f = op.fn;
      for (let i = 0; i < src.length; i++) out[i] = f(src[i] as number);
      return new Matrix(x.rows, x.cols, out);
    },
    async zip(a: Matrix<FloatArray>, b: Matrix<FloatArray>, op: BinaryOpName): Promise<Matrix> {
      checkZipOperands('cpu.zip', a, b, op);
      const out = f64(a.data).slice();
      const bd = b.data;
      if (op === 'add') for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (bd[i] as number);
      else if (op === 'sub')
        for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) - (bd[i] as number);
      else if (op === 'mul')
        for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * (bd[i] as number);
      else for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / (bd[i] as number);
      return new Matrix(a.rows, a.cols, out);
    },
    async affine(x: Matrix<FloatArray>, alpha: number, beta = 0): Promise<Matrix> {
      checkScalar('cpu.affine', 'alpha', alpha);
      checkScalar('cpu.affine', 'beta', beta);
      const src = x.data;
      const out = new Float64Array(src.length);
      for (let i = 0; i < src.length; i++) out[i] = alpha * (src[i] as number) + beta;
      return new Matrix(x.rows, x.cols, out);
    },
    async addRowVector(x: Matrix<FloatArray>, v: ArrayLike<number>, alpha = 1): Promise<Matrix> {
      checkRowVector('cpu.addRowVector', x, v, alpha);
      const { rows, cols } = x;
      const out = f64(x.data).slice();
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) out[i * cols + j] += alpha * (v[j] as number);
      return new Matrix(rows, cols, out);
    },
    async reduce(x: Matrix<FloatArray>, op: ReduceOpName, axis: ReduceAxis = 'all'): Promise<Float64Array> {
      checkReduce('cpu.reduce', x, op, axis);
      return reduceReference(x, op, axis);
    },
    dispose(): void {},
  };
}

/**
 * Float64 reductions, shared by the CPU reference and by tests of other backends.
 *
 * @param x - Input matrix.
 * @param op - Reduction.
 * @param axis - Axis.
 * @returns The reduced values.
 */
export function reduceReference(x: Matrix<FloatArray>, op: ReduceOpName, axis: ReduceAxis): Float64Array {
  const { rows, cols, data } = x;
  const outLen = axis === 'all' ? 1 : axis === 'rows' ? rows : cols;
  const init = op === 'max' ? -Infinity : op === 'min' ? Infinity : 0;
  const out = new Float64Array(outLen).fill(init);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j] as number;
      const o = axis === 'all' ? 0 : axis === 'rows' ? i : j;
      const acc = out[o] as number;
      out[o] =
        op === 'sum'
          ? acc + v
          : op === 'sumSquares'
            ? acc + v * v
            : op === 'max'
              ? Math.max(acc, v)
              : op === 'min'
                ? Math.min(acc, v)
                : Math.max(acc, Math.abs(v));
    }
  }
  return out;
}
