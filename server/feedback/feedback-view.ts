import { can } from '../people/permissions.ts';
import type { User } from '../people/user.ts';
import type { Db } from '../db/connection.ts';
import type { StoredEntry } from '../entries/entry-queries.ts';
import { helpfulCounts, optionFeedback } from './feedback-service.ts';
import { bySuccess } from './option-counts.ts';

/** What the entry page shows of feedback, prepared for the templates. */

interface OptionView {
  number: number;
  title: string;
}

/**
 * The entry page's options with their counts and, for those who may give feedback, the buttons.
 * A lead may order each list by success; the numbers stay those of the page order, which is what
 * the API and the other agents call them.
 */
export function withFeedback<V extends { id: string; solutions: OptionView[]; alternatives: OptionView[] }>(
  db: Db,
  user: User | null,
  view: V,
  stored: StoredEntry,
  sortBySuccess: boolean,
) {
  const counts = new Map(optionFeedback(db, stored).map((f) => [f.option, f.counts]));
  const sorted = sortBySuccess && can(user, 'seeInsights');
  const decorate = <O extends OptionView>(list: O[]) => {
    const options = list.map((option) => {
      const c = counts.get(option.number) ?? { worked: 0, failed: 0, total: 0 };
      return {
        ...option,
        counts: c,
        feedback: {
          ...c,
          canGive: can(user, 'giveFeedback'),
          action: `/entries/${view.id}/feedback`,
          api: `/api/entries/${view.id}/feedback`,
          sort: sorted ? 'success' : '',
        },
      };
    });
    return sorted ? bySuccess(options) : options;
  };
  return {
    ...view,
    solutions: decorate(view.solutions),
    alternatives: decorate(view.alternatives),
    sorting: {
      canSort: can(user, 'seeInsights') && counts.size > 0,
      sorted,
      pageOrderUrl: `/entries/${view.id}`,
      successUrl: `/entries/${view.id}?sort=success`,
    },
  };
}

export function helpfulPanel(db: Db, user: User | null, entryId: string) {
  const { yes, no, mine } = helpfulCounts(db, entryId, user?.name);
  return {
    yes,
    no,
    votedYes: mine === true,
    votedNo: mine === false,
    canVote: can(user, 'giveFeedback'),
    action: `/entries/${entryId}/helpful`,
    api: `/api/entries/${entryId}/helpful`,
  };
}
