import { describe, expect, it } from 'vitest';
import { parseToWorker } from './protocol.ts';
import { DEFAULT_STATE } from './state.ts';

describe('parseToWorker', () => {
  it('parseToWorker(run) returns the message with a validated copy of the state', () => {
    const m = parseToWorker({ type: 'run', id: 3, kind: 'phase', state: { ...DEFAULT_STATE, depth: 7 } });
    expect(m).toEqual({ type: 'run', id: 3, kind: 'phase', state: { ...DEFAULT_STATE, depth: 7 } });
  });

  it('parseToWorker(cancel) returns the cancel message', () => {
    expect(parseToWorker({ type: 'cancel', id: 9 })).toEqual({ type: 'cancel', id: 9 });
  });

  it('parseToWorker rejects malformed messages with a message naming the field', () => {
    expect(() => parseToWorker(null)).toThrow('message: expected an object');
    expect(() => parseToWorker({ type: 'run', id: 1.5 })).toThrow('message.id: expected an integer');
    expect(() => parseToWorker({ type: 'go', id: 1 })).toThrow('message.type: expected "run" or "cancel"');
    expect(() => parseToWorker({ type: 'run', id: 1, kind: 'eval', state: DEFAULT_STATE })).toThrow(
      'message.kind: expected one of kernels, angles, phase, train, montecarlo, got eval',
    );
    expect(() => parseToWorker({ type: 'run', id: 1, kind: 'angles', state: 5 })).toThrow('message.state');
  });

  it('parseToWorker rejects a state with an out-of-range or missing field', () => {
    expect(() =>
      parseToWorker({ type: 'run', id: 1, kind: 'kernels', state: { ...DEFAULT_STATE, depth: 1000 } }),
    ).toThrow(/message.state: L=1000: expected an integer in \[1, 64\]/);
    const { width: _, ...noWidth } = DEFAULT_STATE;
    expect(() => parseToWorker({ type: 'run', id: 1, kind: 'kernels', state: noWidth })).toThrow(
      /message.state: .*width missing/,
    );
  });
});
