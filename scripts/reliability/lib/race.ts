import type { Client } from '../../../test/support/app.ts';

export interface RaceTrial {
  statuses: number[];
  /** How many of the same-base edits were saved (exactly one is right). */
  winners: number;
  /** Whether the losing side's 409 carried both versions. */
  conflictShowsBoth: boolean;
  /** Whether the entry now says what the winner wrote. */
  winnerKept: boolean;
}

/**
 * Two clients (on two server processes) read the same revision of an entry and save different
 * edits on that base at the same moment.
 */
export async function raceSameBaseEdits(a: Client, b: Client, entryId: string, trial: number): Promise<RaceTrial> {
  const { body: entry } = await a.json(`/api/entries/${entryId}`);
  const base = entry.revision as number;
  const edit = (client: Client, side: string) =>
    client.json(`/api/entries/${entryId}/revisions`, {
      method: 'POST',
      body: { ...entry, caveats: `Race ${trial}, side ${side}`, baseRevision: base, why: `race ${trial} ${side}` },
    });
  const answers = await Promise.all([edit(a, 'A'), edit(b, 'B')]);
  const statuses = answers.map((r) => r.status);
  const won = answers.findIndex((r) => r.status === 201);
  const lost = answers.find((r) => r.status === 409);
  const { body: after } = await b.json(`/api/entries/${entryId}`);
  return {
    statuses,
    winners: statuses.filter((s) => s === 201).length,
    conflictShowsBoth: Boolean(lost?.body.current && lost.body.yours),
    winnerKept: won >= 0 && after.caveats === `Race ${trial}, side ${won === 0 ? 'A' : 'B'}` && after.revision === base + 1,
  };
}
