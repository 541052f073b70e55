// npm run screenshots -- [--base URL] [--out DIR] PATH…: full-page PNGs of pages of a running server, for looking at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../test/browser/chromium.ts';

const { values, positionals } = parseArgs({
  options: { base: { type: 'string', default: 'http://localhost:3000' }, out: { type: 'string', default: 'screenshots' }, width: { type: 'string', default: '1280' } },
  allowPositionals: true,
});
const paths = positionals.length ? positionals : ['/'];
mkdirSync(values.out!, { recursive: true });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(values.width), height: 900 } });
for (const path of paths) {
  await page.goto(values.base + path);
  const file = join(values.out!, `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${values.width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
