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
  type FloatArray,
  type MatmulOptions,
  Matrix,
  NumericalError,
  type ReduceAxis,
  type ReduceOpName,
  reduceReference,
  type UnaryOp,
} from '@ntk/core';
import { checkExpressionSource, mapKernelSource } from './expression-source.ts';
import { flattenOutput, toFloat32, transposeToFloat32 } from './float32-data.ts';
import { type GpuKernelSettings, gpu } from './gpujs-runtime.ts';
import { KernelCache } from './kernel-cache.ts';
import {
  ADD_ROW_VECTOR_KERNEL_SOURCE,
  AFFINE_KERNEL_SOURCE,
  matmulKernelSource,
  zipKernelSource,
} from './kernel-sources.ts';
import { GPUJS_MODES, type GpujsConcreteMode, type GpujsMode, selectMode } from './select-mode.ts';

/** Options of {@link gpujsBackend}. */
export interface GpujsBackendOptions {
  /**
   * The gpu.js mode to request (default `auto`): `webasm` (WebAssembly, SIMD where available), `cpu` (plain
   * JavaScript), `webgl2`/`webgl` (browsers), `webgpu` (browsers, or Node with a WebGPU binding and a GPU),
   * `headlessgl` (Node with the native `gl` module), `gpu` (the first GPU mode that runs), `auto` (the best
   * that runs: webgpu, webgl2, webgl, then webasm, then cpu).
   */
  readonly mode?: GpujsMode;
  /**
   * Run kernels with gpu.js `asyncMode` (default false). On webasm this turns on the worker pool: kernels whose
   * output has ≥ 4096 cells are split across `poolSize` worker threads over shared WebAssembly memory (needs
   * `SharedArrayBuffer`: Node, or a cross-origin-isolated page). On webgl2/webgpu it gives non-blocking reads.
   */
  readonly async?: boolean;
  /** Fall back (webasm, then cpu) when the requested mode cannot run (default true); false throws instead. */
  readonly fallback?: boolean;
  /** Worker threads of the webasm pool in async mode (default: the number of logical CPUs). */
  readonly poolSize?: number;
  /** Compiled kernels kept, least recently used evicted (default 32; each (op, shape) is one kernel). */
  readonly cacheSize?: number;
}

/** {@link BackendInfo} of the gpu.js backend, with what was requested and why anything else runs. */
export interface GpujsBackendInfo extends BackendInfo {
  /** Always `gpujs`. */
  readonly name: 'gpujs';
  /** Always `float32`: gpu.js computes in single precision. */
  readonly dtype: 'float32';
  /** The gpu.js mode that actually runs, read back from gpu.js's kernel class after a probe kernel ran. */
  readonly mode: GpujsConcreteMode;
  /** The mode that was requested. */
  readonly requestedMode: GpujsMode;
  /** Whether kernels run with gpu.js `asyncMode`. */
  readonly async: boolean;
  /** Whether the webasm kernels use WebAssembly SIMD (webasm only). */
  readonly simd?: boolean;
  /** Why candidate modes were passed over (for `auto`/`gpu`, the better modes that did not run). */
  readonly skipped: readonly string[];
  /** Kernels that gpu.js ran in another mode than `mode`, with its reason (expected empty). */
  readonly kernelFallbacks: readonly string[];
}

/** The gpu.js {@link Backend}: `info` is a {@link GpujsBackendInfo}. */
export interface GpujsBackend extends Backend {
  /** Name, precision, the mode that runs and why. */
  readonly info: GpujsBackendInfo;
  /** Kernel cache statistics: kernels held now and compiled since creation. */
  kernelStats(): KernelStats;
}

/** Statistics of the compiled-kernel cache of a {@link GpujsBackend}. */
export interface KernelStats {
  /** Kernels held in the cache now (at most `cacheSize`). */
  readonly cached: number;
  /** Kernels compiled since the backend was created (evicted ones included). */
  readonly compiled: number;
}

const FN = 'gpujsBackend';

