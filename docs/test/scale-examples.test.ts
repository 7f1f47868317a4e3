import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { PAGES } from '../src/pages.ts';

// The ready-to-use files of docs/guides/scale.md ("Running at scale"): a Slurm job array with its merge job and
// submit script, and a Kubernetes Indexed Job with its merge Job. The YAML is parsed and its structure checked;
// every shell script (including the scripts inside the YAML) is run with bash under a fake scheduler
// environment, with stubs of `ntk`, `sbatch`, `npm` and `sleep` on PATH that record how they were called.
const docsDir = resolve(import.meta.dirname, '..');
const slurmDir = join(docsDir, 'examples/slurm');
const k8sFile = join(docsDir, 'examples/kubernetes/ntk-check-indexed-job.yaml');
const work = mkdtempSync(join(tmpdir(), 'ntk-scale-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A bin/ folder with stubs that append their name and arguments (one per line) to `log`, then a `---` line. */
function stubs(dir: string, log: string, extra: Record<string, string> = {}): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const record = (name: string) =>
    `#!/usr/bin/env bash\n{ echo ${name}; printf '%s\\n' "$@"; echo ---; } >> '${log}'\n`;
  for (const name of ['ntk', 'npm', 'sbatch', 'sleep']) {
    writeFileSync(join(bin, name), record(name) + (extra[name] ?? ''));
    chmodSync(join(bin, name), 0o755);
  }
  return bin;
}

/** The calls recorded in `log`: each a list [name, ...arguments]. */
function calls(log: string): string[][] {
  let text = '';
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('---\n')
    .filter((c) => c !== '')
    .map((c) => c.replace(/\n$/, '').split('\n'));
}

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly calls: string[][];
}

