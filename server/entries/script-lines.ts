import { Marked } from 'marked';
import { markdownToText, renderMarkdown } from '../render/markdown.ts';

/**
 * "What to say" as separate lines, each copied on its own: every list item and every paragraph
 * is one thing to say (entries write one script per situation).
 */
export interface ScriptLine {
  number: number;
  /** Safe HTML, as the page shows it. */
  html: string;
  /** The same words as plain text, without Markdown. */
  text: string;
}

const lexer = new Marked({ gfm: true });

export function scriptLines(markdown: string): ScriptLine[] {
  const blocks = lexer.lexer(markdown).flatMap((token) => {
    if (token.type === 'list') return (token.items as { text: string }[]).map((item) => item.text);
    if (token.type === 'space') return [];
    return [token.type === 'paragraph' ? (token.text as string) : token.raw];
  });
  return blocks
    .map((block) => ({ html: renderMarkdown(block), text: markdownToText(block) }))
    .filter((line) => line.text)
    .map((line, i) => ({ number: i + 1, ...line }));
}

/** A script as said to the customer, without the quotation marks it is written in. */
export function unquoted(text: string): string {
  const quoted = /^["“”'‘](.*)["“”'’]$/s.exec(text.trim());
  return quoted ? quoted[1]!.trim() : text.trim();
}
