import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { TEST_PASSWORD } from '../support/app.ts';

/** A fresh browser context (with `options`) signed in through the real sign-in form, landed on `next`. */
export async function signedInPage(browser: Browser, appUrl: string, name: string, next = '/', options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await page.goto(`${appUrl}/login?next=${encodeURIComponent(next)}`);
  await page.fill('input[name=name]', name);
  await page.fill('input[name=password]', TEST_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname === next.split('?')[0]), page.click('form[action="/login"] button')]);
  return page;
}
