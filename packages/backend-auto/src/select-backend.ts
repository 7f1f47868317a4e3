import { argumentError, type Backend, cpuBackend, type DType } from '@ntk/core';
import { BackendUnavailableError } from './backend-unavailable-error.ts';

/** The backends `selectBackend` knows, by name. */
export type BackendName = 'cpu' | 'onnx' | 'wasm' | 'gpujs';

/** What the caller asks for: `auto`, a backend by name, or a backend instance (used as it is). */
export type BackendRequest = 'auto' | BackendName | Backend;

/** The module shape of `@ntk/backend-onnx` that the selection uses. */
export interface OnnxModuleLike {
  onnxBackend(options?: { dtype?: DType; threads?: number }): Promise<Backend>;
}
/** The module shape of `@ntk/backend-wasm` that the selection uses. */
export interface WasmModuleLike {
  wasmBackend(options?: {
    dtype?: DType;
    threads?: number;
    wasmPaths?: string | { wasm?: string; mjs?: string };
  }): Promise<Backend>;
}
/** The module shape of `@ntk/backend-gpujs` that the selection uses. */
export interface GpujsModuleLike {
  gpujsBackend(options?: { mode?: 'gpu'; fallback?: boolean }): Promise<Backend>;
}

/** Loaders of the optional backend packages (each a dynamic import; rejecting means "not installed"). */
export interface BackendLoaders {
  /** Loads `@ntk/backend-onnx`. */
  readonly onnx?: () => Promise<OnnxModuleLike>;
  /** Loads `@ntk/backend-wasm`. */
  readonly wasm?: () => Promise<WasmModuleLike>;
  /** Loads `@ntk/backend-gpujs`. */
  readonly gpujs?: () => Promise<GpujsModuleLike>;
}

/** Options of {@link selectBackend}. */
export interface SelectBackendOptions {
  /**
   * Required precision. Backends that cannot compute in it are passed over (gpu.js is float32 only; the CPU
   * reference float64 only). Default: each backend's own default (onnx and cpu float64, wasm and gpujs float32).
   */
  readonly dtype?: DType;
  /** Threads for the onnx and wasm backends (default: the logical CPUs). */
  readonly threads?: number;
  /** Where a page serves the ONNX Runtime Web files (the wasm backend's `wasmPaths`). */
  readonly wasmPaths?: string | { readonly wasm?: string; readonly mjs?: string };
  /** The order `auto` tries (default `['onnx', 'gpujs', 'wasm', 'cpu']`: fastest first). */
  readonly order?: readonly BackendName[];
  /**
   * How the optional packages are loaded (default: dynamic `import()` of `@ntk/backend-onnx`, `-wasm`, `-gpujs`
   * by a run-time specifier that bundlers do not follow). Bundled browser code passes
   * `{ wasm: () => import('@ntk/backend-wasm'), gpujs: () => import('@ntk/backend-gpujs') }`; tests inject
   * rejecting loaders to simulate a missing package.
   */
  readonly loaders?: BackendLoaders;
  /**
   * Reports the name of the GPU renderer behind WebGL (default: read from a WebGL context's
   * `WEBGL_debug_renderer_info` in browsers, `undefined` elsewhere). A software rasteriser (SwiftShader,
   * llvmpipe, "Basic Render Driver") does not count as a GPU, so `auto` passes gpu.js over on it. Tests inject it.
   */
  readonly gpuRenderer?: () => Promise<string | undefined>;
}

/** One candidate that was tried, whether it can run here and why (not). */
export interface BackendTrial {
  /** Backend name. */
  readonly name: BackendName;
  /** Whether it can run here (in the requested precision). */
  readonly available: boolean;
  /** What was found: the mode and threads that run, or why it cannot. */
  readonly reason: string;
}

/** Which backend was chosen and why. */
export interface BackendChoice {
  /** The chosen backend's name (`info.name`). */
  readonly name: string;
  /** Why it was chosen. */
  readonly reason: string;
  /** Every candidate tried, in order (for `auto`: up to and including the chosen one). */
  readonly tried: readonly BackendTrial[];
}

/** The result of {@link selectBackend}. */
export interface BackendSelection {
  /** The backend, ready to use (dispose it when done). */
  readonly backend: Backend;
  /** Which one and why. */
  readonly choice: BackendChoice;
}

