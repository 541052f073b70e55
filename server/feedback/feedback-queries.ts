import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import type { OptionTally } from './option-counts.ts';

const statements = preparedFor((db) => ({
  record: db.prepare<{ entryId: string; number: number; title: string; worked: 0 | 1; givenBy: string; now: string }>(`INSERT INTO option_feedback (entry_id, option_number, option_title, worked, given_by, created_at)
    VALUES (@entryId, @number, @title, @worked, @givenBy, @now)`),
  tallies: db.prepare<[entryId: string], OptionTally>(`SELECT option_title AS title, option_number AS number, sum(worked) AS worked, sum(1 - worked) AS failed
    FROM option_feedback WHERE entry_id = ? GROUP BY option_title, option_number`),
  vote: db.prepare<{ entryId: string; voter: string; helpful: 0 | 1; now: string }>(`INSERT INTO entry_helpful (entry_id, voter, helpful, updated_at) VALUES (@entryId, @voter, @helpful, @now)
    ON CONFLICT (entry_id, voter) DO UPDATE SET helpful = excluded.helpful, updated_at = excluded.updated_at`),
  helpfulTally: db.prepare<[entryId: string], { yes: number; no: number }>(`SELECT coalesce(sum(helpful), 0) AS yes, coalesce(sum(1 - helpful), 0) AS no
    FROM entry_helpful WHERE entry_id = ?`),
  voteOf: db.prepare<[entryId: string, voter: string], 0 | 1>('SELECT helpful FROM entry_helpful WHERE entry_id = ? AND voter = ?').pluck(),
  // Options as they are now (matched by title, like the counts on the entry page) with enough reports to judge.
  success: db.prepare<{ minReports: number }, OptionSuccess>(`
    SELECT e.id AS entryId, e.title AS entryTitle, o.position AS number, o.title, o.kind,
      sum(f.worked) AS worked, sum(1 - f.worked) AS failed
    FROM option_feedback f
    JOIN entry_options o ON o.entry_id = f.entry_id AND o.title = f.option_title
    JOIN entries e ON e.id = f.entry_id AND e.status = 'vetted'
    GROUP BY e.id, o.position
    HAVING count(*) >= @minReports`),
}));

export interface OptionSuccess {
  entryId: string;
  entryTitle: string;
  number: number;
  title: string;
  kind: 'solution' | 'alternative';
  worked: number;
  failed: number;
}

export function recordOptionFeedback(
  db: Db,
  feedback: { entryId: string; number: number; title: string; worked: boolean; givenBy: string },
): void {
  statements(db).record.run({ ...feedback, worked: feedback.worked ? 1 : 0, now: new Date().toISOString() });
}

/** Worked / didn't work per option title and number, for countsFor. */
export function optionTallies(db: Db, entryId: string): OptionTally[] {
  return statements(db).tallies.all(entryId);
}

export function setHelpful(db: Db, entryId: string, voter: string, helpful: boolean): void {
  statements(db).vote.run({ entryId, voter, helpful: helpful ? 1 : 0, now: new Date().toISOString() });
}

export function helpfulTally(db: Db, entryId: string): { yes: number; no: number } {
  return statements(db).helpfulTally.get(entryId) ?? { yes: 0, no: 0 };
}

/** This person's vote on the entry, or undefined when they have not voted. */
export function helpfulVoteOf(db: Db, entryId: string, voter: string): boolean | undefined {
  const vote = statements(db).voteOf.get(entryId, voter);
  return vote === undefined ? undefined : vote === 1;
}

/** Every current option with at least `minReports` reports, for ranking by how often it worked. */
export function optionSuccess(db: Db, minReports: number): OptionSuccess[] {
  return statements(db).success.all({ minReports });
}
