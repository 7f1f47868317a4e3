import {
  argumentError,
  assertFiniteResult,
  type Backend,
  cpuBackend,
  type FloatArray,
  Matrix,
  ShapeError,
} from '@ntk/core';
import { backendWeights } from '../network/backend-weights.ts';
import { backwardSignals, outputSeed } from '../network/backward-signals.ts';
import { checkMlp } from '../network/check-mlp.ts';
import { checkInput, type ForwardTrace, forwardPass } from '../network/forward-pass.ts';
import { checkJacobianSize, DEFAULT_MAX_JACOBIAN_BYTES, jacobianBlocks } from '../network/jacobian-blocks.ts';
import { layerConstants } from '../network/layer-constants.ts';
import type { Mlp } from '../network/mlp.ts';
import { mlpParameterCount } from '../network/mlp-parameter-count.ts';
import { combineDiagonal, combineTerms, rowDots } from './combine-terms.ts';
import type { EmpiricalNtk, EmpiricalNtkOptions, NtkMethod, NtkOutputMode } from './types.ts';

const FN = 'empiricalNtk';

/**
 * The empirical neural tangent kernel of a finite network (sum over every trainable parameter; no 1/2, no
 * 1/n: DESIGN §3), its per-layer contributions and the empirical NNGP:
 *
 * $$
 * \hat\Theta(X_1, X_2) = \sum_\theta \frac{\partial f(X_1)}{\partial \theta}
 * \frac{\partial f(X_2)}{\partial \theta}^{\!\top} = \sum_{l=1}^{L+1} \hat\Theta_l(X_1, X_2).
 * $$
 *
 * `structured` (default; Novak et al. 2022, "Fast Finite Width Neural Tangent Kernel", ICML): one batched
 * forward pass keeping $z^l$ and $a^l$, one backward pass for the signals $\delta_l = \partial f / \partial z^l$,
 * then
 *
 * $$
 * \hat\Theta_l = \big(\delta_l(X_1)\,\delta_l(X_2)^{\top}\big) \odot
 * \big(c_l\, a^{l-1}(X_1)\, a^{l-1}(X_2)^{\top} + \beta_l\big)
 * $$
 *
 * with $c_l = \sigma_{w,l}^2 / n_{l-1}$, $\beta_l = \sigma_{b,l}^2$ (NTK parameterisation) or $c_l = 1$,
 * $\beta_l = 1$ (standard; $\beta_l = 0$ for a layer without bias). Cost
 * O(N·O·L·W² + N²·O²·L·W), memory O(N·L·W); every product runs on `options.backend`.
 *
 * `jacobian`: materialises the per-example gradients J_l(X) ((N·O) × P_l per layer, see {@link mlpJacobian})
 * and contracts Θ̂_l = J_l(X1)J_l(X2)ᵀ on the backend: O(N·O·P) memory, O(N²·O²·P) time — the method of
 * most tools (PyTorch's NTK tutorial), kept as the reference.
 *
 * @param net - Network ({@link initMlp}, {@link importMlpWeights}).
 * @param X1 - Inputs, N1 × d.
 * @param X2 - Inputs, N2 × d (omitted: X1, and the symmetric halves are used).
 * @param options - Method, output mode, diagonal, per-layer split, backend.
 * @returns The kernels, float64.
 * @throws {ShapeError} If an input does not have d columns, or (diagonal) X2 has another row count.
 *   {@link @ntk/core!ArgumentRangeError} For a bad option, or a Jacobian above `maxJacobianBytes`.
 *   {@link @ntk/core!NumericalError} If the kernel has a non-finite entry (overflowing activations or weights).
 * @example
 * ```ts
 * const net = initMlp({ activation: 'relu', depth: 3, widths: 512, sigmaW2: 2 }, key(0), 64);
 * const { ntk, layers, nngp } = await empiricalNtk(net, X, undefined, { perLayer: true });
 * ```
 */
