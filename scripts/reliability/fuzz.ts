// npm run check:fuzz -- [--requests 3000] [--seed 1]: adversarial requests (odd values in every
// field, wrong types, malformed JSON, huge and invalid text, unknown ids) from anonymous visitors,
// agents and leads against a real server process. No answer may be 5xx, and afterwards the
// database must be whole: integrity, full-text index, and no partial write (every entry's
// revisions numbered 1…n without gaps, at least one solution, every proposal's entry readable).
import { join } from 'node:path';
import { Client } from '../../test/support/app.ts';
import { numberFlags, runCheck } from './lib/check.ts';
import { column, entryIds, problemsIn } from './lib/database-checks.ts';
import { prepareDatabase, signIn, startServer } from './lib/server-process.ts';

const { requests, seed } = numberFlags({ requests: 3000, seed: 1 });

/** A small seeded generator, so a failing run can be repeated with the same --seed. */
function generator(start: number) {
  let state = start >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]! };
}

const NASTY: unknown[] = [
  '', ' ', '\n', 'a'.repeat(20_001), 'x'.repeat(301), '\u0000', '\ud800', 'a\ud800b', '\u202e\u0645', '😀'.repeat(500),
  '<script>window.__xss=1</script>', "' OR 1=1 --", '"; DROP TABLE entries; --', '../../etc/passwd', '%00', '%E0%A4%A',
  'NEAR(a b)', '"unbalanced', 'a* OR b*', '*', '^', 'title:x', '{{this}}', '__proto__', 'constructor',
  -1, 0, 1, 2 ** 53, 1e308, -0, 3.5, 'NaN', 'Infinity', null, true, false, [], {}, [[[]]], { __proto__: { polluted: 1 } },
  Array.from({ length: 200 }, (_, i) => `tag${i}`), { nested: { deeper: { deepest: [1, { x: 'y' }] } } },
];

const VALID_ENTRY = {
  title: 'Customer asks about fuzzing',
  category: 'Delivery',
  status: 'vetted',
  tags: ['fuzz'],
  phrasings: ['fuzz me'],
  summary: 'A summary.',
  solutions: [{ title: 'Do the usual thing', body: 'Follow the steps.' }],
  alternatives: [{ title: 'Offer something else', body: 'Other.' }],
};
const ENTRY_FIELDS = ['id', 'title', 'kind', 'category', 'tags', 'language', 'status', 'owner', 'reviewBy', 'phrasings', 'summary', 'solutions', 'alternatives', 'whatToSay', 'timeline', 'caveats', 'followUp', 'baseRevision', 'why', 'resolvesFlags'];

