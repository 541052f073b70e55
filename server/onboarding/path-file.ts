import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ContentError } from '../file-format/content-error.ts';
import { asText, normaliseNewlines } from '../file-format/front-matter.ts';
import { firstProblem } from '../validation/first-problem.ts';
import { ITEM_KINDS, pathSchema, type ItemKind, type Path } from './path.ts';

/**
 * A path file, `content/paths/<id>.yml`: YAML with `id`, `title`, `summary`, `order` and `items`,
 * each item `entry: <id>` or `guide: <id>` plus `why: <one line>`. Problems name file and line.
 */

const PATH_KEYS = ['id', 'title', 'summary', 'order', 'items'] as const;
const ITEM_KEYS = [...ITEM_KINDS, 'why'] as const;

/** A parsed path and the file line of each item, to name in later checks (e.g. an unknown id). */
export interface PathFile {
  path: Path;
  itemLines: number[];
}

export function parsePathFile(rawText: string, file: string): PathFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(normaliseNewlines(rawText), { lineCounter, prettyErrors: false });
  const lineOf = (node: unknown) => {
    const range = (node as Node | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const problem = (node: unknown, field: string | null, reason: string) => new ContentError(file, lineOf(node), field, reason);

  const firstError = doc.errors[0];
  if (firstError) {
    const reason = firstError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ContentError(file, lineCounter.linePos(firstError.pos[0]).line, null, `not valid YAML: ${reason}`);
  }
  if (!isMap(doc.contents)) throw problem(doc.contents, null, 'a path file must be a list of key: value lines');

  const keyNodes = new Map<string, unknown>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!(PATH_KEYS as readonly string[]).includes(key)) {
      throw problem(pair.key, key, `unknown key; allowed keys are ${PATH_KEYS.join(', ')}`);
    }
    keyNodes.set(key, pair.key);
  }

  const itemsNode = doc.contents.get('items', true);
  if (itemsNode !== undefined && !isSeq(itemsNode)) throw problem(keyNodes.get('items'), 'items', 'items must be a list of "- entry: id" or "- guide: id" lines');
  const itemLines: number[] = [];
  const items = (isSeq(itemsNode) ? itemsNode.items : []).map((node, i) => {
    const field = `items[${i + 1}]`;
    if (!isMap(node)) throw problem(node, field, 'each item must be "entry: id" or "guide: id", with "why: …" below it');
    let kind: ItemKind | undefined;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!(ITEM_KEYS as readonly string[]).includes(key)) throw problem(pair.key, `${field}.${key}`, `unknown key; allowed keys are ${ITEM_KEYS.join(', ')}`);
      if (key !== 'why' && kind) throw problem(pair.key, `${field}.${key}`, 'an item is either an entry or a guide, not both');
      if (key !== 'why') kind = key as ItemKind;
    }
    if (!kind) throw problem(node, field, 'an item needs "entry: id" or "guide: id"');
    itemLines.push(lineOf(node));
    return { kind, id: asText(node.get(kind)), why: asText(node.get('why')) ?? undefined };
  });

  const data = doc.toJS() as Record<string, unknown>;
  const candidate = { id: data.id, title: asText(data.title), summary: asText(data.summary) ?? undefined, order: data.order ?? undefined, items };
  const parsed = pathSchema.safeParse(candidate);
  if (parsed.success) return { path: parsed.data, itemLines };
  const { path, message } = firstProblem(parsed.error, candidate);
  const [top, index, sub] = path;
  if (top === 'items' && index !== undefined) {
    const n = Number(index);
    const key = sub === 'kind' || sub === 'id' ? items[n]!.kind : sub;
    throw new ContentError(file, itemLines[n] ?? 1, `items[${n + 1}]${key ? `.${key}` : ''}`, message);
  }
  throw new ContentError(file, top ? lineOf(keyNodes.get(top)) : 1, top ?? 'path', message);
}

export function writePathFile(path: Path): string {
  const doc = new Document({
    id: path.id,
    title: path.title,
    ...(path.summary ? { summary: path.summary } : {}),
    order: path.order,
    items: path.items.map((item) => ({ [item.kind]: item.id, ...(item.why ? { why: item.why } : {}) })),
  });
  return doc.toString({ lineWidth: 0 });
}
