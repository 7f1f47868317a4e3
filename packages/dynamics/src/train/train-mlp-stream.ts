import {
  argumentError,
  assertFiniteResult,
  checkInteger,
  checkKey,
  checkMatrix,
  checkNumber,
  cpuBackend,
  type FloatArray,
  foldIn,
  Matrix,
  permutation,
  ShapeError,
} from '@ntk/core';
import { empiricalNtk, layerConstants, type Mlp, mlpGradients } from '@ntk/empirical';
import { checkFiniteMatrix } from '../internal/check-data.ts';
import { frobenius } from '../internal/dense.ts';
import { forwardTangent } from '../internal/forward-tangent.ts';
import { makeOptimizer } from '../internal/optimizer-state.ts';
import { learningRateAt } from '../internal/schedule.ts';
import type { ActivationChange, TrainData, TrainOptions, TrainRecord, TrainResult } from './types.ts';

const FN = 'trainMlpStream';

/**
 * Trains a finite network on the MSE loss ℓ(θ) = (1/N)Σᵢ½‖yᵢ − f(xᵢ; θ)‖² and yields a {@link TrainRecord} at the
 * chosen steps, so that a UI or CLI can plot while it runs; returns the {@link TrainResult} when done.
 *
 * One step on a batch B (all N points by default): θ ← update(θ, ∇_θ (1/|B|)Σ_{i∈B}½‖yᵢ − f(xᵢ)‖², η_k), with
 * ∇ = (1/|B|)·J_B(θ)ᵀ(f(X_B) − Y_B) from reverse mode (`mlpGradients` with cotangent (f − Y)/|B|). For plain
 * full-batch gradient descent this is exactly the convention of {@link gradientDescentMse}: in the NTK regime
 * f ← f − (η/N)Θ(f − Y), stable for η < 2N/λ_max, and after k steps the time is t = η·k. Training stops after
 * `steps`, or at the first step where Σ_j η_j ≥ `time` (up to a relative 1e-12).
 *
 * `linearised: true` trains the first-order Taylor model f_lin(x; θ) = f(x; θ₀) + J(x; θ₀)(θ − θ₀) (Lee et
 * al. 2019, eq. 5) with the same optimiser and batches: its forward pass is a forward-mode JVP at θ₀ and its
 * gradient is J(θ₀)ᵀ(f_lin − Y)/|B|.
 *
 * Tracked at each record (on the probe set `data.xProbe`): the empirical NTK's relative change
 * ‖Θ̂_t − Θ̂_0‖_F/‖Θ̂_0‖_F; every hidden layer's activation change (max coordinate |Δh_i|, the aggregate ‖Δh‖₂,
 * the relative Frobenius change); and the relative weight change per layer. In the NTK parameterisation theory
 * predicts the NTK change, the weight change and max|Δh_i| to shrink like 1/√width while ‖Δh‖₂ stays O(1)
 * (Jacot et al. 2018; Lee et al. 2019, Theorem 2.1).
 *
 * @param net - Network at initialisation (from `initMlp`); it is copied, never modified.
 * @param data - Train (and optional test and probe) data.
 * @param options - Learning rate/schedule, `steps` or `time`, optimiser, batch size and key, records, abort signal.
 * @returns An async generator of records whose return value is the result.
 * @throws {ShapeError} If data shapes disagree with each other or the network. {@link @ntk/core!ArgumentRangeError} For
 *   empty data, non-finite labels or inputs, η ≤ 0, a bad schedule, optimiser, batch size or record step.
 *   {@link @ntk/core!NumericalError} If the loss or the outputs become non-finite (diverged: lower η).
 *   The signal's reason (an `AbortError` `DOMException` by default) when aborted.
 * @example
 * ```ts
 * const net = initMlp({ activation: 'relu', depth: 2, widths: 512, sigmaW2: 2 }, key(0), 3);
 * for await (const r of trainMlpStream(net, { xTrain, yTrain, xProbe: xTrain }, { learningRate: 1, steps: 100, recordEvery: 10 })) {
 *   console.log(r.step, r.trainLoss, r.ntkChange);
 * }
 * ```
 */
