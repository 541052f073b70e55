import type { Client } from '../../../test/support/app.ts';

/** One write: `key` identifies it in the database afterwards. */
type Write = (n: number) => { key: string; send: () => Promise<{ status: number }> };

/**
 * Keeps writing (one write at a time, each identifiable) until stopped, and remembers which
 * writes the server acknowledged: the checks then look for exactly those in the database.
 */
export class Writer {
  readonly acknowledged: string[] = [];
  readonly serverErrors: number[] = [];
  /** Writes whose connection was lost (e.g. the server was killed): neither acknowledged nor refused. */
  unanswered = 0;
  private running = false;
  private done: Promise<void> = Promise.resolve();

  constructor(private readonly write: Write) {}

  start(): this {
    this.running = true;
    this.done = this.loop();
    return this;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }

  private async loop(): Promise<void> {
    for (let n = 1; this.running; n++) {
      const { key, send } = this.write(n);
      try {
        const { status } = await send();
        if (status === 201) this.acknowledged.push(key);
        else if (status >= 500) this.serverErrors.push(status);
      } catch {
        this.unanswered++;
        this.running = false;
      }
    }
  }
}

/** Flags with the comment `LABEL n`, round the given entries. */
export const flagWriter = (client: Client, entryIds: string[], label: string) =>
  new Writer((n) => {
    const key = `${label} ${n}`;
    const entry = entryIds[n % entryIds.length]!;
    return { key, send: () => client.json(`/api/entries/${entry}/flags`, { method: 'POST', body: { reason: 'unclear', comment: key } }) };
  });

/** New entries with the id `LABEL-n` and a word of their own in the title, `LABELxn`, to search for. */
export const entryWriter = (client: Client, label: string) =>
  new Writer((n) => {
    const key = `${label}-${n}`;
    const body = {
      id: key,
      title: `Customer asks about ${label}x${n}`,
      category: 'Delivery',
      status: 'vetted',
      summary: `Written by the ${label} check.`,
      solutions: [{ title: 'Do the usual thing', body: 'Follow the steps.' }],
    };
    return { key, send: () => client.json('/api/entries', { method: 'POST', body }) };
  });
