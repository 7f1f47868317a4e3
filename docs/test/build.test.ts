import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, linkRewriter, stripFrontMatter } from '../src/build.ts';
import { checkLinks } from '../src/check-links.ts';
import { CLAIMS_REPORT_ENV } from '../src/claims.ts';
import { PAGES } from '../src/pages.ts';

const fixture = resolve(import.meta.dirname, 'fixtures/claims-report.json');
const page = (out: string) => PAGES.find((p) => p.out === out)!;

describe('linkRewriter(page)', () => {
  it('sends .md links to the built pages, makes site: links relative, and leaves the rest alone', () => {
    const fromPackage = linkRewriter(page('packages/core.html'));
    expect(fromPackage('./backend-gpujs.md')).toBe('backend-gpujs.html');
    expect(fromPackage('../conventions.md#the-kernels')).toBe('../conventions.html#the-kernels');
    expect(fromPackage('../../benchmarks-gpujs.md')).toBe('../benchmarks-gpujs.html');
    expect(fromPackage('site:api/modules/_ntk_core.html')).toBe('../api/modules/_ntk_core.html');
    expect(fromPackage('https://arxiv.org/abs/1806.07572')).toBe('https://arxiv.org/abs/1806.07572');
    expect(fromPackage('#matrices')).toBe('#matrices');
    const fromBenchmarks = linkRewriter(page('benchmarks.html'));
    expect(fromBenchmarks('./benchmarks-core.md')).toBe('benchmarks-core.html');
    expect(fromBenchmarks('site:index.html')).toBe('index.html');
  });

  it('fails the build on a .md link to a file that is not a page', () => {
    expect(() => linkRewriter(page('index.html'))('./nowhere.md')).toThrow(
      'docs/guides/index.md: link `./nowhere.md` points to guides/nowhere.md, which is not a page',
    );
  });
});

describe('buildSite with a report and a built playground', () => {
  const temp = mkdtempSync(join(tmpdir(), 'ntk-docs-build-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('renders the report into claims.html, copies apps/playground/dist, and leaves no broken link', async () => {
    const repoRoot = join(temp, 'repo');
    const siteDir = join(temp, 'site');
    // the API reference typedoc built (pnpm run docs:build runs before the tests)
    cpSync(resolve(import.meta.dirname, '../site/api'), join(siteDir, 'api'), { recursive: true });
    mkdirSync(join(repoRoot, 'apps/playground/dist/assets'), { recursive: true });
    writeFileSync(
      join(repoRoot, 'apps/playground/dist/index.html'),
      '<script src="./assets/app.js"></script>PLAYGROUND',
    );
    writeFileSync(join(repoRoot, 'apps/playground/dist/assets/app.js'), '');
    const result = await buildSite(
      { docsDir: resolve(import.meta.dirname, '..'), repoRoot, siteDir },
      { [CLAIMS_REPORT_ENV]: fixture },
    );
    expect(result.playground).toBe(true);
    expect(result.report).toBe(relative(repoRoot, fixture));
    const claims = readFileSync(join(siteDir, 'claims.html'), 'utf8');
    expect(claims).toContain('id="synthetic-inconclusive"');
    expect(claims).toContain('<title>Claims and their verdicts · @ntk</title>');
    expect(readFileSync(join(siteDir, 'playground/index.html'), 'utf8')).toContain('PLAYGROUND');
    expect(checkLinks(siteDir).broken).toEqual([]);

    // without a playground build: a page that says so; without a report: the "no report" page
    rmSync(join(repoRoot, 'apps'), { recursive: true });
    const bare = await buildSite({ docsDir: resolve(import.meta.dirname, '..'), repoRoot, siteDir }, {});
    expect(bare).toMatchObject({ playground: false, report: null });
    expect(readFileSync(join(siteDir, 'playground/index.html'), 'utf8')).toContain(
      'The playground was not built when this site was built',
    );
    expect(readFileSync(join(siteDir, 'claims.html'), 'utf8')).toContain(
      'No claims report has been generated yet.',
    );
    expect(checkLinks(siteDir).broken).toEqual([]);
  }, 120_000);
});

describe('stripFrontMatter(source)', () => {
  it('removes YAML front matter and the form a formatter leaves of it, and nothing else', () => {
    expect(stripFrontMatter('---\ntitle: Benchmarks\n---\n# Benchmarks\n')).toBe('# Benchmarks\n');
    expect(stripFrontMatter('---\n\n## title: Benchmarks\n\n# Benchmarks\n')).toBe('\n# Benchmarks\n');
    expect(stripFrontMatter('# Title\n\n---\n\ntext\n')).toBe('# Title\n\n---\n\ntext\n');
    expect(stripFrontMatter('---\n\nA paragraph after a rule.\n')).toBe('---\n\nA paragraph after a rule.\n');
  });
});
