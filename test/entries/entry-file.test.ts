import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../server/file-format/content-error.ts';
import { parseEntryFile, writeEntryFile } from '../../server/entries/entry-file.ts';
import { caught } from '../support/caught.ts';
import { makeEntry } from '../support/entries.ts';

const CANONICAL = `---
id: late-delivery
title: My order has not arrived and the promised date has passed
kind: common
category: Delivery
tags: [shipping, delay]
language: en
status: vetted
owner: lead
review_by: 2027-03-01
phrasings:
  - where is my parcel
  - "package is late: again"
---
One paragraph that says when this entry applies.

## Solutions
### Trace the parcel and give a realistic new date
1. Open the carrier page.
2. Read the last scan.

### Reship at our cost
Only when lost.

## Alternatives
### Offer collection from a pickup point
Saves a day.

## What to say
"I can see where it is."

## Timeline
Two working days.

## Caveats
- Carriers miss dates.

## Follow-up
Call back tomorrow.
`;

const problem = (text: string) => caught(ContentError, () => parseEntryFile(text, 'x.md'));

describe('entry file format', () => {
  it('reads every field of the format', () => {
    const entry = parseEntryFile(CANONICAL, 'late-delivery.md');
    expect(entry).toMatchObject({
      id: 'late-delivery',
      kind: 'common',
      tags: ['shipping', 'delay'],
      owner: 'lead',
      reviewBy: '2027-03-01',
      phrasings: ['where is my parcel', 'package is late: again'],
      summary: 'One paragraph that says when this entry applies.',
      whatToSay: '"I can see where it is."',
      followUp: 'Call back tomorrow.',
    });
    expect(entry.solutions).toEqual([
      { title: 'Trace the parcel and give a realistic new date', body: '1. Open the carrier page.\n2. Read the last scan.' },
      { title: 'Reship at our cost', body: 'Only when lost.' },
    ]);
    expect(entry.alternatives).toEqual([{ title: 'Offer collection from a pickup point', body: 'Saves a day.' }]);
  });

  it('writes a canonical file back byte for byte', () => {
    expect(writeEntryFile(parseEntryFile(CANONICAL, 'late-delivery.md'))).toBe(CANONICAL);
  });

  it.each([
    ['defaults for kind, language and status', '---\nid: a\ntitle: T\ncategory: C\n---\n\n## Solutions\n### S\nBody\n'],
    ['no summary and no alternatives', '---\nid: a\ntitle: T\nkind: unusual\ncategory: C\nlanguage: en\nstatus: draft\n---\n\n## Solutions\n### S\n'],
    ['Windows line endings', '---\r\nid: a\r\ntitle: T\r\ncategory: C\r\n---\r\n\r\n## Solutions\r\n### S\r\nBody\r\n'],
    ['a ## line inside a code fence', '---\nid: a\ntitle: T\ncategory: C\n---\n\n## Solutions\n### S\n```\n## not a section\n```\n'],
    ['values YAML would read as numbers or booleans', '---\nid: a\ntitle: 2024\ncategory: yes\ntags: [1, two]\n---\n\n## Solutions\n### S\n'],
  ])('export → import → export is identical: %s', (_name, text) => {
    const once = writeEntryFile(parseEntryFile(text, 'a.md'));
    expect(writeEntryFile(parseEntryFile(once, 'a.md'))).toBe(once);
  });

  it('applies the defaults of DESIGN.md', () => {
    const entry = parseEntryFile('---\nid: a\ntitle: T\ncategory: C\n---\n\n## Solutions\n### S\n', 'a.md');
    expect(entry).toMatchObject({ kind: 'common', language: 'en', status: 'draft', tags: [], alternatives: [] });
  });

  it.each([
    ['no front matter', '## Solutions\n### S\n', 1, null, /must start with a front-matter block/],
    ['front matter never closed', '---\nid: a\ntitle: T\n', 1, null, /not closed/],
    ['invalid YAML', '---\nid: a\ntitle: T: x\ncategory: C\n---\n', 3, null, /not valid YAML/],
    ['a key given twice', '---\nid: a\nid: b\ncategory: C\n---\n', 3, null, /not valid YAML: .*unique/i],
    ['an unknown front-matter key', '---\nid: a\ntitle: T\ncategory: C\ncolour: red\n---\n\n## Solutions\n### S\n', 5, 'colour', /unknown front-matter key/],
    ['an unknown section', '---\nid: a\ntitle: T\ncategory: C\n---\n\n## Solutions\n### S\n\n## Notes\nx\n', 10, 'Notes', /unknown section "## Notes"/],
    ['a section twice', '---\nid: a\ntitle: T\ncategory: C\n---\n\n## Solutions\n### S\n\n## Solutions\n### T\n', 10, 'Solutions', /appears twice/],
    ['text outside an option', '---\nid: a\ntitle: T\ncategory: C\n---\n\n## Solutions\nloose text\n### S\n', 8, 'Solutions', /must belong to an option/],
    ['an option without a title', '---\nid: a\ntitle: T\ncategory: C\n---\n\n## Solutions\n###  \n', 8, 'Solutions', /needs a title/],
    ['no solution', '---\nid: a\ntitle: T\ncategory: C\n---\nSummary only.\n', 6, 'solutions', /at least one solution/],
    ['a missing id', '---\ntitle: T\ncategory: C\n---\n\n## Solutions\n### S\n', 5, 'id', /id is required/],
    ['a missing title', '---\nid: a\ncategory: C\n---\n\n## Solutions\n### S\n', 5, 'title', /title is required/],
    ['an id that is not a slug', '---\nid: Late Delivery\ntitle: T\ncategory: C\n---\n\n## Solutions\n### S\n', 2, 'id', /slug/],
    ['a bad kind', '---\nid: a\ntitle: T\nkind: weird\ncategory: C\n---\n\n## Solutions\n### S\n', 4, 'kind', /common or unusual/],
    ['a bad review date', '---\nid: a\ntitle: T\ncategory: C\nreview_by: next week\n---\n\n## Solutions\n### S\n', 5, 'review_by', /YYYY-MM-DD/],
    ['phrasings that are not a list', '---\nid: a\ntitle: T\ncategory: C\nphrasings: where is it\n---\n\n## Solutions\n### S\n', 5, 'phrasings', /must be a list/],
  ])('names file, line and field for %s', (_name, text, line, field, message) => {
    const error = problem(text);
    expect(error.file).toBe('x.md');
    expect(error.line).toBe(line);
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(message);
    expect(error.message).toMatch(new RegExp(`^x\\.md:${line}: `));
  });

  it('keeps the order of options and every section when writing a built entry', () => {
    const entry = makeEntry({
      id: 'ordered',
      solutions: [{ title: 'First', body: '' }, { title: 'Second', body: 'Two' }],
      alternatives: [{ title: 'Third', body: 'Three' }],
      caveats: 'Careful.',
    });
    const text = writeEntryFile(entry);
    expect(text).toContain('## Solutions\n### First\n\n### Second\nTwo\n\n## Alternatives\n### Third\nThree\n\n## Caveats\nCareful.\n');
    expect(parseEntryFile(text, 'ordered.md')).toEqual(entry);
  });
});

describe('the files that ship with Plan B', () => {
  const dirs = ['content/entries', 'scripts/bench/banking77/entries'];
  for (const dir of dirs) {
    const files = safeList(dir);
    it.runIf(files.length > 0)(`${dir}: every file survives export → import → export unchanged`, () => {
      for (const name of files) {
        const exported = writeEntryFile(parseEntryFile(readFileSync(join(dir, name), 'utf8'), name));
        expect(writeEntryFile(parseEntryFile(exported, name)), name).toBe(exported);
      }
    });
  }

  it('content/entries is written in the canonical form, so import → export gives the same bytes', () => {
    for (const name of safeList('content/entries')) {
      const text = readFileSync(join('content/entries', name), 'utf8');
      expect(writeEntryFile(parseEntryFile(text, name)), name).toBe(text);
    }
  });
});

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.md'));
  } catch {
    return [];
  }
}