export async function* trainMlpStream(
  net: Mlp,
  data: TrainData,
  options: TrainOptions,
): AsyncGenerator<TrainRecord, TrainResult, void> {
  if (typeof net !== 'object' || net === null || !Array.isArray((net as Mlp).layers)) {
    throw argumentError('type', FN, 'net', 'a network (from initMlp)', net);
  }
  if (typeof data !== 'object' || data === null)
    throw argumentError('type', FN, 'data', 'an object { xTrain, yTrain, … }', data);
  if (typeof options !== 'object' || options === null)
    throw argumentError('type', FN, 'options', 'an object', options);
  const d = net.inputDim;
  const o = net.spec.outputs;
  const xTrain = checkInputs('data.xTrain', data.xTrain, d);
  const n = xTrain.rows;
  const yTrain = checkFiniteMatrix(
    FN,
    'data.yTrain',
    data.yTrain,
    n,
    o,
    'one row of O labels per training input',
  );
  let xTest: Matrix | null = null;
  let yTest: Matrix | null = null;
  if (data.xTest !== undefined) {
    xTest = checkInputs('data.xTest', data.xTest, d);
    if (data.yTest === undefined)
      throw new ShapeError(FN, 'data.yTest', `${xTest.rows}×${o}`, 'missing', 'labels for xTest');
    yTest = checkFiniteMatrix(
      FN,
      'data.yTest',
      data.yTest,
      xTest.rows,
      o,
      'one row of O labels per test input',
    );
  } else if (data.yTest !== undefined) {
    throw new ShapeError(FN, 'data.xTest', `M×${d}`, 'missing', 'yTest was given without xTest');
  }
  const xProbe = data.xProbe === undefined ? null : checkInputs('data.xProbe', data.xProbe, d);
  const etaAt = learningRateAt(FN, options.learningRate);
  if ((options.steps === undefined) === (options.time === undefined)) {
    throw argumentError('range', FN, 'options', 'exactly one of `steps` and `time`', {
      steps: options.steps,
      time: options.time,
    });
  }
  const maxSteps =
    options.steps === undefined
      ? Number.POSITIVE_INFINITY
      : checkInteger(FN, 'options.steps', options.steps, 0);
  const stopTime =
    options.time === undefined
      ? Number.POSITIVE_INFINITY
      : checkNumber(FN, 'options.time', options.time, { nonNegative: true });
  const batch =
    options.batchSize === undefined ? n : checkInteger(FN, 'options.batchSize', options.batchSize, 1, n);
  const batchKey = batch < n ? checkKey(FN, 'options.key', options.key) : null;
  const update = makeOptimizer(FN, options.optimizer);
  const recordAt = new Set<number>();
  if (options.recordAt !== undefined) {
    if (!Array.isArray(options.recordAt))
      throw argumentError('type', FN, 'options.recordAt', 'an array of step numbers', options.recordAt);
    options.recordAt.forEach((s, i) => {
      recordAt.add(checkInteger(FN, `options.recordAt[${i}]`, s, 0));
    });
  }
  const every =
    options.recordEvery === undefined ? 0 : checkInteger(FN, 'options.recordEvery', options.recordEvery, 1);
  const linearised = options.linearised ?? false;
  const keepPredictions = options.keepPredictions ?? false;
  const keepNtk = options.keepNtk ?? false;
  const signal = options.signal;
  const backend = options.backend ?? cpuBackend();
  const scales = layerConstants(net.spec, net.inputDim);

  // Working copy of the network; `params` are views of its arrays (W, then b where it is a parameter).
  const work: Mlp = { ...net, layers: net.layers.map((l) => ({ W: l.W.clone(), b: l.b.slice() })) };
  const params: Float64Array[] = [];
  const blockLayer: number[] = [];
  work.layers.forEach((l, i) => {
    params.push(l.W.data);
    blockLayer.push(i);
    if (scales[i]!.hasBias) {
      params.push(l.b);
      blockLayer.push(i);
    }
  });
  const theta0 = params.map((p) => p.slice());
  const net0: Mlp = { ...net, layers: net.layers.map((l) => ({ W: l.W.clone(), b: l.b.slice() })) };
  const delta = (): { W: Matrix; b: Float64Array }[] => {
    let j = 0;
    return work.layers.map((l, i) => {
      const W = new Matrix(l.W.rows, l.W.cols, new Float64Array(l.W.data.length));
      const pw = params[j] as Float64Array;
      const w0 = theta0[j++] as Float64Array;
      for (let q = 0; q < W.data.length; q++) W.data[q] = (pw[q] as number) - (w0[q] as number);
      const b = new Float64Array(l.b.length);
      if (scales[i]!.hasBias) {
        const pb = params[j] as Float64Array;
        const b0 = theta0[j++] as Float64Array;
        for (let q = 0; q < b.length; q++) b[q] = (pb[q] as number) - (b0[q] as number);
      }
      return { W, b };
    });
  };

  // f₀ on every set (for the linearised model) and the probe references.
  const f0Train = linearised ? (await forwardTangent(net0, xTrain, null, backend)).output : null;
  const f0Test =
    linearised && xTest !== null ? (await forwardTangent(net0, xTest, null, backend)).output : null;
  const outputs = async (X: Matrix, f0: Matrix | null): Promise<Matrix> => {
    if (!linearised) return (await forwardTangent(work, X, null, backend)).output;
    const t = (await forwardTangent(net0, X, delta(), backend)).tangent!;
    return new Matrix(
      t.rows,
      t.cols,
      t.data.map((v, i) => v + (f0!.data[i] as number)),
    );
  };
  const probe0 = xProbe === null ? null : await forwardTangent(net0, xProbe, null, backend);
  const ntk0 =
    xProbe === null || linearised ? null : (await empiricalNtk(net0, xProbe, undefined, { backend })).ntk;
  const ntk0Norm = ntk0 === null ? 0 : frobenius(ntk0.data);
  const theta0Norms = layerNorms(theta0, blockLayer, net.layers.length);
  const theta0Total = Math.sqrt(theta0Norms.reduce((s, v) => s + v * v, 0));

  const records: TrainRecord[] = [];
  const record = async (step: number, time: number): Promise<TrainRecord> => {
    const fTrain = await outputs(xTrain, f0Train);
    const trainLoss = mseLoss(fTrain, yTrain);
    const fTest = xTest === null ? null : await outputs(xTest, f0Test);
    const testLoss = fTest === null ? null : mseLoss(fTest, yTest!);
    if (!Number.isFinite(trainLoss) || (testLoss !== null && !Number.isFinite(testLoss))) {
      assertFiniteResult(FN, `the outputs at step ${step} (training diverged: lower the learning rate)`, [
        trainLoss,
        testLoss ?? 0,
      ]);
    }
    let ntkChange: number | null = null;
    let ntk: Matrix | null = null;
    if (ntk0 !== null && xProbe !== null) {
      const nt = (await empiricalNtk(work, xProbe, undefined, { backend })).ntk;
      let s = 0;
      for (let i = 0; i < nt.data.length; i++) s += ((nt.data[i] as number) - (ntk0.data[i] as number)) ** 2;
      ntkChange = Math.sqrt(s) / ntk0Norm;
      if (keepNtk) ntk = nt;
    }
    const diffs = params.map((p, b) => p.map((v, i) => v - (theta0[b]![i] as number)));
    const dn = layerNorms(diffs, blockLayer, net.layers.length);
    const weightChange = dn.map((v, l) => (theta0Norms[l]! > 0 ? v / theta0Norms[l]! : v));
    const totalWeightChange = Math.sqrt(dn.reduce((s, v) => s + v * v, 0)) / theta0Total;
    let activationChange: ActivationChange[] | null = null;
    if (probe0 !== null && xProbe !== null && !linearised) {
      const now = await forwardTangent(work, xProbe, null, backend);
      activationChange = now.hidden.map((h, l) => activationDelta(l + 1, h, probe0.hidden[l]!));
    }
    return {
      step,
      time,
      learningRate: etaAt(step),
      trainLoss,
      testLoss,
      ntkChange,
      ntk,
      weightChange,
      totalWeightChange,
      activationChange,
      trainPredictions: keepPredictions ? fTrain : null,
      testPredictions: keepPredictions ? fTest : null,
    };
  };

  const perEpoch = Math.floor(n / batch);
  let perm: Int32Array | null = null;
  let permEpoch = -1;
  let time = 0;
  let step = 0;
  const done = (): boolean => step >= maxSteps || time >= stopTime * (1 - 1e-12);
  for (;;) {
    signal?.throwIfAborted();
    const last = done();
    if (step === 0 || last || recordAt.has(step) || (every > 0 && step % every === 0)) {
      const r = await record(step, time);
      records.push(r);
      yield r;
    }
    if (last) break;
    let xb = xTrain;
    let yb = yTrain;
    let f0b = f0Train;
    if (batchKey !== null) {
      const epoch = Math.floor(step / perEpoch);
      if (epoch !== permEpoch) {
        perm = permutation(foldIn(batchKey, epoch), n);
        permEpoch = epoch;
      }
      const start = (step % perEpoch) * batch;
      const idx = perm!.subarray(start, start + batch);
      xb = gatherRows(xTrain, idx);
      yb = gatherRows(yTrain, idx);
      f0b = f0Train === null ? null : gatherRows(f0Train, idx);
    }
    const f = await outputs(xb, f0b);
    const G = new Matrix(
      f.rows,
      f.cols,
      f.data.map((v, i) => (v - (yb.data[i] as number)) / xb.rows),
    );
    const g = await mlpGradients(linearised ? net0 : work, xb, G, { backend });
    const grads: Float64Array[] = [];
    g.layers.forEach((l, i) => {
      grads.push(l.W.data);
      if (scales[i]!.hasBias) grads.push(l.b ?? new Float64Array(work.layers[i]!.b.length));
    });
    const eta = etaAt(step);
    update(params, grads, eta);
    time += eta;
    step++;
  }
  const trained: Mlp = linearised
    ? { ...net, layers: work.layers.map((l) => ({ W: l.W.clone(), b: l.b.slice() })) }
    : work;
  return { net: trained, records, steps: step, time };
}

