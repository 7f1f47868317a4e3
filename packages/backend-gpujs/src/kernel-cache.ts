import type { GpuKernel } from './gpujs-runtime.ts';

/**
 * A least-recently-used cache of compiled gpu.js kernels keyed by (operation, shape, …). Evicted kernels are
 * destroyed (their WebAssembly memories, worker pools or GL programs are released).
 * @internal
 */
export class KernelCache {
  readonly #limit: number;
  readonly #kernels = new Map<string, GpuKernel>();
  /** Kernels compiled so far (including evicted ones). */
  compiled = 0;

  /** @param limit - Most kernels kept. */
  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Number of kernels held now. */
  get size(): number {
    return this.#kernels.size;
  }

  /**
   * The cached kernel for `key`, or a new one from `create` (then cached).
   *
   * @param key - Cache key.
   * @param create - Compiles the kernel.
   * @returns The kernel.
   */
  get(key: string, create: () => GpuKernel): GpuKernel {
    const hit = this.#kernels.get(key);
    if (hit !== undefined) {
      this.#kernels.delete(key);
      this.#kernels.set(key, hit);
      return hit;
    }
    const k = create();
    this.compiled++;
    this.#kernels.set(key, k);
    while (this.#kernels.size > this.#limit) {
      const oldest = this.#kernels.keys().next().value as string;
      const evicted = this.#kernels.get(oldest);
      this.#kernels.delete(oldest);
      destroyQuietly(evicted);
    }
    return k;
  }

  /**
   * Drops one kernel (after it failed to build) and destroys it.
   *
   * @param key - Cache key.
   */
  delete(key: string): void {
    const k = this.#kernels.get(key);
    this.#kernels.delete(key);
    destroyQuietly(k);
  }

  /** Destroys every kernel. */
  clear(): void {
    for (const k of this.#kernels.values()) destroyQuietly(k);
    this.#kernels.clear();
  }
}

function destroyQuietly(k: GpuKernel | undefined): void {
  try {
    k?.destroy();
  } catch {
    // a kernel that never built may have nothing to release
  }
}
