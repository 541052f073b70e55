import { describe, expect, it } from 'vitest';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { followDatabase } from '../../server/search/index/index-follower.ts';
import { learnedRows, learnWeights, trainingSet } from '../../server/search/rank/learned-weights.ts';
import { trainInWorker } from '../../server/search/rank/weights-trainer.ts';
import { freshDatabase } from '../support/database.ts';
import { makeEntry } from '../support/entries.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';

const vettedCount = (db: ReturnType<typeof freshDatabase>) => db.prepare("SELECT count(*) FROM entries WHERE status = 'vetted'").pluck().get();

describe('learned weights', () => {
  it('are trained for every vetted entry at start, and again in the worker after a save', async () => {
    const db = freshDatabase();
    seedKnowledgeBase(db);
    const follower = followDatabase(db);
    const { index } = follower.current();
    expect(index.learnedWeights.size).toBe(vettedCount(db));
    const before = index.learnedWeights;

    saveEntry(db, makeEntry({ id: 'gift-card', title: 'Gift card not accepted', phrasings: ['my voucher code fails', 'gift card refused at checkout'] }), { author: 'amara', summary: 'New' });
    follower.current();
    // The save itself does not train: the request that saw it returned with the previous weights.
    expect(index.learnedWeights).toBe(before);
    await follower.idle();
    expect(index.learnedWeights).not.toBe(before);
    expect(index.learnedWeights.size).toBe(vettedCount(db));
    const giftCard = index.numberOf('gift-card')!;
    expect([...index.learnedWeights.get(giftCard)!.weights].some((w) => w !== 0)).toBe(true);
  });

  it('come out of the worker exactly as trained on the calling thread', async () => {
    const db = freshDatabase();
    seedKnowledgeBase(db);
    const { index } = followDatabase(db).current();
    const here = learnWeights(trainingSet(index)!);
    const { set, learned } = await trainInWorker(trainingSet(index)!);
    expect(learned).toEqual(here);
    expect([...learnedRows(set, learned).keys()]).toEqual([...index.learnedWeights.keys()]);
  });
});
