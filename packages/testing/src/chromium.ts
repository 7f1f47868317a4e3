/**
 * The headless Chromium every browser test here launches: Debian's `chromium` (or the binary named by the
 * `NTK_CHROMIUM` environment variable), with flags that keep it off this machine's closed network and off the GPU.
 * Pass both to playwright-core's `launch`/`launchPersistentContext` with a fresh profile folder.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium binary: `NTK_CHROMIUM` if set, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const named = env['NTK_CHROMIUM'];
  return named !== undefined && named !== '' ? named : '/usr/bin/chromium';
}
