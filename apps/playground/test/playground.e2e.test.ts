import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROOT, collectErrors, launchChromium, screenshot, serveDist, waitForViews } from './harness.ts';

// The built app (dist/, made by the package's `test` script before vitest runs) served by `vite preview` on a
// free localhost port, driven in Debian's chromium. Screenshots go to test-results/.

let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let page: Page;
let errors: string[];

const canvasPixels = (p: Page, id: string): Promise<number[]> =>
  p.evaluate((canvasId) => {
    const c = document.getElementById(canvasId) as HTMLCanvasElement;
    const ctx = c.getContext('2d') as CanvasRenderingContext2D;
    return Array.from(ctx.getImageData(0, 0, c.width, c.height).data);
  }, id);

async function setControl(p: Page, id: string, value: string): Promise<void> {
  await p.locator(`#${id}`).evaluate((e, v) => {
    (e as HTMLInputElement).value = v;
    e.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

function distFiles(): string[] {
  const out = join(APP_ROOT, 'dist');
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(out)
    .map((f) => relative(out, f))
    .filter((f) => f !== 'sw.js')
    .sort();
}

describe('playground in chromium', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
    context = browser.context;
    page = await context.newPage();
    errors = collectErrors(page);
    console.log(`playground served at ${server.url}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads with no console errors and draws every view', async () => {
    await page.goto(`${server.url}?steps=60`);
    await waitForViews(page);
    await screenshot(page, 'initial-full-page');
    for (const id of ['view-kernels', 'view-angles', 'view-phase', 'view-train', 'view-montecarlo']) {
      await screenshot(page, id, `#${id}`);
      expect(await page.locator(`#${id} svg, #${id} canvas`).count()).toBeGreaterThan(0);
    }
    expect(await page.textContent('#backend-mode')).toBe('CPU · float64 (reference)');
    expect(await page.locator('#activation-tex .katex').count()).toBe(2);
    // A heatmap is a 24×24 canvas with more than one colour.
    const px = await canvasPixels(page, 'heatmap-ntk');
    expect(px.length).toBe(24 * 24 * 4);
    expect(new Set(px).size).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  });

  it('changing depth redraws the NTK heatmap with different pixels', async () => {
    const before = await canvasPixels(page, 'heatmap-ntk');
    await setControl(page, 'depth', '12');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('L') === '12');
    await page.waitForFunction(
      () => document.getElementById('view-kernels')?.dataset['status'] === 'done',
      undefined,
      { timeout: 120_000 },
    );
    const after = await canvasPixels(page, 'heatmap-ntk');
    expect(after.length).toBe(before.length);
    const changed = after.filter((v, i) => v !== before[i]).length;
    expect(changed / after.length).toBeGreaterThan(0.3);
    await screenshot(page, 'depth-12-kernels', '#view-kernels');
    expect(errors).toEqual([]);
  });

  it('an expression activation with a typo shows an inline error and the page keeps working', async () => {
    await setControl(page, 'depth', '3');
    await waitForViews(page, ['view-kernels']);
    await page.fill('#activation', 'x*tanh(x');
    const box = page.locator('#activation-error');
    await box.waitFor({ state: 'visible' });
    expect(await box.textContent()).toMatch(/activation/i);
    expect(await page.getAttribute('#activation', 'aria-invalid')).toBe('true');
    await screenshot(page, 'activation-typo', '#controls');
    // The figures stay, and a corrected expression computes again with its derivative in TeX.
    expect(await page.locator('#view-kernels canvas').count()).toBe(4);
    await page.fill('#activation', 'x*tanh(x)');
    await box.waitFor({ state: 'hidden' });
    // The generic (quadrature) path is slow on a loaded CI machine: wait for the heatmaps and the angle curves.
    await waitForViews(page, ['view-kernels', 'view-angles']);
    expect(await page.textContent('#activation-tex')).toMatch(/tanh/);
    expect(new URL(page.url()).searchParams.get('act')).toBe('x*tanh(x)');
    await screenshot(page, 'expression-activation-full-page');
    expect(errors).toEqual([]);
    await page.goto(`${server.url}?steps=60`); // leave the slow jobs: navigating away ends their workers
  });

  it('the URL round-trips the state (and runs gpu.js, showing the mode in use)', async () => {
    const query =
      'act=tanh&sw2=1.5&sb2=0.05&L=5&w=128&param=standard&data=angles&n=20&d=12&seed=7&backend=gpujs-webasm&steps=40&lr=0.3';
    const p = await context.newPage();
    const pageErrors = collectErrors(p);
    await p.goto(`${server.url}?${query}`);
    expect(new URL(p.url()).search).toBe(`?${query}`);
    const values = await p.evaluate(() =>
      [
        'activation',
        'sigmaW2',
        'sigmaB2',
        'depth',
        'width',
        'parameterization',
        'data',
        'n',
        'd',
        'seed',
        'backend',
        'steps',
        'lr',
      ].map((id) => (document.getElementById(id) as HTMLInputElement).value),
    );
    expect(values).toEqual([
      'tanh',
      '1.5',
      '0.05',
      '5',
      '128',
      'standard',
      'angles',
      '20',
      '12',
      '7',
      'gpujs-webasm',
      '40',
      '0.3',
    ]);
    await waitForViews(p, ['view-kernels', 'view-angles', 'view-train']);
    expect(await p.getAttribute('#backend-mode', 'data-mode')).toMatch(/^gpujs-(webasm|cpu)$/);
    await screenshot(p, 'url-state-gpujs-full-page');
    // A change through the form lands in the URL, and that URL restores it in a fresh page.
    await setControl(p, 'seed', '8');
    await p.waitForFunction(() => new URL(location.href).searchParams.get('seed') === '8');
    const shared = p.url();
    const q = await context.newPage();
    await q.goto(shared);
    expect(await q.inputValue('#seed')).toBe('8');
    expect(await q.inputValue('#depth')).toBe('5');
    expect(new URL(q.url()).search).toBe(new URL(shared).search);
    await q.close();
    await p.close();
    expect(pageErrors).toEqual([]);
  });

  it('backend=auto picks a backend with selectBackend and says which and why', async () => {
    const p = await context.newPage();
    const pageErrors = collectErrors(p);
    await p.goto(`${server.url}?backend=auto&steps=30`);
    await waitForViews(p, ['view-kernels']);
    expect(await p.inputValue('#backend')).toBe('auto');
    // Headless Chromium here has no GPU (--disable-gpu): gpu.js would run WebAssembly, which auto passes over.
    expect(await p.textContent('#backend-mode')).toBe('CPU · float64 (reference)');
    const note = (await p.textContent('#backend-note')) ?? '';
    expect(note).toMatch(/^auto: /);
    expect(note).toMatch(/gpujs: /);
    expect(note).toMatch(/wasm: .*not bundled in the playground/);
    await p.close();
    expect(pageErrors).toEqual([]);
  });

  it('MNIST digits come from the bundled subset', async () => {
    const p = await context.newPage();
    const pageErrors = collectErrors(p);
    await p.goto(`${server.url}?data=mnist&n=30&digits=0,1,7&steps=30`);
    await waitForViews(p, ['view-kernels', 'view-train']);
    expect(await p.textContent('#kernels-note')).toMatch(/^30 inputs \(0, 0, 0, 0, 0, 0, …\)/);
    await screenshot(p, 'mnist-kernels', '#view-kernels');
    await p.close();
    expect(pageErrors).toEqual([]);
  });

  it('changing a control cancels a running training job and starts the new one', async () => {
    const p = await context.newPage();
    const pageErrors = collectErrors(p);
    await p.goto(`${server.url}?steps=5000`);
    // The 5000-step run streams points (the page stays responsive: this poll is answered while it runs) …
    await p.waitForFunction(() =>
      /^step \d+ of 5000/.test(document.querySelector('#view-train .job-status')?.textContent ?? ''),
    );
    // … and a new step count replaces it instead of queueing behind it.
    await setControl(p, 'steps', '20');
    await waitForViews(p, ['view-train']);
    expect(await p.textContent('#train-plots')).toContain('step 20');
    expect(new URL(p.url()).searchParams.get('steps')).toBe('20');
    await p.close();
    expect(pageErrors).toEqual([]);
  });

  it('the service worker precaches the build and the page reloads offline', async () => {
    if (!page.url().includes('steps=60')) await page.goto(`${server.url}?steps=60`); // when run alone (-t)
    await page.waitForSelector('#offline-status[data-ready="true"]', { timeout: 60_000 });
    const listed = await page.evaluate(async () => {
      const text = await (await fetch('./sw.js')).text();
      return JSON.parse(/const FILES = (\[.*\]);/.exec(text)?.[1] ?? '[]') as string[];
    });
    expect(listed).toEqual(['./', ...distFiles()]);
    await context.setOffline(true);
    try {
      await page.reload();
      await waitForViews(page);
      expect(await page.inputValue('#steps')).toBe('60');
      await screenshot(page, 'offline-reload-full-page');
    } finally {
      await context.setOffline(false);
    }
    expect(errors).toEqual([]);
  });
});
