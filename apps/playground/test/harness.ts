import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS, chromiumPath } from '@ntk/testing';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';

export const APP_ROOT: string = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS: string = join(APP_ROOT, 'test-results');

/** Serves the built dist/ with `vite preview` on a free localhost port. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    root: APP_ROOT,
    configFile: join(APP_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('vite preview: no local URL');
  return { url, close: () => server.close() };
}

/** Debian's chromium with a fresh profile (the profile folder is removed by `close`). */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'ntk-playground-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport: { width: 1400, height: 1000 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Console errors and uncaught exceptions of a page (and its workers). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** Waits until the given views (default: all five) report `done`; fails on the first `error`. */
export async function waitForViews(page: Page, ids?: readonly string[], timeout = 400_000): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const views = [...document.querySelectorAll<HTMLElement>('section.view')].filter(
        (v) => wanted === null || wanted.includes(v.id),
      );
      const failed = views.find((v) => v.dataset['status'] === 'error');
      if (failed) throw new Error(`${failed.id}: ${failed.querySelector('.job-status')?.textContent}`);
      return views.length === (wanted?.length ?? 5) && views.every((v) => v.dataset['status'] === 'done');
    },
    ids ?? null,
    { timeout, polling: 250 },
  );
}

export async function screenshot(page: Page, name: string, selector?: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  if (selector === undefined) await page.screenshot({ path, fullPage: true });
  else await page.locator(selector).screenshot({ path });
  return path;
}
