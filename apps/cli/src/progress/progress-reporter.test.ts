import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.ts';
import { createProgressReporter, progressMode } from './progress-reporter.ts';

describe('createProgressReporter (lines)', () => {
  it('writes a line when the label changes, else at most every interval, and always at 100 %', () => {
    let out = '';
    let t = 0;
    const p = createProgressReporter(
      { write: (s: string) => (out += s) },
      { mode: 'lines', intervalMs: 1000, now: () => t },
    );
    p.update([{ fraction: 0.1, label: 'claim 1/2 a', remainingMs: 9000 }]);
    t = 500;
    p.update([{ fraction: 0.2, label: 'claim 1/2 a', remainingMs: 8000 }]); // same label, too soon: skipped
    t = 1600;
    p.update([{ fraction: 0.3, label: 'claim 1/2 a', remainingMs: 7000 }]);
    t = 1700;
    p.update([
      { fraction: 0.5, label: 'claim 2/2 b', remainingMs: null },
      { fraction: 0, label: 'point 1/3', remainingMs: null },
    ]);
    t = 1800;
    p.update([{ fraction: 1, label: 'claim 2/2 b', remainingMs: 0 }]);
    p.log('done');
    expect(out.split('\n').filter(Boolean)).toEqual([
      'claim 1/2 a 10% (~9 s left)',
      'claim 1/2 a 30% (~7 s left)',
      'claim 2/2 b 50% (~? left) · point 1/3 0% (~? left)',
      'claim 2/2 b 100% (~0 s left)',
      'done',
    ]);
  });

  it('off writes nothing; progressMode follows stdout being a terminal', () => {
    let out = '';
    const p = createProgressReporter({ write: (s: string) => (out += s) }, { mode: 'off' });
    p.update([{ fraction: 0.5, label: 'x', remainingMs: 1 }]);
    p.log('x');
    p.stop();
    expect(out).toBe('');
    expect(progressMode({ write: () => {}, isTTY: true })).toBe('bars');
    expect(progressMode({ write: () => {} })).toBe('lines');
  });

  it('formatDuration', () => {
    expect(formatDuration(null)).toBe('?');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(7_620_000)).toBe('2 h 07 min');
  });
});
