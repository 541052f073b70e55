import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem, sameWords, type ContentProblem } from '../../server/content/content-check.ts';
import { writeEntryFile } from '../../server/entries/entry-file.ts';
import type { Entry } from '../../server/entries/entry.ts';
import { makeEntry } from '../support/entries.ts';

/** An entry that meets the whole bar; each test breaks one rule on top of it. */
function completeEntry(id: string, overrides: Partial<Entry> = {}): Entry {
  return makeEntry({
    id,
    title: `The customer asks about ${id}`,
    owner: 'lead',
    reviewBy: '2027-06-01',
    phrasings: [1, 2, 3, 4, 5].map((n) => `${id} question number ${n}`),
    summary: 'Use this when the customer asks.',
    alternatives: [
      { title: 'Offer the first fallback', body: 'When the solution cannot be done.' },
      { title: 'Offer the second fallback', body: 'When the first fallback does not suit.' },
    ],
    whatToSay: '"I can do that for you now."',
    timeline: 'Done within 3–5 working days.',
    caveats: '- Banks set their own times.',
    followUp: 'Check on the last promised day.',
    ...overrides,
  });
}

/** A fresh content folder holding these entry files (name → text) and guides. */
function contentFolder(entries: Record<string, string>, guides: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'planb-lint-'));
  for (const [sub, files] of [['entries', entries], ['guides', guides]] as const) {
    mkdirSync(join(dir, sub));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, sub, name), text);
  }
  return dir;
}

function filesOf(...entries: Entry[]): Record<string, string> {
  return Object.fromEntries(entries.map((e) => [`${e.id}.md`, writeEntryFile(e)]));
}

const withTranslationOf = (entry: Entry, source: string) =>
  writeEntryFile(entry).replace(/^(language: .*)$/m, `$1\ntranslation_of: ${source}`);

const ofRule = (problems: ContentProblem[], rule: ContentProblem['rule']) => problems.filter((p) => p.rule === rule);
const where = (p: ContentProblem) => `${p.file.split('/').pop()}:${p.line}`;

