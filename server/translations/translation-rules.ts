/**
 * The rules that keep translation groups whole, shared by the content check, the importer and the
 * editor: a translation names its source with `translation_of`; the source exists, is itself no
 * translation (a group has one source), the two are in different languages, and a source has at most one translation per language.
 */

export interface TranslationLink {
  id: string;
  language: string;
  translationOf: string | null;
}

/**
 * The problem of each link that breaks a rule, by id. `links` is the whole set of entries the
 * rules apply to (a content folder, or the database with a batch's entries in place of the stored
 * ones). `nameOf` says how a message names another entry (its file, in a folder).
 */
export function translationProblems(links: TranslationLink[], nameOf: (id: string) => string = (id) => id): Map<string, string> {
  const problems = new Map<string, string>();
  const byId = new Map(links.map((l) => [l.id, l]));
  const perLanguage = new Map<string, string>();
  for (const link of links) {
    const source = link.translationOf;
    if (source === null) continue;
    const target = byId.get(source);
    const problem = (message: string) => problems.set(link.id, `translation_of: ${message}`);
    if (!target) {
      problem(`no entry has the id "${source}": name the id of the entry this one translates`);
    } else if (target === link) {
      problem('it names this entry itself: name the entry this one translates');
    } else if (target.translationOf !== null) {
      problem(`${source} is itself a translation (of ${target.translationOf}): name the original entry instead`);
    } else if (target.language === link.language) {
      problem(`${source} is in the same language (${link.language}): a translation is in another language`);
    } else {
      const key = `${source}\n${link.language}`;
      const twin = perLanguage.get(key);
      if (twin) problems.set(link.id, `${nameOf(twin)} already translates ${source} into ${link.language}: keep one translation per language`);
      else perLanguage.set(key, link.id);
    }
  }
  return problems;
}
