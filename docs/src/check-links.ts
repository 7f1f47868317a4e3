import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';

/** A link in the built site that does not resolve. */
export interface BrokenLink {
  /** The page holding the link, relative to the site root. */
  readonly page: string;
  /** The attribute value as written. */
  readonly href: string;
  /** Why it is broken. */
  readonly reason: string;
}

/** Attributes that hold URLs, per element. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  iframe: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  form: ['action'],
};

interface ParsedPage {
  readonly ids: Set<string>;
  readonly links: string[];
}

function parsePage(html: string): ParsedPage {
  const ids = new Set<string>();
  const links: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes['id'] !== undefined) ids.add(attributes['id']);
        if (name === 'a' && attributes['name'] !== undefined) ids.add(attributes['name']);
        for (const attribute of URL_ATTRIBUTES[name] ?? []) {
          const value = attributes[attribute];
          if (value !== undefined) links.push(value);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { ids, links };
}

function htmlFiles(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(path, root));
    else if (entry.name.endsWith('.html')) out.push(relative(root, path).split(sep).join('/'));
  }
  return out.sort();
}

/** Whether a URL leaves the site (a scheme such as https:, mailto:, data:, or protocol-relative `//`). */
function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
}

/**
 * Checks every internal link of a built static site, offline: each `href`/`src` of every HTML file (external
 * URLs are skipped) must resolve to a file inside `siteDir` (`dir/` meaning `dir/index.html`), and a
 * `#fragment` on an HTML page must name an `id` (or `<a name>`) on the target page. A root-absolute link
 * (`/x`) is reported too, since the site must work from any folder.
 */
export function checkLinks(siteDir: string): {
  readonly pages: number;
  readonly links: number;
  readonly broken: BrokenLink[];
} {
  const pages = htmlFiles(siteDir);
  const parsed = new Map<string, ParsedPage>();
  const pageOf = (path: string): ParsedPage => {
    let page = parsed.get(path);
    if (!page) {
      page = parsePage(readFileSync(join(siteDir, path), 'utf8'));
      parsed.set(path, page);
    }
    return page;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const page of pages) {
    for (const raw of pageOf(page).links) {
      const href = raw.trim();
      if (href === '' || isExternal(href)) continue;
      links++;
      if (href.startsWith('/')) {
        broken.push({ page, href, reason: 'root-absolute link (the site must work from any folder)' });
        continue;
      }
      const hashAt = href.indexOf('#');
      const pathPart = (hashAt === -1 ? href : href.slice(0, hashAt)).split('?')[0]!;
      const fragment = hashAt === -1 ? '' : href.slice(hashAt + 1);
      let target: string;
      try {
        target =
          pathPart === '' ? page : posix.normalize(posix.join(posix.dirname(page), decodeURI(pathPart)));
      } catch {
        broken.push({ page, href, reason: 'malformed URL' });
        continue;
      }
      if (target.startsWith('../') || target === '..') {
        broken.push({ page, href, reason: 'points outside the site' });
        continue;
      }
      if (
        pathPart.endsWith('/') ||
        (existsSync(join(siteDir, target)) && statSync(join(siteDir, target)).isDirectory())
      ) {
        target = posix.join(target, 'index.html');
      }
      if (!existsSync(join(siteDir, target))) {
        broken.push({ page, href, reason: `no file ${target}` });
        continue;
      }
      if (fragment !== '' && target.endsWith('.html')) {
        let id: string;
        try {
          id = decodeURIComponent(fragment);
        } catch {
          id = fragment;
        }
        if (!pageOf(target).ids.has(id)) broken.push({ page, href, reason: `no id "${id}" in ${target}` });
      }
    }
  }
  return { pages: pages.length, links, broken };
}

if (process.argv[1]?.endsWith('check-links.ts')) {
  const dir = process.argv[2] ?? new URL('../site', import.meta.url).pathname;
  const result = checkLinks(dir);
  for (const b of result.broken) console.log(`${b.page}: ${b.href} — ${b.reason}`);
  console.log(`${result.pages} pages, ${result.links} internal links, ${result.broken.length} broken`);
  process.exitCode = result.broken.length > 0 ? 1 : 0;
}