function checkOptions(options: unknown): Required<Omit<GpujsBackendOptions, 'poolSize'>> & {
  poolSize: number | undefined;
} {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw argumentError('type', FN, 'options', 'an object', options);
  }
  const o = options as Record<string, unknown>;
  const known = ['mode', 'async', 'fallback', 'poolSize', 'cacheSize'];
  for (const k of Object.keys(o)) {
    if (!known.includes(k)) throw argumentError('range', FN, `options.${k}`, `one of ${known.join(', ')}`, k);
  }
  const mode = o['mode'] ?? 'auto';
  if (!(GPUJS_MODES as readonly unknown[]).includes(mode)) {
    throw argumentError(
      'range',
      FN,
      'options.mode',
      `one of ${GPUJS_MODES.map((m) => `"${m}"`).join(', ')}`,
      mode,
    );
  }
  for (const k of ['async', 'fallback'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'boolean') {
      throw argumentError('type', FN, `options.${k}`, 'a boolean', o[k]);
    }
  }
  for (const [k, max] of [
    ['poolSize', 256],
    ['cacheSize', 4096],
  ] as const) {
    const v = o[k];
    if (v === undefined) continue;
    if (typeof v !== 'number') throw argumentError('type', FN, `options.${k}`, 'a number', v);
    if (!Number.isInteger(v) || v < 1 || v > max) {
      throw argumentError('range', FN, `options.${k}`, `an integer in [1, ${max}]`, v);
    }
  }
  return {
    mode: mode as GpujsMode,
    async: (o['async'] as boolean | undefined) ?? false,
    fallback: (o['fallback'] as boolean | undefined) ?? true,
    poolSize: o['poolSize'] as number | undefined,
    cacheSize: (o['cacheSize'] as number | undefined) ?? 32,
  };
}

async function logicalCpus(): Promise<number> {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  if (nav?.hardwareConcurrency) return nav.hardwareConcurrency;
  try {
    const os = await import('node:os');
    return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  } catch {
    return 4;
  }
}

/**
 * Reports a non-finite float32 result whose float64 value is finite (float32 overflow, |x| > 3.4·10³⁸, or
 * an input beyond the float32 range), as {@link @ntk/core!NumericalError}. Non-finite entries that the float64
 * reference shares (NaN/Inf inputs, division by zero) pass through unchanged, as in the CPU reference.
 * Only the first 16 non-finite entries are checked against the reference, each at the cost of one entry.
 */
function checkFiniteOutput(
  fn: string,
  out: Float32Array,
  cols: number,
  reference: (index: number) => number,
): void {
  let checked = 0;
  for (let i = 0; i < out.length && checked < 16; i++) {
    const v = out[i] as number;
    if (Number.isFinite(v)) continue;
    checked++;
    const ref = reference(i);
    if (Number.isFinite(ref)) {
      throw new NumericalError(
        fn,
        `non-finite value ${v} at entry (${Math.floor(i / cols)}, ${i % cols}) where the float64 value is ` +
          `${ref}: the result overflows float32 (|x| > 3.4e38). Scale the inputs down or use a float64 backend.`,
        { index: i, value: v, float64: ref },
      );
    }
  }
}

