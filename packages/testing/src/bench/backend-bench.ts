import { type Backend, key, Matrix, normal } from '@ntk/core';
import { type BenchLog, bestSeconds } from './bench-log.ts';
import { structuredNtkFlops } from './structured-ntk-flops.ts';

/**
 * A backend's ceiling and overhead: the 1024³ product (`matmul` row, GFLOP/s) and the mean cost of an 8×8
 * product over 2000 calls (`call-overhead` row, µs), in the backend's precision.
 *
 * @param be - The backend.
 * @param repeat - Timed runs of the big product.
 * @param log - Where the rows go.
 */
export async function benchBackendCeiling(be: Backend, repeat: number, log: BenchLog): Promise<void> {
  const { name, dtype } = be.info;
  const cast = (m: Matrix) => (dtype === 'float32' ? m.toFloat32() : m);
  const n = 1024;
  const A = cast(new Matrix(n, n, normal(key(1), n * n)));
  const B = cast(new Matrix(n, n, normal(key(2), n * n)));
  const s = await bestSeconds(() => be.matmul(A, B), repeat);
  log.emit({
    bench: 'matmul',
    backend: name,
    dtype,
    n,
    seconds: +s.toFixed(4),
    gflops: +((2 * n ** 3) / s / 1e9).toFixed(1),
    load1: log.load(),
  });
  const T = cast(new Matrix(8, 8, normal(key(3), 64)));
  const calls = 2000;
  const us =
    ((await bestSeconds(async () => {
      for (let i = 0; i < calls; i++) await be.matmul(T, T, { alpha: 0.5 });
    }, 3)) /
      calls) *
    1e6;
  log.emit({
    bench: 'call-overhead',
    backend: name,
    dtype,
    op: 'matmul 8×8',
    microseconds: +us.toFixed(1),
    load1: log.load(),
  });
}

/** The problem of {@link benchStructuredNtk}: N inputs of dimension d through L hidden layers of width W. */
export interface StructuredNtkProblem {
  readonly N: number;
  readonly W: number;
  readonly L: number;
  readonly d: number;
  /** Computes the NTK on a backend (e.g. `empiricalNtk(net, X, undefined, { backend })`), its data row-major. */
  readonly ntk: (backend: Backend) => Promise<Float64Array>;
}

/**
 * Times the structured empirical NTK on a backend (best of `repeat`, 3 at most for N ≥ 1024) and emits an
 * `ntk-structured` row: seconds, GFLOP/s ({@link structuredNtkFlops}), runtime calls per NTK when the backend
 * counts them (`stats().runs`), load.
 *
 * @param be - The backend.
 * @param problem - Sizes and the computation.
 * @param repeat - Timed runs.
 * @param log - Where the row goes.
 * @returns The NTK computed (for agreement rows between backends).
 */
export async function benchStructuredNtk(
  be: Backend,
  problem: StructuredNtkProblem,
  repeat: number,
  log: BenchLog,
): Promise<Float64Array> {
  const { N, W, L, d } = problem;
  const runsOf = () => (be as { stats?: () => { runs: number } }).stats?.().runs ?? 0;
  let ntk: Float64Array = new Float64Array(0);
  const runs0 = runsOf();
  const reps = N >= 1024 ? Math.min(repeat, 3) : repeat;
  const s = await bestSeconds(async () => {
    ntk = await problem.ntk(be);
  }, reps);
  log.emit({
    bench: 'ntk-structured',
    backend: be.info.name,
    dtype: be.info.dtype,
    threads: be.info.threads,
    N,
    W,
    L,
    d,
    seconds: +s.toFixed(4),
    gflops: +(structuredNtkFlops(N, [d, ...new Array<number>(L).fill(W), 1]) / s / 1e9).toFixed(1),
    runtimeCallsPerNtk: (runsOf() - runs0) / (reps + 1),
    load1: log.load(),
  });
  return ntk;
}
