import { can, requirePermission } from '../people/permissions.ts';
import { visibleStatuses } from '../entries/visible-entry.ts';
import type { User } from '../people/user.ts';
import type { Db } from '../db/connection.ts';
import type { Entry } from '../entries/entry.ts';
import { Invalid } from '../errors/domain-errors.ts';
import { findRevision } from '../revisions/revision-queries.ts';
import { languageName } from '../i18n/language-names.ts';
import { allTranslations, storedLinks, translationGroup, type GroupMember } from './translation-queries.ts';
import { translationProblems, type TranslationLink } from './translation-rules.ts';

/**
 * Linked translations: which versions of an entry exist, and which translations lag behind their
 * source. A translation is out of date when the source's content (not only its review date or
 * owner, which a verify changes) moved on since a lead last saved or verified the translation.
 */

export interface Version {
  id: string;
  language: string;
  languageName: string;
  title: string;
  url: string;
  isSource: boolean;
  outdated: boolean;
}

export interface Lag {
  /** The source's revision when the translation was last saved or verified, and now. */
  from: number | null;
  to: number;
  /** What changed in the source since then. */
  diffUrl: string;
}

export interface Translations {
  translationOf: string | null;
  /** The other members of the group the reader may see: the source first, then by language. */
  others: Version[];
  /** On a translation: its source, when the reader may see it. */
  source: Version | null;
  /** On an out-of-date translation: how far the source moved on. */
  lag: Lag | null;
}

/** What a translation mirrors; the review date, owner, status and customers' phrasings are its own. */
const MIRRORED = ['title', 'kind', 'category', 'summary', 'solutions', 'alternatives', 'whatToSay', 'timeline', 'caveats', 'followUp'] as const;

const mirrored = (entry: Entry) => JSON.stringify(MIRRORED.map((key) => entry[key]));

function lagOf(db: Db, member: GroupMember, source: GroupMember): Lag | null {
  const from = member.sourceRevision;
  const diffUrl = `/entries/${source.id}/diff?from=${from ?? 1}&to=${source.revision}`;
  if (from === null) return { from, to: source.revision, diffUrl };
  if (source.revision <= from) return null;
  const then = findRevision(db, source.id, from)?.entry;
  const now = findRevision(db, source.id, source.revision)?.entry;
  return then && now && mirrored(then) === mirrored(now) ? null : { from, to: source.revision, diffUrl };
}

export function translationsOf(db: Db, reader: User | null, entryId: string): Translations {
  const group = translationGroup(db, entryId);
  const source = group.find((m) => m.translationOf === null);
  const self = group.find((m) => m.id === entryId);
  const may = new Set(visibleStatuses(reader));
  const others = group
    .filter((m) => m.id !== entryId && (may.has(m.status) || m.createdBy === reader?.name))
    .map((m) => ({
      id: m.id,
      language: m.language,
      languageName: languageName(m.language),
      title: m.title,
      url: `/entries/${m.id}`,
      isSource: m === source,
      outdated: !!source && m !== source && lagOf(db, m, source) !== null,
    }));
  const lag = source && self && self !== source ? lagOf(db, self, source) : null;
  return { translationOf: self?.translationOf ?? null, others, source: others.find((v) => v.isSource) ?? null, lag };
}

export interface OutdatedTranslation extends Lag {
  id: string;
  title: string;
  language: string;
  languageName: string;
  url: string;
  source: { id: string; title: string; url: string };
}

/** Leads: every translation whose source moved on since it was last saved or verified. */
export function outdatedTranslations(db: Db, actor: User | null): OutdatedTranslation[] {
  requirePermission(actor, 'verify');
  const sources = new Map<string, GroupMember>();
  const sourceOf = (id: string) => sources.get(id) ?? translationGroup(db, id).find((m) => m.id === id);
  return allTranslations(db).flatMap((t) => {
    const source = sourceOf(t.translationOf!);
    if (!source) return [];
    sources.set(source.id, source);
    const lag = lagOf(db, t, source);
    if (!lag || t.status === 'archived') return [];
    return [{
      id: t.id,
      title: t.title,
      language: t.language,
      languageName: languageName(t.language),
      url: `/entries/${t.id}`,
      source: { id: source.id, title: source.title, url: `/entries/${source.id}` },
      ...lag,
    }];
  });
}

/** Whether the reader may see the list of outdated translations (a link to it, on the stale page). */
export const seesOutdatedTranslations = (reader: User | null) => can(reader, 'verify');

/**
 * Refuses (400, field translationOf) an entry whose translation_of would break a group, checked
 * against every stored entry with this one in place of its stored version.
 */
export function checkTranslationLink(db: Db, entry: Entry): void {
  const links = storedLinks(db).filter((l) => l.id !== entry.id);
  links.push({ id: entry.id, language: entry.language, translationOf: entry.translationOf });
  const problems = translationProblems(links);
  const broken = links.find((l) => l.translationOf === entry.id && problems.has(l.id));
  const problem = problems.get(entry.id) ?? (broken && `${broken.id} translates this entry; ${problems.get(broken.id)}`);
  if (problem) throw new Invalid(problem, 'translationOf');
}

/** The importer's check: a batch of entries over what is stored, by id. */
export function batchTranslationProblems(db: Db, batch: TranslationLink[]): Map<string, string> {
  const ids = new Set(batch.map((l) => l.id));
  const links = [...storedLinks(db).filter((l) => !ids.has(l.id)), ...batch];
  const problems = translationProblems(links);
  for (const id of problems.keys()) if (!ids.has(id)) problems.delete(id);
  return problems;
}
