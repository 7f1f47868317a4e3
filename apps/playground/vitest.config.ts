import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

export default mergeConfig(
  sharedConfig,
  defineConfig({ test: { testTimeout: 180_000, hookTimeout: 300_000, fileParallelism: false } }),
);
