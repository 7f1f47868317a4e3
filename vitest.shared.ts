import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** Shared vitest settings: resolve workspace packages to their TypeScript sources (no build needed). */
export const sharedConfig: ReturnType<typeof defineConfig> = defineConfig({
  resolve: { conditions: ['@ntk/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@ntk/source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
