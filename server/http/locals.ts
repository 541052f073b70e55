import type { User } from '../people/user.ts';

/** What middleware puts on res.locals for handlers and views. */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The signed-in person (session or API token), or null. */
      user: User | null;
      /** True when the request authenticated with a Bearer token (no CSRF needed). */
      viaToken: boolean;
      /** The raw session token, to set a one-time message on it. */
      sessionToken?: string;
      flash?: string | null;
      csrfToken?: string;
      /** What waits for this person, shown in the header. */
      counts?: { review: number; myDrafts: number; flags: number; stale: number };
      isLead?: boolean;
      isAdmin?: boolean;
    }
  }
}

export {};
