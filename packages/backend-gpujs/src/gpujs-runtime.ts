// The one place in the project that imports gpu.js. gpu.js is CommonJS; its `.d.ts` declares `input` only as a
// type and omits the WebGPU kernel class, so the runtime module is described here by the few members we use.
import gpujs from 'gpu.js';

/** A compiled gpu.js kernel as returned by `GPU.createKernel` (the "run shortcut"). @internal */
export interface GpuKernel {
  (...args: unknown[]): unknown;
  /** The kernel instance that currently runs; replaced when gpu.js falls back internally. */
  readonly kernel: {
    readonly constructor: { readonly mode: string; readonly name: string };
    readonly fallbackReason?: string | null;
  };
  destroy(removeCanvasReferences?: boolean): void;
}

/** Kernel settings we pass to `createKernel`. @internal */
export interface GpuKernelSettings {
  readonly output: readonly number[];
  readonly constants?: Record<string, number>;
  readonly loopMaxIterations?: number;
  readonly asyncMode?: boolean;
  readonly poolSize?: number;
  readonly precision?: 'single';
  readonly tactic?: 'precision' | 'balanced' | 'speed';
}

/** A `GPU` instance. @internal */
export interface GpuInstance {
  readonly mode: string;
  readonly Kernel: { readonly mode: string; readonly name: string } | null;
  createKernel(source: string, settings: GpuKernelSettings): GpuKernel;
  destroy(): Promise<void>;
}

/** A kernel class with its static capability probes. @internal */
export interface GpuKernelClass {
  readonly isSupported: boolean;
  readonly mode: string;
  readonly isThreadsSupported?: boolean;
  readonly isSIMDSupported?: boolean;
}

/** The members of the gpu.js module this package uses. @internal */
export interface GpuJsRuntime {
  readonly GPU: (new (settings: {
    mode: string;
  }) => GpuInstance) & {
    isWebGPUAvailable(): Promise<boolean>;
  };
  readonly Input: new (value: Float32Array, size: readonly number[]) => unknown;
  readonly CPUKernel: GpuKernelClass;
  readonly WebAssemblyKernel: GpuKernelClass;
  readonly HeadlessGLKernel: GpuKernelClass;
  readonly WebGLKernel: GpuKernelClass;
  readonly WebGL2Kernel: GpuKernelClass;
  readonly WebGPUKernel: GpuKernelClass;
}

/** The gpu.js runtime module (2.24.x), typed by {@link GpuJsRuntime}. @internal */
export const gpu: GpuJsRuntime = gpujs as unknown as GpuJsRuntime;
