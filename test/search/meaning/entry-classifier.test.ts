import { describe, expect, it, onTestFinished } from 'vitest';
import { saveEntry } from '../../../server/entries/save-entry.ts';
import { examplesOf, logProbabilities, trainClassifier } from '../../../server/search/meaning/entry-classifier.ts';
import { DIMENSIONS } from '../../../server/search/meaning/vector-math.ts';
import { createSearch } from '../../../server/search/search.ts';
import { makeEntry } from '../../support/entries.ts';
import { freshDatabase } from '../../support/database.ts';
import { seededRandom } from '../../../scripts/bench/seeded-random.ts';
import { MODEL, saveAll } from './fixture.ts';

/** `count` noisy int8 vectors around a centre, packed. */
function around(centre: number[], count: number, random: () => number, noise: number): Int8Array {
  const packed = new Int8Array(count * DIMENSIONS);
  for (let v = 0; v < count; v++) {
    for (let k = 0; k < DIMENSIONS; k++) packed[v * DIMENSIONS + k] = Math.max(-127, Math.min(127, Math.round(centre[k]! + (random() - 0.5) * noise)));
  }
  return packed;
}

const argmax = (values: Float64Array) => values.indexOf(Math.max(...values));

describe('the entry classifier, on vectors', () => {
  const random = seededRandom(3);
  const centres = Array.from({ length: 5 }, () => Array.from({ length: DIMENSIONS }, () => (random() - 0.5) * 60));
  const examples = examplesOf(centres.map((centre) => around(centre, 8, random, 200)));
  const weights = trainClassifier(examples);

  it('packs each example as a unit vector with its class', () => {
    expect(examples.classes).toBe(5);
    expect(Array.from(examples.labels)).toEqual(centres.flatMap((_, c) => Array(8).fill(c)));
    for (let e = 0; e < examples.labels.length; e++) {
      const norm = Math.hypot(...examples.vectors.subarray(e * DIMENSIONS, (e + 1) * DIMENSIONS));
      expect(norm).toBeCloseTo(1, 5);
    }
  });

  it('tells new noisy examples of each class apart, with log-probabilities that sum to one', () => {
    centres.forEach((centre, c) => {
      const query = around(centre, 1, random, 200);
      const scores = logProbabilities(weights, examples.classes, query);
      expect(argmax(scores)).toBe(c);
      expect(scores.reduce((sum, s) => sum + Math.exp(s), 0)).toBeCloseTo(1, 9);
    });
  });
});

describe('the entry classifier, kept in step with the entries', () => {
  // One test: the steps follow one another on one database (the test order is shuffled).
  it('is trained in the worker on the vetted entries once their vectors are in, and again after one is added', async () => {
    const db = freshDatabase();
    saveAll(db);
    const search = createSearch(db, { model: MODEL, queryWaitMs: 60_000 });
    onTestFinished(() => search.meaning.close());
    const encoded = async (text: string) => (await search.meaning.queries!.vectorOf(text))!;
    await search.meaning.settled();
    const classifier = search.meaning.classifier!;
    expect(classifier.trainings).toBe(1);
    const scores = classifier.scoresFor(await encoded('I would like a reimbursement'))!;
    const vetted = ['request-refund', 'card-stolen', 'late-parcel', 'forgot-password'];
    expect(vetted.map(scores).every((s) => s !== undefined && s <= 0)).toBe(true);
    expect(vetted.reduce((best, id) => (scores(id)! > scores(best)! ? id : best))).toBe('request-refund');
    expect(scores('refund-draft')).toBeUndefined();
    expect(scores('refund-archived')).toBeUndefined();

    // Nothing changed: no training.
    await search.meaning.settled();
    expect(classifier.trainings).toBe(1);

    // A restart (or a second process) reads the weights trained on exactly these entries and texts.
    const restarted = async () => {
      const again = createSearch(db, { model: MODEL });
      onTestFinished(() => again.meaning.close());
      await again.meaning.settled();
      return again.meaning.classifier!;
    };
    const query = await encoded('I would like a reimbursement');
    const second = await restarted();
    expect(second.trainings).toBe(0);
    for (const id of vetted) expect(second.scoresFor(query)!(id)).toBeCloseTo(scores(id)!, 6);

    saveEntry(db, makeEntry({ id: 'change-address', title: 'Change my address', category: 'Account', phrasings: ['I moved house', 'update where I live'] }), { author: 'amara', summary: 'New' });
    await search.settled('I moved house');
    await search.meaning.settled();
    expect(classifier.trainings).toBe(2);
    const moved = await encoded('I have a new home address');
    expect(classifier.scoresFor(moved)!('change-address')).toBeGreaterThan(Math.log(0.2));
    // Those weights replaced the first ones, and are what the next start reads.
    expect(db.prepare('SELECT count(*) FROM classifier_weights').pluck().get()).toBe(1);
    const third = await restarted();
    expect(third.trainings).toBe(0);
    expect(third.scoresFor(moved)!('change-address')).toBeCloseTo(classifier.scoresFor(moved)!('change-address')!, 6);
  });
});
