import { describe, expect, it } from 'vitest';
import { upgradeRenderedMarkdown } from '../../server/content/markdown-upgrade.ts';
import { changedEntries, latestChangeSeq } from '../../server/db/changes.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { findGuide, saveGuide } from '../../server/guides/guide-queries.ts';
import { MARKDOWN_RENDERER } from '../../server/render/markdown.ts';
import { createSearch } from '../../server/search/search.ts';
import { freshDatabase } from '../support/database.ts';
import { makeEntry } from '../support/entries.ts';

/** A database as an older renderer left it: the Markdown intact, the HTML and text missing `<Enter>`. */
function databaseFromOlderRenderer() {
  const db = freshDatabase();
  saveEntry(db, makeEntry({
    id: 'reset-router',
    whatToSay: 'Press <Enter> to confirm the reset.',
    solutions: [{ title: 'Hold the button', body: 'Hold <Reset> for ten seconds.' }],
  }), { author: 'lead', summary: 'first' });
  saveGuide(db, { id: 'keys', title: 'Keys', summary: 'Keys to press', order: 1, body: 'Then press <Esc>.' });
  db.exec(`
    UPDATE entries SET what_to_say_html = '<p>Press  to confirm the reset.</p>', body_text = replace(body_text, '<Enter>', '');
    UPDATE entry_options SET body_html = '<p>Hold  for ten seconds.</p>';
    UPDATE guides SET body_html = '<p>Then press .</p>';
    UPDATE entries SET rendered_with = 1;
    UPDATE guides SET rendered_with = 1;`);
  return db;
}

describe('stored HTML written by an older Markdown renderer', () => {
  it('is derived again, once, from the Markdown: entries, their options and guides', () => {
    const db = databaseFromOlderRenderer();
    const before = findEntry(db, 'reset-router')!;
    const revisions = db.prepare('SELECT count(*) FROM revisions').pluck().get();

    expect(upgradeRenderedMarkdown(db)).toBe(1);

    const after = findEntry(db, 'reset-router')!;
    const html = db.prepare<[], { what_to_say_html: string; body_text: string }>('SELECT what_to_say_html, body_text FROM entries').get()!;
    expect(html.what_to_say_html).toContain('Press &lt;Enter&gt; to confirm');
    expect(html.body_text).toContain('<Enter>');
    expect(db.prepare('SELECT body_html FROM entry_options').pluck().get()).toContain('Hold &lt;Reset&gt;');
    expect(findGuide(db, 'keys')!.html).toContain('press &lt;Esc&gt;');
    // Not an edit: same revision, same updated_at, no revision recorded; the Markdown untouched.
    expect([after.revision, after.updatedAt, after.entry]).toEqual([before.revision, before.updatedAt, before.entry]);
    expect(db.prepare('SELECT count(*) FROM revisions').pluck().get()).toBe(revisions);
    expect(db.prepare('SELECT DISTINCT rendered_with FROM entries UNION SELECT DISTINCT rendered_with FROM guides').pluck().all()).toEqual([MARKDOWN_RENDERER]);

    // A second start finds nothing to do.
    db.exec("UPDATE entries SET what_to_say_html = 'left alone'");
    expect(upgradeRenderedMarkdown(db)).toBe(0);
    expect(db.prepare('SELECT what_to_say_html FROM entries').pluck().get()).toBe('left alone');
  });

  it('leaves alone a database whose entries were saved by the current renderer, however new the file', () => {
    const db = freshDatabase();
    saveEntry(db, makeEntry({ id: 'fresh', whatToSay: 'Press <Enter>.' }), { author: 'lead', summary: 'first' });
    saveGuide(db, { id: 'keys', title: 'Keys', summary: 'Keys to press', order: 1, body: 'Then press <Esc>.' });
    const seq = latestChangeSeq(db);
    expect(upgradeRenderedMarkdown(db)).toBe(0);
    expect(latestChangeSeq(db)).toBe(seq);
  });

  it('moves the change sequence, so search finds the words the old renderer dropped', async () => {
    const db = databaseFromOlderRenderer();
    const search = createSearch(db);
    const seq = latestChangeSeq(db);
    upgradeRenderedMarkdown(db);
    expect([...changedEntries(db, seq, latestChangeSeq(db))]).toContain('reset-router');
    await search.idle();
    expect(search.search('press enter to confirm').results.map((r) => r.id)).toContain('reset-router');
  });
});
