import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../server/audit/audit-log.ts';
import type { Db } from '../../server/db/connection.ts';
import type { RunningApp } from '../support/app.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

let db: Db;
let app: RunningApp;
freshAppForEachTest({ config: { trustProxy: 'loopback' } }, (fresh) => ({ db, app } = fresh));

const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

describe('the audit log', () => {
  it('records sign-ins and failures, accounts, roles, passwords and tokens with who, whom and where from', async () => {
    const admin = await app.as('root', 'admin');
    await admin.json('/api/users', { method: 'POST', body: { name: 'pat', role: 'agent' }, ...from('192.0.2.5') });
    await admin.json('/api/users/pat/role', { method: 'POST', body: { role: 'lead' }, ...from('192.0.2.5') });
    const { body } = await admin.json('/api/users/pat/password', { method: 'POST', body: {}, ...from('192.0.2.5') });
    const pat = app.anonymous();
    await pat.json('/api/session', { method: 'POST', body: { name: 'pat', password: 'not it' }, ...from('198.51.100.9') });
    await pat.json('/api/session', { method: 'POST', body: { name: 'pat', password: body.password }, ...from('198.51.100.9') });
    const token = await pat.json('/api/account/tokens', { method: 'POST', body: { name: 'bot' }, ...from('198.51.100.9') });
    await pat.json(`/api/account/tokens/${token.body.id}`, { method: 'DELETE', ...from('198.51.100.9') });

    const { status, body: audit } = await admin.json('/api/audit?person=pat');
    expect(status).toBe(200);
    const rows = audit.entries.map((e: Record<string, unknown>) => [e.action, e.actor, e.subject, e.ip, e.detail]);
    expect(rows).toEqual([
      ['token_revoked', 'pat', 'pat', '198.51.100.9', `#${token.body.id} bot`],
      ['token_created', 'pat', 'pat', '198.51.100.9', `#${token.body.id} bot`],
      ['sign_in', 'pat', 'pat', '198.51.100.9', null],
      ['sign_in_failed', null, 'pat', '198.51.100.9', null],
      ['password_reset', 'root', 'pat', '192.0.2.5', 'sessions and API tokens ended'],
      ['role_changed', 'root', 'pat', '192.0.2.5', 'agent → lead'],
      ['user_created', 'root', 'pat', '192.0.2.5', 'agent'],
    ]);
    for (const entry of audit.entries) expect(Date.parse(entry.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('filters by action, pages through older entries, and is for admins only', async () => {
    for (let i = 0; i < 7; i++) recordAudit(db, { action: 'import', actor: 'command line', subject: `batch-${i}`, detail: `${i} new` });
    const admin = await app.as('root', 'admin');
    const first = await admin.json('/api/audit?action=import&limit=5');
    expect(first.body.entries.map((e: { subject: string }) => e.subject)).toEqual(['batch-6', 'batch-5', 'batch-4', 'batch-3', 'batch-2']);
    const second = await admin.json(`/api/audit?action=import&limit=5&before=${first.body.nextBefore}`);
    expect(second.body.entries.map((e: { subject: string }) => e.subject)).toEqual(['batch-1', 'batch-0']);
    expect(second.body.nextBefore).toBeNull();

    expect(await admin.json('/api/audit?action=nonsense')).toMatchObject({ status: 400, body: { field: 'action' } });
    expect(await admin.json('/api/audit?limit=0')).toMatchObject({ status: 400, body: { field: 'limit' } });
    const lead = await app.as('lee', 'lead');
    expect((await lead.json('/api/audit')).status).toBe(403);
    expect((await lead.page('/admin/audit')).status).toBe(403);
    expect((await app.anonymous().json('/api/audit')).status).toBe(401);
  });

  it('shows admins a page with filters and pages', async () => {
    for (let i = 0; i < 60; i++) recordAudit(db, { action: 'restore', actor: 'ops', subject: `backup-${i}.db`, ip: null });
    const admin = await app.as('root', 'admin');
    await admin.json('/api/users', { method: 'POST', body: { name: 'pat', role: 'agent' } }); // someone to look up, as in the first test
    const page = await admin.page('/admin/audit?action=restore');
    expect(page.status).toBe(200);
    const rows = page.html.querySelectorAll('.audit-table tbody tr');
    expect(rows).toHaveLength(50);
    expect(rows[0]!.text).toMatch(/Restore[\s\S]*ops[\s\S]*backup-59\.db[\s\S]*terminal/);
    expect(page.html.querySelector('select[name=action] option[selected]')!.getAttribute('value')).toBe('restore');
    const older = page.html.querySelector('.audit-pager a')!.getAttribute('href')!;
    expect(older).toMatch(/action=restore&before=\d+/);
    const next = await admin.page(older);
    expect(next.html.querySelectorAll('.audit-table tbody tr')).toHaveLength(10);

    const byPerson = await admin.page('/admin/audit?person=PAT');
    expect(byPerson.html.querySelectorAll('.audit-table tbody tr').length).toBeGreaterThan(0);
    for (const row of byPerson.html.querySelectorAll('.audit-table tbody tr')) expect(row.text.toLowerCase()).toMatch(/pat/);
    expect(byPerson.html.querySelector('input[name=person]')!.getAttribute('value')).toBe('PAT');
  });
});
