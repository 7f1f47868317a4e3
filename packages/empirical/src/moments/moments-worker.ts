// Node worker-thread entry of empiricalMoments: runs units on request. The message protocol is
// environment-neutral ({ type: 'run', id, config, start, end } in; { type: 'sample' | 'done' | 'error', id, … }
// out), so a browser Web Worker can host empiricalMomentsUnit the same way with `self.onmessage`.
import { parentPort } from 'node:worker_threads';
import { empiricalMomentsUnit } from './empirical-moments-unit.ts';
import { fromWireConfig, type WireMomentsConfig } from './wire-config.ts';

interface RunMessage {
  readonly type: 'run';
  readonly id: number;
  readonly config: WireMomentsConfig;
  readonly start: number;
  readonly end: number;
}

const port = parentPort;
if (port !== null) {
  port.on('message', (msg: RunMessage) => {
    if (msg.type !== 'run') return;
    empiricalMomentsUnit(fromWireConfig(msg.config), msg.start, msg.end, {
      onSample: (index) => port.postMessage({ type: 'sample', id: msg.id, index }),
    }).then(
      (unit) => port.postMessage({ type: 'done', id: msg.id, unit }),
      (e: unknown) =>
        port.postMessage({
          type: 'error',
          id: msg.id,
          name: (e as Error)?.name ?? 'Error',
          message: (e as Error)?.message ?? String(e),
        }),
    );
  });
}
