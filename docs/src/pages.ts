/** One page of the site: a Markdown source under docs/ or a generated page, and where it goes in the site. */
export interface PageSpec {
  /** Markdown source relative to docs/ (absent for generated pages). */
  readonly source?: string;
  /** A page the build generates instead of reading a source. */
  readonly generated?: 'claims';
  /** Output path relative to the site root. */
  readonly out: string;
  /** Its entry in the sidebar. */
  readonly nav: string;
  /** The sidebar group. */
  readonly section: 'Guide' | 'Packages' | 'Results';
}

/** Every page of the site in sidebar order. `.md` links between sources are rewritten to these outputs. */
export const PAGES: readonly PageSpec[] = [
  { source: 'guides/index.md', out: 'index.html', nav: 'Overview', section: 'Guide' },
  {
    source: 'guides/getting-started.md',
    out: 'getting-started.html',
    nav: 'Getting started',
    section: 'Guide',
  },
  {
    source: 'guides/conventions.md',
    out: 'conventions.html',
    nav: 'Mathematics and conventions',
    section: 'Guide',
  },
  { source: 'guides/cli.md', out: 'cli.html', nav: 'The ntk command', section: 'Guide' },
  { source: 'guides/scale.md', out: 'scale.html', nav: 'Running at scale', section: 'Guide' },
  { source: 'guides/packages/core.md', out: 'packages/core.html', nav: '@ntk/core', section: 'Packages' },
  {
    source: 'guides/packages/activations.md',
    out: 'packages/activations.html',
    nav: '@ntk/activations',
    section: 'Packages',
  },
  {
    source: 'guides/packages/analytic.md',
    out: 'packages/analytic.html',
    nav: '@ntk/analytic',
    section: 'Packages',
  },
  {
    source: 'guides/packages/empirical.md',
    out: 'packages/empirical.html',
    nav: '@ntk/empirical',
    section: 'Packages',
  },
  {
    source: 'guides/packages/backend-gpujs.md',
    out: 'packages/backend-gpujs.html',
    nav: '@ntk/backend-gpujs',
    section: 'Packages',
  },
  {
    source: 'guides/packages/dynamics.md',
    out: 'packages/dynamics.html',
    nav: '@ntk/dynamics',
    section: 'Packages',
  },
  {
    source: 'guides/packages/bounds.md',
    out: 'packages/bounds.html',
    nav: '@ntk/bounds',
    section: 'Packages',
  },
  {
    source: 'guides/packages/backends.md',
    out: 'packages/backends.html',
    nav: 'Backends (onnx, wasm, auto)',
    section: 'Packages',
  },
  { generated: 'claims', out: 'claims.html', nav: 'Claims and verdicts', section: 'Results' },
  { source: 'benchmarks.md', out: 'benchmarks.html', nav: 'Benchmarks', section: 'Results' },
  { source: 'benchmarks-core.md', out: 'benchmarks-core.html', nav: 'Benchmarks: core', section: 'Results' },
  {
    source: 'benchmarks-empirical.md',
    out: 'benchmarks-empirical.html',
    nav: 'Benchmarks: empirical',
    section: 'Results',
  },
  {
    source: 'benchmarks-gpujs.md',
    out: 'benchmarks-gpujs.html',
    nav: 'Benchmarks: gpu.js',
    section: 'Results',
  },
  {
    source: 'benchmarks-dynamics.md',
    out: 'benchmarks-dynamics.html',
    nav: 'Benchmarks: dynamics',
    section: 'Results',
  },
  {
    source: 'benchmarks-backends.md',
    out: 'benchmarks-backends.html',
    nav: 'Benchmarks: backends',
    section: 'Results',
  },
];

/** Links outside the guides: the typedoc API reference and the playground (both folders of the site). */
export const EXTERNAL_NAV: readonly { readonly nav: string; readonly out: string }[] = [
  { nav: 'API reference', out: 'api/index.html' },
  { nav: 'Playground', out: 'playground/index.html' },
];
