// @ntk/testing (private): shared test helpers. This file only re-exports.
export { keyArb, matmulPairArb, matrixArb, mlpSpecArb } from './arbitraries.ts';
export { backendConformance, CONFORMANCE_SEED, type ConformanceOptions } from './backend-conformance.ts';
export {
  benchBackendCeiling,
  benchStructuredNtk,
  type StructuredNtkProblem,
} from './bench/backend-bench.ts';
export { type BenchLog, benchFlag, bestSeconds, createBenchLog } from './bench/bench-log.ts';
export { structuredNtkFlops } from './bench/structured-ntk-flops.ts';
export { CHROMIUM_FLAGS, chromiumPath } from './chromium.ts';
export { maxRelativeError, scaledError, type Tolerance, tolerances } from './tolerances.ts';
