import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DecisionEvent } from '@chokepoint/contracts';
import { pollUntil, TopicCollector } from '@chokepoint/testing';
import { goodsItem, manifest } from '../../libs/engine/src/testing/manifest.factory';
import { CONSOLE_VIEWPORT, launchChromium, officerPage, signIn } from './support/chromium';
import { buildConsole } from './support/console-build';
import { type ConsoleStack, type Officer, startConsoleStack } from './support/console-stack';

const SCREENSHOTS = resolve(__dirname, '../../results/screenshots');

/**
 * The officers' console end to end: real Chromium, the console built from the sources, ops and
 * screening in this process, real Kafka and PostgreSQL. Holds come from canonical manifests that
 * screening holds by its rules; releases travel ops → screening → outbox → the decisions topic.
 */
describe('officers console in Chromium', () => {
  let webDir: string;
  let stack: ConsoleStack;
  let browser: Browser;
  let decisions: TopicCollector;
  let first: Officer;
  let second: Officer;
  let serial = 0;

  beforeAll(async () => {
    webDir = buildConsole();
    stack = await startConsoleStack(webDir);
    decisions = await new TopicCollector(stack.kafka, stack.topics.decisions).start();
    browser = await launchChromium();
    first = await stack.createOfficer('first');
    second = await stack.createOfficer('second');
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await decisions?.stop();
    await stack?.close();
    if (webDir) {
      rmSync(webDir, { recursive: true, force: true });
    }
  });

  /** A fresh consignment id (transport document references are at most 20 characters). */
  function consignmentId(): string {
    serial += 1;
    return `BT${stack.topics.decisions.slice(-8).toUpperCase()}${serial}`;
  }

  /** Publishes a canonical export manifest whose goods screening holds by its rules. */
  async function shipControlledGoods(id: string, hsCode: string, description: string): Promise<void> {
    const value = manifest({
      transportDocumentReference: id,
      bookingReferences: [`BKG-${id}`],
      receivedAt: new Date().toISOString(),
      goodsItems: [goodsItem({ hsCodes: [hsCode], description })],
    });
    await stack.producer.send({
      topic: stack.topics.canonicalEvents,
      messages: [{ key: id, value: JSON.stringify(value), headers: { 'chokepoint-event-kind': 'MANIFEST' } }],
    });
  }

  function decisionsFor(id: string): DecisionEvent[] {
    return decisions.json<DecisionEvent>().filter((decision) => decision.consignmentId === id);
  }

  async function openFrom(page: Page, table: 'arrivals-table' | 'queue-table', id: string): Promise<void> {
    const row = page.getByTestId(table).locator(`tr[data-consignment-id="${id}"]`);
    await row.waitFor({ timeout: 60_000 });
    await row.getByRole('link', { name: id }).click();
    await page.getByRole('heading', { level: 1, name: `Consignment ${id}` }).waitFor();
    await page.getByRole('heading', { name: 'Decisions and reasons' }).waitFor();
  }

  async function release(page: Page, reason: string, text: string): Promise<string> {
    await page
      .getByRole('group', { name: 'Actions on this hold' })
      .getByRole('button', { name: 'Release' })
      .click();
    const dialog = page.getByRole('dialog', { name: /^Release:/ });
    await dialog.waitFor();
    await dialog.getByLabel(/^Reason/).selectOption(reason);
    await dialog.getByLabel(/^Justification/).fill(text);
    await dialog.getByRole('button', { name: 'Release consignment' }).click();
    await dialog.waitFor({ state: 'detached' });
    const outcome = page.getByTestId('action-outcome');
    await outcome.locator('p').waitFor();
    return (await outcome.textContent()) ?? '';
  }

  it('shows a new hold live, and its release by an officer is published as an OFFICER RELEASE', async () => {
    const page = await officerPage(browser, stack.opsUrl);
    await signIn(page, first.username, first.password);
    await page.getByTestId('queue-table').waitFor();

    const id = consignmentId();
    await shipControlledGoods(id, '930190', 'Military rifles, bolt action, 40 units');

    // The hold reaches the page through the event stream, with no reload: parked in the arrivals strip
    // and announced to screen readers.
    const arrival = page.getByTestId('arrivals-table').locator(`tr[data-consignment-id="${id}"]`);
    await arrival.waitFor({ timeout: 60_000 });
    await expect(arrival.getAttribute('data-status')).resolves.toBe('OPEN');
    await pollUntil(
      () => page.getByTestId('queue-announcer').textContent(),
      (text) => text?.includes(id) === true,
      { description: 'the arrival announced in the live region' },
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'queue-arrival-1366x768.png') });

    await openFrom(page, 'arrivals-table', id);
    await expect(page.getByTestId('hold-status').textContent()).resolves.toBe('Open');
    await expect(page.locator('.reason__rule', { hasText: 'HS_MILITARY' }).count()).resolves.toBeGreaterThan(
      0,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'story-1366x768.png') });

    // Esc closes a dialog and gives focus back to the button that opened it.
    const noteButton = page.getByRole('button', { name: 'Add note' });
    await noteButton.click();
    await page.getByRole('dialog', { name: /^Add note:/ }).waitFor();
    await expect(page.locator('#action-note-text:focus').count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect(page.locator('button:focus', { hasText: 'Add note' }).count()).resolves.toBe(1);

    const outcome = await release(
      page,
      'LICENCE_VERIFIED',
      'Export licence VN-BQP-2026-0042 checked with the licensing office.',
    );
    expect(outcome).toContain('released');

    const [hold, officerRelease] = await pollUntil(
      () => decisionsFor(id),
      (found) => found.some((decision) => decision.decision === 'RELEASE'),
      { timeoutMs: 60_000, description: `a RELEASE for ${id} on ${stack.topics.decisions}` },
    );
    expect(hold).toMatchObject({ decision: 'HOLD', source: 'RULES', sequence: 1 });
    expect(officerRelease).toMatchObject({
      decision: 'RELEASE',
      source: 'OFFICER',
      sequence: 2,
      consignmentId: id,
      supersedes: hold?.decisionId,
    });

    // The story follows the decision live: the hold closes and the RELEASE shows with its reasons.
    await page.locator('[data-testid="hold-status"] [data-status="RELEASED"]').waitFor({ timeout: 30_000 });
    await page.locator('article[data-decision="RELEASE"][data-source="OFFICER"]').waitFor();
    await page.context().close();
  });

  it('needs two different officers to release a NUCLEAR hold', async () => {
    const firstPage = await officerPage(browser, stack.opsUrl);
    await signIn(firstPage, first.username, first.password);
    const id = consignmentId();
    await shipControlledGoods(id, '284410', 'Uranium hexafluoride, natural, in 48Y cylinders');
    await firstPage
      .getByTestId('arrivals-table')
      .locator(`tr[data-consignment-id="${id}"]`)
      .waitFor({ timeout: 60_000 });

    // Merging the arrivals reloads the queue in its sort order, with the new hold as a normal row.
    await firstPage.getByRole('button', { name: 'Show in queue' }).click();
    await firstPage.getByTestId('queue-table').locator(`tr[data-consignment-id="${id}"]`).waitFor();
    await firstPage.getByText('New holds that match the filters appear here as they arrive.').waitFor();
    await firstPage.screenshot({ path: join(SCREENSHOTS, 'queue-1366x768.png') });
    await openFrom(firstPage, 'queue-table', id);

    const firstOutcome = await release(firstPage, 'LICENCE_VERIFIED', 'NSG licence checked; first officer.');
    expect(firstOutcome).toContain('Awaiting second officer');
    await firstPage.getByTestId('awaiting-second-officer').waitFor();
    expect(decisionsFor(id).map((decision) => decision.decision)).toEqual(['HOLD']);

    const secondPage = await officerPage(browser, stack.opsUrl);
    await signIn(secondPage, second.username, second.password);
    await secondPage.goto(`/#/consignments/${id}`);
    await secondPage.locator('[data-testid="hold-status"] [data-status="AWAITING_SECOND_OFFICER"]').waitFor();
    const secondOutcome = await release(
      secondPage,
      'LICENCE_VERIFIED',
      'NSG licence checked; second officer.',
    );
    expect(secondOutcome).toContain('released');

    const published = await pollUntil(
      () => decisionsFor(id),
      (found) => found.some((decision) => decision.decision === 'RELEASE'),
      { timeoutMs: 60_000, description: `a RELEASE for ${id} after the second officer` },
    );
    expect(published.map((decision) => [decision.decision, decision.source])).toEqual([
      ['HOLD', 'RULES'],
      ['RELEASE', 'OFFICER'],
    ]);
    expect(published[0]?.categories).toContain('NUCLEAR');
    await firstPage.context().close();
    await secondPage.context().close();
  });

  it('shows the dashboard, and returns to the login page when the session is gone', async () => {
    const page = await officerPage(browser, stack.opsUrl);
    await signIn(page, first.username, first.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Decisions per hour' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-1366x768.png') });

    await page.context().clearCookies();
    await nav.getByRole('link', { name: 'Queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to the hold queue' }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/login?next=${encodeURIComponent('#/queue')}`);
    expect(page.viewportSize()).toEqual(CONSOLE_VIEWPORT);
    await page.context().close();
  });
});
