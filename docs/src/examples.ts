import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** A TypeScript example in a guide: a fenced ```ts block (not marked `no-run`). */
export interface GuideExample {
  /** The guide it comes from (as given to {@link extractExamples}). */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The code. */
  readonly code: string;
  /** The lines it must print, in order, from its `// → text` comments; `null` when it has none. */
  readonly expected: readonly string[] | null;
}

/** The outcome of running one example. */
export interface ExampleRun {
  readonly ok: boolean;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Why it failed, in one line ('' when it passed). */
  readonly reason: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)(.*)$/;
const EXPECT = /\/\/ → (.*)$/;

/**
 * Every runnable example of a Markdown text: fenced blocks whose language is `ts` or `typescript` and whose info
 * string does not contain `no-run`. A line's trailing `// → text` comment states one line the example prints.
 */
export function extractExamples(markdown: string, file: string): GuideExample[] {
  const lines = markdown.split('\n');
  const examples: GuideExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', fence = '', lang = '', info = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    const closes = (line: string): boolean => {
      const t = line.trim();
      return t.length >= fence.length && t === fence[0]!.repeat(t.length);
    };
    while (j < lines.length && !closes(lines[j]!)) {
      body.push(lines[j]!.startsWith(indent) ? lines[j]!.slice(indent.length) : lines[j]!);
      j++;
    }
    if (j === lines.length) throw new Error(`${file}:${i + 1}: unclosed code fence`);
    if ((lang === 'ts' || lang === 'typescript') && !/\bno-run\b/.test(info)) {
      const expected = body.map((l) => EXPECT.exec(l)?.[1]?.trimEnd()).filter((e) => e !== undefined);
      examples.push({
        file,
        line: i + 1,
        code: body.join('\n'),
        expected: expected.length > 0 ? expected : null,
      });
    }
    i = j;
  }
  return examples;
}

/** Compares what an example printed with its `// →` comments; '' when they agree. */
export function compareOutput(expected: readonly string[] | null, stdout: string): string {
  if (expected === null) return '';
  const printed = stdout
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => l.trimEnd());
  if (stdout === '') printed.length = 0;
  for (let k = 0; k < Math.max(expected.length, printed.length); k++) {
    if (expected[k] !== printed[k]) {
      return `printed line ${k + 1} is ${JSON.stringify(printed[k] ?? '(nothing)')}, its // → comment says ${JSON.stringify(expected[k] ?? '(nothing)')}`;
    }
  }
  return '';
}

/**
 * Runs an example as a user would: written to `dir/<name>.ts` and run with tsx in a child process, resolving
 * `@ntk/*` to the workspace sources (`--conditions=@ntk/source`). `dir` must be inside a package that depends on
 * the `@ntk/*` packages the example imports (docs/). Fails on a non-zero exit or output that differs from its
 * `// →` comments.
 */
export function runExample(
  example: GuideExample,
  dir: string,
  name: string,
  timeoutMs = 120_000,
): Promise<ExampleRun> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, `${example.code}\n`);
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsx, '--conditions=@ntk/source', file],
      { cwd: dir, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        let reason = '';
        if (error) {
          const last =
            stderr
              .trim()
              .split('\n')
              .find((l) => /Error|error/.test(l)) ?? error.message;
          reason = `exited with ${exitCode ?? error.signal ?? 'an error'}: ${last.trim()}`;
        } else {
          reason = compareOutput(example.expected, stdout);
        }
        resolve({ ok: reason === '', exitCode, stdout, stderr, reason });
      },
    );
  });
}

/**
 * Type-checks examples with the repository's strict settings (tsconfig.base.json, `@ntk/source` resolving the
 * workspace sources): each is written to `dir/<name>.ts` and `tsc --noEmit` runs over them all, with the
 * ambient `declarations` (absolute paths of .d.ts files the sources rely on, e.g. core's `mnist` module).
 * @returns tsc's diagnostics, one per line ('' when there are none), with file names relative to `dir`.
 */
export function typecheckExamples(
  examples: readonly { readonly name: string; readonly example: GuideExample }[],
  dir: string,
  baseConfig: string,
  declarations: readonly string[] = [],
): Promise<{ readonly ok: boolean; readonly diagnostics: string }> {
  mkdirSync(dir, { recursive: true });
  for (const { name, example } of examples) writeFileSync(join(dir, `${name}.ts`), `${example.code}\n`);
  const tsconfig = {
    extends: baseConfig,
    compilerOptions: {
      noEmit: true,
      isolatedDeclarations: false,
      declaration: false,
      declarationMap: false,
      sourceMap: false,
    },
    files: [...examples.map(({ name }) => `${name}.ts`), ...declarations],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'],
      { cwd: dir, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ ok: !error, diagnostics: `${stdout}${stderr}`.trim() }),
    );
  });
}
