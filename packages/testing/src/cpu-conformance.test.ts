import { cpuBackend } from '@ntk/core';
import { backendConformance } from './backend-conformance.ts';
import { tolerances } from './tolerances.ts';

// The float64 CPU reference of @ntk/core runs the shared suite here (core cannot depend on this package).
backendConformance('cpu reference', () => cpuBackend(), {
  tolerance: tolerances.float64,
  expectedMode: 'reference',
  exactSymmetry: true,
});
