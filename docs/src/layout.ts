import { posix } from 'node:path';
import { EXTERNAL_NAV, PAGES } from './pages.ts';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The relative URL from the page at `fromOut` to the site path `toOut` (both relative to the site root). */
export function relativeUrl(fromOut: string, toOut: string): string {
  const rel = posix.relative(posix.dirname(fromOut), toOut);
  return rel === '' ? posix.basename(toOut) : rel;
}

/** The first `# ` heading of a Markdown source, the page's title. */
export function titleOf(markdown: string, fallback: string): string {
  const match = /^# (.+)$/m.exec(markdown);
  return match ? match[1]!.replace(/`/g, '').trim() : fallback;
}

/** Wraps a rendered page body in the site's layout (header, sidebar, stylesheets), all links relative. */
export function layoutPage(out: string, title: string, body: string): string {
  const url = (to: string): string => escapeHtml(relativeUrl(out, to));
  const sections = ['Guide', 'Packages', 'Results'] as const;
  const sidebar = sections
    .map((section) => {
      const items = PAGES.filter((p) => p.section === section)
        .map((p) => {
          const current = p.out === out ? ' aria-current="page"' : '';
          return `<li><a href="${url(p.out)}"${current}>${escapeHtml(p.nav)}</a></li>`;
        })
        .join('');
      return `<h2>${section}</h2><ul>${items}</ul>`;
    })
    .join('');
  const external = EXTERNAL_NAV.map((p) => `<li><a href="${url(p.out)}">${escapeHtml(p.nav)}</a></li>`).join(
    '',
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · @ntk</title>
<link rel="icon" href="${url('assets/favicon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${url('assets/katex/katex.min.css')}">
<link rel="stylesheet" href="${url('assets/site.css')}">
</head>
<body>
<header class="top">
<a class="brand" href="${url('index.html')}">@ntk</a>
<nav aria-label="Main">
<a href="${url('getting-started.html')}">Guides</a>
<a href="${url('api/index.html')}">API reference</a>
<a href="${url('claims.html')}">Claims</a>
<a href="${url('playground/index.html')}">Playground</a>
</nav>
</header>
<div class="layout">
<aside class="sidebar" aria-label="Pages">${sidebar}<h2>Reference</h2><ul>${external}</ul></aside>
<main class="content">
${body}
</main>
</div>
<footer class="bottom">Generated from <code>docs/</code> by <code>pnpm run docs:build</code>. MIT licence.</footer>
</body>
</html>
`;
}
