// @ts-check
// The API reference: typedoc over every public entry point into site/api/, warnings are errors, every export
// documented. TeX between $…$ / $$…$$ in TSDoc is rendered at build time by KaTeX (the same markdown-it plugin
// as the guides); ./typedoc-katex.mjs links the stylesheet, which src/build.ts copies into site/assets/katex/.
import katexModule from '@vscode/markdown-it-katex';

const katexPlugin = /** @type {any} */ (katexModule).default ?? katexModule;

/** @type {Partial<import('typedoc').TypeDocOptions>} */
const config = {
  name: '@ntk API reference',
  entryPoints: [
    '../packages/core/src/index.ts',
    '../packages/activations/src/index.ts',
    '../packages/analytic/src/index.ts',
    '../packages/empirical/src/index.ts',
    '../packages/dynamics/src/index.ts',
    '../packages/backend-gpujs/src/index.ts',
    '../packages/bounds/src/index.ts',
    '../packages/ort-engine/src/index.ts',
    '../packages/backend-onnx/src/index.ts',
    '../packages/backend-wasm/src/index.ts',
    '../packages/backend-auto/src/index.ts',
  ],
  entryPointStrategy: 'resolve',
  tsconfig: './tsconfig.json',
  out: 'site/api',
  readme: './api-readme.md',
  plugin: ['./typedoc-katex.mjs'],
  markdownItLoader(parser) {
    parser.use(katexPlugin, { throwOnError: true });
  },
  treatWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, notDocumented: true },
  excludePrivate: true,
  excludeInternal: true,
  githubPages: false,
  disableSources: true,
};

export default config;
