import type { Client } from '../../../test/support/app.ts';

/**
 * Keeps writing flags (one at a time, each with a unique comment) until stopped, and remembers
 * which writes the server acknowledged: the checks then look for exactly those in the database.
 */
export class FlagWriter {
  readonly acknowledged: string[] = [];
  readonly serverErrors: number[] = [];
  /** Writes the connection lost (e.g. the server was killed): neither acknowledged nor refused. */
  unanswered = 0;
  private running = false;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: Client,
    private readonly entryIds: string[],
    private readonly label: string,
  ) {}

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
      const comment = `${this.label} ${n}`;
      const entry = this.entryIds[n % this.entryIds.length]!;
      try {
        const { status } = await this.client.json(`/api/entries/${entry}/flags`, { method: 'POST', body: { reason: 'unclear', comment } });
        if (status === 201) this.acknowledged.push(comment);
        else if (status >= 500) this.serverErrors.push(status);
      } catch {
        this.unanswered++;
        this.running = false;
      }
    }
  }
}
