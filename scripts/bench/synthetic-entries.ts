import type { Entry } from '../../server/entries/entry.ts';
import { surfaceWords } from '../../server/search/query/text-analysis.ts';
import { pick, seededRandom } from './seeded-random.ts';

/**
 * Realistic synthetic entries for the speed benchmark (seeded, so every run indexes the same):
 * words drawn from how BANKING77 customers speak, with a Zipf-like skew so that some words are
 * everywhere and most are rare, as in a real knowledge base.
 */
const FILLER = 'i my the a to is it can how do what why when have not still and for on with of you your'.split(' ');

export interface SyntheticCorpus {
  entries: Entry[];
  /** A new customer question for an entry, as queries are made. */
  question(random: () => number): string;
}

export function syntheticCorpus(count: number, vocabularyFrom: string[], seed = 7): SyntheticCorpus {
  const random = seededRandom(seed);
  const base = [...new Set(vocabularyFrom.flatMap(surfaceWords))].filter((w) => w.length > 3 && !FILLER.includes(w));
  // Rare words ("product names") make a large knowledge base tell its entries apart.
  const rare = Array.from({ length: Math.max(2000, count / 5) }, (_, i) => `${pick(random, base).slice(0, 4)}${i.toString(36)}`);
  const zipf = (list: string[]) => list[Math.floor(list.length * random() ** 2.5)]!;
  const topicOf = () => [zipf(base), zipf(base), zipf(base), pick(random, rare), pick(random, rare)];
  const sentence = (topic: string[], length: number) =>
    Array.from({ length }, () => (random() < 0.45 ? pick(random, FILLER) : random() < 0.7 ? pick(random, topic) : zipf(base))).join(' ');
  const topics: string[][] = [];
  const entries = Array.from({ length: count }, (_, i): Entry => {
    const topic = topicOf();
    topics.push(topic);
    return {
      id: `synthetic-${i}`,
      title: sentence(topic, 4 + Math.floor(random() * 4)),
      kind: random() < 0.85 ? 'common' : 'unusual',
      category: `Category ${i % 12}`,
      tags: topic.slice(0, 2),
      language: 'en',
      translationOf: null,
      status: random() < 0.9 ? 'vetted' : 'draft',
      owner: null,
      reviewBy: null,
      phrasings: Array.from({ length: 6 + Math.floor(random() * 5) }, () => sentence(topic, 6 + Math.floor(random() * 7))),
      summary: sentence(topic, 15),
      solutions: [{ title: sentence(topic, 5), body: sentence(topic, 40) }],
      alternatives: [{ title: sentence(topic, 5), body: sentence(topic, 25) }],
      whatToSay: '',
      timeline: '',
      caveats: '',
      followUp: '',
    };
  });
  return { entries, question: (r) => sentence(pick(r, topics), 7 + Math.floor(r() * 6)) };
}
