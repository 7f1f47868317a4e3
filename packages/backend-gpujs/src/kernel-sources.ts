// gpu.js kernel texts. Every kernel computes one output cell per thread (gpu.js has no shared memory or
// cross-thread cooperation), so "tiling" happens inside a thread's inner-product loop. Dimensions are
// kernel constants (baked in: the loops are "safe" for gpu.js and run without the loopMaxIterations cap,
// which is set to the loop length anyway), scales are run-time arguments (one compiled kernel serves
// every α). The fused kernels are the α-scaled products (scale fused into the reduction: no second pass),
// affine (α·x + β in one pass) and addRowVector (α·v broadcast in one pass).

/**
 * Matrix product C = α·A·B on row-major A (m×k, an `Input` of size [k, m]) and B (k×n, size [n, k]); the
 * output has size [n, m] (thread.x = column, thread.y = row).
 *
 * - Vector backends (webasm with SIMD, GL, WebGPU) run 4 neighbouring `thread.x` together: with B in k×n
 *   layout the 4 lanes read 4 adjacent floats of one row of B and share A's element, so the simple loop is
 *   the fast one (unrolling it measured slower on webasm: 1.3 vs 2.2 GFLOP/s at n = 512).
 * - The `cpu` backend runs the kernel as plain JavaScript per cell: there a 4-way unrolled loop with four
 *   independent partial sums (register blocking of the k-loop) measured 2.3 vs 0.8 GFLOP/s at n = 512.
 * - `upperOnly` (symmetric Gram on cpu): cells below the diagonal return 0 at once and are mirrored on the
 *   host, halving the work (on webasm the SIMD lanes would compute both branches, so it is not used there).
 *
 * @param unrolled - Use the 4-way unrolled loop (cpu mode).
 * @param upperOnly - Skip cells with x < y.
 * @returns Kernel text `function (a, b, alpha)`; constants `k` and `k4` (k rounded down to a multiple of 4).
 * @internal
 */
export function matmulKernelSource(unrolled: boolean, upperOnly: boolean): string {
  const skip = upperOnly ? '  if (this.thread.x < this.thread.y) {\n    return 0.0;\n  }\n' : '';
  if (!unrolled) {
    return `function (a, b, alpha) {
${skip}  let s = 0.0;
  for (let i = 0; i < this.constants.k; i++) {
    s += a[this.thread.y][i] * b[i][this.thread.x];
  }
  return s * alpha;
}`;
  }
  return `function (a, b, alpha) {
${skip}  const y = this.thread.y;
  const x = this.thread.x;
  let s0 = 0.0;
  let s1 = 0.0;
  let s2 = 0.0;
  let s3 = 0.0;
  for (let i = 0; i < this.constants.k4; i += 4) {
    s0 += a[y][i] * b[i][x];
    s1 += a[y][i + 1] * b[i + 1][x];
    s2 += a[y][i + 2] * b[i + 2][x];
    s3 += a[y][i + 3] * b[i + 3][x];
  }
  for (let i = this.constants.k4; i < this.constants.k; i++) {
    s0 += a[y][i] * b[i][x];
  }
  return ((s0 + s1) + (s2 + s3)) * alpha;
}`;
}

/** Elementwise binary op on two flat arrays. @internal */
export function zipKernelSource(op: 'add' | 'sub' | 'mul' | 'div'): string {
  const sym = { add: '+', sub: '-', mul: '*', div: '/' }[op];
  return `function (a, b) {\n  return a[this.thread.x] ${sym} b[this.thread.x];\n}`;
}

/** Fused α·x + β on a flat array. @internal */
export const AFFINE_KERNEL_SOURCE: string = `function (a, alpha, beta) {
  return alpha * a[this.thread.x] + beta;
}`;

/** Fused Y_ij = X_ij + α·v_j on X given as `Input` [cols, rows]; output [cols, rows]. @internal */
export const ADD_ROW_VECTOR_KERNEL_SOURCE: string = `function (a, v, alpha) {
  return a[this.thread.y][this.thread.x] + alpha * v[this.thread.x];
}`;

/** The probe run when a mode is selected: y_i = 2·x_i + 1 over 4 cells. @internal */
export const PROBE_KERNEL_SOURCE: string = `function (a) {
  return 2.0 * a[this.thread.x] + 1.0;
}`;
