import { today } from '../dates/days.ts';
import { renderMarkdown } from '../render/markdown.ts';
import { PROSE_SECTIONS, type Entry } from './entry.ts';
import { entryView } from './entry-view.ts';

/** An entry that is not saved yet (the editor's preview, a proposal under review) as its page would show it. */
export function entryPreview(entry: Entry) {
  const options = [...entry.solutions, ...entry.alternatives].map((o) => renderMarkdown(o.body));
  const html = {
    summary: renderMarkdown(entry.summary),
    options,
    ...Object.fromEntries(PROSE_SECTIONS.map(({ key }) => [key, renderMarkdown(entry[key])])),
  } as Parameters<typeof entryView>[0]['html'];
  return entryView(
    { entry, html, revision: 0, createdAt: '', updatedAt: '', createdBy: null, categorySlug: '' },
    undefined,
    today(),
  );
}