/**
 * Checks an input matrix: finite, non-empty, d columns.
 *
 * @param argument - Argument name.
 * @param x - Candidate.
 * @param d - Input dimension.
 * @returns Float64 copy.
 */
function checkInputs(argument: string, x: unknown, d: number): Matrix {
  const m = checkMatrix(FN, argument, x);
  if (m.rows === 0) throw argumentError('range', FN, argument, 'a non-empty N×d matrix', m.shapeText);
  return checkFiniteMatrix(
    FN,
    argument,
    m,
    m.rows,
    d,
    'one row per input, d columns (the network input dimension)',
  );
}

/**
 * Mean over rows of ½‖y − f‖².
 *
 * @param f - Outputs.
 * @param y - Labels.
 * @returns The loss.
 */
function mseLoss(f: Matrix<FloatArray>, y: Matrix): number {
  let s = 0;
  for (let i = 0; i < f.data.length; i++) s += ((f.data[i] as number) - (y.data[i] as number)) ** 2;
  return (0.5 * s) / f.rows;
}

/**
 * Per-layer Euclidean norms of parameter blocks.
 *
 * @param blocks - Blocks.
 * @param blockLayer - Layer of each block.
 * @param layers - Layer count.
 * @returns Norms.
 */
function layerNorms(blocks: Float64Array[], blockLayer: number[], layers: number): number[] {
  const s = new Array<number>(layers).fill(0);
  blocks.forEach((b, i) => {
    s[blockLayer[i]!] = (s[blockLayer[i]!] as number) + frobenius(b) ** 2;
  });
  return s.map(Math.sqrt);
}

