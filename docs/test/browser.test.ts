import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../src/serve.ts';

// Headless Chromium (Debian's, never a downloaded build) loads pages of the built site from a local server and
// fails on any console error, uncaught exception or failed request; screenshots go to docs/test-results/.
const siteDir = resolve(import.meta.dirname, '../site');
const shots = resolve(import.meta.dirname, '../test-results');
const executablePath = process.env['NTK_CHROMIUM'] ?? '/usr/bin/chromium';

const PAGES = [
  { name: 'home', path: 'index.html', formulas: 1 },
  { name: 'api-mlpKernels', path: 'api/functions/_ntk_analytic.mlpKernels.html', formulas: 1 },
  { name: 'conventions', path: 'conventions.html', formulas: 10 },
  { name: 'claims', path: 'claims.html', formulas: 0 },
] as const;

describe('the built site in headless Chromium', () => {
  let browser: BrowserContext;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let profile: string;

  beforeAll(async () => {
    if (!existsSync(join(siteDir, 'index.html'))) {
      throw new Error(`${siteDir} is not built: run \`pnpm run docs:build\` first`);
    }
    if (!existsSync(executablePath)) {
      throw new Error(
        `no Chromium at ${executablePath}: \`apt-get install -y chromium\` (or set NTK_CHROMIUM)`,
      );
    }
    mkdirSync(shots, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'ntk-docs-chromium-'));
    server = await serveStatic(siteDir);
    // A fresh profile for every run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  for (const page of PAGES) {
    it(`loads ${page.path} without console errors and with its formulas typeset`, async () => {
      const tab = await browser.newPage();
      const problems: string[] = [];
      tab.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      tab.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      tab.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
      tab.on('response', (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      // Anything that would leave the machine (a CDN font, a script) is refused and counted as a problem.
      await tab.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
        problems.push(`external request: ${route.request().url()}`);
        return route.abort();
      });
      const response = await tab.goto(server.url + page.path, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await tab.evaluate(() => document.fonts.ready.then(() => undefined));
      const math = await tab.evaluate(() => {
        const nodes = [...document.querySelectorAll('.katex .katex-html')];
        const visible = nodes.filter((n) => n.getBoundingClientRect().width > 0).length;
        const mainFont = document.fonts.check('16px KaTeX_Main');
        const mathFont = document.fonts.check('16px KaTeX_Math');
        const loaded = [...document.fonts].filter(
          (f) => f.family.includes('KaTeX') && f.status === 'loaded',
        ).length;
        return {
          count: nodes.length,
          visible,
          mainFont,
          mathFont,
          loaded,
          errors: document.querySelectorAll('.katex-error').length,
        };
      });
      await tab.screenshot({ path: join(shots, `${page.name}.png`), fullPage: false });
      await tab.close();
      expect(problems).toEqual([]);
      expect(math.errors).toBe(0);
      expect(math.count).toBeGreaterThanOrEqual(page.formulas);
      expect(math.visible).toBe(math.count);
      if (page.formulas > 0) expect(math.loaded).toBeGreaterThan(0); // KaTeX's own fonts, served by the site
    });
  }
});
