import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tolerances } from '@ntk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, runInChromium } from './chromium.ts';
import { type PageServer, servePage } from './serve.ts';

// The wasm backend in headless Chromium (Debian's, through playwright-core), on a cross-origin-isolated page
// served from 127.0.0.1: a conformance subset in float32 and float64 and one structured empirical NTK, each
// against the float64 CPU reference computed in the same page. CI installs chromium (.ci/run); without it
// this file is skipped, and says so.
describe.skipIf(!hasChromium)('wasmBackend in Chromium (cross-origin isolated)', () => {
  let server: PageServer;
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'ntk-wasm-page-'));
    server = await servePage(out);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('runs the conformance subset and the structured NTK with worker threads, within tolerance', async () => {
    const r = await runInChromium(server.url, 240_000);
    expect(r.error, r.console.join('\n')).toBeUndefined();
    expect(r.ok).toBe(true);
    const res = r.result as {
      crossOriginIsolated: boolean;
      threads: number;
      symmetric: boolean;
      checks: { name: string; dtype: 'float32' | 'float64'; relErr: number }[];
    };
    expect(res.crossOriginIsolated).toBe(true);
    expect(res.threads).toBeGreaterThanOrEqual(2);
    expect(res.symmetric).toBe(true);
    expect(res.checks).toHaveLength(16);
    for (const c of res.checks) {
      const tol = c.dtype === 'float64' ? 1e-10 : tolerances.float32.rtol;
      expect(c.relErr, `${c.name} ${c.dtype}`).toBeLessThan(tol);
    }
  }, 300_000);
});
