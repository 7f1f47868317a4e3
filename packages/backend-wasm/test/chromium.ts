// Launches Debian's chromium headless through playwright-core (never a downloaded browser), with a fresh
// profile (--user-data-dir, given through launchPersistentContext), and returns what the page left in window.__ntkResult.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLAGS, chromiumPath } from '@ntk/testing';
import { chromium } from 'playwright-core';

/** Where Debian installs chromium (`apt-get install -y chromium`). */
export const CHROMIUM: string = chromiumPath();

/** Whether the browser is installed here. */
export const hasChromium: boolean = existsSync(CHROMIUM);

/** Opens `url` in headless chromium and waits (up to `timeoutMs`) for the page's result. */
export async function runInChromium(
  url: string,
  timeoutMs: number,
): Promise<{ ok: boolean; result?: unknown; error?: string; console: string[] }> {
  const profile = mkdtempSync(join(tmpdir(), 'ntk-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
  const logs: string[] = [];
  try {
    const page = await browser.newPage();
    page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { __ntkResult?: unknown }).__ntkResult !== undefined,
      undefined,
      {
        timeout: timeoutMs,
        polling: 200,
      },
    );
    const r = (await page.evaluate(() => (window as unknown as { __ntkResult: unknown }).__ntkResult)) as {
      ok: boolean;
      result?: unknown;
      error?: string;
    };
    return { ...r, console: logs };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