describe('npm run lint:content', () => {
  it('finds no problem in the starter content', () => {
    expect(checkContent('content').map(formatProblem)).toEqual([]);
  });

  it('finds no problem in entries that meet the bar', () => {
    expect(checkContent(contentFolder(filesOf(completeEntry('first'), completeEntry('second'))))).toEqual([]);
  });

  it('names each missing part of an entry, with its line and what to add', () => {
    const entry = completeEntry('thin', { alternatives: [{ title: 'Only one', body: '' }], caveats: '', followUp: '', phrasings: ['one', 'two'] });
    const dir = contentFolder(filesOf(entry));
    const problems = checkContent(dir);
    expect(problems.every((p) => p.rule === 'complete' && p.file === join(dir, 'entries', 'thin.md'))).toBe(true);
    const text = writeEntryFile(entry).split('\n');
    expect(problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [text.indexOf('phrasings:') + 1, 'phrasings has 2, needs at least 5'],
      [text.indexOf('## Alternatives') + 1, 'Alternatives has 1, needs at least 2'],
      [text.length, '"## Caveats" is missing or empty'],
      [text.length, '"## Follow-up" is missing or empty'],
    ]);
  });

  it('asks for a timeline in working days, in the entry’s language', () => {
    const vague = completeEntry('vague', { timeline: 'Soon, usually quickly.' });
    const italian = completeEntry('italiano', { language: 'it', timeline: 'Rimborso visibile in 3–5 giorni lavorativi.' });
    const russian = completeEntry('russkiy', { language: 'ru', timeline: 'Ответ в течение 1 рабочего дня.' });
    const problems = checkContent(contentFolder(filesOf(vague, italian, russian)));
    expect(problems.map((p) => [where(p), p.message.split(':')[0]])).toEqual([[expect.stringMatching(/^vague\.md:\d+$/), 'Timeline names no working days']]);
  });

  it('needs an owner and a review date on a vetted entry', () => {
    const problems = checkContent(contentFolder(filesOf(completeEntry('orphan', { owner: null, reviewBy: null }))));
    expect(problems.map((p) => p.message.split(':')[0])).toEqual(['a vetted entry needs an owner', 'a vetted entry needs a review date']);
  });

  it('refuses two entries with the same title, whatever the case and spacing', () => {
    const a = completeEntry('a', { title: 'I want to cancel my order' });
    const b = completeEntry('b', { title: '  i want to  CANCEL my order ' });
    const problems = checkContent(contentFolder(filesOf(a, b)));
    expect(problems.map((p) => [where(p), p.rule])).toEqual([['b.md:3', 'duplicate']]);
    expect(problems[0]!.message).toContain('entries/a.md');
  });

  it('refuses a phrasing shared between two entries, or with another entry’s title, naming its line', () => {
    const a = completeEntry('a', { title: 'Where is my order?' });
    const b = completeEntry('b', { phrasings: ['b one', 'b two', 'Money taken TWICE!', 'b four', 'where is my order'] });
    const c = completeEntry('c', { phrasings: ['c one', 'c two', 'c three', 'money taken twice', 'c five'] });
    const problems = checkContent(contentFolder(filesOf(a, b, c)));
    const phrasingsLine = writeEntryFile(b).split('\n').indexOf('phrasings:') + 1;
    expect(problems.map((p) => [where(p), p.rule])).toEqual([
      [`b.md:${phrasingsLine + 5}`, 'duplicate'],
      [`c.md:${phrasingsLine + 4}`, 'duplicate'],
    ]);
    expect(problems[0]!.message).toContain('is also the title of');
    expect(problems[1]!.message).toContain('is also a phrasing of');
  });

  it('refuses a phrasing repeated inside one entry', () => {
    const problems = checkContent(contentFolder(filesOf(completeEntry('a', { phrasings: ['one', 'two', 'three', 'four', 'One?'] }))));
    expect(problems.map((p) => p.rule)).toEqual(['duplicate']);
  });

  it('treats case, spaces and punctuation as the same words', () => {
    expect(sameWords("  Where's my   PARCEL?! ")).toBe('wheres my parcel');
    expect(sameWords('Где мой ЗАКАЗ?')).toBe('где мой заказ');
  });

  it('refuses a phrasing that runs onto a second line', () => {
    const text = writeEntryFile(completeEntry('long')).replace('  - long question number 3', '  - long question number 3\n    that goes on');
    const problems = checkContent(contentFolder({ 'long.md': text }));
    expect(problems.map((p) => [where(p), p.rule])).toEqual([[`long.md:${text.split('\n').indexOf('    that goes on') + 1}`, 'one-line']]);
  });

  it('refuses links to entries and guides that do not exist, in entries and guides', () => {
    const entry = completeEntry('linking', { caveats: '- See [the other](/entries/other) and [gone](/entries/gone).\n- Read [the guide](/guides/missing-guide).' });
    const guide = '---\nid: a-guide\ntitle: A guide\norder: 1\n---\nSee [linking](/entries/linking) and [nothing](/entries/nothing).\n';
    const dir = contentFolder(filesOf(entry, completeEntry('other')), { 'a-guide.md': guide });
    const problems = checkContent(dir);
    const caveatsLine = writeEntryFile(entry).split('\n').indexOf('## Caveats') + 2;
    expect(problems.map((p) => [where(p), p.rule, p.message.split(' leads')[0]])).toEqual([
      [`linking.md:${caveatsLine}`, 'link', 'link to /entries/gone'],
      [`linking.md:${caveatsLine + 1}`, 'link', 'link to /guides/missing-guide'],
      ['a-guide.md:6', 'link', 'link to /entries/nothing'],
    ]);
  });

  it('reports a file the importer would refuse, with the importer’s reason', () => {
    const problems = checkContent(contentFolder({ 'broken.md': writeEntryFile(completeEntry('broken')).replace('kind: common', 'kind: everyday') }));
    expect(problems.map((p) => [where(p), p.rule, p.message])).toEqual([['broken.md:4', 'file', 'kind: kind must be common or unusual']]);
  });

  describe('translations linked both ways (translation_of)', () => {
    const source = completeEntry('cancel-order');
    const italian = completeEntry('annulla-ordine', { language: 'it', timeline: 'Entro 1 giorno lavorativo.' });
    const translationProblems = (files: Record<string, string>) => ofRule(checkContent(contentFolder(files)), 'translation');

    it('accepts a translation that names its source in another language', () => {
      expect(translationProblems({ ...filesOf(source), 'annulla-ordine.md': withTranslationOf(italian, 'cancel-order') })).toEqual([]);
    });

    it('refuses a source that does not exist, naming the line of translation_of', () => {
      const text = withTranslationOf(italian, 'no-such-entry');
      const problems = translationProblems({ ...filesOf(source), 'annulla-ordine.md': text });
      expect(problems.map((p) => [where(p), p.message.split(':')[1]?.trim()])).toEqual([
        [`annulla-ordine.md:${text.split('\n').findIndex((l) => l.startsWith('translation_of')) + 1}`, 'no entry has the id "no-such-entry"'],
      ]);
    });

    it('refuses a translation of a translation, of itself, or in the source’s own language', () => {
      const russian = completeEntry('otmena-zakaza', { language: 'ru', timeline: 'В течение 1 рабочего дня.' });
      const english = completeEntry('cancel-my-order', {});
      const problems = translationProblems({
        ...filesOf(source),
        'annulla-ordine.md': withTranslationOf(italian, 'cancel-order'),
        'otmena-zakaza.md': withTranslationOf(russian, 'annulla-ordine'),
        'cancel-my-order.md': withTranslationOf(english, 'cancel-order'),
        'self.md': withTranslationOf(completeEntry('self', { language: 'ca', timeline: 'En 2 dies laborables.' }), 'self'),
      });
      expect(problems.map((p) => [p.file.split('/').pop(), p.message])).toEqual([
        ['cancel-my-order.md', expect.stringContaining('is in the same language (en)')],
        ['otmena-zakaza.md', expect.stringContaining('annulla-ordine is itself a translation (of cancel-order)')],
        ['self.md', expect.stringContaining('names this entry itself')],
      ]);
    });

    it('refuses two translations of one source into the same language', () => {
      const second = completeEntry('cancellare-ordine', { language: 'it', timeline: 'Entro 2 giorni lavorativi.' });
      const problems = translationProblems({
        ...filesOf(source),
        'annulla-ordine.md': withTranslationOf(italian, 'cancel-order'),
        'cancellare-ordine.md': withTranslationOf(second, 'cancel-order'),
      });
      expect(problems.map((p) => [p.file.split('/').pop(), p.message.split(':')[0]])).toEqual([
        ['cancellare-ordine.md', expect.stringMatching(/annulla-ordine\.md already translates cancel-order into it$/)],
      ]);
    });
  });

  it('exits 1 and prints file:line problems from the command line', async () => {
    const { execFileSync } = await import('node:child_process');
    const dir = contentFolder(filesOf(completeEntry('thin', { followUp: '' })));
    let status = 0;
    let stderr = '';
    try {
      execFileSync('npx', ['tsx', 'scripts/lint-content.ts', dir], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      ({ status, stderr } = error as { status: number; stderr: string });
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(new RegExp(`^${join(dir, 'entries', 'thin.md')}:\\d+: "## Follow-up" is missing or empty`));
    expect(readFileSync(join(dir, 'entries', 'thin.md'), 'utf8')).toContain('id: thin');
  });
});
