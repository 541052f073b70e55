import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from './escape-html.ts';

/** Markdown is rendered once, on save, and only this allow-listed HTML reaches a page. */

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'a',
  'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

/** One allowed tag on its own, e.g. `<br>` or `</strong>` (its attributes are checked later). */
const ALLOWED_TAG = new RegExp(`^</?(?:${ALLOWED_TAGS.join('|')})(?:\\s[^<>]*)?/?>$`, 'i');

/**
 * Raw HTML that is not an allowed tag is text the author typed, like `Press <Enter> to confirm`:
 * it is shown as typed instead of being dropped as an unknown tag.
 */
const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: { html: ({ text }) => (ALLOWED_TAG.test(text.trim()) ? text : escapeHtml(text)) },
});

const SAFE_HTML: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'title', 'target', 'rel'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  transformTags: {
    // Links to other sites open beside the call script instead of replacing it.
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? '');
      return {
        tagName,
        attribs: external ? { ...attribs, target: '_blank', rel: 'noopener noreferrer' } : attribs,
      };
    },
  },
};

/**
 * Bump when the same Markdown renders differently (stored HTML and text are derived once, on save):
 * at start-up every entry and guide written by an older renderer is derived again (content/markdown-upgrade.ts).
 * 2: text in angle brackets that is not an allowed tag is kept as typed (`Press <Enter>`), not dropped.
 */
export const MARKDOWN_RENDERER = 2;

export function renderMarkdown(markdown: string): string {
  if (!markdown.trim()) return '';
  return sanitizeHtml(marked.parse(markdown) as string, SAFE_HTML).trim();
}

/** The words a reader sees, for the search index and snippets. */
export function markdownToText(markdown: string): string {
  if (!markdown.trim()) return '';
  const html = marked.parse(markdown) as string;
  const spaced = html.replace(/<\/(p|li|h\d|blockquote|pre|tr|td|th)>/g, ' $&').replace(/<br\s*\/?>/g, ' ');
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

/**
 * The words a reader sees, one line per paragraph or list item ("• " or "1. " before items), for
 * comparing two versions without Markdown marks such as **bold** or [links](…).
 */
export function markdownToLines(markdown: string): string {
  if (!markdown.trim()) return '';
  const html = (marked.parse(markdown) as string)
    .replace(/<ol(?: start="(\d+)")?>([\s\S]*?)<\/ol>/g, (_, start: string | undefined, items: string) => {
      let n = Number(start ?? 1);
      return items.replace(/<li>/g, () => `<li>${n++}. `);
    })
    .replace(/<li>(?!\d+\. )/g, '<li>• ')
    .replace(/<\/(p|li|h\d|blockquote|pre|tr)>|<br\s*\/?>/g, '$&\n');
  const text = decodeEntities(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }));
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
