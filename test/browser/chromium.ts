/**
 * Headless Chromium for the browser tests: Debian's `chromium` package driven by playwright-core, with a new
 * empty profile and nothing that reaches the network on its own. In CI (CI=true) a missing browser is a failure;
 * elsewhere the tests are reported as skipped with the install hint.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Where Debian's package puts the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** What to run when the browser is missing. */
export const INSTALL_HINT = 'apt-get update && apt-get install -y chromium';

/** Whether the browser tests can run here; throws in CI when they cannot, since CI must run them. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') throw new Error(`No Chromium at ${CHROMIUM_PATH}: CI must run the browser tests (${INSTALL_HINT}).`);
  return false;
}

/** A browser with a fresh profile; `close()` ends it and removes the profile. */
export async function launchChromium(options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'cmts-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  // A missing element should fail a test in seconds, not after playwright's 30 s default.
  context.setDefaultTimeout(5_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What {@link pagesInBrowser} gives a suite once its set-up ran: each page's `file:` address, and the browser. */
export interface PagesInBrowser {
  url: Record<string, string>;
  browser: Awaited<ReturnType<typeof launchChromium>>;
}

/**
 * For the suite it is called in: writes the pages `make` gives (file name to HTML) to a new folder and starts a
 * browser before its tests, and closes the browser and removes the folder after them.
 */
export function pagesInBrowser(prefix: string, make: () => Record<string, string>): PagesInBrowser {
  const served = { url: {} } as PagesInBrowser;
  let dir: string | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    for (const [name, html] of Object.entries(make())) {
      const file = join(dir, name);
      writeFileSync(file, html);
      served.url[name] = pathToFileURL(file).href;
    }
    // Starting a browser on a busy 2-core machine can take longer than the 10 s default of a hook.
    served.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await (served.browser as PagesInBrowser['browser'] | undefined)?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);
  return served;
}