/**
 * The {@link Backend} on gpu.js 2.24 (float32). The mode is always passed to gpu.js explicitly and the one
 * that runs is read back from gpu.js (the class of a probe kernel, `kernel.kernel.constructor.mode`) into
 * `info.mode`; when the requested mode cannot run the backend falls back (webgpu/webgl2/webgl/headlessgl →
 * webasm → cpu) and says why in `info.fallbackReason`, or throws {@link ModeUnavailableError} with
 * `fallback: false`.
 *
 * Kernels: products and Gram matrices (one thread per output cell, α fused into the reduction, transposes
 * done on the host in O(n²) so that every product kernel reads op(A) as m×k and op(B) as k×n; symmetric
 * X·Xᵀ mirrored from the upper half, so exactly symmetric), elementwise maps generated from the
 * {@link @ntk/core!UnaryOp}'s `source`, `zip`, fused `affine` and `addRowVector`. Kernels are compiled once per (op,
 * shape) and cached. Reductions run on the host in float64 over the input data (a round trip to the device
 * would cost more than the O(n) sum, and float64 makes them exact to the reference).
 *
 * Precision: float32 storage and arithmetic (the cpu mode accumulates in float64 JavaScript numbers); the
 * conformance suite holds at `tolerances.float32` (rtol 2e-4, atol 2e-5). Float64 inputs are rounded to
 * float32. A non-finite result whose float64 value is finite (float32 overflow) raises `NumericalError`.
 *
 * @param options - Mode, async (worker threads on webasm), fallback, pool and cache sizes.
 * @returns A promise of the backend (the mode is probed asynchronously: WebGPU adapters can only be
 * requested that way).
 * @throws {ArgumentTypeError} For options of the wrong type; `ArgumentRangeError` for an unknown mode or
 * option, or sizes out of range. {@link ModeUnavailableError} (rejected promise) when no candidate mode runs.
 * @example
 * ```ts
 * const be = await gpujsBackend({ mode: 'webasm' });
 * be.info.mode; // 'webasm' (or 'cpu', with be.info.fallbackReason saying why)
 * const g = await be.gram(Matrix.fromRows([[1, 2], [3, 4]])); // Float32 [[5, 11], [11, 25]]
 * be.dispose();
 * ```
 */
