// npm run screenshots -- [--base URL] [--out DIR] [--width N] [--fold] [--user NAME --password PW] PATH…
// Full-page PNGs of pages of a running server, for looking at what a change did.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../test/browser/chromium.ts';
import { signIn } from './sign-in.ts';

const { values, positionals } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://localhost:3000' },
    out: { type: 'string', default: 'screenshots' },
    width: { type: 'string', default: '1280' },
    user: { type: 'string' },
    password: { type: 'string' },
    // Only what shows before scrolling, for long pages.
    fold: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const paths = positionals.length ? positionals : ['/'];
mkdirSync(values.out!, { recursive: true });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(values.width), height: 900 } });
if (values.user) await signIn(page, values.base!, values.user, values.password ?? '');
for (const path of paths) {
  await page.goto(values.base + path);
  const name = path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
  const file = join(values.out!, `${name}-${values.width}${values.user ? `-${values.user}` : ''}.png`);
  await page.screenshot({ path: file, fullPage: !values.fold });
  console.log(file);
}
await browser.close();
