import { readFileSync } from 'node:fs';

/** The version of `@ntk/cli`, read from its package.json (the same file from `src/` and from `dist/`). */
export const CLI_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
