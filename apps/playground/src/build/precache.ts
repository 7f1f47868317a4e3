import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/**
 * The service worker's source: it precaches `files` (paths relative to its own location) under a cache named
 * after `version`, answers same-origin GET requests from that cache first (by URL, ignoring `Vary`, since the
 * preview server varies on `Origin` and module scripts send one; navigations also ignore the query string, which
 * holds the view's state) and deletes older caches when it activates.
 */
export function serviceWorkerSource(files: readonly string[], version: string): string {
  return `const CACHE = 'ntk-playground-${version}';
const FILES = ${JSON.stringify(['./', ...files])};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('ntk-playground-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  const navigate = req.mode === 'navigate';
  event.respondWith(
    caches.open(CACHE).then((c) =>
      c
        .match(navigate ? new URL('./', self.location.href).href : req.url, { ignoreSearch: navigate, ignoreVary: true })
        .then((hit) => hit ?? fetch(req)),
    ),
  );
});
`;
}

/** After the build, writes `sw.js` into the output folder listing every file of the build. */
export function precache(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'ntk-precache',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    closeBundle() {
      const out = resolve(config.root, config.build.outDir);
      const files = walk(out)
        .map((p) => relative(out, p).split('\\').join('/'))
        .filter((f) => f !== 'sw.js')
        .sort();
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update(readFileSync(join(out, f)));
      writeFileSync(join(out, 'sw.js'), serviceWorkerSource(files, hash.digest('hex').slice(0, 16)));
    },
  };
}
