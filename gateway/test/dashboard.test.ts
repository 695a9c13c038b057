import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { chromium, type Browser } from 'playwright-core';
import { startTestStack, type TestStack } from '@rg/testkit';
import { mountDashboard } from '../src/dashboard/routes';
import { acmeContract, amendSeats, createCustomer } from './support';

/** Debian's chromium package; `npm install` installs it where it can (packages/stack/src/cli/ensure-chromium.mjs). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(`dashboard browser test skipped: no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
}

(haveChromium ? describe : describe.skip)('the live dashboard in a browser', () => {
  let stack: TestStack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer', 'contract'] });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  test('shows an amendment made through the API as it happens, with its counters', async () => {
    const acme = await createCustomer(stack, 'Acme Analytics');
    const contract = await acmeContract(stack, acme);

    const page = await browser.newPage();
    const external: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.hostname !== '127.0.0.1') external.push(r.url());
    });
    await page.goto(stack.gatewayUrl.replace(/\/graphql$/, '/dashboard'));
    await page.locator('#status', { hasText: 'Live' }).waitFor({ timeout: 10_000 });
    // Connected and subscribed: the page sent its subscriptions right after the ack.
    await new Promise((r) => setTimeout(r, 200));

    const started = Date.now();
    await amendSeats(stack, contract.id);
    const row = page.locator('#feed tr.amendment', { hasText: contract.number });
    await row.waitFor({ timeout: 10_000 });
    const seenAfterMs = Date.now() - started;
    console.log(`dashboard: amendment on the page ${seenAfterMs} ms after the mutation was sent`);

    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(1)).toEqual(['QUANTITY_CHANGE', 'Acme Analytics', contract.number, '', 'SEAT 10→15']);
    expect(await page.locator('#count-amendments').textContent()).toBe('1');
    expect(await page.locator('#count-errors').textContent()).toBe('0');
    expect(external).toEqual([]);
    await page.close();
  });

  test('without a valid token the page asks for one', async () => {
    const page = await browser.newPage();
    await page.goto(stack.gatewayUrl.replace(/\/graphql$/, '/dashboard'));
    await page.locator('#status', { hasText: 'Live' }).waitFor({ timeout: 10_000 });
    await page.fill('#token', 'not-a-token');
    await page.click('#token-form button');
    await page.locator('#status', { hasText: 'Forbidden' }).waitFor({ timeout: 10_000 });
    await page.close();
  });
});

describe('the dashboard in production', () => {
  test('serves the page but no development token', async () => {
    const app = express();
    mountDashboard(app, { production: true });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const page = await fetch(`${base}/dashboard`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('const DEV_TOKEN = false;');
      expect((await fetch(`${base}/dashboard/dev-token`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