/** Runs `bash <args>` in a fresh folder with the stubs first on PATH and `env` added to a minimal environment. */
function runBash(
  name: string,
  args: readonly string[],
  env: Record<string, string>,
  setup?: (dir: string) => void,
  extra?: Record<string, string>,
): Promise<Ran & { readonly dir: string }> {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'calls.log');
  const bin = stubs(dir, log, extra);
  setup?.(dir);
  return new Promise((done) => {
    execFile(
      'bash',
      [...args],
      {
        cwd: dir,
        timeout: 20_000,
        env: { PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`, HOME: dir, ...env },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stdout, stderr, calls: calls(log), dir });
      },
    );
  });
}

describe('the Slurm job array (docs/examples/slurm)', () => {
  const array = join(slurmDir, 'ntk-check-array.sbatch');
  const merge = join(slurmDir, 'ntk-merge.sbatch');
  const submit = join(slurmDir, 'submit.sh');
  const directives = (file: string) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('#SBATCH '))
      .map((l) => l.slice('#SBATCH '.length).trim());

  it('is a job array 1-N that gets SIGINT before its time limit (ntk stops cleanly, --resume continues)', () => {
    const d = directives(array);
    expect(d.find((x) => x.startsWith('--array='))).toMatch(/^--array=1-[1-9]\d*$/);
    expect(d).toContain('--signal=B:INT@300');
    expect(readFileSync(array, 'utf8')).toMatch(/\nexec ntk "\$\{args\[@\]\}"\n/);
    expect(directives(merge).some((x) => x.startsWith('--array'))).toBe(false);
  });

  it('task 2 of 3 runs ntk check --budget full --shard 2/3 --out shards/2 --resume', async () => {
    const ran = await runBash('array-2of3', [array], {
      SLURM_ARRAY_TASK_ID: '2',
      SLURM_ARRAY_TASK_COUNT: '3',
    });
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.calls).toEqual([
      ['ntk', 'check', '--budget', 'full', '--seed', '0', '--shard', '2/3', '--out', 'shards/2', '--resume'],
    ]);
  });

  it('passes the seed, budget, claims and shard folder from the environment', async () => {
    const ran = await runBash('array-env', [array], {
      SLURM_ARRAY_TASK_ID: '3',
      SLURM_ARRAY_TASK_COUNT: '3',
      NTK_SEED: '7',
      NTK_BUDGET: 'quick',
      NTK_CLAIMS: 'claim-a,claim-b',
      NTK_SHARDS_DIR: 'run-7',
    });
    expect(ran.code).toBe(0);
    expect(ran.calls).toEqual([
      [
        'ntk',
        'check',
        '--budget',
        'quick',
        '--seed',
        '7',
        '--shard',
        '3/3',
        '--out',
        'run-7/3',
        '--resume',
        '--claims',
        'claim-a,claim-b',
      ],
    ]);
  });

  it('passes on the exit code of ntk (130 after SIGINT, so Slurm marks the task as not done)', async () => {
    const ran = await runBash(
      'array-interrupted',
      [array],
      { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '2' },
      undefined,
      { ntk: 'exit 130\n' },
    );
    expect(ran.code).toBe(130);
  });

  it('refuses to run outside a 1-N array, without calling ntk', async () => {
    const zero = await runBash('array-zero', [array], {
      SLURM_ARRAY_TASK_ID: '0',
      SLURM_ARRAY_TASK_COUNT: '3',
    });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/task 0 is not in 1-3: submit with --array=1-N/);
    expect(zero.calls).toEqual([]);
    const none = await runBash('array-none', [array], {});
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/SLURM_ARRAY_TASK_ID: not a job-array task/);
    expect(none.calls).toEqual([]);
  });

  it('the merge job runs ntk merge on every shard folder into ntk-report', async () => {
    const ran = await runBash('merge', [merge], {}, (dir) => {
      for (const k of ['1', '2', '3']) mkdirSync(join(dir, 'shards', k), { recursive: true });
    });
    expect(ran.code).toBe(0);
    expect(ran.calls).toEqual([['ntk', 'merge', 'shards/1', 'shards/2', 'shards/3', '--out', 'ntk-report']]);
  });

  it('the merge job fails with exit 2 and one line when there are no shards', async () => {
    const ran = await runBash('merge-empty', [merge], { NTK_REPORT_DIR: 'r' });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(
      'ntk-merge: no shard directories in shards/ (run ntk-check-array.sbatch first)\n',
    );
    expect(ran.calls).toEqual([]);
  });

  it('submit.sh submits the array 1-N, then the merge after all of its tasks succeeded', async () => {
    // The stub sbatch prints a job id as `--parsable` does: 1001 for the array, 1002;cluster for the merge.
    const ran = await runBash('submit', [submit, '3'], {}, undefined, {
      sbatch: 'if [[ $* == *--array=* ]]; then echo 1001; else echo "1002;cluster"; fi\n',
    });
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.calls).toEqual([
      ['sbatch', '--parsable', '--array=1-3', join(slurmDir, 'ntk-check-array.sbatch')],
      ['sbatch', '--parsable', '--dependency=afterok:1001', join(slurmDir, 'ntk-merge.sbatch')],
    ]);
    expect(ran.stdout).toBe('submitted: shards 1001 (array 1-3), merge 1002 (after all shards succeed)\n');
  });

  it('submit.sh refuses a shard count that is not a positive integer', async () => {
    const ran = await runBash('submit-bad', [submit, '0'], {});
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/number of shards must be a positive integer, got '0'/);
    expect(ran.calls).toEqual([]);
  });
});

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML is checked field by field below
type Doc = any;

describe('the Kubernetes Indexed Job (docs/examples/kubernetes)', () => {
  const parsed = parseAllDocuments(readFileSync(k8sFile, 'utf8'));
  const docs: Doc[] = parsed.map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS();
  });
  const job = docs.find((d) => d.kind === 'Job' && d.metadata.name === 'ntk-check');
  const mergeJob = docs.find((d) => d.kind === 'Job' && d.metadata.name === 'ntk-merge');
  const pvc = docs.find((d) => d.kind === 'PersistentVolumeClaim');
  const container = (j: Doc, name: string) =>
    [...(j.spec.template.spec.initContainers ?? []), ...j.spec.template.spec.containers].find(
      (c: Doc) => c.name === name,
    );
  const envOf = (c: Doc): Record<string, string> =>
    Object.fromEntries((c.env ?? []).map((e: Doc) => [e.name, e.value]));
  const scriptOf = (c: Doc): string => {
    expect(c.command).toEqual(['bash', '-c']);
    expect(c.args).toHaveLength(1);
    return c.args[0];
  };

  it('is three documents: a ReadWriteMany volume, the Indexed Job and the merge Job', () => {
    expect(docs.map((d) => `${d.apiVersion} ${d.kind} ${d.metadata.name}`)).toEqual([
      'v1 PersistentVolumeClaim ntk-shards',
      'batch/v1 Job ntk-check',
      'batch/v1 Job ntk-merge',
    ]);
    expect(pvc.spec.accessModes).toEqual(['ReadWriteMany']);
  });

  it('the check Job is Indexed with completions = parallelism = NTK_SHARDS', () => {
    expect(job.spec.completionMode).toBe('Indexed');
    const n = job.spec.completions;
    expect(Number.isInteger(n) && n > 1).toBe(true);
    expect(job.spec.parallelism).toBe(n);
    expect(envOf(container(job, 'ntk'))['NTK_SHARDS']).toBe(String(n));
    expect(envOf(container(mergeJob, 'wait-for-shards'))['NTK_SHARDS']).toBe(String(n));
  });

  it('shard (JOB_COMPLETION_INDEX + 1)/N with --resume, on the shared volume', () => {
    const script = scriptOf(container(job, 'ntk'));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expression, not a template
    expect(script).toContain('--shard "$((JOB_COMPLETION_INDEX + 1))/${NTK_SHARDS}"');
    expect(script).toContain('--resume');
    for (const j of [job, mergeJob]) {
      expect(j.spec.template.spec.restartPolicy).toBe('Never');
      expect(j.spec.template.spec.volumes).toEqual([
        { name: 'data', persistentVolumeClaim: { claimName: pvc.metadata.name } },
      ]);
      for (const c of [...(j.spec.template.spec.initContainers ?? []), ...j.spec.template.spec.containers]) {
        expect(c.volumeMounts).toEqual([{ name: 'data', mountPath: '/data' }]);
      }
    }
  });

  it('a usage error (exit 2) fails the Job at once instead of being retried', () => {
    expect(job.spec.podFailurePolicy.rules).toEqual([
      { action: 'FailJob', onExitCodes: { containerName: 'ntk', operator: 'In', values: [2] } },
    ]);
  });

  it('pod index 1 of 8 runs ntk check --shard 2/8 into /data/shards/2', async () => {
    const c = container(job, 'ntk');
    const script = scriptOf(c).replaceAll('/data', join(work, 'k8s-check', 'data'));
    const ran = await runBash('k8s-check', ['-c', script], { ...envOf(c), JOB_COMPLETION_INDEX: '1' });
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.calls).toEqual([
      ['npm', 'install', '--global', '--no-audit', '--no-fund', '@ntk/cli@0.1.0'],
      [
        'ntk',
        'check',
        '--budget',
        'full',
        '--seed',
        '0',
        '--shard',
        `2/${job.spec.completions}`,
        '--out',
        join(ran.dir, 'data/shards/2'),
        '--resume',
      ],
    ]);
  });

  const shardFiles = (dir: string, complete: readonly boolean[]) => {
    complete.forEach((done, i) => {
      mkdirSync(join(dir, 'data/shards', String(i + 1)), { recursive: true });
      // The manifest as ntk writes it (JSON.stringify with 2 spaces).
      const manifest = {
        format: 'ntk-shard',
        formatVersion: 1,
        kind: 'check',
        shard: { index: i + 1, count: complete.length },
        complete: done,
        settings: {},
        cliVersion: '0.1.0',
      };
      writeFileSync(
        join(dir, 'data/shards', String(i + 1), 'shard.json'),
        `${JSON.stringify(manifest, null, 2)}\n`,
      );
    });
  };

  it('the merge Job waits while a shard is unfinished (sleeps), and not when all are complete', async () => {
    const c = container(mergeJob, 'wait-for-shards');
    const n = job.spec.completions as number;
    const waiting = await runBash(
      'k8s-wait-some',
      ['-c', scriptOf(c).replaceAll('/data', join(work, 'k8s-wait-some', 'data'))],
      envOf(c),
      (dir) => shardFiles(dir, [...Array(n - 1).fill(true), false]),
      { sleep: 'exit 1\n' }, // the first sleep ends the test run
    );
    expect(waiting.stdout).toBe(`waiting: ${n - 1}/${n} shards complete\n`);
    expect(waiting.calls).toEqual([['sleep', '30']]);
    expect(waiting.code).toBe(1);

    const done = await runBash(
      'k8s-wait-all',
      ['-c', scriptOf(c).replaceAll('/data', join(work, 'k8s-wait-all', 'data'))],
      envOf(c),
      (dir) => shardFiles(dir, Array(n).fill(true)),
    );
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.calls).toEqual([]);
  });

  it('then runs ntk merge on every shard folder into /data/ntk-report', async () => {
    const c = container(mergeJob, 'ntk');
    const ran = await runBash(
      'k8s-merge',
      ['-c', scriptOf(c).replaceAll('/data', join(work, 'k8s-merge', 'data'))],
      envOf(c),
      (dir) => shardFiles(dir, [true, true, true]),
    );
    expect(ran.code).toBe(0);
    const data = join(ran.dir, 'data');
    expect(ran.calls).toEqual([
      ['npm', 'install', '--global', '--no-audit', '--no-fund', '@ntk/cli@0.1.0'],
      [
        'ntk',
        'merge',
        join(data, 'shards/1'),
        join(data, 'shards/2'),
        join(data, 'shards/3'),
        '--out',
        join(data, 'ntk-report'),
      ],
    ]);
  });
});

describe('the guide pages show the example files as they are', () => {
  const page = readFileSync(join(docsDir, 'guides/scale.md'), 'utf8');
  const fenced = (lang: string, file: string) =>
    `\`\`\`${lang}\n${readFileSync(file, 'utf8').replace(/\n$/, '')}\n\`\`\``;

  it('docs/guides/scale.md embeds each example file verbatim and links to its copy in the site', () => {
    for (const [lang, file] of [
      ['sh', 'slurm/ntk-check-array.sbatch'],
      ['sh', 'slurm/ntk-merge.sbatch'],
      ['sh', 'slurm/submit.sh'],
      ['yaml', 'kubernetes/ntk-check-indexed-job.yaml'],
    ] as const) {
      expect(page.includes(fenced(lang, join(docsDir, 'examples', file))), file).toBe(true);
      expect(page, file).toContain(`(site:examples/${file})`);
    }
  });

  it('the CLI guide and the scale page are pages of the site', () => {
    expect(PAGES.map((p) => p.source)).toEqual(expect.arrayContaining(['guides/cli.md', 'guides/scale.md']));
  });
});
