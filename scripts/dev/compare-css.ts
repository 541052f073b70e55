// npm run compare:css -- --old FILE [--new FILE] [--base URL] [--out DIR] [--user NAME --password PW] PATH…
// Proves that a rewrite of the style sheet changes nothing visible: each page is loaded once, then
// the old and the new sheet are applied in turn to the same DOM and every computed style of every
// element (and of its ::before/::after) is compared, at one width between each pair of breakpoints,
// with every <details> open and every :hover/:focus rule forced on, and in print. Full-page PNGs of
// both sheets are compared pixel by pixel too; differing pairs are written to --out. (A handful of
// pixels around a focused field can differ between two shots of the same sheet: compare against a
// copy of the old sheet with a comment added to see that noise.)
// A PATH may end in `#type=WORDS` (types WORDS into the page's search box and waits for the live
// results) or `#key=K` (presses K, e.g. `?` for the shortcuts dialog).
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/browser/chromium.ts';
import { signIn } from './sign-in.ts';

const { values, positionals } = parseArgs({
  options: {
    old: { type: 'string' },
    new: { type: 'string', default: 'public/style.css' },
    base: { type: 'string', default: 'http://localhost:3000' },
    out: { type: 'string', default: 'css-differences' },
    user: { type: 'string' },
    password: { type: 'string' },
    // One width inside each band the sheet's breakpoints make (1100, 980, 900, 760, 700, 640, 600).
    widths: { type: 'string', default: '1280,1000,940,820,740,680,620,400' },
    // Full-page screenshots are compared at these widths only.
    'shot-widths': { type: 'string', default: '1280,400' },
  },
  allowPositionals: true,
});
if (!values.old) throw new Error('--old FILE is required: the style sheet to compare against');
const sheets = { old: readFileSync(values.old, 'utf8'), new: readFileSync(values.new!, 'utf8') };
const widths = values.widths!.split(',').map(Number);
const shotWidths = values['shot-widths']!.split(',').map(Number);

/** Turns the interaction pseudo-classes into classes, so that every such rule can be switched on at once. */
function forcingStates(css: string): string {
  return css.replace(/:(hover|focus-visible|focus-within|focus)(?![\w-])/g, '.forced-$1');
}

/** In the page: applies a sheet (its interaction rules forced on, or not), transitions finished. */
async function apply(page: Page, css: string, forceStates: boolean): Promise<void> {
  await page.evaluate(async ({ css, forceStates }) => {
    document.getElementById('under-test')!.textContent = css;
    for (const el of document.querySelectorAll('*')) {
      for (const state of ['hover', 'focus-visible', 'focus-within', 'focus']) el.classList.toggle(`forced-${state}`, forceStates);
    }
    // Lay the page out (which starts any transitions the change causes), then jump them to their end.
    void document.documentElement.offsetHeight;
    for (const animation of document.getAnimations()) animation.finish();
    await new Promise((done) => setTimeout(done, 200));
  }, { css: forceStates ? forcingStates(css) : css, forceStates });
}

/**
 * In the page: every computed style of every element, kept there (`record`), or compared with the
 * kept ones, returning the values that differ.
 */
async function computedStyles(page: Page, mode: 'record' | 'compare'): Promise<string[]> {
  return page.evaluate((mode) => {
    // Custom properties differ by design (the new tokens); what they resolve to is in the others.
    const names = [...getComputedStyle(document.documentElement)].filter((name) => !name.startsWith('--'));
    const values: string[] = [];
    const labels: string[] = [];
    [...document.querySelectorAll('*')].forEach((el, i) => {
      const label = `${i}:${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].filter((c) => !c.startsWith('forced-')).join('.')}`;
      const field = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
      for (const pseudo of [null, '::before', '::after', ...(field ? ['::placeholder'] : [])]) {
        const cs = getComputedStyle(el, pseudo);
        if ((pseudo === '::before' || pseudo === '::after') && cs.content === 'none') continue;
        labels.push(`${label}${pseudo ?? ''}`);
        values.push(names.map((name) => `${name}: ${cs.getPropertyValue(name)}`).join('\n'));
      }
    });
    const kept = window as unknown as { recorded?: { labels: string[]; values: string[] } };
    if (mode === 'record') {
      kept.recorded = { labels, values };
      return [];
    }
    const before = kept.recorded!;
    if (before.labels.join() !== labels.join()) return ['different elements or pseudo-elements'];
    return before.values.flatMap((block, i) => {
      if (block === values[i]) return [];
      const [a, b] = [block.split('\n'), values[i]!.split('\n')];
      return a.flatMap((line, j) => (line === b[j] ? [] : [`${labels[i]} old ${line} · new ${b[j]}`]));
    });
  }, mode);
}