export async function empiricalNtk(
  net: Mlp,
  X1: Matrix<FloatArray>,
  X2?: Matrix<FloatArray>,
  options: EmpiricalNtkOptions = {},
): Promise<EmpiricalNtk> {
  checkMlp(FN, net);
  const x1 = checkInput(FN, 'X1', net, X1);
  const x2 = X2 === undefined ? undefined : checkInput(FN, 'X2', net, X2);
  const method = options.method ?? 'structured';
  if (method !== 'structured' && method !== 'jacobian') {
    throw argumentError('range', FN, 'options.method', '"structured" or "jacobian"', method);
  }
  const outputMode = options.outputMode ?? 'trace';
  if (outputMode !== 'trace' && outputMode !== 'mean' && outputMode !== 'full') {
    throw argumentError('range', FN, 'options.outputMode', '"trace", "mean" or "full"', outputMode);
  }
  const diagonal = options.diagonal ?? false;
  if (typeof diagonal !== 'boolean')
    throw argumentError('type', FN, 'options.diagonal', 'a boolean', diagonal);
  const perLayer = options.perLayer ?? false;
  if (typeof perLayer !== 'boolean')
    throw argumentError('type', FN, 'options.perLayer', 'a boolean', perLayer);
  if (diagonal && x2 !== undefined && x2.rows !== x1.rows) {
    throw new ShapeError(FN, 'X2', `${x1.rows}×${net.inputDim}`, x2.shapeText, 'diagonal: one x2 per x1');
  }
  const backend = options.backend ?? cpuBackend();
  if (method === 'jacobian') {
    const P = mlpParameterCount(net);
    const max = options.maxJacobianBytes ?? DEFAULT_MAX_JACOBIAN_BYTES;
    checkJacobianSize(FN, x1.rows * net.spec.outputs, P, max);
    if (x2 !== undefined) checkJacobianSize(FN, x2.rows * net.spec.outputs, P, max);
  }
  const ctx: Ctx = { net, x1, x2, backend, method, outputMode, diagonal, perLayer };
  const result = method === 'structured' ? await structured(ctx) : await jacobian(ctx);
  assertFiniteResult(FN, 'the empirical NTK', result.ntk.data, result.ntk.cols);
  assertFiniteResult(FN, 'the empirical NNGP', result.nngp.data, result.nngp.cols);
  return result;
}

interface Ctx {
  readonly net: Mlp;
  readonly x1: Matrix<FloatArray>;
  readonly x2: Matrix<FloatArray> | undefined;
  readonly backend: Backend;
  readonly method: NtkMethod;
  readonly outputMode: NtkOutputMode;
  readonly diagonal: boolean;
  readonly perLayer: boolean;
}

/** Accumulates layer terms (float64) into the total and, if asked, keeps them. */
class Accumulator {
  readonly total: Float64Array;
  readonly layers: Matrix[] = [];
  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly keep: boolean,
    depth: number,
  ) {
    this.total = new Float64Array(rows * cols);
    this.layers = new Array(depth + 1);
  }
  add(l: number, term: Float64Array): void {
    const t = this.total;
    for (let i = 0; i < t.length; i++) t[i] = (t[i] as number) + (term[i] as number);
    if (this.keep) this.layers[l] = new Matrix(this.rows, this.cols, term);
  }
}

function shapeOf(ctx: Ctx): { rows: number; cols: number } {
  const O = ctx.net.spec.outputs;
  const n1 = ctx.x1.rows;
  const n2 = ctx.x2?.rows ?? n1;
  const full = ctx.outputMode === 'full';
  if (ctx.diagonal) return { rows: n1, cols: full ? O * O : 1 };
  return full ? { rows: n1 * O, cols: n2 * O } : { rows: n1, cols: n2 };
}

