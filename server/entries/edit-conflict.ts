import { Conflict } from '../errors/domain-errors.ts';
import type { Entry } from './entry.ts';
import type { StoredEntry } from './entry-queries.ts';

/** The entry moved on since the person started editing: both versions come back, to compare and merge. */
export class EditConflict extends Conflict {
  constructor(
    readonly current: StoredEntry,
    readonly yours: Entry,
  ) {
    super(
      `Someone saved revision ${current.revision} of this entry while you were editing. Compare both versions, merge, and save again.`,
      'baseRevision',
      { current: { ...current.entry, revision: current.revision }, yours },
    );
  }
}
