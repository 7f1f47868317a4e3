// @ts-check
// typedoc plugin for the site: every API page links KaTeX's stylesheet (served from the site's assets/katex/,
// copied there by src/build.ts), so formulas that typedoc's markdown-it rendered with KaTeX at build time display
// without any script or network access at view time; and the sidebar starts with links back to the guides, the
// claims and the playground, relative to each page (typedoc's navigationLinks are not made relative).
import { JSX } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.renderer.hooks.on('head.end', (context) => {
    // relativeURL('index.html') is the path from the current page to the API root (site/api/).
    const apiRoot = context.relativeURL('index.html').replace(/index\.html$/, '');
    return JSX.createElement('link', { rel: 'stylesheet', href: `${apiRoot}../assets/katex/katex.min.css` });
  });
  app.renderer.hooks.on('sidebar.begin', (context) => {
    const apiRoot = context.relativeURL('index.html').replace(/index\.html$/, '');
    const link = (/** @type {string} */ href, /** @type {string} */ text) =>
      JSX.createElement('li', null, JSX.createElement('a', { href: `${apiRoot}${href}` }, text));
    return JSX.createElement(
      'nav',
      { class: 'ntk-site-links', 'aria-label': 'Site' },
      JSX.createElement(
        'ul',
        { style: 'list-style:none;padding:0;margin:0 0 1rem;display:flex;gap:1rem;flex-wrap:wrap' },
        link('../index.html', '← Guides'),
        link('../claims.html', 'Claims'),
        link('../playground/index.html', 'Playground'),
      ),
    );
  });
}
