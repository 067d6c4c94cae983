import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (scripts/ci/install-browser.sh); Playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CONSOLE_VIEWPORT = { width: 1366, height: 768 } as const;

/** Headless Chromium; Playwright gives every launch a fresh temporary user-data-dir. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run scripts/ci/install-browser.sh`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page in its own browser context (its own cookies), so two officers can work side by side. */
export async function officerPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: CONSOLE_VIEWPORT });
  const page = await context.newPage();
  // Browser-side errors fail loudly in the test output instead of vanishing.
  page.on('pageerror', (error) => process.stderr.write(`[browser] ${error.message}\n`));
  return page;
}

/** Signs in through the login page, as an officer would, and waits for the live queue. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/#/queue');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Hold queue' }).waitFor();
  // New holds only reach the page once the event stream is open.
  await page.locator('.stream--live').waitFor();
}