async function differences(page: Page, forceStates: boolean): Promise<string[]> {
  await apply(page, sheets.old, forceStates);
  await computedStyles(page, 'record');
  await apply(page, sheets.new, forceStates);
  return computedStyles(page, 'compare');
}

/** Where and how many pixels of two PNGs differ, counted by Chromium itself (no image library needed). */
async function differentPixels(a: Buffer, b: Buffer): Promise<string> {
  const blank = await context.newPage();
  try {
    // (No named functions inside: tsx would wrap them in a helper the page does not have.)
    return await blank.evaluate(async (pngs) => {
      const [x, y] = await Promise.all(pngs.map(async (png) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return { width: image.width, height: image.height, data: context.getImageData(0, 0, image.width, image.height).data };
      })) as [{ width: number; height: number; data: Uint8ClampedArray }, { width: number; height: number; data: Uint8ClampedArray }];
      if (x.width !== y.width || x.height !== y.height) return `${x.width}×${x.height} and ${y.width}×${y.height} px`;
      let count = 0;
      const box = { left: Infinity, top: Infinity, right: -1, bottom: -1 };
      for (let i = 0; i < x.data.length; i += 4) {
        if (x.data[i] === y.data[i] && x.data[i + 1] === y.data[i + 1] && x.data[i + 2] === y.data[i + 2]) continue;
        count++;
        const [left, top] = [(i / 4) % x.width, Math.floor(i / 4 / x.width)];
        Object.assign(box, { left: Math.min(box.left, left), top: Math.min(box.top, top), right: Math.max(box.right, left), bottom: Math.max(box.bottom, top) });
      }
      return count ? `${count} pixels differ, within x ${box.left}–${box.right}, y ${box.top}–${box.bottom}` : '';
    }, [a.toString('base64'), b.toString('base64')]);
  } finally {
    await blank.close();
  }
}

mkdirSync(values.out!, { recursive: true });
const browser = await launchChromium();
// The sheet goes into a <style> element; the app's Content-Security-Policy would refuse it.
const context = await browser.newContext({ bypassCSP: true, viewport: { width: widths[0]!, height: 800 } });
const page = await context.newPage();
if (values.user) await signIn(page, values.base!, values.user, values.password ?? '');
let failures = 0;
let compared = 0;
for (const target of positionals.length ? positionals : ['/']) {
  const [path, action] = target.split('#') as [string, string | undefined];
  await page.setViewportSize({ width: widths[0]!, height: 800 });
  await page.emulateMedia({ media: 'screen' });
  await page.goto(values.base + path);
  await page.evaluate(() => {
    document.querySelector('link[rel=stylesheet]')?.remove();
    document.head.append(Object.assign(document.createElement('style'), { id: 'under-test' }));
  });
  if (action?.startsWith('type=')) {
    await page.locator('input[type=search]:visible').first().fill(decodeURIComponent(action.slice(5)));
    await page.waitForSelector('.live-results .result', { timeout: 30_000 });
  } else if (action?.startsWith('key=')) {
    await page.keyboard.press(action.slice(4));
  }
  const label = target.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
  const report = (where: string, found: string[]) => {
    compared++;
    if (!found.length) return;
    failures++;
    console.log(`✗ ${target} ${where}: ${found.length} differences\n  ${found.slice(0, 12).join('\n  ')}`);
  };
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    report(`${width} px`, await differences(page, false));
    if (shotWidths.includes(width)) {
      const shot = async (css: string) => {
        await apply(page, css, false);
        return page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
      };
      const [before, after] = [await shot(sheets.old), await shot(sheets.new)];
      const pixels = before.equals(after) ? '' : await differentPixels(before, after);
      if (pixels) {
        writeFileSync(join(values.out!, `${label}-${width}-old.png`), before);
        writeFileSync(join(values.out!, `${label}-${width}-new.png`), after);
      }
      report(`${width} px, screenshot`, pixels ? [pixels] : []);
    }
    const closed = await page.evaluate(() => [...document.querySelectorAll('details')].map((d) => {
      const wasOpen = d.open;
      d.open = true;
      return !wasOpen;
    }));
    report(`${width} px, details open, states forced`, await differences(page, true));
    await page.evaluate((closed) => document.querySelectorAll('details').forEach((d, i) => { if (closed[i]) d.open = false; }), closed);
  }
  await page.emulateMedia({ media: 'print' });
  report('print', await differences(page, false));
}
await browser.close();
console.log(`${compared - failures} of ${compared} comparisons equal`);
process.exitCode = failures ? 1 : 0;
