import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import type { RunningApp } from '../support/app.ts';

/** Debian's Chromium, headless, with the flags this sandbox needs (no network beyond localhost). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** What a browser test file works with: the real app over its database, and Chromium. */
export interface BrowserSession {
  db: Db;
  app: RunningApp;
  browser: Browser;
}

/** Starts the app (as `start` sets it up) and Chromium before a file's tests, and closes both after. */
export function inChromium(start: () => Promise<{ db: Db; app: RunningApp }>): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    Object.assign(session, await start());
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.app?.close();
  });
  return session;
}

/** Waits for the search box to have focus: the home page's box takes it as it loads, and letters typed before that are lost. */
export async function searchBoxFocused(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
}