export async function gpujsBackend(options: GpujsBackendOptions = {}): Promise<GpujsBackend> {
  const opts = checkOptions(options);
  const selected = await selectMode(opts.mode, opts.fallback, opts.async);
  const { mode } = selected;
  const instance = selected.gpu;
  const explicit = opts.mode !== 'auto';
  const threaded = mode === 'webasm' && opts.async && gpu.WebAssemblyKernel.isThreadsSupported === true;
  const poolSize = threaded ? (opts.poolSize ?? (await logicalCpus())) : undefined;
  const kernelFallbacks: string[] = [];
  const info: GpujsBackendInfo = {
    name: 'gpujs',
    dtype: 'float32',
    mode,
    requestedMode: opts.mode,
    async: opts.async,
    skipped: selected.skipped,
    kernelFallbacks,
    ...(explicit && selected.skipped.length > 0
      ? { fallbackReason: `requested '${opts.mode}' fell back to '${mode}': ${selected.skipped.join('; ')}` }
      : {}),
    ...(mode === 'webasm' ? { simd: gpu.WebAssemblyKernel.isSIMDSupported === true } : {}),
    ...(mode === 'cpu' || mode === 'webasm' ? { threads: poolSize ?? 1 } : {}),
  };
  const cache = new KernelCache(opts.cacheSize);
  let disposed = false;

  const alive = (fn: string): void => {
    if (disposed) throw new Error(`${fn}: the backend was disposed; create a new one with gpujsBackend().`);
  };

  /** Runs the cached kernel `key` (compiling it on first use) and returns its flattened float32 output. */
  const run = async (
    fn: string,
    key: string,
    source: string,
    settings: GpuKernelSettings,
    args: unknown[],
    length: number,
  ): Promise<Float32Array> => {
    const kernel = cache.get(key, () =>
      instance.createKernel(source, {
        ...settings,
        precision: 'single',
        asyncMode: opts.async,
        ...(poolSize !== undefined ? { poolSize } : {}),
      }),
    );
    let out: unknown;
    try {
      out = await kernel(...args);
    } catch (e) {
      cache.delete(key);
      const msg = e instanceof Error ? e.message : String(e);
      throw new Error(`${fn}: gpu.js failed to build or run the kernel '${key}' in '${mode}' mode: ${msg}`);
    }
    const ran = kernel.kernel.constructor.mode;
    if (ran !== mode && !kernelFallbacks.some((s) => s.startsWith(`${key}:`))) {
      const why = kernel.kernel.fallbackReason ? ` (${kernel.kernel.fallbackReason})` : '';
      kernelFallbacks.push(`${key}: ran in '${ran}'${why}`);
    }
    return flattenOutput(out, length, fn);
  };

  /** C = α·A·B for float32 A (m×k) and B (k×n), row-major; `upper` computes the upper half only (then mirrored). */
  const product = async (
    fn: string,
    A: Float32Array,
    B: Float32Array,
    m: number,
    k: number,
    n: number,
    alpha: number,
    upper: boolean,
  ): Promise<Float32Array> => {
    if (m * n === 0) return new Float32Array(0);
    if (k === 0) return new Float32Array(m * n);
    const unrolled = mode === 'cpu';
    const half = upper && unrolled;
    const out = await run(
      fn,
      `matmul${unrolled ? '-unrolled' : ''}${half ? '-upper' : ''}:${m}x${k}x${n}`,
      matmulKernelSource(unrolled, half),
      { output: [n, m], constants: { k, k4: k - (k % 4) }, loopMaxIterations: Math.max(k, 1) },
      [new gpu.Input(A, [k, m]), new gpu.Input(B, [n, k]), alpha],
      m * n,
    );
    if (upper)
      for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) out[i * n + j] = out[j * n + i] as number;
    return out;
  };

  const dot = (a: FloatArray, ai: number, as: number, b: FloatArray, bi: number, bs: number, k: number) => {
    let s = 0;
    for (let p = 0; p < k; p++) s += (a[ai + p * as] as number) * (b[bi + p * bs] as number);
    return s;
  };

  const backend: GpujsBackend = {
    info,
    kernelStats: () => ({ cached: cache.size, compiled: cache.compiled }),

    async matmul(
      a: Matrix<FloatArray>,
      b: Matrix<FloatArray>,
      options: MatmulOptions = {},
    ): Promise<Matrix<Float32Array>> {
      const fn = 'gpujs.matmul';
      alive(fn);
      const { m, k, n } = checkMatmulOperands(fn, a, b, options);
      const ta = options.transposeA === true;
      const tb = options.transposeB === true;
      const alpha = options.alpha ?? 1;
      // op(A) as m×k and op(B) as k×n, row-major float32 (transposes on the host: O(n²) next to O(n³)).
      const A = ta ? transposeToFloat32(a.data, a.rows, a.cols) : toFloat32(a.data);
      const B = tb ? transposeToFloat32(b.data, b.rows, b.cols) : toFloat32(b.data);
      const out = await product(fn, A, B, m, k, n, alpha, false);
      checkFiniteOutput(fn, out, n, (idx) => {
        const i = Math.floor(idx / n);
        const j = idx % n;
        const [ai, as] = ta ? [i, a.cols] : [i * a.cols, 1];
        const [bi, bs] = tb ? [j * b.cols, 1] : [j, b.cols];
        return alpha * dot(a.data, ai, as, b.data, bi, bs, k);
      });
      return new Matrix(m, n, out);
    },

    async gram(x: Matrix<FloatArray>, y?: Matrix<FloatArray>, alpha = 1): Promise<Matrix<Float32Array>> {
      const fn = 'gpujs.gram';
      alive(fn);
      checkGramOperands(fn, x, y, alpha);
      const other = y ?? x;
      const d = x.cols;
      // G = α·X·Yᵀ as the product of X (n×d) and Yᵀ (d×m); the scale is fused into the kernel's reduction.
      const out = await product(
        fn,
        toFloat32(x.data),
        transposeToFloat32(other.data, other.rows, d),
        x.rows,
        d,
        other.rows,
        alpha,
        y === undefined,
      );
      checkFiniteOutput(
        fn,
        out,
        other.rows,
        (idx) =>
          alpha * dot(x.data, Math.floor(idx / other.rows) * d, 1, other.data, (idx % other.rows) * d, 1, d),
      );
      return new Matrix(x.rows, other.rows, out);
    },

    async map(x: Matrix<FloatArray>, op: UnaryOp): Promise<Matrix<Float32Array>> {
      const fn = 'gpujs.map';
      alive(fn);
      checkMatrix(fn, 'x', x);
      checkUnaryOp(fn, op);
      const source = checkExpressionSource(fn, op);
      const len = x.rows * x.cols;
      if (len === 0) return new Matrix(x.rows, x.cols, new Float32Array(0));
      let out: Float32Array;
      try {
        out = await run(
          fn,
          `map[${source}]:${len}`,
          mapKernelSource(source),
          { output: [len] },
          [toFloat32(x.data)],
          len,
        );
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        throw new Error(`${fn}: op '${op.name}' (source \`${source}\`) could not be compiled or run: ${msg}`);
      }
      checkFiniteOutput(fn, out, x.cols, (i) => op.fn(x.data[i] as number));
      return new Matrix(x.rows, x.cols, out);
    },

    async zip(a: Matrix<FloatArray>, b: Matrix<FloatArray>, op: BinaryOpName): Promise<Matrix<Float32Array>> {
      const fn = 'gpujs.zip';
      alive(fn);
      checkZipOperands(fn, a, b, op);
      const len = a.rows * a.cols;
      if (len === 0) return new Matrix(a.rows, a.cols, new Float32Array(0));
      const out = await run(
        fn,
        `zip-${op}:${len}`,
        zipKernelSource(op),
        { output: [len] },
        [toFloat32(a.data), toFloat32(b.data)],
        len,
      );
      checkFiniteOutput(fn, out, a.cols, (i) => {
        const p = a.data[i] as number;
        const q = b.data[i] as number;
        return op === 'add' ? p + q : op === 'sub' ? p - q : op === 'mul' ? p * q : p / q;
      });
      return new Matrix(a.rows, a.cols, out);
    },

    async affine(x: Matrix<FloatArray>, alpha: number, beta = 0): Promise<Matrix<Float32Array>> {
      const fn = 'gpujs.affine';
      alive(fn);
      checkMatrix(fn, 'x', x);
      checkScalar(fn, 'alpha', alpha);
      checkScalar(fn, 'beta', beta);
      const len = x.rows * x.cols;
      if (len === 0) return new Matrix(x.rows, x.cols, new Float32Array(0));
      const out = await run(
        fn,
        `affine:${len}`,
        AFFINE_KERNEL_SOURCE,
        { output: [len] },
        [toFloat32(x.data), alpha, beta],
        len,
      );
      checkFiniteOutput(fn, out, x.cols, (i) => alpha * (x.data[i] as number) + beta);
      return new Matrix(x.rows, x.cols, out);
    },

    async addRowVector(
      x: Matrix<FloatArray>,
      v: ArrayLike<number>,
      alpha = 1,
    ): Promise<Matrix<Float32Array>> {
      const fn = 'gpujs.addRowVector';
      alive(fn);
      checkRowVector(fn, x, v, alpha);
      const { rows, cols } = x;
      if (rows * cols === 0) return new Matrix(rows, cols, new Float32Array(0));
      const out = await run(
        fn,
        `addRowVector:${rows}x${cols}`,
        ADD_ROW_VECTOR_KERNEL_SOURCE,
        { output: [cols, rows] },
        [new gpu.Input(toFloat32(x.data), [cols, rows]), Float32Array.from(v), alpha],
        rows * cols,
      );
      checkFiniteOutput(fn, out, cols, (i) => (x.data[i] as number) + alpha * (v[i % cols] as number));
      return new Matrix(rows, cols, out);
    },

    async reduce(x: Matrix<FloatArray>, op: ReduceOpName, axis: ReduceAxis = 'all'): Promise<Float64Array> {
      const fn = 'gpujs.reduce';
      alive(fn);
      checkReduce(fn, x, op, axis);
      // Host float64: an O(n) pass over data already on the host beats a device round trip, and is exact.
      return reduceReference(x, op, axis);
    },

    dispose(): void {
      if (disposed) return;
      disposed = true;
      cache.clear();
      instance.destroy().catch(() => undefined);
    },
  };
  return backend;
}
