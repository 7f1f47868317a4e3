/**
 * Matrices, seeded keys, datasets, errors, linear algebra and the compute-backend interface with its float64
 * CPU reference.
 *
 * @packageDocumentation
 * @module @ntk/core
 */
export type {
  Backend,
  BackendInfo,
  BinaryOpName,
  MatmulOptions,
  ReduceAxis,
  ReduceOpName,
} from './backend/backend.ts';
export {
  checkGramOperands,
  checkMatmulOperands,
  checkReduce,
  checkRowVector,
  checkScalar,
  checkUnaryOp,
  checkZipOperands,
  type MatmulDims,
} from './backend/check-operands.ts';
export { cpuBackend, reduceReference } from './backend/cpu-backend.ts';
export type { ActivationOps, UnaryOp } from './backend/unary-op.ts';
export { gaussianCloud } from './datasets/gaussian-cloud.ts';
export { loadMnist, MNIST_PIXELS, type MnistNormalisation, type MnistSubset } from './datasets/mnist.ts';
export { pointsAtAngles } from './datasets/points-at-angles.ts';
export { sphere } from './datasets/sphere.ts';
export {
  type ArgumentErrorDetails,
  type ArgumentErrorKind,
  ArgumentRangeError,
  ArgumentTypeError,
  argumentError,
  argumentMessage,
} from './errors/argument-error.ts';
export { formatValue } from './errors/format-value.ts';
export { NotPositiveDefiniteError, NumericalError } from './errors/numerical-error.ts';
export { ShapeError } from './errors/shape-error.ts';
export { assertFiniteResult, checkFiniteArray, checkInteger, checkNumber } from './errors/validate.ts';
export { type CholeskyOptions, cholesky } from './linalg/cholesky.ts';
export { choleskySolve } from './linalg/cholesky-solve.ts';
export { type EighOptions, type EighResult, eigh } from './linalg/eigh.ts';
export { eigvalsh } from './linalg/eigvalsh.ts';
export { gemmNT, transposeData } from './linalg/gemm-nt.ts';
export { logDet } from './linalg/log-det.ts';
export { logDetSpd } from './linalg/log-det-spd.ts';
export { matmul } from './linalg/matmul.ts';
export { solveTriangular, type TriangularSolveOptions } from './linalg/solve-triangular.ts';
export type { Kernels } from './matrix/kernels.ts';
export { checkMatrix, type DType, type FloatArray, Matrix, type MatrixJson } from './matrix/matrix.ts';
export { checkKey, foldIn, type Key, key, randomBits, splitKey } from './random/key.ts';
export { normal, permutation, uniform } from './random/sample.ts';
export { threefry2x32 } from './random/threefry.ts';
export type { MlpSpec, Parameterization, ResolvedMlpSpec } from './spec/mlp-spec.ts';
export { MAX_ACTIVATION_LENGTH, resolveMlpSpec, validateMlpSpec } from './spec/resolve-mlp-spec.ts';
