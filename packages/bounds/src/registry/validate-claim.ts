import type { Claim, ClaimParams } from '../claim/types.ts';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ARXIV = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/;

/**
 * Checks a claim's definition against what the registry requires, and lists every problem found (an empty
 * list means the claim is fit for the registry): a lower-kebab `id`; a `title`; a full citation (authors,
 * title, year, an arXiv id such as `1909.05989`, optional version `v2`, and a locator such as `Theorem 1`);
 * a non-empty statement, formula, list of conditions and conventions; a list of assumptions; a method;
 * non-empty `quick` and `full` grids whose points hold only finite numbers, strings and booleans; and the
 * four functions. The registry's test runs it on every claim; run it on a new claim in its own test.
 *
 * @param claim - The claim to check.
 * @returns The problems, each naming the field, e.g. `'citation.arxiv: expected an arXiv id, got "x"'`.
 * @example
 * ```ts
 * expect(validateClaim(myClaim)).toEqual([]);
 * ```
 */
export function validateClaim(claim: Claim<ClaimParams> | Claim<never>): readonly string[] {
  const problems: string[] = [];
  const c = claim as unknown as Record<string, unknown> | null;
  if (c === null || typeof c !== 'object') return ['claim: expected an object'];
  const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));
  const text = (v: unknown, field: string) => {
    if (typeof v !== 'string' || v.trim() === '')
      problems.push(`${field}: expected a non-empty string, got ${show(v)}`);
  };
  const texts = (v: unknown, field: string, nonEmpty: boolean) => {
    if (!Array.isArray(v)) {
      problems.push(`${field}: expected an array of strings, got ${show(v)}`);
      return;
    }
    if (nonEmpty && v.length === 0) problems.push(`${field}: expected at least one entry`);
    v.forEach((s, i) => {
      text(s, `${field}[${i}]`);
    });
  };
  if (typeof c['id'] !== 'string' || !KEBAB.test(c['id'])) {
    problems.push(`id: expected a lower-kebab id (a-z, 0-9, single dashes), got ${show(c['id'])}`);
  }
  text(c['title'], 'title');
  const cit = c['citation'] as Record<string, unknown> | undefined;
  if (cit === null || typeof cit !== 'object') {
    problems.push('citation: expected { authors, title, year, arxiv, locator }');
  } else {
    texts(cit['authors'], 'citation.authors', true);
    text(cit['title'], 'citation.title');
    const y = cit['year'];
    if (!(Number.isInteger(y) && (y as number) >= 1900 && (y as number) <= 2100)) {
      problems.push(`citation.year: expected a year, got ${show(y)}`);
    }
    if (typeof cit['arxiv'] !== 'string' || !ARXIV.test(cit['arxiv'])) {
      problems.push(`citation.arxiv: expected an arXiv id such as 1909.05989, got ${show(cit['arxiv'])}`);
    }
    if (
      cit['arxivVersion'] !== undefined &&
      !(typeof cit['arxivVersion'] === 'string' && /^v\d+$/.test(cit['arxivVersion']))
    ) {
      problems.push(`citation.arxivVersion: expected e.g. "v2", got ${show(cit['arxivVersion'])}`);
    }
    if (cit['venue'] !== undefined) text(cit['venue'], 'citation.venue');
    text(cit['locator'], 'citation.locator');
  }
  text(c['statement'], 'statement');
  text(c['formula'], 'formula');
  texts(c['conditions'], 'conditions', true);
  text(c['conventions'], 'conventions');
  texts(c['assumptions'], 'assumptions', false);
  if (!['analytic', 'monte-carlo', 'training'].includes(c['method'] as string)) {
    problems.push(`method: expected 'analytic', 'monte-carlo' or 'training', got ${show(c['method'])}`);
  }
  const grid = c['grid'] as Record<string, unknown> | undefined;
  for (const budget of ['quick', 'full']) {
    const g = grid?.[budget];
    if (!Array.isArray(g) || g.length === 0) {
      problems.push(`grid.${budget}: expected a non-empty array of grid points`);
      continue;
    }
    g.forEach((p, i) => {
      if (p === null || typeof p !== 'object' || Array.isArray(p)) {
        problems.push(`grid.${budget}[${i}]: expected an object of parameters`);
        return;
      }
      for (const [k, v] of Object.entries(p)) {
        const ok =
          typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
        if (!ok)
          problems.push(
            `grid.${budget}[${i}].${k}: expected a finite number, string or boolean, got ${show(v)}`,
          );
      }
    });
  }
  for (const f of ['predict', 'measure', 'tests', 'figure']) {
    if (typeof c[f] !== 'function') problems.push(`${f}: expected a function`);
  }
  return problems;
}
