import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from './precache.ts';

describe('serviceWorkerSource', () => {
  it('serviceWorkerSource lists the page and every file, in a cache named after the version', () => {
    const src = serviceWorkerSource(['index.html', 'assets/a.js'], 'abc123');
    expect(src).toContain("const CACHE = 'ntk-playground-abc123';");
    expect(src).toContain('const FILES = ["./","index.html","assets/a.js"];');
    expect(() => new Function('self', 'caches', 'fetch', src)).not.toThrow();
  });
});
