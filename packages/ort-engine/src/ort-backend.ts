import {
  argumentError,
  type Backend,
  type BackendInfo,
  type BinaryOpName,
  checkGramOperands,
  checkMatmulOperands,
  checkMatrix,
  checkReduce,
  checkRowVector,
  checkScalar,
  checkUnaryOp,
  checkZipOperands,
  type DType,
  type FloatArray,
  type MatmulOptions,
  Matrix,
  NumericalError,
  type ReduceAxis,
  type ReduceOpName,
  reduceReference,
  type UnaryOp,
} from '@ntk/core';
import { addRowVectorHost, affineHost, allocate, inDtype, mapHost, zipHost } from './host-ops.ts';
import { gemmModel } from './onnx-model.ts';
import type { OrtModule, OrtSession, OrtSessionOptions, OrtTensor } from './ort-module.ts';

/** Options of {@link ortBackend}. */
export interface OrtBackendOptions {
  /** `info.name` of the backend (`onnx`, `wasm`). */
  readonly name: string;
  /** `info.mode`: what runs (`native-cpu`, `wasm-simd-threads`, …). */
  readonly mode: string;
  /** Precision of storage and arithmetic. */
  readonly dtype: DType;
  /** Threads one product uses, as reported in `info.threads`. */
  readonly threads: number;
  /** Session options for every session (threads, providers). */
  readonly sessionOptions?: OrtSessionOptions;
  /**
   * Symmetric Gram matrices X·Xᵀ with at least this many rows are split into row blocks: the diagonal blocks
   * recursively, the off-diagonal block as one product, the lower half mirrored (default 512; `Infinity`:
   * one full product).
   */
  readonly gramSplitRows?: number;
  /** Extra fields for `info` (e.g. `fallbackReason`). */
  readonly info?: Readonly<Record<string, unknown>>;
}

/** Counters of an {@link OrtBackend}: sessions created and runtime calls made. */
export interface OrtBackendStats {
  /** ONNX Runtime sessions created (one per product variant and precision). */
  readonly sessions: number;
  /** `session.run` calls since creation. */
  readonly runs: number;
}

/** A {@link @ntk/core!Backend} on ONNX Runtime, with its runtime counters. */
export interface OrtBackend extends Backend {
  /** Sessions created and runtime calls made. */
  stats(): OrtBackendStats;
}

type Variant = `${0 | 1}${0 | 1}${0 | 1}`;

/**
 * A {@link @ntk/core!Backend} on an ONNX Runtime binding (`onnxruntime-node` or `onnxruntime-web`): products and
 * Gram matrices run in the runtime (MLAS GEMM: SIMD, threads), the O(n) operations (`map`, `zip`, `affine`,
 * `addRowVector`) on the host in the backend's precision, reductions on the host in float64 as in the CPU
 * reference.
 *
 * One session per product variant (transA, transB, scaled) and precision, built from a one-node ONNX graph
 * `C = α·Gemm(A, B)` with symbolic dimensions, serves every shape: a call costs one `session.run`
 * (≈ 15–30 µs here) plus the copy of the result. α is a run-time input, so one session serves every scale.
 * Symmetric Gram matrices X·Xᵀ are computed on row blocks (diagonal blocks recursively, one product for the
 * off-diagonal block, lower half mirrored): exactly symmetric, and ≈ n²d instead of 2n²d flops for large n.
 *
 * Precision: float64 matches the reference to rounding (`tolerances.float64`); float32 stores and computes
 * in single precision (`tolerances.float32`, rtol 2e-4). A float32 result that is non-finite where the
 * float64 value is finite (overflow beyond 3.4·10³⁸) raises `NumericalError`.
 *
 * @param ort - The binding's module (`await import('onnxruntime-node')`).
 * @param options - Name, mode, precision, threads, session options.
 * @returns The backend.
 * @throws {ArgumentRangeError} For a bad precision or thread count.
 * @example
 * ```ts
 * const be = ortBackend(await import('onnxruntime-node'), { name: 'onnx', mode: 'native-cpu', dtype: 'float64', threads: 2 });
 * const c = await be.matmul(a, b, { transposeB: true });
 * ```
 */
