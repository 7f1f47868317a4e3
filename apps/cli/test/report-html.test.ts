// report.html in headless Chromium (Debian's, never a downloaded build), opened from disk as a person would
// open it: one drawn figure per ok claim, the failed claim's error instead of a figure, no console errors and no
// request but the file itself. The screenshot goes to apps/cli/test-results/report.png.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_FLAGS, chromiumPath } from '@ntk/testing';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../src/report/check-report.ts';
import { claimAnchor } from '../src/report/claim-anchor.ts';
import { validateCheckReport } from '../src/report/validate-check-report.ts';
import { type CheckReportFiles, writeCheckReport } from '../src/report/write-check-report.ts';
import { runFixtureReport } from './report-fixtures.ts';

const shots = resolve(import.meta.dirname, '../test-results');
const executablePath = chromiumPath();

describe('report.html in headless Chromium', () => {
  let browser: BrowserContext;
  let work: string;
  let report: CheckReport;
  let files: CheckReportFiles;

  beforeAll(async () => {
    if (!existsSync(executablePath)) {
      throw new Error(
        `no Chromium at ${executablePath}: \`apt-get install -y chromium\` (or set NTK_CHROMIUM)`,
      );
    }
    mkdirSync(shots, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'ntk-report-html-'));
    report = await runFixtureReport();
    files = await writeCheckReport(join(work, 'ntk-report'), report);
    mkdirSync(join(work, 'chromium'));
    browser = await chromium.launchPersistentContext(join(work, 'chromium'), {
      executablePath,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [...CHROMIUM_FLAGS],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Opens a file and collects every request, console error or warning and uncaught exception. */
  async function open(path: string, screenshot?: string) {
    const tab = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    tab.on('request', (r) => requests.push(r.url()));
    tab.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    tab.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    // Nothing may leave the machine: anything but file:// is refused (and shows in `requests`).
    await tab.route(/^(?!file:)/, (route) => route.abort('blockedbyclient'));
    const url = pathToFileURL(path).href;
    await tab.goto(url, { waitUntil: 'load' });
    const figures = await tab.evaluate(() =>
      [...document.querySelectorAll('figure.claim-figure')].map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return {
          claim: f.getAttribute('data-claim'),
          svgs: f.querySelectorAll('svg').length,
          marks: svg?.querySelectorAll('path, symbol, line, rect, circle').length ?? 0,
          symbols:
            svg?.querySelectorAll('.mark-symbol path, .mark-line path, .mark-rule line, .mark-rule path')
              .length ?? 0,
          width: box?.width ?? 0,
          height: box?.height ?? 0,
        };
      }),
    );
    const text = (await tab.textContent('body')) ?? '';
    const scripts = await tab.evaluate(() => document.scripts.length);
    if (screenshot) await tab.screenshot({ path: join(shots, screenshot), fullPage: true });
    await tab.close();
    return { url, requests, problems, figures, text, scripts };
  }

  it('shows one drawn figure per ok claim, the failed claim’s error, with no request but the file', async () => {
    const ok = report.results.filter((r) => r.status === 'ok');
    const failed = report.results.filter((r) => r.status === 'failed');
    expect(ok.length).toBeGreaterThanOrEqual(2);
    expect(failed.length).toBe(1);
    expect(validateCheckReport(JSON.parse(JSON.stringify(report)))).toEqual([]);

    const page = await open(files.html, 'report.png');
    expect(page.problems).toEqual([]);
    expect(page.requests).toEqual([page.url]);
    expect(page.scripts).toBe(0);
    expect(page.figures.map((f) => f.claim)).toEqual(ok.map((r) => r.claimId));
    for (const f of page.figures) {
      expect(f.svgs, f.claim ?? '').toBe(1);
      expect(f.marks, f.claim ?? '').toBeGreaterThan(5);
      expect(f.symbols, f.claim ?? '').toBeGreaterThan(0);
      expect(f.width, f.claim ?? '').toBeGreaterThan(100);
      expect(f.height, f.claim ?? '').toBeGreaterThan(50);
    }
    expect(page.text).toContain('A <synthetic> claim & its failure');
    expect(page.text).toContain('RangeError: deliberate <failure> & stop');
    for (const r of report.results) expect(page.text).toContain(r.title);
    expect(existsSync(join(shots, 'report.png'))).toBe(true);
  });

  it('links the verdict table to every claim’s section', async () => {
    const tab = await browser.newPage();
    await tab.route(/^(?!file:)/, (route) => route.abort('blockedbyclient'));
    await tab.goto(pathToFileURL(files.html).href);
    for (const r of report.results) {
      const anchor = claimAnchor(r.claimId);
      expect(await tab.locator(`table.verdicts a[href="#${anchor}"]`).count()).toBe(1);
      expect(await tab.locator(`section#${anchor} h2`).textContent()).toContain(r.title);
    }
    await tab.close();
  });

  it('would notice a console error, a script and an external request (control)', async () => {
    const broken = join(work, 'broken.html');
    writeFileSync(
      broken,
      '<!doctype html><link rel="icon" href="data:,"><img src="https://cdn.example.org/x.png">' +
        '<script>console.error("deliberate")</script>',
    );
    const page = await open(broken);
    expect(page.problems).toContain('console error: deliberate');
    expect(page.requests).toContain('https://cdn.example.org/x.png');
    expect(page.scripts).toBe(1);
    expect(page.figures).toEqual([]);
  });
});
