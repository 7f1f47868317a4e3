import { argumentError, type DType } from '@ntk/core';
import { type OrtBackend, type OrtModule, ortBackend } from '@ntk/ort-engine';
import * as ort from 'onnxruntime-web';

/** Where the page serves the ONNX Runtime WebAssembly files: a URL prefix, or the two files' URLs. */
export type WasmPaths = string | { readonly wasm?: string; readonly mjs?: string };

/** Options of {@link wasmBackend}. */
export interface WasmBackendOptions {
  /** Precision (default `float32`: WebAssembly float64 products run at about a third of the float32 speed). */
  readonly dtype?: DType;
  /**
   * Worker threads (ONNX Runtime Web `env.wasm.numThreads`; default: the logical CPUs where threads can run —
   * Node, or a cross-origin-isolated page — else 1). The runtime is initialised once per page or process: the
   * first backend fixes the count, and `info.threads` reports the count that runs.
   */
  readonly threads?: number;
  /**
   * Where the browser loads `ort-wasm-simd-threaded.wasm` and `.mjs` from (ONNX Runtime Web `env.wasm.wasmPaths`;
   * e.g. `'/ort/'` when the page serves `node_modules/onnxruntime-web/dist/` at `/ort/`). Default: next to the
   * bundled module (bundlers that copy assets), and in Node the files inside `node_modules`.
   */
  readonly wasmPaths?: WasmPaths;
  /** Row count from which symmetric Gram matrices are split into blocks (default 512). */
  readonly gramSplitRows?: number;
}

const FN = 'wasmBackend';

interface WasmEnv {
  numThreads?: number;
  wasmPaths?: WasmPaths;
}

let initialised: { threads: number } | undefined;

function threadsPossible(): { ok: boolean; why?: string } {
  const g = globalThis as { SharedArrayBuffer?: unknown; crossOriginIsolated?: boolean; process?: unknown };
  if (typeof g.SharedArrayBuffer !== 'function')
    return { ok: false, why: 'SharedArrayBuffer is not available' };
  if (g.crossOriginIsolated === false) {
    return { ok: false, why: 'the page is not cross-origin isolated (serve it with COOP/COEP headers)' };
  }
  return { ok: true };
}

async function logicalCpus(): Promise<number> {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  if (typeof nav?.hardwareConcurrency === 'number' && nav.hardwareConcurrency > 0)
    return nav.hardwareConcurrency;
  try {
    // Node only (browsers answer above); a run-time specifier keeps bundlers from following it.
    const specifier = 'node:os';
    const os = (await import(/* @vite-ignore */ specifier)) as { availableParallelism(): number };
    return os.availableParallelism();
  } catch {
    return 1;
  }
}

/**
 * The WebAssembly {@link @ntk/core!Backend}, for browsers (and Node without the native package): ONNX Runtime Web
 * 1.30 (`onnxruntime-web`: MLAS GEMM compiled to WebAssembly with SIMD, a pool of worker threads over shared
 * memory) for products and Gram matrices; the O(n) operations on the host in the same precision.
 *
 * Threads need `SharedArrayBuffer`: in a browser the page must be cross-origin isolated (served with
 * `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`); otherwise one
 * thread runs and `info.fallbackReason` says why. In a browser the page must serve the runtime's `.wasm`
 * and `.mjs` files: pass their location as `wasmPaths`.
 *
 * @param options - Precision, threads, where the wasm files are served, Gram block size.
 * @returns A promise of the backend, `info = { name: 'wasm', dtype, mode: 'wasm-simd', threads }`.
 * @throws {ArgumentTypeError} For options of the wrong type. {@link @ntk/core!ArgumentRangeError} For an
 *   unknown option or precision, or threads outside 1..64.
 * @example
 * ```ts
 * import { wasmBackend } from '@ntk/backend-wasm';
 * const be = await wasmBackend({ dtype: 'float32', wasmPaths: '/ort/' });
 * be.info.threads; // 4 on a cross-origin-isolated page of a 4-core machine, else 1
 * ```
 */
export async function wasmBackend(options: WasmBackendOptions = {}): Promise<OrtBackend> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw argumentError('type', FN, 'options', 'an object', options);
  }
  const known = ['dtype', 'threads', 'wasmPaths', 'gramSplitRows'];
  for (const k of Object.keys(options)) {
    if (!known.includes(k)) throw argumentError('range', FN, `options.${k}`, `one of ${known.join(', ')}`, k);
  }
  const dtype = options.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw argumentError('range', FN, 'options.dtype', '"float32" or "float64"', dtype);
  }
  const t = options.threads;
  if (t !== undefined) {
    if (typeof t !== 'number') throw argumentError('type', FN, 'options.threads', 'a number', t);
    if (!Number.isInteger(t) || t < 1 || t > 64) {
      throw argumentError('range', FN, 'options.threads', 'an integer in [1, 64]', t);
    }
  }
  const wp = options.wasmPaths;
  if (wp !== undefined && typeof wp !== 'string' && (wp === null || typeof wp !== 'object')) {
    throw argumentError('type', FN, 'options.wasmPaths', 'a URL prefix or { wasm, mjs } URLs', wp);
  }
  const possible = threadsPossible();
  const reasons: string[] = [];
  const wanted = t ?? (possible.ok ? await logicalCpus() : 1);
  if (initialised === undefined) {
    const env = (ort.env as { wasm: WasmEnv }).wasm;
    const threads = possible.ok ? wanted : 1;
    if (!possible.ok && wanted > 1) reasons.push(`${wanted} threads requested, 1 runs: ${possible.why}`);
    env.numThreads = threads;
    if (wp !== undefined) env.wasmPaths = wp;
    initialised = { threads };
  } else if (wanted !== initialised.threads && t !== undefined) {
    reasons.push(
      `${wanted} threads requested, ${initialised.threads} run: the WebAssembly runtime was initialised by an earlier backend`,
    );
  }
  return ortBackend(ort as unknown as OrtModule, {
    name: 'wasm',
    mode: 'wasm-simd',
    dtype,
    threads: initialised.threads,
    ...(options.gramSplitRows !== undefined ? { gramSplitRows: options.gramSplitRows } : {}),
    sessionOptions: { executionProviders: ['wasm'], graphOptimizationLevel: 'all', logSeverityLevel: 3 },
    ...(reasons.length > 0 ? { info: { fallbackReason: reasons.join('; ') } } : {}),
  });
}
