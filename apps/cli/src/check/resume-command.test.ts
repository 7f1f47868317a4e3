import { describe, expect, it } from 'vitest';
import { displayPath } from './display-path.ts';
import { resumeCommand } from './resume-command.ts';
import { shellQuote } from './shell-quote.ts';

describe('resumeCommand', () => {
  it('repeats the settings with --resume, quoting what the shell would split', () => {
    expect(
      resumeCommand({ claims: ['a', 'b'], budget: 'full', seed: 7, backend: 'cpu', out: 'my report' }),
    ).toBe("ntk check --claims a,b --budget full --seed 7 --backend cpu --out 'my report' --resume");
    expect(
      resumeCommand({ budget: 'quick', seed: 0, backend: 'auto', out: 'x', shard: { index: 2, count: 3 } }),
    ).toBe('ntk check --budget quick --seed 0 --backend auto --out x --shard 2/3 --resume');
  });

  it('shellQuote leaves plain words alone and escapes single quotes', () => {
    expect(shellQuote('ntk-report/a_b.c')).toBe('ntk-report/a_b.c');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  it('displayPath is relative inside the working directory, absolute outside', () => {
    expect(displayPath('/w/out/report.html', '/w')).toBe('out/report.html');
    expect(displayPath('/tmp/out', '/w')).toBe('/tmp/out');
    expect(displayPath('/w', '/w')).toBe('.');
  });
});
