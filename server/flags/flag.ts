/** A flag: an agent's note that an entry needs a lead's attention. */

export const FLAG_REASONS = ['wrong', 'outdated', 'missing_alternative', 'unclear'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
export type FlagState = 'open' | 'resolved' | 'dismissed';

export interface Flag {
  id: number;
  entryId: string;
  entryTitle: string;
  reason: FlagReason;
  comment: string;
  flaggedBy: string;
  createdAt: string;
  state: FlagState;
  closedBy: string | null;
  closedAt: string | null;
  /** The lead's note on a resolution, or the reason for a dismissal. */
  note: string;
  fixedInRevision: number | null;
}
