import type { TFunction } from 'i18next';

/**
 * The sections of an entry as comparisons and finds name them (in English, as the JSON API and the
 * file format do), put into the reader's language for pages: {{sectionName heading}}.
 */
const SECTION_NAMES: Record<string, (t: TFunction) => string> = {
  Title: (t) => t('sections.title'),
  Details: (t) => t('sections.details'),
  'How customers put it': (t) => t('entry.phrasings'),
  'How customers ask': (t) => t('entry.phrasings'),
  Tags: (t) => t('entry.tags'),
  Summary: (t) => t('sections.summary'),
  Solutions: (t) => t('entry.solutions'),
  Alternatives: (t) => t('entry.alternatives'),
  'What to say': (t) => t('entry.section_whatToSay'),
  Timeline: (t) => t('entry.section_timeline'),
  Caveats: (t) => t('entry.section_caveats'),
  'Follow-up': (t) => t('entry.section_followUp'),
};

/** Find names an option by its kind and title: "Solution: Trace the parcel". */
const OPTION_NAMES: Record<string, (t: TFunction) => string> = {
  Solution: (t) => t('find.solution'),
  Alternative: (t) => t('find.alternative'),
};

export function sectionName(t: TFunction, heading: string): string {
  const option = /^(Solution|Alternative): (.*)$/s.exec(heading);
  if (option) return `${OPTION_NAMES[option[1]!]!(t)}: ${option[2]}`;
  return SECTION_NAMES[heading]?.(t) ?? heading;
}
