#!/usr/bin/env node
// The `ntk` command. Runs the compiled CLI (dist/, built by `pnpm build`); see README.md.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(
    'ntk: not built: run `pnpm --filter @ntk/cli... build` first (dist/bin.js is missing)\n',
  );
  process.exit(1);
}
await import(entry.href);
