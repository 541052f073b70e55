import { z } from 'zod';

/** The text rules every input shares: one-line fields, Markdown fields, and well-formed Unicode. */

/** Every way text can start a new line (CR, LF, NEL, line and paragraph separators, VT, FF). */
const LINE_BREAKS = /\s*[\r\n\v\f\u0085\u2028\u2029]+\s*/g;

/** A UTF-16 surrogate without its partner: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Folds line breaks (and the spaces around them) into one space: a one-line field stays one line. */
export function foldLines(text: string): string {
  return text.replace(LINE_BREAKS, ' ');
}

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

const characters = (max: number) => `${max.toLocaleString('en-US')} characters`;

/**
 * One line of text (a title, category, tag, phrasing, option title, name…): line breaks typed or
 * pasted are folded into a space on every path (forms, API, gaps, import), then trimmed.
 */
export const oneLine = (field: string, max: number, required = true) =>
  z
    .string({ error: `${field} must be text` })
    .transform(foldLines)
    .pipe(
      z
        .string()
        .trim()
        .min(required ? 1 : 0, `${field} is required`)
        .max(max, `${field} must be at most ${characters(max)}`),
    );

export const MARKDOWN_MAX = 20_000;

/** A line that opens or closes a fenced code block (inside one, `##` is code, not a heading). */
export const FENCE = /^\s*(```|~~~)/;

/**
 * The first line outside code blocks that an entry file would read as one of its own headings
 * (`## Section`, and in an option's text also `### Option`), or a fence left open (it would hide
 * the headings after it). Such text would not survive export and import, so it is refused.
 */
export function fileStructureClash(text: string, optionBody: boolean): string | null {
  let inFence = false;
  for (const line of text.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    else if (!inFence && (optionBody ? /^#{2,3} / : /^## /).test(line)) {
      return `"${line.slice(0, 40)}" is a heading entry files keep for ${optionBody ? 'sections and options' : 'sections'}; use ${optionBody ? '####' : '###'} or deeper`;
    }
  }
  return inFence ? 'a code block (```) is opened but never closed' : null;
}

/** Markdown as an entry file keeps it: \n line ends, no blank lines before, no white space after. */
export function canonicalMarkdown(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

/** A Markdown field; too long says so, naming the field. `optionBody`: the text under an option heading. */
export const markdownText = (field: string, { optionBody = false } = {}) =>
  z
    .string({ error: `${field} must be Markdown text` })
    .max(MARKDOWN_MAX, `${field} must be at most ${characters(MARKDOWN_MAX)}`)
    .transform(canonicalMarkdown)
    .superRefine((text, ctx) => {
      const clash = fileStructureClash(text, optionBody);
      if (clash) ctx.addIssue({ code: 'custom', message: `${field}: ${clash}` });
    })
    .default('');