/**
 * Change of one layer's activations on the probe set.
 *
 * @param layer - Layer (1-based).
 * @param h - Now, P×n.
 * @param h0 - At initialisation.
 * @returns The change.
 */
function activationDelta(layer: number, h: Matrix, h0: Matrix): ActivationChange {
  let maxAbs = 0;
  let s = 0;
  let s0 = 0;
  for (let i = 0; i < h.data.length; i++) {
    const dd = (h.data[i] as number) - (h0.data[i] as number);
    maxAbs = Math.max(maxAbs, Math.abs(dd));
    s += dd * dd;
    s0 += (h0.data[i] as number) ** 2;
  }
  return { layer, maxAbs, l2: Math.sqrt(s / h.rows), relative: s0 > 0 ? Math.sqrt(s / s0) : Math.sqrt(s) };
}

/**
 * Rows `idx` of a matrix.
 *
 * @param m - Matrix.
 * @param idx - Row indices.
 * @returns The gathered rows.
 */
function gatherRows(m: Matrix, idx: Int32Array): Matrix {
  const out = new Float64Array(idx.length * m.cols);
  for (let r = 0; r < idx.length; r++)
    out.set(m.data.subarray(idx[r]! * m.cols, (idx[r]! + 1) * m.cols), r * m.cols);
  return new Matrix(idx.length, m.cols, out);
}
