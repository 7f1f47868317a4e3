import type { DType, FloatArray, Matrix } from '../matrix/matrix.ts';
import type { UnaryOp } from './unary-op.ts';

/** Elementwise binary operations of {@link Backend.zip}. */
export type BinaryOpName = 'add' | 'sub' | 'mul' | 'div';

/** Reductions of {@link Backend.reduce}. */
export type ReduceOpName = 'sum' | 'sumSquares' | 'max' | 'min' | 'maxAbs';

/** Reduction axis: `all` (one number), `rows` (one number per row), `cols` (one number per column). */
export type ReduceAxis = 'all' | 'rows' | 'cols';

/** What a backend is and how it runs, as reported to the user. */
export interface BackendInfo {
  /** Backend name: `cpu`, `gpujs`, … */
  readonly name: string;
  /** Precision it computes in. */
  readonly dtype: DType;
  /** The mode that actually runs (`reference`, `webasm`, `cpu`, `webgl2`, `headlessgl`, …). */
  readonly mode: string;
  /** Why the requested mode was not used, when the backend fell back. */
  readonly fallbackReason?: string;
  /** Worker threads in use, where that applies. */
  readonly threads?: number;
}

/** Options of {@link Backend.matmul}. */
export interface MatmulOptions {
  /** Use Aᵀ instead of A. */
  readonly transposeA?: boolean;
  /** Use Bᵀ instead of B. */
  readonly transposeB?: boolean;
  /** Scale α of the product (default 1). */
  readonly alpha?: number;
}

/**
 * The few primitives the hot paths need, on row-major float matrices with explicit shapes. Every method
 * is asynchronous (GPU and worker backends are), validates shapes (throws `ShapeError`) and returns a new
 * matrix in the backend's precision (`info.dtype`). Inputs in either precision are accepted.
 *
 * Implementations: `cpuBackend()` (float64 reference, in `@ntk/core`), `@ntk/backend-gpujs` (float32), and
 * further optional `@ntk/backend-*` packages. Each runs the conformance suite of `@ntk/testing`.
 */
export interface Backend {
  /** Name, precision and mode in use. */
  readonly info: BackendInfo;
  /**
   * C = α·op(A)·op(B), op = identity or transpose.
   * @param a - m×k (or k×m with `transposeA`).
   * @param b - k×n (or n×k with `transposeB`).
   * @param options - Transposes and scale.
   */
  matmul(a: Matrix<FloatArray>, b: Matrix<FloatArray>, options?: MatmulOptions): Promise<Matrix<FloatArray>>;
  /**
   * Gram matrix G = α·X·Yᵀ (G_ij = α·⟨x_i, y_j⟩); with `y` omitted, α·X·Xᵀ, computed on one symmetric half.
   * @param x - n×d.
   * @param y - m×d (optional).
   * @param alpha - Scale (default 1).
   */
  gram(x: Matrix<FloatArray>, y?: Matrix<FloatArray>, alpha?: number): Promise<Matrix<FloatArray>>;
  /**
   * Elementwise y = f(x).
   * @param x - Any shape.
   * @param op - The function.
   */
  map(x: Matrix<FloatArray>, op: UnaryOp): Promise<Matrix<FloatArray>>;
  /**
   * Elementwise binary operation of two matrices of the same shape.
   * @param a - Left operand.
   * @param b - Right operand.
   * @param op - `add`, `sub`, `mul` (Hadamard) or `div`.
   */
  zip(a: Matrix<FloatArray>, b: Matrix<FloatArray>, op: BinaryOpName): Promise<Matrix<FloatArray>>;
  /**
   * Elementwise α·x + β.
   * @param x - Input.
   * @param alpha - Scale.
   * @param beta - Shift (default 0).
   */
  affine(x: Matrix<FloatArray>, alpha: number, beta?: number): Promise<Matrix<FloatArray>>;
  /**
   * Broadcast add of a row vector: Y_ij = X_ij + α·v_j (bias addition).
   * @param x - n×m.
   * @param v - Length m.
   * @param alpha - Scale of v (default 1).
   */
  addRowVector(x: Matrix<FloatArray>, v: ArrayLike<number>, alpha?: number): Promise<Matrix<FloatArray>>;
  /**
   * Reduction over all entries, each row, or each column; always returned in float64.
   * @param x - Input.
   * @param op - `sum`, `sumSquares`, `max`, `min` or `maxAbs`.
   * @param axis - `all` (length 1), `rows` (length rows) or `cols` (length cols).
   */
  reduce(x: Matrix<FloatArray>, op: ReduceOpName, axis?: ReduceAxis): Promise<Float64Array>;
  /** Releases resources (GPU memory, workers). The backend must not be used afterwards. */
  dispose(): void;
}
