import { defaultClientConditions, defineConfig } from 'vite';
import { mnistSubset } from './src/build/mnist-subset.ts';
import { precache } from './src/build/precache.ts';
import { MNIST_PER_DIGIT } from './src/state.ts';

// `base: './'`: the built dist/ works under any sub-path (the docs site serves it at site/playground/).
export default defineConfig({
  base: './',
  resolve: { conditions: ['@ntk/source', ...defaultClientConditions] },
  plugins: [mnistSubset(MNIST_PER_DIGIT), precache()],
  worker: { format: 'es', plugins: () => [mnistSubset(MNIST_PER_DIGIT)] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
