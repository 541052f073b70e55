import type { TFunction } from 'i18next';

/**
 * The sections of an entry as comparisons and finds name them (in English, as the JSON API and the
 * file format do), put into the reader's language for pages: {{sectionName heading}}.
 */
const SECTION_NAMES: Record<string, (t: TFunction) => string> = {
  Title: (t) => t('sections.title'),
  Details: (t) => t('sections.details'),
  'How customers put it': (t) => t('entry.phrasings'),
  Summary: (t) => t('sections.summary'),
  Solutions: (t) => t('entry.solutions'),
  Alternatives: (t) => t('entry.alternatives'),
  'What to say': (t) => t('entry.section_whatToSay'),
  Timeline: (t) => t('entry.section_timeline'),
  Caveats: (t) => t('entry.section_caveats'),
  'Follow-up': (t) => t('entry.section_followUp'),
};

export function sectionName(t: TFunction, heading: string): string {
  return SECTION_NAMES[heading]?.(t) ?? heading;
}
