// @ts-check
// typedoc plugin: every API page links KaTeX's stylesheet (served from the site's assets/katex/, copied there by
// src/build.ts), so formulas that typedoc's markdown-it rendered with KaTeX at build time display without any
// script or network access at view time.
import { JSX } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.renderer.hooks.on('head.end', (context) => {
    // relativeURL('index.html') is the path from the current page to the API root (site/api/).
    const apiRoot = context.relativeURL('index.html').replace(/index\.html$/, '');
    return JSX.createElement('link', { rel: 'stylesheet', href: `${apiRoot}../assets/katex/katex.min.css` });
  });
}
