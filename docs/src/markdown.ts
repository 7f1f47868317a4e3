import katexModule, { type MarkdownKatexOptions } from '@vscode/markdown-it-katex';
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import { createHighlighter } from 'shiki';

/** The fence languages the guides use; anything else is rendered as plain text. */
const LANGUAGES = ['ts', 'typescript', 'js', 'javascript', 'json', 'sh', 'bash', 'yaml', 'text'] as const;

type KatexPlugin = (md: MarkdownIt, options?: MarkdownKatexOptions) => MarkdownIt;

/** The KaTeX plugin (a CommonJS module: imported from ESM, its `default` export is the plugin). */
const katexPlugin: KatexPlugin =
  (katexModule as unknown as { default?: KatexPlugin }).default ?? (katexModule as unknown as KatexPlugin);

/** How a relative link to a Markdown source (`./x.md#y`) becomes a link to the built page. */
export type LinkRewriter = (href: string) => string;

/** Slug of a heading, the same rule for every page: lower case, letters/digits kept, the rest → `-`. */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

/**
 * A markdown-it renderer for the guides: TeX between `$…$` and `$$…$$` rendered with KaTeX at build time (an
 * invalid formula fails the build), code highlighted by shiki at build time, heading anchors, and relative
 * `.md` links rewritten by `rewriteLink` to the built pages. The fence info after the language (e.g. `ts
 * no-run`) is not shown.
 */
export async function createMarkdown(): Promise<(source: string, rewriteLink: LinkRewriter) => string> {
  const highlighter = await createHighlighter({ themes: ['github-light'], langs: [...LANGUAGES] });
  const md: MarkdownIt = new MarkdownIt({
    html: true,
    linkify: false,
    typographer: false,
    highlight(code, lang) {
      const known = (LANGUAGES as readonly string[]).includes(lang) ? lang : 'text';
      return highlighter.codeToHtml(code, { lang: known, theme: 'github-light' });
    },
  });
  md.use(katexPlugin, { throwOnError: true });
  md.use(anchor, {
    slugify,
    level: [2, 3, 4],
    permalink: anchor.permalink.headerLink({ safariReaderFix: true }),
  });
  let rewrite: LinkRewriter = (href) => href;
  const defaultLinkOpen =
    md.renderer.rules['link_open'] ??
    ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules['link_open'] = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const href = token.attrGet('href');
    if (href !== null) token.attrSet('href', rewrite(href));
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return (source, rewriteLink) => {
    rewrite = rewriteLink;
    try {
      return md.render(source);
    } finally {
      rewrite = (href) => href;
    }
  };
}
