import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findClaimsReport, readClaimsReport, renderClaimsBody } from './claims.ts';
import { layoutPage, relativeUrl, titleOf } from './layout.ts';
import { createMarkdown } from './markdown.ts';
import { PAGES, type PageSpec } from './pages.ts';

/** Folders the site build uses. */
export interface SitePaths {
  /** docs/ (sources). */
  readonly docsDir: string;
  /** The repository root. */
  readonly repoRoot: string;
  /** The output folder (docs/site). typedoc has already written its api/ there. */
  readonly siteDir: string;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The default folders: docs/, its parent, docs/site. */
export const DEFAULT_PATHS: SitePaths = {
  docsDir: resolve(here, '..'),
  repoRoot: resolve(here, '../..'),
  siteDir: resolve(here, '../site'),
};

/**
 * Rewrites a link written in `page`'s Markdown source: relative `.md` links (relative to the source) go to the
 * built page, `site:path` links (a path in the site, e.g. `site:api/index.html`) become relative to the page.
 */
export function linkRewriter(page: PageSpec): (href: string) => string {
  return (href) => {
    if (href.startsWith('site:')) return relativeUrl(page.out, href.slice('site:'.length));
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/')) return href;
    const [path = '', fragment] = href.split('#', 2);
    if (!path.endsWith('.md')) return href;
    const target = posix.normalize(posix.join(posix.dirname(page.source ?? ''), path));
    const found = PAGES.find((p) => p.source === target);
    if (!found)
      throw new Error(`docs/${page.source}: link \`${href}\` points to ${target}, which is not a page`);
    return relativeUrl(page.out, found.out) + (fragment === undefined ? '' : `#${fragment}`);
  };
}

/**
 * Removes a leading front-matter block: YAML between `---` lines, or the form a Markdown formatter leaves of it
 * (`---`, a blank line, `## title: …`). The page title is its first `# ` heading.
 */
export function stripFrontMatter(source: string): string {
  const yaml = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(source);
  if (yaml && /^---\r?\n(?:[\w-]+:.*\r?\n)+---/.test(yaml[0])) return source.slice(yaml[0].length);
  const mangled = /^---\r?\n\r?\n## [\w-]+: .*\r?\n/.exec(source);
  return mangled ? source.slice(mangled[0].length) : source;
}

/** Copies KaTeX's stylesheet and fonts, the site stylesheet and the icon into assets/. */
function copyAssets(paths: SitePaths): void {
  const require = createRequire(import.meta.url);
  const katexDist = dirname(require.resolve('katex/dist/katex.min.css'));
  const assets = join(paths.siteDir, 'assets');
  mkdirSync(join(assets, 'katex/fonts'), { recursive: true });
  cpSync(join(katexDist, 'katex.min.css'), join(assets, 'katex/katex.min.css'));
  for (const font of readdirSync(join(katexDist, 'fonts'))) {
    cpSync(join(katexDist, 'fonts', font), join(assets, 'katex/fonts', font));
  }
  for (const file of ['site.css', 'favicon.svg']) {
    cpSync(join(paths.docsDir, 'theme', file), join(assets, file));
  }
}

/** Copies the ready-to-use example files (docs/examples: Slurm, Kubernetes) into examples/, for download. */
function copyExamples(paths: SitePaths): void {
  const examples = join(paths.docsDir, 'examples');
  if (existsSync(examples)) cpSync(examples, join(paths.siteDir, 'examples'), { recursive: true });
}

/**
 * Copies the playground's build (apps/playground/dist, a Vite app built with base './') into playground/, or,
 * when it has not been built, writes a playground/index.html that says so and how to build it.
 * @returns Whether the built playground was copied.
 */
export function preparePlayground(paths: SitePaths): boolean {
  const dist = join(paths.repoRoot, 'apps/playground/dist');
  const out = join(paths.siteDir, 'playground');
  rmSync(out, { recursive: true, force: true });
  if (existsSync(join(dist, 'index.html'))) {
    cpSync(dist, out, { recursive: true });
    return true;
  }
  mkdirSync(out, { recursive: true });
  const body = `<h1>Playground</h1>
<div class="notice" id="playground-not-built"><p><strong>The playground was not built when this site was built</strong>, so
it is not included here. The playground (<code>apps/playground</code>) is a web page where you pick the activation,
σ_w², σ_b², depth, width and data and see the analytic and empirical kernels, the phase diagram and the training
dynamics computed in your browser. Build it, then rebuild the site, which copies
<code>apps/playground/dist</code> here:</p>
<pre><code>pnpm --filter @ntk/playground build
pnpm run docs:build</code></pre></div>`;
  writeFileSync(join(out, 'index.html'), layoutPage('playground/index.html', 'Playground', body));
  return false;
}

/** Builds every guide page, the claims page, the assets and the playground into `paths.siteDir` (keeps api/). */
export async function buildSite(
  paths: SitePaths = DEFAULT_PATHS,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<{ readonly pages: number; readonly playground: boolean; readonly report: string | null }> {
  if (!existsSync(join(paths.siteDir, 'api/index.html'))) {
    throw new Error(`${paths.siteDir}/api is missing: run typedoc first (pnpm run docs:build does both)`);
  }
  for (const entry of readdirSync(paths.siteDir)) {
    if (entry !== 'api') rmSync(join(paths.siteDir, entry), { recursive: true, force: true });
  }
  copyAssets(paths);
  copyExamples(paths);
  const render = await createMarkdown();
  const located = findClaimsReport(paths.repoRoot, env);
  const reportLabel = relative(paths.repoRoot, located.path) || located.path;
  for (const page of PAGES) {
    let html: string;
    let title: string;
    if (page.generated === 'claims') {
      const report = located.exists ? readClaimsReport(located.path) : null;
      html = renderClaimsBody(report, reportLabel);
      title = 'Claims and their verdicts';
    } else {
      const source = stripFrontMatter(readFileSync(join(paths.docsDir, page.source!), 'utf8'));
      html = render(source, linkRewriter(page));
      title = titleOf(source, page.nav);
    }
    const file = join(paths.siteDir, page.out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, layoutPage(page.out, title, html));
  }
  const playground = preparePlayground(paths);
  return { pages: PAGES.length, playground, report: located.exists ? reportLabel : null };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await buildSite();
  console.log(
    `site: ${result.pages} pages in ${relative(process.cwd(), DEFAULT_PATHS.siteDir)}; ` +
      `claims from ${result.report ?? '(no report yet)'}; playground ${result.playground ? 'copied' : 'not built'}`,
  );
}
