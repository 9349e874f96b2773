/**
 * Headless Chromium for the browser test and the screenshot script, driven by playwright-core (which never
 * downloads a browser): the Debian package `chromium` at /usr/bin/chromium, or the binary NAX_CHROMIUM names.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium binary to use, or a one-line reason why there is none. */
export function findChromium(): { path: string } | { missing: string } {
  const fromEnv = process.env.NAX_CHROMIUM;
  if (fromEnv) {
    return existsSync(fromEnv) ? { path: fromEnv } : { missing: `NAX_CHROMIUM=${fromEnv} does not exist (unset it to use /usr/bin/chromium from \`apt-get install -y chromium\`)` };
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  return found
    ? { path: found }
    : { missing: `no Chromium found (looked for ${CANDIDATES.join(', ')}): install the Debian package with ` +
        '`apt-get update && apt-get install -y chromium`, or set NAX_CHROMIUM to a Chromium binary' };
}

/** Launches headless Chromium; throws the one-line reason when there is none. */
export async function launchChromium(): Promise<Browser> {
  const found = findChromium();
  if ('missing' in found) throw new Error(found.missing);
  // --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: found.path, headless: true, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
}
