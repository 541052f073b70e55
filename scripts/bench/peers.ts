import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import FlexSearch from 'flexsearch';
import Fuse from 'fuse.js';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import type { Db } from '../../server/db/connection.ts';
import { ftsMatch } from '../../server/search/query/fts-query.ts';
import { queryTerms } from '../../server/search/query/query-terms.ts';

/**
 * The engines a team would otherwise reach for, each indexing the same entries (title, phrasings,
 * tags, summary and body as fields) for side-by-side benchmarks: with their defaults, except where
 * a default cannot answer a sentence at all and the engine documents the option a team would set
 * (FlexSearch `suggest` for any-word matching, Fuse.js `ignoreLocation` for long texts).
 */
export type PeerDoc = {
  id: string;
  title: string;
  phrasings: string;
  body: string;
};

export interface Engine {
  name: string;
  /** Entry ids, best first (at most 10). */
  rank(query: string): string[] | Promise<string[]>;
}

export type PeerFactory = (docs: PeerDoc[], db: Db) => Engine | Promise<Engine>;

/** FTS5 bm25 over the app's own index (porter, diacritics folded), terms OR-ed. */
export const fts5: PeerFactory = (_docs, db) => {
  const statement = db.prepare(`SELECT e.id FROM entries_fts JOIN entries e ON e.entry_no = entries_fts.rowid
    WHERE entries_fts MATCH ? ORDER BY bm25(entries_fts) LIMIT 10`).pluck();
  return {
    name: 'SQLite FTS5 (bm25, OR, porter)',
    rank: (query) => {
      const match = ftsMatch(queryTerms(query));
      return match ? (statement.all(match) as string[]) : [];
    },
  };
};

export const minisearch: PeerFactory = (docs) => {
  const index = new MiniSearch<PeerDoc>({ fields: ['title', 'phrasings', 'body'] });
  index.addAll(docs);
  return { name: 'minisearch (defaults)', rank: (query) => index.search(query).slice(0, 10).map((r) => String(r.id)) };
};

/** The fuzzy and prefix options a team adds for typos and typing (fuzzy everywhere costs clean queries). */
export const minisearchFuzzy: PeerFactory = (docs) => {
  const index = new MiniSearch<PeerDoc>({ fields: ['title', 'phrasings', 'body'] });
  index.addAll(docs);
  return {
    name: 'minisearch (fuzzy 0.2, prefix)',
    rank: (query) => index.search(query, { fuzzy: 0.2, prefix: true }).slice(0, 10).map((r) => String(r.id)),
  };
};

export const lunrPeer: PeerFactory = (docs) => {
  const index = lunr(function () {
    this.ref('id');
    for (const field of ['title', 'phrasings', 'body']) this.field(field);
    for (const doc of docs) this.add(doc);
  });
  // lunr reads + - : ~ ^ * as query syntax; a customer's question is plain words.
  const plain = (query: string) => query.replace(/[+\-:~^*]/g, ' ');
  return { name: 'lunr', rank: (query) => index.search(plain(query)).slice(0, 10).map((r) => r.ref) };
};

export const flexsearch: PeerFactory = (docs) => {
  const index = new FlexSearch.Document({ document: { id: 'id', index: ['title', 'phrasings', 'body'] } });
  for (const doc of docs) index.add(doc);
  return {
    name: 'FlexSearch (suggest)',
    rank: (query) => {
      // Without `suggest` a multi-word question must match every word; results come per field,
      // merged here by reciprocal rank.
      const score = new Map<string, number>();
      for (const field of index.search(query, { limit: 10, suggest: true })) {
        field.result.forEach((id, rank) => score.set(String(id), (score.get(String(id)) ?? 0) + 1 / (rank + 1)));
      }
      return [...score].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([id]) => id);
    },
  };
};

export const orama: PeerFactory = async (docs) => {
  const db = create({ schema: { id: 'string', title: 'string', phrasings: 'string', body: 'string' } as const });
  await insertMultiple(db, docs);
  return {
    name: 'Orama',
    rank: async (query) => (await oramaSearch(db, { term: query, limit: 10 })).hits.map((h) => h.document.id),
  };
};

export const fuse: PeerFactory = (docs) => {
  // By default Fuse.js only looks near the start of each text; questions match anywhere.
  const index = new Fuse(docs, { keys: ['title', 'phrasings', 'body'], ignoreLocation: true, threshold: 0.4 });
  return { name: 'Fuse.js (ignoreLocation)', rank: (query) => index.search(query, { limit: 10 }).map((r) => r.item.id) };
};

export const PEERS: PeerFactory[] = [fts5, minisearch, minisearchFuzzy, lunrPeer, flexsearch, orama, fuse];
