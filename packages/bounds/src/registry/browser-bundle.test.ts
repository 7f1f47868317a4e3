import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

// `@ntk/bounds` must bundle for browsers: Node built-ins (the cache's node:fs/promises) are loaded only by a
// dynamic import with a computed specifier when a cache directory is given, never imported statically.
describe('browser bundle', () => {
  it('the package (registry included) bundles for the browser with no static import of a Node built-in', async () => {
    const out = (await build({
      configFile: false,
      logLevel: 'silent',
      resolve: { conditions: ['@ntk/source', 'browser', 'module', 'import', 'default'] },
      build: {
        write: false,
        minify: false,
        lib: { entry: join(import.meta.dirname, '..', 'index.ts'), formats: ['es'], fileName: 'bounds' },
      },
    })) as Rollup.RollupOutput[];
    const chunks = out.flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
    const code = chunks.map((c) => c.code).join('\n');
    console.log(`browser bundle: ${chunks.length} chunk(s), ${(code.length / 1024).toFixed(0)} KiB`);
    expect(code).toContain('function runClaim');
    expect(code).not.toContain('__vite-browser-external');
    expect(code).not.toMatch(
      /(?:^|\n)\s*import[^\n]*from\s*["'](?:node:)?(?:fs|path|os|worker_threads|child_process)/,
    );
  }, 120_000);
});
