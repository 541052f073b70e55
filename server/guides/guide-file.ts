import { Document } from 'yaml';
import { ContentError } from '../file-format/content-error.ts';
import { asText, checkKeys, splitFrontMatter, trimBlock } from '../file-format/front-matter.ts';
import { firstProblem } from '../validation/first-problem.ts';
import { guideSchema, type Guide } from './guide.ts';

/** A guide file: front matter (id, title, summary, order) then the Markdown body. */

const FRONT_MATTER_KEYS = ['id', 'title', 'summary', 'order'] as const;

export function parseGuideFile(text: string, file: string): Guide {
  const frontMatter = splitFrontMatter(text, file);
  checkKeys(frontMatter, FRONT_MATTER_KEYS, file);
  const { data } = frontMatter;
  const candidate = {
    id: data.id,
    title: asText(data.title),
    summary: asText(data.summary) ?? undefined,
    order: data.order ?? undefined,
    body: trimBlock(frontMatter.body.split('\n')),
  };
  const parsed = guideSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const { path, message } = firstProblem(parsed.error, candidate);
  const field = path[0] ?? 'guide';
  throw new ContentError(file, frontMatter.keyLines.get(field) ?? frontMatter.bodyLine, field, message);
}

export function writeGuideFile(guide: Guide): string {
  const frontMatter = new Document({
    id: guide.id,
    title: guide.title,
    ...(guide.summary ? { summary: guide.summary } : {}),
    order: guide.order,
  });
  return `---\n${frontMatter.toString({ lineWidth: 0 })}---\n${guide.body}\n`;
}
