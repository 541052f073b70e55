import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../server/accounts/first-run.ts';
import { startApp, type RunningApp } from '../support/app.ts';
import { EVERY_PAGE, startAppWithEveryPage, type Reader } from '../support/every-page.ts';
import { freshDatabase } from '../support/database.ts';
import { inChromium } from './chromium.ts';
import { signedInPage } from './signed-in-page.ts';

/**
 * axe-core, run inside Chromium on every page type at a desk width and a side-panel width, signed
 * in with the role that page is for. Any serious or critical violation fails, listed readably.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [1280, 400];

const session = inChromium(startAppWithEveryPage);

// First-run setup needs a database with no account yet.
let empty: RunningApp;
let setupToken: string;
beforeAll(async () => {
  const db = freshDatabase();
  setupToken = issueSetupToken(db)!;
  empty = await startApp(db);
});

type Who = Reader;
const PAGES = EVERY_PAGE;

const contexts = new Map<Who, BrowserContext>();
// Hooks run in reverse: this one runs before Chromium closes, so the browser's open connections to the
// first-run server are closed here first, or its close() waits for them.
afterAll(async () => {
  await Promise.all([...contexts.values()].map((context) => context.close()));
  await empty?.close();
});
async function pageFor(who: Who): Promise<Page> {
  let context = contexts.get(who);
  if (!context) {
    context = who === 'anonymous'
      ? await session.browser.newContext()
      : (await signedInPage(session.browser, session.app.url, who)).context();
    contexts.set(who, context);
  }
  return context.newPage();
}

interface Violation { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }

async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's strict CSP does not govern.
  await page.evaluate(AXE_SOURCE);
  // Only violations are collected in full (resultTypes), which keeps each run short.
  const violations = (await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } };
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary.replace(/\n\s*/g, ' ')}`).join('\n')}`);
}

async function check(url: string, who: Who): Promise<string[]> {
  const page = await pageFor(who);
  const found: string[] = [];
  try {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(url);
      found.push(...(await seriousViolations(page)).map((v) => `[${width}px] ${v}`));
      // Nothing may stick out sideways: in a side panel a page that scrolls sideways hides its controls.
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) found.push(`[${width}px] the page is ${scrollWidth}px wide and scrolls sideways`);
    }
  } finally {
    await page.close();
  }
  return found;
}

describe('axe finds no serious or critical violation and nothing scrolls sideways, at 1280×800 and 400×800', () => {
  it.each(PAGES)('%s (%s as %s)', async (_name, path, who) => {
    const found = await check(session.app.url + path, who);
    expect(found, `\n${found.join('\n')}`).toEqual([]);
  });

  it('first-run setup', async () => {
    const found = await check(`${empty.url}/setup/${setupToken}`, 'anonymous');
    expect(found, `\n${found.join('\n')}`).toEqual([]);
  });
});