export function ortBackend(ort: OrtModule, options: OrtBackendOptions): OrtBackend {
  const FN = 'ortBackend';
  const { dtype, name } = options;
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw argumentError('range', FN, 'options.dtype', '"float32" or "float64"', dtype);
  }
  const splitRows = options.gramSplitRows ?? 512;
  if (typeof splitRows !== 'number' || !(splitRows >= 2)) {
    throw argumentError('range', FN, 'options.gramSplitRows', 'a number ≥ 2 (or Infinity)', splitRows);
  }
  const info: BackendInfo = {
    ...(options.info ?? {}),
    name,
    dtype,
    mode: options.mode,
    threads: options.threads,
  };
  const sessions = new Map<Variant, Promise<OrtSession>>();
  let sessionCount = 0;
  let runs = 0;
  let disposed = false;

  const alive = (fn: string): void => {
    if (disposed) throw new Error(`${fn}: the backend was disposed; create a new one.`);
  };

  const session = (ta: boolean, tb: boolean, scaled: boolean): Promise<OrtSession> => {
    const key = `${ta ? 1 : 0}${tb ? 1 : 0}${scaled ? 1 : 0}` as Variant;
    let s = sessions.get(key);
    if (s === undefined) {
      sessionCount++;
      s = ort.InferenceSession.create(gemmModel(dtype, ta, tb, scaled), options.sessionOptions ?? {});
      s.catch(() => sessions.delete(key));
      sessions.set(key, s);
    }
    return s;
  };

  const tensor = (data: FloatArray, dims: readonly number[]): OrtTensor => new ort.Tensor(dtype, data, dims);

  /** α·op(A)·op(B) in the runtime; A, B already in the precision. */
  const gemm = async (
    fn: string,
    A: FloatArray,
    aDims: readonly [number, number],
    B: FloatArray,
    bDims: readonly [number, number],
    ta: boolean,
    tb: boolean,
    alpha: number,
    m: number,
    n: number,
  ): Promise<FloatArray> => {
    const k = ta ? aDims[0] : aDims[1];
    if (m * n === 0) return allocate(dtype, 0);
    if (k === 0) return allocate(dtype, m * n);
    const scaled = alpha !== 1;
    const s = await session(ta, tb, scaled);
    const feeds: Record<string, OrtTensor> = { a: tensor(A, aDims), b: tensor(B, bDims) };
    if (scaled) feeds['alpha'] = tensor(allocateScalar(alpha), [1]);
    runs++;
    let out: Record<string, OrtTensor>;
    try {
      out = await s.run(feeds);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new Error(`${fn}: ONNX Runtime failed on a ${m}×${k}·${k}×${n} product: ${msg}`);
    }
    const c = out['c'];
    const data = c?.data;
    if (!(data instanceof (dtype === 'float64' ? Float64Array : Float32Array)) || data.length !== m * n) {
      throw new Error(`${fn}: ONNX Runtime returned an unexpected result for a ${m}×${n} product`);
    }
    return data as FloatArray;
  };

  const allocateScalar = (v: number): FloatArray => {
    const a = allocate(dtype, 1);
    a[0] = v;
    return a;
  };

  const dot = (a: FloatArray, ai: number, as: number, b: FloatArray, bi: number, bs: number, k: number) => {
    let s = 0;
    for (let p = 0; p < k; p++) s += (a[ai + p * as] as number) * (b[bi + p * bs] as number);
    return s;
  };

  /** float32 only: a non-finite entry whose float64 value is finite is an overflow (first 16 checked). */
  const checkFinite = (fn: string, out: FloatArray, cols: number, ref: (i: number) => number): void => {
    if (dtype === 'float64') return;
    let checked = 0;
    for (let i = 0; i < out.length && checked < 16; i++) {
      const v = out[i] as number;
      if (v - v === 0) continue;
      checked++;
      const r = ref(i);
      if (Number.isFinite(r)) {
        throw new NumericalError(
          fn,
          `non-finite value ${v} at entry (${Math.floor(i / cols)}, ${i % cols}) where the float64 value is ` +
            `${r}: the result overflows float32 (|x| > 3.4e38). Scale the inputs down or use dtype 'float64'.`,
          { index: i, value: v, float64: r },
        );
      }
    }
  };

  /** X·Xᵀ·α for X (rows×d, in the precision), written into out (ld columns) at (o, o). */
  const syrk = async (
    fn: string,
    X: FloatArray,
    rows: number,
    d: number,
    alpha: number,
    out: FloatArray,
    ld: number,
    o: number,
  ): Promise<void> => {
    if (rows < splitRows) {
      const g = await gemm(fn, X, [rows, d], X, [rows, d], false, true, alpha, rows, rows);
      for (let i = 0; i < rows; i++) {
        const dst = (o + i) * ld + o;
        for (let j = i; j < rows; j++) out[dst + j] = g[i * rows + j] as number;
      }
      return;
    }
    const h = Math.ceil(rows / 2);
    const top = X.subarray(0, h * d);
    const bottom = X.subarray(h * d, rows * d);
    await syrk(fn, top, h, d, alpha, out, ld, o);
    await syrk(fn, bottom, rows - h, d, alpha, out, ld, o + h);
    const g = await gemm(fn, top, [h, d], bottom, [rows - h, d], false, true, alpha, h, rows - h);
    const w = rows - h;
    for (let i = 0; i < h; i++) out.set(g.subarray(i * w, (i + 1) * w), (o + i) * ld + o + h);
  };

  const backend: OrtBackend = {
    info,
    stats: () => ({ sessions: sessionCount, runs }),

    async matmul(
      a: Matrix<FloatArray>,
      b: Matrix<FloatArray>,
      opts: MatmulOptions = {},
    ): Promise<Matrix<FloatArray>> {
      const fn = `${name}.matmul`;
      alive(fn);
      const { m, k, n } = checkMatmulOperands(fn, a, b, opts);
      const ta = opts.transposeA === true;
      const tb = opts.transposeB === true;
      const alpha = opts.alpha ?? 1;
      const out = await gemm(
        fn,
        inDtype(dtype, a.data),
        [a.rows, a.cols],
        inDtype(dtype, b.data),
        [b.rows, b.cols],
        ta,
        tb,
        alpha,
        m,
        n,
      );
      checkFinite(fn, out, n, (idx) => {
        const i = Math.floor(idx / n);
        const j = idx % n;
        const [ai, as] = ta ? [i, a.cols] : [i * a.cols, 1];
        const [bi, bs] = tb ? [j * b.cols, 1] : [j, b.cols];
        return alpha * dot(a.data, ai, as, b.data, bi, bs, k);
      });
      return new Matrix(m, n, out);
    },

    async gram(x: Matrix<FloatArray>, y?: Matrix<FloatArray>, alpha = 1): Promise<Matrix<FloatArray>> {
      const fn = `${name}.gram`;
      alive(fn);
      checkGramOperands(fn, x, y, alpha);
      const d = x.cols;
      const X = inDtype(dtype, x.data);
      let out: FloatArray;
      if (y === undefined) {
        const n = x.rows;
        out = allocate(dtype, n * n);
        if (n > 0 && d > 0) await syrk(fn, X, n, d, alpha, out, n, 0);
        for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) out[i * n + j] = out[j * n + i] as number;
      } else {
        out = await gemm(
          fn,
          X,
          [x.rows, d],
          inDtype(dtype, y.data),
          [y.rows, d],
          false,
          true,
          alpha,
          x.rows,
          y.rows,
        );
      }
      const other = y ?? x;
      checkFinite(
        fn,
        out,
        other.rows,
        (idx) =>
          alpha * dot(x.data, Math.floor(idx / other.rows) * d, 1, other.data, (idx % other.rows) * d, 1, d),
      );
      return new Matrix(x.rows, other.rows, out);
    },

    async map(x: Matrix<FloatArray>, op: UnaryOp): Promise<Matrix<FloatArray>> {
      const fn = `${name}.map`;
      alive(fn);
      checkMatrix(fn, 'x', x);
      const f = checkUnaryOp(fn, op).fn;
      const out = mapHost(dtype, inDtype(dtype, x.data), f);
      checkFinite(fn, out, x.cols, (i) => f(x.data[i] as number));
      return new Matrix(x.rows, x.cols, out);
    },

    async zip(a: Matrix<FloatArray>, b: Matrix<FloatArray>, op: BinaryOpName): Promise<Matrix<FloatArray>> {
      const fn = `${name}.zip`;
      alive(fn);
      checkZipOperands(fn, a, b, op);
      const out = zipHost(dtype, a.data, b.data, op);
      return new Matrix(a.rows, a.cols, out);
    },

    async affine(x: Matrix<FloatArray>, alpha: number, beta = 0): Promise<Matrix<FloatArray>> {
      const fn = `${name}.affine`;
      alive(fn);
      checkMatrix(fn, 'x', x);
      checkScalar(fn, 'alpha', alpha);
      checkScalar(fn, 'beta', beta);
      return new Matrix(x.rows, x.cols, affineHost(dtype, x.data, alpha, beta));
    },

    async addRowVector(x: Matrix<FloatArray>, v: ArrayLike<number>, alpha = 1): Promise<Matrix<FloatArray>> {
      const fn = `${name}.addRowVector`;
      alive(fn);
      checkRowVector(fn, x, v, alpha);
      return new Matrix(x.rows, x.cols, addRowVectorHost(dtype, x.data, x.rows, x.cols, v, alpha));
    },

    async reduce(x: Matrix<FloatArray>, op: ReduceOpName, axis: ReduceAxis = 'all'): Promise<Float64Array> {
      const fn = `${name}.reduce`;
      alive(fn);
      checkReduce(fn, x, op, axis);
      return reduceReference(x, op, axis);
    },

    dispose(): void {
      if (disposed) return;
      disposed = true;
      for (const s of sessions.values()) s.then((x) => x.release()).catch(() => {});
      sessions.clear();
    },
  };
  return backend;
}
