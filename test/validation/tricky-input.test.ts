import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUserByName } from '../../server/accounts/user-queries.ts';
import { importContent } from '../../server/content/import-content.ts';
import type { Db } from '../../server/db/connection.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import { markdownToText, renderMarkdown } from '../../server/render/markdown.ts';
import { TEST_PASSWORD, type Client, type RunningApp } from '../support/app.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

let db: Db;
let app: RunningApp;
let lead: Client;
let admin: Client;
freshAppForEachTest(
  {
    build: seedKnowledgeBase,
    signIn: async (app: RunningApp) => ({ lead: await app.as('lena', 'lead'), admin: await app.as('ada', 'admin') }),
  },
  (fresh) => ({ db, app, people: { lead, admin } } = fresh),
);

const entry = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: 'Customer wants a refund in cash',
  category: 'Billing',
  status: 'vetted',
  solutions: [{ title: 'Refund to the card', body: 'Within 5 days.' }],
  ...extra,
});

describe('one-line fields', () => {
  it('fold line breaks into a space on the API (title, category, tags, phrasings, option titles)', async () => {
    const saved = await lead.json('/api/entries', {
      method: 'POST',
      body: entry('cash-refund', {
        title: 'Refund\r\nin cash',
        category: 'Bil\nling',
        tags: ['re\u2028fund'],
        phrasings: ['money\n back', 'cash\u0085please'],
        solutions: [{ title: 'Refund to\nthe card', body: 'Line one\nline two stays in Markdown.' }],
      }),
    });
    expect(saved.status).toBe(201);
    const stored = findEntry(db, 'cash-refund')!.entry;
    expect(stored).toMatchObject({
      title: 'Refund in cash',
      category: 'Bil ling',
      tags: ['re fund'],
      phrasings: ['money back', 'cash please'],
      solutions: [{ title: 'Refund to the card', body: 'Line one\nline two stays in Markdown.' }],
    });
  });

  it('fold them in "Add as a phrasing" from a logged search', async () => {
    const added = await lead.json('/api/gaps/phrasing', { method: 'POST', body: { query: 'parcel\nnever came', entry: 'late-parcel' } });
    expect(added.status).toBe(200);
    expect(findEntry(db, 'late-parcel')!.entry.phrasings).toContain('parcel never came');
  });

  it('fold them on import', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planb-oneline-'));
    writeFileSync(join(dir, 'folded.md'), '---\nid: folded\ntitle: "Two\\nlines"\ncategory: Billing\nphrasings: ["a\\r\\nb"]\n---\n\n## Solutions\n### Do it\n');
    importContent(db, { entriesDir: dir });
    expect(findEntry(db, 'folded')!.entry).toMatchObject({ title: 'Two lines', phrasings: ['a b'] });
  });
});

describe('over-long fields', () => {
  it('name the field and the real limit', async () => {
    const long = 'x'.repeat(20_001);
    const api = await lead.json('/api/entries', { method: 'POST', body: entry('long-one', { summary: long }) });
    expect(api).toMatchObject({ status: 400, body: { field: 'summary', error: 'summary must be at most 20,000 characters' } });
    const option = await lead.json('/api/entries', { method: 'POST', body: entry('long-two', { solutions: [{ title: 'A', body: long }] }) });
    expect(option.body).toMatchObject({ field: 'solutions.0.body', error: 'option text must be at most 20,000 characters' });
    const title = await lead.json('/api/entries', { method: 'POST', body: entry('long-three', { title: 't'.repeat(201) }) });
    expect(title.body).toMatchObject({ field: 'title', error: 'title must be at most 200 characters' });
  });
});

