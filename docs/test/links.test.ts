import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../src/check-links.ts';

const siteDir = resolve(import.meta.dirname, '../site');

describe('checkLinks(siteDir)', () => {
  it('finds no broken internal link in the built site (guides, claims, API reference, playground)', () => {
    const result = checkLinks(siteDir);
    expect(result.pages).toBeGreaterThan(100); // the guides and typedoc's pages
    expect(result.links).toBeGreaterThan(1000);
    expect(result.broken).toEqual([]);
  });

  describe('on a fixture site with deliberately broken links', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntk-links-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (path: string, html: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), html);
    };
    write(
      'index.html',
      `<!doctype html><link rel="stylesheet" href="assets/site.css"><link rel="stylesheet" href="assets/gone.css">
<a href="a.html">ok</a> <a href="a.html#there">ok</a> <a href="#top" id="top">ok</a> <a href="sub/">ok</a>
<a href="sub">ok</a> <a href="a%20b.html">ok</a> <a href="https://example.org/missing">external, skipped</a>
<a href="mailto:x@example.org">skipped</a> <a href="missing.html">broken</a> <a href="a.html#nowhere">broken</a>
<a href="/a.html">broken</a> <a href="../outside.html">broken</a> <img src="img/none.png"> <a href="#self-missing">broken</a>
<script src="js/none.js"></script> <a name="named"></a> <a href="sub/page.html#named-there">broken</a>`,
    );
    write('a.html', '<h2 id="there">There</h2><a href="index.html#named">ok</a>');
    write('a b.html', '<p>spaces</p>');
    write('assets/site.css', '');
    write('sub/index.html', '<a href="../index.html#top">ok</a>');
    write('sub/page.html', '<p id="named-elsewhere">no</p>');

    it('reports exactly the broken ones, with the reason', () => {
      const result = checkLinks(dir);
      expect(result.broken.map((b) => [b.page, b.href, b.reason])).toEqual([
        ['index.html', 'assets/gone.css', 'no file assets/gone.css'],
        ['index.html', 'missing.html', 'no file missing.html'],
        ['index.html', 'a.html#nowhere', 'no id "nowhere" in a.html'],
        ['index.html', '/a.html', 'root-absolute link (the site must work from any folder)'],
        ['index.html', '../outside.html', 'points outside the site'],
        ['index.html', 'img/none.png', 'no file img/none.png'],
        ['index.html', '#self-missing', 'no id "self-missing" in index.html'],
        ['index.html', 'js/none.js', 'no file js/none.js'],
        ['index.html', 'sub/page.html#named-there', 'no id "named-there" in sub/page.html'],
      ]);
      expect(result.pages).toBe(5);
    });
  });
});
