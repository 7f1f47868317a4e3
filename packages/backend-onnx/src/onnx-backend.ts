import { availableParallelism } from 'node:os';
import { argumentError, type DType } from '@ntk/core';
import { type OrtBackend, type OrtModule, ortBackend } from '@ntk/ort-engine';
import * as ort from 'onnxruntime-node';

/** Options of {@link onnxBackend}. */
export interface OnnxBackendOptions {
  /** Precision (default `float64`, the reference precision; `float32` is about twice as fast). */
  readonly dtype?: DType;
  /** Threads of one product (ONNX Runtime `intraOpNumThreads`; default: the logical CPUs, `os.availableParallelism()`). */
  readonly threads?: number;
  /** Row count from which symmetric Gram matrices are split into blocks (default 512; see `ortBackend`). */
  readonly gramSplitRows?: number;
  /** Let idle pool threads spin-wait between products (ONNX Runtime's default; default here false). */
  readonly spin?: boolean;
}

const FN = 'onnxBackend';

/**
 * The native CPU {@link @ntk/core!Backend} for Node: ONNX Runtime (`onnxruntime-node` 1.30, its bundled CPU build
 * with the MLAS GEMM kernels: AVX2/AVX-512 SIMD and a thread pool) for products and Gram matrices, the O(n)
 * operations on the host in the same precision. Float32 and float64; threads configurable.
 *
 * It is an optional package: without it nothing is lost but speed (`@ntk/backend-auto` falls back to the
 * WebAssembly backend or the CPU reference). The backend computes C = α·op(A)·op(B) and G = α·X·Yᵀ with one
 * ONNX Runtime session per product variant and precision (symbolic dimensions: every shape, every α).
 *
 * @param options - Precision, threads, Gram block size.
 * @returns A promise of the backend, `info = { name: 'onnx', dtype, mode: 'native-cpu', threads }`.
 * @throws {ArgumentTypeError} For options of the wrong type. {@link @ntk/core!ArgumentRangeError} For an
 *   unknown option or precision, or threads outside 1..256.
 * @example
 * ```ts
 * import { onnxBackend } from '@ntk/backend-onnx';
 * const be = await onnxBackend({ dtype: 'float32', threads: 2 });
 * const { ntk } = await empiricalNtk(net, X, undefined, { backend: be });
 * be.dispose();
 * ```
 */
export async function onnxBackend(options: OnnxBackendOptions = {}): Promise<OrtBackend> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw argumentError('type', FN, 'options', 'an object', options);
  }
  const known = ['dtype', 'threads', 'gramSplitRows', 'spin'];
  for (const k of Object.keys(options)) {
    if (!known.includes(k)) throw argumentError('range', FN, `options.${k}`, `one of ${known.join(', ')}`, k);
  }
  const dtype = options.dtype ?? 'float64';
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw argumentError('range', FN, 'options.dtype', '"float32" or "float64"', dtype);
  }
  const threads = options.threads ?? availableParallelism();
  if (typeof threads !== 'number') throw argumentError('type', FN, 'options.threads', 'a number', threads);
  if (!Number.isInteger(threads) || threads < 1 || threads > 256) {
    throw argumentError('range', FN, 'options.threads', 'an integer in [1, 256]', threads);
  }
  const spin = options.spin ?? false;
  if (typeof spin !== 'boolean') throw argumentError('type', FN, 'options.spin', 'a boolean', spin);
  return ortBackend(ort as unknown as OrtModule, {
    name: 'onnx',
    mode: 'native-cpu',
    dtype,
    threads,
    ...(options.gramSplitRows !== undefined ? { gramSplitRows: options.gramSplitRows } : {}),
    sessionOptions: {
      executionProviders: ['cpu'],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3,
      // Idle pool threads sleep instead of spinning: the host work between products (maps, copies) and other
      // processes then get the cores (spinning made calls 10× slower on a busy 2-core machine).
      extra: { session: { intra_op: { allow_spinning: spin ? '1' : '0' } } },
    },
  });
}