describe('Markdown that an entry file would read as its own structure', () => {
  it('is refused with the field named, and a fenced one is fine', async () => {
    const heading = await lead.json('/api/entries', { method: 'POST', body: entry('clash-one', { summary: 'Intro\n## Notes\nmore' }) });
    expect(heading).toMatchObject({ status: 400, body: { field: 'summary', error: expect.stringMatching(/summary: "## Notes" is a heading entry files keep for sections; use ### or deeper/) } });
    const option = await lead.json('/api/entries', { method: 'POST', body: entry('clash-two', { solutions: [{ title: 'A', body: '### Step' }] }) });
    expect(option.body).toMatchObject({ field: 'solutions.0.body', error: expect.stringMatching(/use #### or deeper/) });
    const open = await lead.json('/api/entries', { method: 'POST', body: entry('clash-three', { caveats: '```\ncode' }) });
    expect(open.body.error).toMatch(/caveats: a code block \(```\) is opened but never closed/);
    const fenced = await lead.json('/api/entries', { method: 'POST', body: entry('fenced-ok', { caveats: '```\n## not a heading\n```', solutions: [{ title: 'Pay in C#', body: '' }] }) });
    expect(fenced.status).toBe(201);
  });
});

describe('broken Unicode', () => {
  it('refuses a lone surrogate anywhere in a JSON body, naming the field', async () => {
    const title = await lead.json('/api/entries', { method: 'POST', body: entry('broken', { title: 'Refund \ud800 now' }) });
    expect(title).toMatchObject({ status: 400, body: { field: 'title', error: expect.stringMatching(/title contains a broken character/) } });
    const nested = await lead.json('/api/entries', { method: 'POST', body: entry('broken', { solutions: [{ title: 'ok', body: 'tail \udc00' }] }) });
    expect(nested.body.field).toBe('solutions.0.body');
    const flag = await lead.json('/api/entries/late-parcel/flags', { method: 'POST', body: { reason: 'unclear', comment: '\ud83d' } });
    expect(flag).toMatchObject({ status: 400, body: { field: 'comment' } });
    expect(findEntry(db, 'broken')).toBeUndefined();
    // A whole pair (an emoji) is fine.
    expect((await lead.json('/api/entries', { method: 'POST', body: entry('emoji-ok', { title: 'Refund 😀 now' }) })).status).toBe(201);
  });
});

describe('user names', () => {
  it('are NFKC-normalised: fullwidth letters are the plain name', async () => {
    const created = await admin.json('/api/users', { method: 'POST', body: { name: 'ｍａｒｉａ', role: 'agent' } });
    expect(created).toMatchObject({ status: 201, body: { user: { name: 'maria' } } });
    const again = await admin.json('/api/users', { method: 'POST', body: { name: 'Ｍａｒｉａ', role: 'agent' } });
    expect(again).toMatchObject({ status: 409, body: { field: 'name' } });
    const signIn = await app.anonymous().json('/api/session', { method: 'POST', body: { name: 'ｍａｒｉａ', password: created.body.password } });
    expect(signIn).toMatchObject({ status: 201, body: { user: { name: 'maria' } } });
  });

  it('refuse mixed look-alike scripts and names that read like an existing one', async () => {
    const mixed = await admin.json('/api/users', { method: 'POST', body: { name: 'xl\u0435ad', role: 'lead' } });
    expect(mixed).toMatchObject({ status: 400, body: { field: 'name', error: 'name mixes Latin and Cyrillic letters that look alike; use one alphabet' } });
    expect((await admin.json('/api/users', { method: 'POST', body: { name: 'pop', role: 'agent' } })).status).toBe(201);
    const lookAlike = await admin.json('/api/users', { method: 'POST', body: { name: '\u0440\u043e\u0440', role: 'agent' } }); // Cyrillic рор
    expect(lookAlike).toMatchObject({ status: 409, body: { field: 'name', error: expect.stringMatching(/looks like the existing account pop/) } });
    expect((await admin.json('/api/users', { method: 'POST', body: { name: 'Иван', role: 'agent' } })).status).toBe(201);
    expect(findUserByName(db, 'xl\u0435ad')).toBeUndefined();

    const page = await admin.form('/admin/users', { name: 'xl\u0435ad', role: 'agent' });
    expect(page.status).toBe(400);
    expect(page.html.querySelector('.form-error')!.text).toMatch(/mixes Latin and Cyrillic/);
  });

  it('sign-in still works for a name typed with its own letters', async () => {
    expect((await app.anonymous().json('/api/session', { method: 'POST', body: { name: 'lena', password: TEST_PASSWORD } })).status).toBe(201);
  });
});

describe('Markdown text in angle brackets', () => {
  it('is shown as typed, never dropped, and never becomes markup', () => {
    expect(renderMarkdown('Press <Enter> to confirm')).toBe('<p>Press &lt;Enter&gt; to confirm</p>');
    expect(markdownToText('Press <Enter> to confirm')).toBe('Press <Enter> to confirm');
    expect(renderMarkdown('a <script>alert(1)</script> b')).toBe('<p>a &lt;script&gt;alert(1)&lt;/script&gt; b</p>');
    expect(renderMarkdown('x <img src=x onerror=alert(1)>')).toBe('<p>x &lt;img src=x onerror=alert(1)&gt;</p>');
    expect(renderMarkdown('<div>\nHold <Ctrl> and <Shift>\n</div>')).toBe('&lt;div&gt;\nHold &lt;Ctrl&gt; and &lt;Shift&gt;\n&lt;/div&gt;');
    // Allowed tags still work; their dangerous attributes still go.
    expect(renderMarkdown('one<br>two <strong>bold</strong>')).toBe('<p>one<br />two <strong>bold</strong></p>');
    expect(renderMarkdown('<a href="javascript:alert(1)">x</a>')).toBe('<p><a>x</a></p>');
  });

  it('reaches the entry page as typed', async () => {
    await lead.json('/api/entries', { method: 'POST', body: entry('press-enter', { whatToSay: 'Press <Enter> to confirm the <order number>.' }) });
    const page = await lead.page('/entries/press-enter');
    expect(page.html.querySelector('#script-1')!.text.trim()).toBe('Press <Enter> to confirm the <order number>.');
  });
});
