import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_FLAGS, chromiumPath } from '@ntk/testing';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/build.ts';
import { CLAIMS_REPORT_ENV } from '../src/claims.ts';
import { serveStatic } from '../src/serve.ts';

// Headless Chromium (Debian's, never a downloaded build) loads pages of the built site from a local server and
// fails on any console error, uncaught exception or failed request; screenshots go to docs/test-results/.
const siteDir = resolve(import.meta.dirname, '../site');
const shots = resolve(import.meta.dirname, '../test-results');
const executablePath = chromiumPath();

// `reported/` is a copy of the site built with the synthetic report of test/fixtures (the real site shows the
// latest report, or none).
const PAGES = [
  { name: 'home', path: 'index.html', formulas: 1, text: 'Neural Tangent Kernels in TypeScript' },
  {
    name: 'api-mlpKernels',
    path: 'api/functions/_ntk_analytic.mlpKernels.html',
    formulas: 1,
    text: 'mlpKernels',
  },
  { name: 'conventions', path: 'conventions.html', formulas: 10, text: 'Mathematics and conventions' },
  { name: 'claims', path: 'claims.html', formulas: 0, text: 'Claims and their verdicts' },
  {
    name: 'claims-with-report',
    path: 'reported/claims.html',
    formulas: 1,
    text: 'A synthetic claim our numbers contradict',
  },
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
    mkdirSync(join(profile, 'chromium'));
    const served = join(profile, 'served');
    cpSync(siteDir, served, { recursive: true });
    const reported = join(served, 'reported');
    cpSync(join(siteDir, 'api'), join(reported, 'api'), { recursive: true });
    await buildSite(
      {
        docsDir: resolve(import.meta.dirname, '..'),
        repoRoot: resolve(import.meta.dirname, '../..'),
        siteDir: reported,
      },
      { [CLAIMS_REPORT_ENV]: resolve(import.meta.dirname, 'fixtures/claims-report.json') },
    );
    mkdirSync(join(served, 'broken'));
    writeFileSync(
      join(served, 'broken/index.html'),
      '<!doctype html><link rel="icon" href="data:,"><link rel="stylesheet" href="https://cdn.example.org/katex.css">' +
        '<img src="missing.png"><script>console.error("deliberate"); throw new Error("thrown on purpose");</script>',
    );
    server = await serveStatic(served);
    // A fresh profile for every run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(join(profile, 'chromium'), {
      executablePath,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [...CHROMIUM_FLAGS],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Loads a page and collects every console error or warning, uncaught exception, failed or external request. */
  async function load(path: string, screenshot?: string) {
    const tab = await browser.newPage();
    const problems: string[] = [];
    tab.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    tab.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    tab.on('requestfailed', (r) => {
      // external requests are aborted by the route below and reported there
      if (r.url().startsWith(server.url))
        problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
    });
    tab.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    // Anything that would leave the machine (a CDN font, a script) is refused and counted as a problem.
    await tab.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
      problems.push(`external request: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    });
    const response = await tab.goto(server.url + path, { waitUntil: 'load' });
    await tab.evaluate(() => document.fonts.ready.then(() => undefined));
    const math = await tab.evaluate(() => {
      const nodes = [...document.querySelectorAll('.katex .katex-html')];
      return {
        count: nodes.length,
        visible: nodes.filter((n) => n.getBoundingClientRect().width > 0).length,
        loadedFonts: [...document.fonts].filter((f) => f.family.includes('KaTeX') && f.status === 'loaded')
          .length,
        errors: document.querySelectorAll('.katex-error').length,
      };
    });
    const text = (await tab.textContent('body')) ?? '';
    if (screenshot) await tab.screenshot({ path: join(shots, `${screenshot}.png`), fullPage: false });
    await tab.close();
    return { status: response?.status(), problems, math, text };
  }

  for (const page of PAGES) {
    it(`loads ${page.path} without console errors and with its formulas typeset`, async () => {
      const { status, problems, math, text } = await load(page.path, page.name);
      expect(status).toBe(200);
      expect(problems).toEqual([]);
      expect(text).toContain(page.text);
      expect(math.errors).toBe(0);
      expect(math.count).toBeGreaterThanOrEqual(page.formulas);
      expect(math.visible).toBe(math.count);
      if (page.formulas > 0) expect(math.loadedFonts).toBeGreaterThan(0); // KaTeX's own fonts, from the site
    });
  }

  it('catches a console error, an uncaught exception, a missing file and an external request', async () => {
    const { problems } = await load('broken/index.html');
    expect(problems.some((p) => p.startsWith('console error: deliberate'))).toBe(true);
    expect(problems.some((p) => p.startsWith('uncaught: thrown on purpose'))).toBe(true);
    expect(problems.some((p) => p.startsWith('HTTP 404:') && p.endsWith('/broken/missing.png'))).toBe(true);
    expect(problems.some((p) => p.startsWith('external request: https://cdn.example.org/katex.css'))).toBe(
      true,
    );
  });
});
