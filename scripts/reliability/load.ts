// npm run check:load -- [--seconds 20] [--connections 10]: two server processes on one database
// file, each loaded by autocannon with 95% searches and 5% writes (flags, through an API token).
// No request may fail or answer anything but 2xx; the figures are p50/p99 latency and throughput.
import autocannon from 'autocannon';
import { join } from 'node:path';
import { numberFlags, runCheck } from './lib/check.ts';
import { column, entryIds, problemsIn } from './lib/database-checks.ts';
import { prepareDatabase, signIn, startServer } from './lib/server-process.ts';

const { seconds, connections } = numberFlags({ seconds: 20, connections: 10 });
/** One write in every WRITE_EVERY requests: 5%. */
const WRITE_EVERY = 20;

await runCheck('load', async (dir) => {
  const dbPath = join(dir, 'planb.db');
  await prepareDatabase(dbPath);
  const servers = await Promise.all([startServer(dbPath), startServer(dbPath)]);
  try {
    const ids = entryIds(dbPath);
    const titles = column(dbPath, 'SELECT title FROM entries') as string[];
    const token = (await (await signIn(servers[0]!.url)).json('/api/account/tokens', { method: 'POST' })).body.token as string;
    const authorization = `Bearer ${token}`;
    const requests = Array.from({ length: WRITE_EVERY }, (_, i): autocannon.Request =>
      i === WRITE_EVERY - 1
        ? {
            method: 'POST',
            path: `/api/entries/${ids[i % ids.length]}/flags`,
            headers: { authorization, 'content-type': 'application/json' },
            body: JSON.stringify({ reason: 'unclear', comment: 'written under load' }),
          }
        : { method: 'GET', path: `/api/search?q=${encodeURIComponent(titles[i % titles.length]!.split(' ').slice(0, 3).join(' '))}`, headers: { authorization } },
    );
    const results = await Promise.all(
      servers.map((s) => autocannon({ url: s.url, connections, duration: seconds, requests })),
    );
    const total = results.reduce((n, r) => n + r.requests.total, 0);
    const failed = results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
    const written = column(dbPath, "SELECT count(*) FROM flags WHERE comment = 'written under load'")[0] as number;
    const problems = [
      ...results.flatMap((r, i) => (r.errors + r.timeouts + r.non2xx ? [`server ${i + 1}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx answers`] : [])),
      ...problemsIn(dbPath),
    ];
    const latency = results.map((r, i) => `server ${i + 1} p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`).join('; ');
    const perSecond = Math.round(total / seconds);
    return {
      figures: `${total} requests in ${seconds} s over 2 processes × ${connections} connections (${perSecond}/s; ${written} writes), ${failed} errors or non-2xx; ${latency}`,
      problems,
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
});