/** Σ̂ = σ_w²/n_L·a^L a^Lᵀ + σ_b² of the readout layer, from the two traces. */
async function nngpOf(ctx: Ctx, t1: ForwardTrace, t2: ForwardTrace | undefined): Promise<Matrix> {
  const { net, backend } = ctx;
  const L = net.spec.depth;
  const A1 = t1.post[L]!;
  const A2 = t2?.post[L];
  const n = A1.cols;
  const sw2 = net.spec.sigmaW2[L] as number;
  const sb2 = net.spec.sigmaB2[L] as number;
  if (ctx.diagonal) {
    const d = rowDots(A1.data, (A2 ?? A1).data, A1.rows, n);
    for (let i = 0; i < d.length; i++) d[i] = (sw2 / n) * (d[i] as number) + sb2;
    return new Matrix(d.length, 1, d);
  }
  const G = await backend.gram(A1, A2, 1);
  const out = new Float64Array(G.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (sw2 / n) * (G.data[i] as number) + sb2;
  return new Matrix(G.rows, G.cols, out);
}

async function structured(ctx: Ctx): Promise<EmpiricalNtk> {
  const { net, x1, x2, backend, outputMode, diagonal } = ctx;
  const O = net.spec.outputs;
  const n1 = x1.rows;
  const n2 = x2?.rows ?? n1;
  const consts = layerConstants(net.spec, net.inputDim);
  const Ws = backendWeights(net, backend);
  const t1 = await forwardPass(net, x1, backend, true, Ws);
  const t2 = x2 === undefined ? undefined : await forwardPass(net, x2, backend, true, Ws);
  const { rows, cols } = shapeOf(ctx);
  const acc = new Accumulator(rows, cols, ctx.perLayer, net.spec.depth);
  // Signals at X2 first (kept per layer), then X1 with the terms formed on the way down.
  const deltas2: Matrix<FloatArray>[] = [];
  if (t2 !== undefined) {
    await backwardSignals(
      net,
      t2,
      outputSeed(n2, O),
      O,
      backend,
      (l, d) => {
        deltas2[l] = d;
      },
      Ws,
    );
  }
  await backwardSignals(
    net,
    t1,
    outputSeed(n1, O),
    O,
    backend,
    async (l, D1) => {
      const k = consts[l]!;
      const A1 = t1.post[l]!;
      const A2 = t2?.post[l];
      const D2 = t2 === undefined ? undefined : deltas2[l]!;
      if (diagonal) {
        const kd = rowDots(A1.data, (A2 ?? A1).data, n1, A1.cols);
        for (let i = 0; i < n1; i++) kd[i] = k.c * (kd[i] as number) + k.beta;
        acc.add(l, combineDiagonal(D1.data, (D2 ?? D1).data, D1.cols, kd, n1, O, outputMode));
        return;
      }
      const K = await backend.gram(A1, A2, k.c);
      const Kd = new Float64Array(K.data.length);
      for (let i = 0; i < Kd.length; i++) Kd[i] = (K.data[i] as number) + k.beta;
      const GD = await backend.gram(D1, D2, 1);
      acc.add(l, combineTerms(GD.data, Kd, n1, n2, O, outputMode));
    },
    Ws,
  );
  return {
    ntk: new Matrix(rows, cols, acc.total),
    layers: ctx.perLayer ? acc.layers : null,
    nngp: await nngpOf(ctx, t1, t2),
    method: 'structured',
    outputMode,
    diagonal,
  };
}

async function jacobian(ctx: Ctx): Promise<EmpiricalNtk> {
  const { net, x1, x2, backend, outputMode, diagonal } = ctx;
  const O = net.spec.outputs;
  const n1 = x1.rows;
  const n2 = x2?.rows ?? n1;
  const j1 = await jacobianBlocks(net, x1, backend);
  const j2 = x2 === undefined ? undefined : await jacobianBlocks(net, x2, backend);
  const { rows, cols } = shapeOf(ctx);
  const acc = new Accumulator(rows, cols, ctx.perLayer, net.spec.depth);
  for (let l = net.spec.depth; l >= 0; l--) {
    const J1 = j1.blocks[l]!;
    const J2 = j2?.blocks[l];
    if (diagonal) {
      acc.add(l, combineDiagonal(J1.data, (J2 ?? J1).data, J1.cols, null, n1, O, outputMode));
    } else {
      const G = await backend.gram(J1, J2, 1);
      acc.add(l, combineTerms(G.data, null, n1, n2, O, outputMode));
    }
  }
  return {
    ntk: new Matrix(rows, cols, acc.total),
    layers: ctx.perLayer ? acc.layers : null,
    nngp: await nngpOf(ctx, j1.trace, j2?.trace),
    method: 'jacobian',
    outputMode,
    diagonal,
  };
}
