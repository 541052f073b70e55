import type { Client, RunningApp } from './app.ts';

export type Who = 'anonymous' | 'agent' | 'lead' | 'admin';
export const EVERYONE: Who[] = ['anonymous', 'agent', 'lead', 'admin'];

/** One signed-in client per role (agnes the agent, leo the lead, ada the admin) and one anonymous. */
export async function clientsByRole(app: RunningApp): Promise<Record<Who, Client>> {
  return {
    anonymous: app.anonymous(),
    agent: await app.as('agnes', 'agent'),
    lead: await app.as('leo', 'lead'),
    admin: await app.as('ada', 'admin'),
  };
}

/** The status a refused request gets: 401 for nobody, 403 for a role that may not. */
export const refusal = (who: Who) => (who === 'anonymous' ? 401 : 403);
