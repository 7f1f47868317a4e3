import { describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium.ts';

describe('chromium', () => {
  it('chromiumPath(env) prefers NTK_CHROMIUM and falls back to Debian’s binary', () => {
    expect(chromiumPath({ NTK_CHROMIUM: '/opt/chrome' })).toBe('/opt/chrome');
    expect(chromiumPath({ NTK_CHROMIUM: '' })).toBe('/usr/bin/chromium');
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
  });
  it('CHROMIUM_FLAGS keep the browser headless, off the GPU and off the network', () => {
    for (const flag of ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']) {
      expect(CHROMIUM_FLAGS).toContain(flag);
    }
  });
});
