import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { ContentError } from './content-error.ts';

export interface FrontMatter {
  /** The YAML block as plain values. */
  data: Record<string, unknown>;
  /** The 1-based line in the file of each top-level key. */
  keyLines: Map<string, number>;
  /** The text after the closing `---`, and the 1-based file line it starts on. */
  body: string;
  bodyLine: number;
}

/** Splits `---` YAML front matter from the Markdown body; the text is normalised to `\n` line ends. */
export function splitFrontMatter(rawText: string, file: string): FrontMatter {
  const text = normaliseNewlines(rawText);
  if (!text.startsWith('---\n')) {
    throw new ContentError(file, 1, null, 'the file must start with a front-matter block opened by ---');
  }
  const close = text.indexOf('\n---\n', 3);
  const closeAtEnd = close === -1 && text.endsWith('\n---') ? text.length - 4 : close;
  if (closeAtEnd === -1) {
    throw new ContentError(file, 1, null, 'the front-matter block is not closed by a --- line');
  }
  const yamlText = text.slice(4, closeAtEnd + 1);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + 1; // +1 for the opening ---

  const firstError = doc.errors[0];
  if (firstError) {
    const line = fileLine(firstError.pos[0]);
    const reason = firstError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ContentError(file, line, null, `front matter is not valid YAML: ${reason}`);
  }
  if (!isMap(doc.contents)) {
    throw new ContentError(file, 2, null, 'front matter must be a list of key: value lines');
  }
  const keyLines = new Map<string, number>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const start = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0;
    keyLines.set(key, fileLine(start));
  }
  const bodyStart = closeAtEnd + 5;
  return {
    data: doc.toJS() as Record<string, unknown>,
    keyLines,
    body: text.slice(bodyStart),
    bodyLine: text.slice(0, bodyStart).split('\n').length,
  };
}

export function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Refuses keys outside `allowed`, naming the first unknown one and its line. */
export function checkKeys(frontMatter: FrontMatter, allowed: readonly string[], file: string): void {
  for (const [key, line] of frontMatter.keyLines) {
    if (!allowed.includes(key)) {
      throw new ContentError(file, line, key, `unknown front-matter key; allowed keys are ${allowed.join(', ')}`);
    }
  }
}

/** YAML reads `title: 2024` as a number; text fields take it as the text it was typed as. */
export function asText(value: unknown): unknown {
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

/** Trims blank lines at both ends of a block and trailing space at its end, keeping its inside as typed. */
export function trimBlock(lines: string[]): string {
  return lines.join('\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}
