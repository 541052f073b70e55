import type { LabelledQuery } from './bench-data.ts';

export interface Relevance {
  top1: number;
  top5: number;
  mrr10: number;
}

/** top-1, top-5 and MRR@10 of a ranking function over labelled queries. */
export async function relevance(rank: (query: string) => string[] | Promise<string[]>, queries: LabelledQuery[]): Promise<Relevance> {
  let top1 = 0;
  let top5 = 0;
  let mrr = 0;
  for (const { query, expected } of queries) {
    const at = (await rank(query)).slice(0, 10).indexOf(expected);
    if (at === 0) top1++;
    if (at >= 0 && at < 5) top5++;
    if (at >= 0) mrr += 1 / (at + 1);
  }
  const n = queries.length || 1;
  return { top1: top1 / n, top5: top5 / n, mrr10: mrr / n };
}
