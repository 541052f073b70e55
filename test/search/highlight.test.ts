import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeHtml } from '../../server/render/escape-html.ts';
import { highlight, snippet } from '../../server/search/results/highlight.ts';

describe('highlighting the matched words', () => {
  it.each([
    ['Refund not received', ['refund'], '<mark>Refund</mark> not received'],
    ['Refunds and refunded', ['refund'], '<mark>Refunds</mark> and <mark>refunded</mark>'],
    ['Half-typed: deliv', ['deliv'], 'Half-typed: <mark>deliv</mark>'],
    ['Delivery late', ['deliv'], '<mark>Delivery</mark> late'],
    ['Perché il rimborso', ['perche'], '<mark>Perché</mark> il rimborso'],
    ['<script>alert(1)</script> refund', ['refund'], '&lt;script&gt;alert(1)&lt;/script&gt; <mark>refund</mark>'],
    ['nothing here', ['refund'], 'nothing here'],
  ])('%j with %j', (text, terms, expected) => {
    expect(highlight(text, terms)).toBe(expected);
  });

  it('picks the passage holding the most query words and marks the cut', () => {
    const text = `${'filler '.repeat(60)}the courier lost the parcel ${'tail '.repeat(60)}`;
    const html = snippet(text, ['courier', 'parcel'], 10);
    expect(html).toMatch(/^… /);
    expect(html).toMatch(/ …$/);
    expect(html).toContain('<mark>courier</mark> lost the <mark>parcel</mark>');
  });

  it('shows a short text whole', () => {
    expect(snippet('Parcel is late', ['late'])).toBe('Parcel is <mark>late</mark>');
  });
});

// ---- The slow version, from the definition: every window counted afresh, every word compared with every term.

const folded = (w: string) => w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const matches = (word: string, term: string) => {
  const w = folded(word);
  if (w.startsWith(term)) return true;
  let common = 0;
  while (common < w.length && w[common] === term[common]) common++;
  return term.length >= 4 && w.length >= 4 && common >= Math.max(4, Math.min(w.length, term.length) - 2);
};
const spansOf = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
const plainMarked = (text: string, terms: string[], from: number, to: number) => {
  let html = '';
  let at = from;
  for (const { word, start, end } of spansOf(text)) {
    if (start < from || end > to || !terms.some((t) => matches(word, t))) continue;
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(word)}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at, to));
};
function plainSnippet(text: string, terms: string[], size: number): string {
  const spans = spansOf(text);
  if (!spans.length) return '';
  const held = (start: number) => new Set(terms.filter((t) => spans.slice(start, start + size).some((s) => matches(s.word, t)))).size;
  let best = 0;
  for (let start = 1; start <= spans.length - size; start++) if (held(start) > held(best)) best = start;
  const last = spans[Math.min(spans.length, best + size) - 1]!;
  const from = best === 0 ? 0 : spans[best]!.start;
  const to = last === spans.at(-1) ? text.length : last.end;
  return `${from > 0 ? '… ' : ''}${plainMarked(text, terms, from, to)}${to < text.length ? ' …' : ''}`;
}

describe('highlighting, against the slow version', () => {
  const vocabulary = ['refund', 'refunds', 'Refunded', 'parcel', 'Perché', 'perche', 'courier', 'card', "card's", 'deliv', 'delivery', 'late', '42', 'été', '<b>', '&', '—'];
  const textArb = fc.array(fc.constantFrom(...vocabulary), { maxLength: 80 }).chain((ws) =>
    fc.array(fc.constantFrom(' ', ', ', '. ', ' · ', '\n', ' "'), { minLength: ws.length, maxLength: ws.length }).map((gaps) => ws.map((w, i) => w + gaps[i]).join('')),
  );
  const termsArb = fc.array(fc.constantFrom('refund', 'parcel', 'perche', 'courier', 'card', 'deliv', 'late', 'ete', '42', 'refunding'), { maxLength: 5 });

  it('picks the same passage and marks the same words', () => {
    fc.assert(
      fc.property(textArb, termsArb, fc.integer({ min: 1, max: 30 }), (text, terms, size) => {
        expect(snippet(text, terms, size)).toBe(plainSnippet(text, terms, size));
        expect(highlight(text, terms)).toBe(plainMarked(text, terms, 0, text.length));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
