import type { Entry } from '../entries/entry.ts';
import type { ContentProblem } from './content-problem.ts';

/**
 * The bar every starter entry meets: an agent mid-call finds a solution, two alternatives for when
 * it cannot be done, the words to say, a timeline with working days (so a composed message can
 * work out a date), the caveats and the follow-up; search finds it from at least 5 customer phrasings.
 */

export const MIN_ALTERNATIVES = 2;
export const MIN_PHRASINGS = 5;

/** "3–5 working days", "1 working day", "2 giorni lavorativi", "1 рабочего дня", "5 dies laborables". */
const WORKING_DAYS: Record<string, RegExp> = {
  en: /\d+\s*(?:[–-]\s*\d+\s*)?working days?\b/i,
  it: /\d+\s*(?:[–-]\s*\d+\s*)?giorn[oi] lavorativ[oi]/i,
  ru: /\d+\s*(?:[–-]\s*\d+\s*)?рабоч\p{L}* (?:дн|день)/iu,
  ca: /\d+\s*(?:[–-]\s*\d+\s*)?dies? (?:laborables?|feiners?)/i,
};

/** Where each part of an entry sits in its file, to point the author at the right line. */
export interface EntryLines {
  section(heading: string): number;
  key(name: string): number;
}

export function checkEntryBar(entry: Entry, file: string, at: EntryLines): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const problem = (line: number, message: string) => problems.push({ file, line, rule: 'complete', message });

  if (!entry.summary.trim()) problem(at.section(''), 'summary is missing: write one paragraph after the front matter saying when this entry applies');
  if (entry.alternatives.length < MIN_ALTERNATIVES) {
    problem(
      at.section('Alternatives'),
      `Alternatives has ${entry.alternatives.length}, needs at least ${MIN_ALTERNATIVES}: add "### title" options to offer when the request cannot be met`,
    );
  }
  const prose = [
    ['What to say', entry.whatToSay, 'the words an agent can say to the customer'],
    ['Timeline', entry.timeline, 'how long each step takes, in working days'],
    ['Caveats', entry.caveats, 'what could prevent the ideal outcome'],
    ['Follow-up', entry.followUp, 'what the agent does after the call, and when'],
  ] as const;
  for (const [heading, text, what] of prose) {
    if (!text.trim()) problem(at.section(heading), `"## ${heading}" is missing or empty: add ${what}`);
  }
  if (entry.timeline.trim() && !workingDays(entry.language).test(entry.timeline)) {
    problem(at.section('Timeline'), 'Timeline names no working days: give a range such as "within 3–5 working days" so a message can work out a date');
  }
  if (entry.phrasings.length < MIN_PHRASINGS) {
    problem(
      at.key('phrasings'),
      `phrasings has ${entry.phrasings.length}, needs at least ${MIN_PHRASINGS}: add how customers put it in their own words (short and long, polite and angry, typos too)`,
    );
  }
  if (entry.status === 'vetted' && !entry.owner) problem(at.key('status'), 'a vetted entry needs an owner: add "owner: NAME" (the lead who keeps it current)');
  if (entry.status === 'vetted' && !entry.reviewBy) problem(at.key('status'), 'a vetted entry needs a review date: add "review_by: YYYY-MM-DD"');
  return problems;
}

function workingDays(language: string): RegExp {
  const base = language.split('-')[0] ?? language;
  return WORKING_DAYS[base] ?? new RegExp(Object.values(WORKING_DAYS).map((r) => r.source).join('|'), 'iu');
}
