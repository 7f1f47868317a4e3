// Builds the browser page with vite and serves it on 127.0.0.1 with cross-origin isolation (COOP/COEP), so
// that ONNX Runtime Web can use worker threads; the runtime's files are served at /ort/ from the installed
// onnxruntime-web (the page passes wasmPaths: '/ort/'). Used by browser.test.ts and bench/browser.ts.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** A running page server: its URL and how to stop it. */
export interface PageServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Builds the page into a temporary folder and serves it (and /ort/) on a free localhost port. */
export async function servePage(outDir: string): Promise<PageServer> {
  await build({
    root: join(here, 'page'),
    logLevel: 'warn',
    resolve: { conditions: ['@ntk/source', 'browser', 'module', 'import', 'default'] },
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: false, reportCompressedSize: false },
  });
  const require = createRequire(import.meta.url);
  const ortDist = dirname(require.resolve('onnxruntime-web')); // …/onnxruntime-web/dist
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [root, rel] = path.startsWith('/ort/')
      ? [ortDist, path.slice(5)]
      : [outDir, path === '/' ? 'index.html' : path.slice(1)];
    const file = normalize(join(root, rel));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'Cross-Origin-Resource-Policy': 'same-origin',
        'Cache-Control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
