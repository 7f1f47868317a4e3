import { cpuBackend, type FloatArray, Matrix } from '@ntk/core';
import { checkMlp } from './check-mlp.ts';
import { checkInput } from './forward-pass.ts';
import { checkJacobianSize, DEFAULT_MAX_JACOBIAN_BYTES, jacobianBlocks } from './jacobian-blocks.ts';
import type { Mlp } from './mlp.ts';
import type { BackendOptions } from './mlp-forward.ts';
import { mlpParameterCount } from './mlp-parameter-count.ts';

/** Options of {@link mlpJacobian}. */
export interface MlpJacobianOptions extends BackendOptions {
  /** Refuse to materialise more than this many bytes (default 2³⁰ = 1 GiB). */
  readonly maxJacobianBytes?: number;
}

/**
 * Per-example output gradients J = ∂f(X)/∂θ, materialised: (N·O) × P, row i·O + a = ∂f_a(x_i)/∂θ.
 * Parameter order: layer 1 W¹ (row-major), b¹ (if σ_b,1² > 0), then layer 2, …, the readout last. The
 * empirical NTK is J(X1)·J(X2)ᵀ ({@link empiricalNtk} with `method: 'jacobian'`).
 *
 * @param net - Network.
 * @param X - Inputs, N × d.
 * @param options - Backend and size ceiling.
 * @returns J, float64.
 * @throws {ShapeError} If X does not have d columns. {@link @ntk/core!ArgumentRangeError} If N·O·P·8 bytes exceed
 *   `maxJacobianBytes`.
 * @example
 * ```ts
 * const J = await mlpJacobian(net, X); // N × mlpParameterCount(net) for a scalar output
 * ```
 */
export async function mlpJacobian(
  net: Mlp,
  X: Matrix<FloatArray>,
  options: MlpJacobianOptions = {},
): Promise<Matrix> {
  const fn = 'mlpJacobian';
  checkMlp(fn, net);
  const x = checkInput(fn, 'X', net, X);
  const P = mlpParameterCount(net);
  const rows = x.rows * net.spec.outputs;
  checkJacobianSize(fn, rows, P, options.maxJacobianBytes ?? DEFAULT_MAX_JACOBIAN_BYTES);
  const { blocks } = await jacobianBlocks(net, x, options.backend ?? cpuBackend());
  const out = new Float64Array(rows * P);
  let col = 0;
  for (const B of blocks) {
    for (let r = 0; r < rows; r++) out.set(B.data.subarray(r * B.cols, (r + 1) * B.cols), r * P + col);
    col += B.cols;
  }
  return new Matrix(rows, P, out);
}