await runCheck('fuzz', async (dir) => {
  const dbPath = join(dir, 'planb.db');
  await prepareDatabase(dbPath, [{ name: 'lead', role: 'lead' }, { name: 'amara', role: 'agent' }]);
  const server = await startServer(dbPath);
  const random = generator(seed);
  const { pick, next } = random;
  const statuses = new Map<number, number>();
  const problems: string[] = [];
  try {
    const ids = [...entryIds(dbPath).slice(0, 8), 'no-such-entry', '..', '%2e%2e', 'a'.repeat(300)];
    const clients: Client[] = [await signIn(server.url, 'lead'), await signIn(server.url, 'amara'), new Client(server.url)];
    // A lone surrogate cannot be percent-encoded as UTF-8: send the bytes a careless client would.
    const url = (v: string) => {
      try {
        return encodeURIComponent(v);
      } catch {
        return '%ED%A0%80';
      }
    };
    const value = () => pick(NASTY);
    const text = () => String(pick(NASTY));
    const number = () => pick(['1', '2', '0', '-1', '999999', 'abc', '1e3', '', '%20']);
    const entryBody = (): unknown => {
      const body: Record<string, unknown> = structuredClone(VALID_ENTRY);
      for (let i = 0; i < 1 + Math.floor(next() * 3); i++) body[pick(ENTRY_FIELDS)] = value();
      if (next() < 0.3) body.solutions = [{ title: value(), body: value() }];
      return next() < 0.1 ? value() : body;
    };
    const routes: Array<() => [method: string, path: string, body?: unknown]> = [
      () => ['GET', `/api/search?q=${url(text())}&limit=${number()}&category=${url(text())}`],
      () => ['GET', `/search?q=${url(text())}&kind=${url(text())}`],
      () => ['GET', `/entries/${url(pick(ids))}`],
      () => ['GET', `/api/entries/${url(pick(ids))}/diff?from=${number()}&to=${number()}`],
      () => ['GET', `/entries/${url(pick(ids))}/revisions/${number()}`],
      () => ['GET', `/categories/${url(text())}`],
      () => ['GET', `/proposals/${number()}`],
      () => ['POST', '/api/entries', entryBody()],
      () => ['POST', `/api/entries/${url(pick(ids))}/revisions`, { ...(entryBody() as object), baseRevision: pick([1, 2, value()]) }],
      () => ['POST', `/api/entries/${url(pick(ids))}/flags`, { reason: pick(['wrong', 'unclear', value()]), comment: value() }],
      () => ['POST', `/api/entries/${url(pick(ids))}/feedback`, { option: value(), worked: value(), title: value() }],
      () => ['POST', `/api/entries/${url(pick(ids))}/helpful`, { helpful: value() }],
      () => ['POST', `/api/flags/${number()}/${pick(['resolve', 'dismiss'])}`, { note: value(), reason: value() }],
      () => ['POST', `/api/entries/${url(pick(ids))}/review`, { decision: value(), comment: value(), proposal: value() }],
      () => ['POST', `/api/proposals/${number()}`, entryBody()],
      () => ['POST', `/api/entries/${url(pick(ids))}/revisions/${number()}/restore`, {}],
      () => ['POST', `/api/entries/${url(pick(ids))}/verify`, { reviewBy: value() }],
      () => ['POST', '/api/gaps/phrasing', { query: value(), entry: pick([...ids, value()]) }],
      () => ['POST', '/api/session', { name: value(), password: value() }],
      () => ['POST', '/api/users', { name: value(), role: value(), password: value() }],
    ];
    for (let n = 1; n <= requests; n++) {
      const client = pick(clients);
      const [method, path, body] = pick(routes)();
      const malformed = method === 'POST' && next() < 0.05;
      const raw = malformed ? pick(['{', '{"a":', 'null', '[1,2', '\u0000', 'a=b&c']) : body === undefined ? undefined : JSON.stringify(body);
      let status: number;
      try {
        ({ status } = await client.json(path, { method, body: raw }));
      } catch (error) {
        // A body that is not JSON (an HTML page for a wrong Accept) is fine; read the status alone.
        status = (await client.fetch(path, { method, body: raw, headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrfToken } })).status;
        if (status < 500 && !(error instanceof SyntaxError)) problems.push(`${method} ${path}: ${(error as Error).message}`);
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500) problems.push(`${method} ${path.slice(0, 120)} ${raw?.slice(0, 200) ?? ''} → ${status}`);
    }
  } finally {
    await server.stop();
  }
  problems.push(...problemsIn(dbPath), ...partialWrites(dbPath));
  const histogram = [...statuses].sort(([a], [b]) => a - b).map(([s, count]) => `${s}×${count}`).join(' ');
  const fiveHundreds = [...statuses].filter(([s]) => s >= 500).reduce((n, [, count]) => n + count, 0);
  return { figures: `${requests} requests (seed ${seed}): ${fiveHundreds} 5xx; statuses ${histogram}; database checks ${problems.length - fiveHundreds ? 'FAILED' : 'clean'}`, problems };
});

/** Signs of a write that stopped half-way. */
function partialWrites(dbPath: string): string[] {
  const gaps = column(
    dbPath,
    `SELECT e.id FROM entries e WHERE (SELECT count(*) FROM revisions r WHERE r.entry_id = e.id) != e.revision
        OR (SELECT max(number) FROM revisions r WHERE r.entry_id = e.id) != e.revision`,
  ).map((id) => `entry ${id}: its revisions are not numbered 1…n without gaps`);
  const noSolution = column(dbPath, "SELECT id FROM entries e WHERE NOT EXISTS (SELECT 1 FROM entry_options o WHERE o.entry_id = e.id AND o.kind = 'solution')").map(
    (id) => `entry ${id} has no solution`,
  );
  const unreadable = (column(dbPath, 'SELECT snapshot FROM proposals') as string[]).flatMap((json, i) => {
    try {
      JSON.parse(json);
      return [];
    } catch {
      return [`proposal ${i + 1}: its entry is not readable JSON`];
    }
  });
  return [...gaps, ...noSolution, ...unreadable];
}
