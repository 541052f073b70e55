import { describe, expect, it } from 'vitest';
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
