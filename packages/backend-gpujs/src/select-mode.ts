import { type GpuInstance, type GpuKernelClass, gpu } from './gpujs-runtime.ts';
import { PROBE_KERNEL_SOURCE } from './kernel-sources.ts';
import { ModeUnavailableError } from './mode-unavailable-error.ts';

/** A gpu.js mode this package can request. */
export type GpujsMode = 'webasm' | 'cpu' | 'gpu' | 'webgl2' | 'webgl' | 'webgpu' | 'headlessgl' | 'auto';

/** The concrete gpu.js modes (what `info.mode` can be). */
export type GpujsConcreteMode = 'webasm' | 'cpu' | 'webgl2' | 'webgl' | 'webgpu' | 'headlessgl';

/** Every accepted value of the `mode` option. @internal */
export const GPUJS_MODES: readonly GpujsMode[] = [
  'auto',
  'gpu',
  'webgpu',
  'webgl2',
  'webgl',
  'headlessgl',
  'webasm',
  'cpu',
];

/** A GPU instance that ran the probe kernel in `mode`. @internal */
export interface SelectedMode {
  readonly gpu: GpuInstance;
  readonly mode: GpujsConcreteMode;
  /** Why earlier candidates were passed over (empty when the first one ran). */
  readonly skipped: readonly string[];
}

const GPU_MODES: readonly GpujsConcreteMode[] = ['webgpu', 'webgl2', 'webgl', 'headlessgl'];

/**
 * The candidates tried for a requested mode, best first. `auto` leaves out `headlessgl` (it needs the native
 * `gl` build and a display, and on the software rasterisers of headless machines it is slower than webasm:
 * request it explicitly). Explicit modes fall back to webasm, then cpu, when `fallback` is on.
 *
 * @param mode - Requested mode.
 * @param fallback - Whether to append the fallback chain.
 * @returns Candidate modes in order.
 * @internal
 */
export function candidateModes(mode: GpujsMode, fallback: boolean): GpujsConcreteMode[] {
  const chain: GpujsConcreteMode[] =
    mode === 'auto'
      ? ['webgpu', 'webgl2', 'webgl', 'webasm', 'cpu']
      : mode === 'gpu'
        ? [...GPU_MODES]
        : [mode];
  if (!fallback) return chain;
  for (const m of ['webasm', 'cpu'] as const) if (!chain.includes(m)) chain.push(m);
  return chain;
}

function kernelClass(mode: GpujsConcreteMode): GpuKernelClass {
  switch (mode) {
    case 'webasm':
      return gpu.WebAssemblyKernel;
    case 'cpu':
      return gpu.CPUKernel;
    case 'headlessgl':
      return gpu.HeadlessGLKernel;
    case 'webgl':
      return gpu.WebGLKernel;
    case 'webgl2':
      return gpu.WebGL2Kernel;
    case 'webgpu':
      return gpu.WebGPUKernel;
  }
}

const UNSUPPORTED: Readonly<Record<GpujsConcreteMode, string>> = {
  webgpu: 'no WebGPU adapter (navigator.gpu is missing or requestAdapter() gave none)',
  webgl2: 'no WebGL2 context can be created here (no DOM canvas / no GPU)',
  webgl: 'no WebGL context can be created here (no DOM canvas / no GPU)',
  headlessgl: 'headless-gl is not usable (the native `gl` module is not built, or no display / GPU)',
  webasm: 'WebAssembly is not available',
  cpu: 'the cpu mode is not available',
};

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Tries one mode: static capability check, then a real probe kernel (y = 2x + 1 on four cells) whose result
 * and whose kernel class are read back, so that a mode gpu.js silently replaced counts as not running.
 *
 * @param mode - Concrete mode.
 * @param asyncMode - Whether kernels will run with gpu.js `asyncMode`.
 * @returns The GPU instance, or the reason it cannot run.
 * @internal
 */
export async function probeMode(
  mode: GpujsConcreteMode,
  asyncMode: boolean,
): Promise<{ gpu: GpuInstance } | { reason: string }> {
  try {
    const cls = kernelClass(mode);
    if (!cls.isSupported) return { reason: `${mode}: ${UNSUPPORTED[mode]}` };
    if (mode === 'webgpu' && !(await gpu.GPU.isWebGPUAvailable())) {
      return { reason: `webgpu: ${UNSUPPORTED.webgpu}` };
    }
    const instance = new gpu.GPU({ mode });
    const kernel = instance.createKernel(PROBE_KERNEL_SOURCE, { output: [4], asyncMode });
    try {
      const out = (await kernel(new Float32Array([0, 1, -2, 0.5]))) as ArrayLike<number>;
      const ran = kernel.kernel.constructor.mode;
      const ok = out && out.length === 4 && out[0] === 1 && out[1] === 3 && out[2] === -3 && out[3] === 2;
      if (ran !== mode || !ok) {
        await instance.destroy().catch(() => undefined);
        const why =
          ran !== mode ? `gpu.js ran the probe in '${ran}'` : 'the probe kernel returned wrong values';
        const detail = kernel.kernel.fallbackReason ? ` (${kernel.kernel.fallbackReason})` : '';
        return { reason: `${mode}: ${why}${detail}` };
      }
    } finally {
      kernel.destroy();
    }
    return { gpu: instance };
  } catch (e) {
    return { reason: `${mode}: ${message(e)}` };
  }
}

/**
 * Picks the mode that runs: the first candidate of {@link candidateModes} whose probe succeeds.
 *
 * @param mode - Requested mode.
 * @param fallback - Whether falling back is allowed.
 * @param asyncMode - gpu.js `asyncMode` for the probe.
 * @returns The GPU instance, the concrete mode and the reasons earlier candidates were skipped.
 * @throws {ModeUnavailableError} If no candidate runs (with every reason).
 * @internal
 */
export async function selectMode(
  mode: GpujsMode,
  fallback: boolean,
  asyncMode: boolean,
): Promise<SelectedMode> {
  const skipped: string[] = [];
  for (const candidate of candidateModes(mode, fallback)) {
    const r = await probeMode(candidate, asyncMode);
    if ('gpu' in r) return { gpu: r.gpu, mode: candidate, skipped };
    skipped.push(r.reason);
  }
  throw new ModeUnavailableError(mode, fallback, skipped);
}
