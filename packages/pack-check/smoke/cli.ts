// Smoke test run in an empty project with only the packed @ntk/cli (and its @ntk deps) installed. Runs the
// command line in-process through `main` with captured streams: `--version`, `--help` (its Examples block),
// and an unknown command, which must exit with the usage code and one line on stderr. The test file also runs
// the installed `ntk` bin with npx.
import { CLI_VERSION, type CliContext, classifyError, EXIT, main, UsageError } from '@ntk/cli';

function capture(): { ctx: CliContext; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd: '.',
    env: {},
    signal: new AbortController().signal,
  };
  return { ctx, out: () => out, err: () => err };
}

const version = capture();
const versionCode = await main(['--version'], version.ctx);
const help = capture();
const helpCode = await main(['--help'], help.ctx);
const bad = capture();
const badCode = await main(['no-such-command'], bad.ctx);
const usage = classifyError(new UsageError('--depth must be an integer ≥ 0, got "x"'));

if (
  versionCode !== EXIT.ok ||
  version.out().trim() !== CLI_VERSION ||
  CLI_VERSION !== '0.1.0' ||
  helpCode !== EXIT.ok ||
  !help.out().includes('Usage: ntk') ||
  !help.out().includes('Examples:') ||
  badCode !== EXIT.usage ||
  EXIT.usage !== 2 ||
  bad.err().trim().split('\n').length !== 1 ||
  !bad.err().startsWith('ntk') ||
  usage.code !== EXIT.usage ||
  !(new UsageError('x') instanceof Error)
) {
  throw new Error(
    `cli smoke test failed: ${JSON.stringify({ versionCode, helpCode, badCode, out: version.out(), err: bad.err(), usage })}`,
  );
}
console.log('ok @ntk/cli');