const FN = 'selectBackend';
const NAMES: readonly BackendName[] = ['cpu', 'onnx', 'wasm', 'gpujs'];
const GPU_MODES = new Set(['webgl', 'webgl2', 'webgpu', 'headlessgl']);
const INSTALL: Readonly<Record<Exclude<BackendName, 'cpu'>, string>> = {
  onnx: 'npm install @ntk/backend-onnx (Node only)',
  wasm: 'npm install @ntk/backend-wasm',
  gpujs: 'npm install @ntk/backend-gpujs',
};

function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}

// Run-time specifiers: bundlers leave these imports alone (browser bundles pass `loaders` instead).
const dynamicImport = (specifier: string): Promise<unknown> => import(/* @vite-ignore */ specifier);

const DEFAULT_LOADERS: Required<BackendLoaders> = {
  onnx: async () => {
    if (!isNode()) throw new Error('the native backend runs only in Node');
    return (await dynamicImport('@ntk/backend-onnx')) as OnnxModuleLike;
  },
  wasm: async () => (await dynamicImport('@ntk/backend-wasm')) as WasmModuleLike,
  gpujs: async () => (await dynamicImport('@ntk/backend-gpujs')) as GpujsModuleLike,
};

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** The WebGL renderer's name in a browser (undefined where there is no DOM or the extension is absent). */
async function webglRenderer(): Promise<string | undefined> {
  const doc = (globalThis as { document?: { createElement(tag: string): unknown } }).document;
  if (doc === undefined) return undefined;
  try {
    type Gl = {
      getExtension(n: string): { UNMASKED_RENDERER_WEBGL: number } | null;
      getParameter(p: number): unknown;
    };
    const canvas = doc.createElement('canvas') as { getContext(kind: string): Gl | null };
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    const ext = gl?.getExtension('WEBGL_debug_renderer_info');
    const name = ext ? gl?.getParameter(ext.UNMASKED_RENDERER_WEBGL) : undefined;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function describe(be: Backend): string {
  const t =
    be.info.threads === undefined ? '' : `, ${be.info.threads} thread${be.info.threads === 1 ? '' : 's'}`;
  return `${be.info.name} ${be.info.mode} ${be.info.dtype}${t}`;
}

type Attempt = { backend: Backend; reason: string } | { backend: null; reason: string };

async function attempt(
  name: BackendName,
  o: SelectBackendOptions,
  loaders: Required<BackendLoaders>,
): Promise<Attempt> {
  const dtype = o.dtype;
  const threads = o.threads === undefined ? {} : { threads: o.threads };
  if (name === 'cpu') {
    if (dtype === 'float32') return { backend: null, reason: 'the CPU reference computes in float64 only' };
    const be = cpuBackend();
    return { backend: be, reason: `runs (${describe(be)})` };
  }
  let mod: unknown;
  try {
    mod = await loaders[name]();
  } catch (e) {
    return { backend: null, reason: `not installed or not loadable here (${message(e)}); ${INSTALL[name]}` };
  }
  try {
    if (name === 'onnx') {
      const be = await (mod as OnnxModuleLike).onnxBackend({ ...(dtype ? { dtype } : {}), ...threads });
      return { backend: be, reason: `runs (${describe(be)})` };
    }
    if (name === 'wasm') {
      const be = await (mod as WasmModuleLike).wasmBackend({
        ...(dtype ? { dtype } : {}),
        ...threads,
        ...(o.wasmPaths !== undefined ? { wasmPaths: o.wasmPaths } : {}),
      });
      const why = be.info.fallbackReason ? `; ${be.info.fallbackReason}` : '';
      return { backend: be, reason: `runs (${describe(be)})${why}` };
    }
    if (dtype === 'float64') return { backend: null, reason: 'gpu.js computes in float32 only' };
    // Only a real GPU counts: gpu.js's webasm and cpu modes are slower than the WebAssembly backend.
    const be = await (mod as GpujsModuleLike).gpujsBackend({ mode: 'gpu', fallback: false });
    if (!GPU_MODES.has(be.info.mode)) {
      be.dispose();
      return {
        backend: null,
        reason: `no GPU answered (gpu.js ran '${be.info.mode}', which does not count)`,
      };
    }
    if (be.info.mode === 'webgl' || be.info.mode === 'webgl2') {
      const renderer = await (o.gpuRenderer ?? webglRenderer)();
      if (renderer !== undefined && SOFTWARE_RENDERER.test(renderer)) {
        be.dispose();
        return {
          backend: null,
          reason: `no GPU answered (gpu.js ran '${be.info.mode}' on the software rasteriser '${renderer}')`,
        };
      }
    }
    return { backend: be, reason: `runs on a GPU (${describe(be)})` };
  } catch (e) {
    return { backend: null, reason: `cannot run here: ${message(e)}` };
  }
}

/**
 * Chooses the compute {@link @ntk/core!Backend}: `auto` picks the fastest one available in this environment,
 * trying in order the native CPU backend (`@ntk/backend-onnx`, Node only), gpu.js when a real GPU answers
 * (WebGPU/WebGL2/WebGL/headless-gl; its WebAssembly and CPU modes do not count, nor WebGL on a software
 * rasteriser such as SwiftShader), the WebAssembly backend
 * (`@ntk/backend-wasm`), and the float64 CPU reference of `@ntk/core` (always there). It says which it picked
 * and why, and lists every candidate tried with its reason. A name (`'onnx'`, `'wasm'`, `'gpujs'`, `'cpu'`)
 * overrides the choice (and fails loudly if that backend cannot run); a `Backend` instance is used as it is.
 *
 * The optional packages are peer dependencies loaded with dynamic imports: a user who installs none of
 * them gets the CPU reference and loses nothing but speed.
 *
 * @param request - `auto` (default), a backend name, or a backend.
 * @param options - Precision, threads, wasm file location, order, loaders.
 * @returns The backend and `choice = { name, reason, tried }`.
 * @throws {BackendUnavailableError} When a backend named explicitly cannot be used here.
 *   {@link @ntk/core!ArgumentRangeError} For an unknown name, precision or order entry.
 * @example
 * ```ts
 * const { backend, choice } = await selectBackend('auto');
 * console.log(choice.name, choice.reason); // 'onnx', 'fastest available: onnx native-cpu float64, 2 threads'
 * const { ntk } = await empiricalNtk(net, X, undefined, { backend });
 * ```
 */
export async function selectBackend(
  request: BackendRequest = 'auto',
  options: SelectBackendOptions = {},
): Promise<BackendSelection> {
  if (options === null || typeof options !== 'object')
    throw argumentError('type', FN, 'options', 'an object', options);
  const dtype = options.dtype;
  if (dtype !== undefined && dtype !== 'float32' && dtype !== 'float64') {
    throw argumentError('range', FN, 'options.dtype', '"float32" or "float64"', dtype);
  }
  const order = options.order ?? ['onnx', 'gpujs', 'wasm', 'cpu'];
  if (!Array.isArray(order) || order.some((n) => !NAMES.includes(n))) {
    throw argumentError(
      'range',
      FN,
      'options.order',
      `an array of ${NAMES.map((n) => `"${n}"`).join(', ')}`,
      order,
    );
  }
  const loaders: Required<BackendLoaders> = { ...DEFAULT_LOADERS, ...(options.loaders ?? {}) };
  if (typeof request === 'object' && request !== null) {
    const be = request as Backend;
    if (typeof be.matmul !== 'function' || typeof be.info !== 'object') {
      throw argumentError('type', FN, 'request', "'auto', a backend name or a Backend", request);
    }
    return {
      backend: be,
      choice: { name: be.info.name, reason: `given by the caller (${describe(be)})`, tried: [] },
    };
  }
  if (request !== 'auto') {
    if (!NAMES.includes(request)) {
      throw argumentError(
        'range',
        FN,
        'request',
        `"auto" or one of ${NAMES.map((n) => `"${n}"`).join(', ')}`,
        request,
      );
    }
    const a = await attempt(request, options, loaders);
    if (a.backend === null) throw new BackendUnavailableError(request, a.reason);
    return {
      backend: a.backend,
      choice: {
        name: request,
        reason: `requested explicitly; ${a.reason}`,
        tried: [{ name: request, available: true, reason: a.reason }],
      },
    };
  }
  const tried: BackendTrial[] = [];
  for (const name of order) {
    const a = await attempt(name, options, loaders);
    tried.push({ name, available: a.backend !== null, reason: a.reason });
    if (a.backend !== null) {
      const passed = tried.filter((t) => !t.available).map((t) => t.name);
      const why =
        passed.length === 0
          ? 'fastest available'
          : `fastest available (${passed.join(', ')} not usable here)`;
      return { backend: a.backend, choice: { name, reason: `${why}: ${describe(a.backend)}`, tried } };
    }
  }
  throw new BackendUnavailableError('auto', tried.map((t) => `${t.name}: ${t.reason}`).join('; '));
}
