// The admin pages through the app: who may manage an organisation's members, adding someone who has an account and
// inviting someone who has not (the e-mail caught by a real SMTP server), changing roles, the last admin, removing
// a member (their history kept), and a service-wide admin disabling and re-enabling a user.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../src/services/accounts.ts';
import { createServices } from '../../src/services/index.ts';
import { setServiceAdmin } from '../../src/store/users-repository.ts';
import { startMailCapture, type MailCapture } from '../services/people-mail-server.ts';
import { client, createTestApp, type TestApp } from './support.ts';

const PASSWORD = 'orchard kettle lighthouse';

async function orgId(t: TestApp, name: string): Promise<number> {
  return (await t.store.db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

async function userId(t: TestApp, email: string): Promise<number> {
  return (await t.store.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

async function rolesOf(t: TestApp, email: string, organisationId: number): Promise<string[]> {
  const rows = await t.store.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.role').where('users.email', '=', email).where('memberships.organisation_id', '=', organisationId).execute();
  return rows.map((r) => r.role);
}

describe('admin pages', () => {
  let t: TestApp;
  let mail: MailCapture;
  let org: number;
  beforeEach(async () => {
    mail = await startMailCapture();
    t = await createTestApp({ ...mail.env, SERVICE_URL: 'https://tracker.example.org' });
    for (const [email, role, organisation] of [
      ['ada@a.example', 'admin', 'Org A'], ['olu@a.example', 'plan-owner', 'Org A'], ['bo@b.example', 'admin', 'Org B'], ['sam@b.example', 'viewer', 'Org B'],
    ] as const) {
      await addAccount(t.store.db, { email, name: email.split('@')[0]!, password: PASSWORD, organisation, role });
    }
    org = await orgId(t, 'Org A');
  });
  afterEach(async () => {
    await t.close();
    await mail.close();
  });

  it('lets only the organisation’s admins in: 403 for its other members, 404 for anyone else', async () => {
    const owner = client(t.app);
    await owner.signIn('olu@a.example', PASSWORD);
    expect((await owner.get(`/admin/organisations/${org}`)).statusCode).toBe(403);
    expect((await owner.get('/admin')).statusCode).toBe(403);
    const outsider = client(t.app);
    await outsider.signIn('bo@b.example', PASSWORD);
    expect((await outsider.get(`/admin/organisations/${org}`)).statusCode).toBe(404);
    expect((await outsider.get('/admin/users')).statusCode).toBe(403);
    expect((await client(t.app).get(`/admin/organisations/${org}`)).statusCode).toBe(302);
    const admin = client(t.app);
    await admin.signIn('ada@a.example', PASSWORD);
    const page = await admin.get(`/admin/organisations/${org}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('olu@a.example');
    expect(page.body).not.toContain('bo@b.example');
  });

  it('adds someone with an account at once, invites someone without one, and the invitation link works once', async () => {
    const admin = client(t.app);
    await admin.signIn('ada@a.example', PASSWORD);
    const form = `/admin/organisations/${org}/members/new`;
    const check = await admin.submit(form, `/admin/organisations/${org}/members/check`, { email: 'sam@b.example', role: 'reviewer' });
    expect(check.body).toContain('Check the new member’s details');
    const added = await admin.submit(form, `/admin/organisations/${org}/members`, { email: 'sam@b.example', role: 'reviewer' });
    expect(added.body).toContain('Member added');
    expect(await rolesOf(t, 'sam@b.example', org)).toEqual(['reviewer']);
    expect(mail.mails).toEqual([]);

    const bad = await admin.submit(form, `/admin/organisations/${org}/members/check`, { email: 'not an address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter an email address in the right format');
    expect(bad.body).toContain('Choose the role they will have');

    const invited = await admin.submit(form, `/admin/organisations/${org}/members`, { email: 'New.Person@A.example', role: 'viewer' });
    expect(invited.body).toContain('Invitation sent');
    const link = new URL(mail.linkTo('new.person@a.example', '/sign-in/invitation/'));
    expect(mail.mails.at(-1)!.subject).toContain('Org A');
    const stored = await t.store.db.selectFrom('invitations').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(link.pathname.split('/').at(-1));

    const person = client(t.app);
    const page = await person.get(link.pathname);
    expect(page.body).toContain('You have been invited to Org A as Viewer');
    const weak = await person.submit(link.pathname, link.pathname, { name: 'New Person', password: 'abcdabcdabcd', confirm: 'abcdabcdabcd' });
    expect(weak.statusCode).toBe(400);
    const joined = await person.submit(link.pathname, link.pathname, { name: 'New Person', password: 'velvet thunder parsnip', confirm: 'velvet thunder parsnip' });
    expect(joined.statusCode).toBe(303);
    expect((await person.get('/')).body).toContain('Org A');
    expect(await rolesOf(t, 'new.person@a.example', org)).toEqual(['viewer']);

    const again = await client(t.app).get(link.pathname);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('This invitation has already been used');
  });

  it('changes a role, keeps the last admin, removes a member with their history kept, and audits every change', async () => {
    const admin = client(t.app);
    await admin.signIn('ada@a.example', PASSWORD);
    const ada = await userId(t, 'ada@a.example');
    const olu = await userId(t, 'olu@a.example');

    const demote = await admin.submit(`/admin/organisations/${org}/members/${ada}/role`, `/admin/organisations/${org}/members/${ada}/role`, { role: 'viewer' });
    expect(demote.statusCode).toBe(400);
    expect(demote.body).toContain('last admin');
    const removeSelf = await admin.submit(`/admin/organisations/${org}/members/${ada}/remove`, `/admin/organisations/${org}/members/${ada}/remove`, {});
    expect(removeSelf.statusCode).toBe(400);
    expect(await rolesOf(t, 'ada@a.example', org)).toEqual(['admin']);

    const changed = await admin.submit(`/admin/organisations/${org}/members/${olu}/role`, `/admin/organisations/${org}/members/${olu}/role`, { role: 'commitment-lead' });
    expect(changed.statusCode).toBe(303);
    expect(await rolesOf(t, 'olu@a.example', org)).toEqual(['commitment-lead']);

    const removed = await admin.submit(`/admin/organisations/${org}/members/${olu}/remove`, `/admin/organisations/${org}/members/${olu}/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect(await rolesOf(t, 'olu@a.example', org)).toEqual([]);
    const page = await admin.get(`/admin/organisations/${org}?notice=removed`);
    expect(page.body).toContain('The member has been removed');
    // Not a member any more, but still in the history of the organisation.
    expect(page.body).toMatch(/membership removed: olu@a.example/);
    expect(page.body).toMatch(/membership role-changed: olu@a.example \(Commitment lead\)/);

    const events = await t.store.db.selectFrom('audit_events').select(['entity', 'action', 'entity_id']).where('entity', '=', 'membership').execute();
    expect(events).toEqual([
      { entity: 'membership', action: 'role-changed', entity_id: olu },
      { entity: 'membership', action: 'removed', entity_id: olu },
    ]);
  });

  it('lets a service-wide admin create an organisation, and disable a user: signed out at once, API token refused, history kept', async () => {
    await setServiceAdmin(t.store.db, await userId(t, 'bo@b.example'), true);
    const services = createServices(t.store, { config: t.config });
    const olu = await userId(t, 'olu@a.example');
    const oluUser = (await services.accounts.loadUser(olu))!;
    const token = await services.apiTokens.create(oluUser, { name: 'script', organisationId: org, role: 'viewer' });
    if (!token.ok) throw new Error('no token');
    const api = () => t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { authorization: `Bearer ${token.token}` } });
    expect((await api()).statusCode).toBe(200);

    const victim = client(t.app);
    await victim.signIn('olu@a.example', PASSWORD);
    expect((await victim.get('/account')).statusCode).toBe(200);

    const root = client(t.app);
    await root.signIn('bo@b.example', PASSWORD);
    const created = await root.submit('/admin/organisations/new', '/admin/organisations', { name: 'Org C', join: 'yes' });
    expect(created.statusCode).toBe(303);
    expect(await rolesOf(t, 'bo@b.example', await orgId(t, 'Org C'))).toEqual(['admin']);
    // A service-wide admin manages the members of an organisation they are not in.
    expect((await root.get(`/admin/organisations/${org}`)).statusCode).toBe(200);

    const disabled = await root.submit('/admin/users', `/admin/users/${olu}/disable`, {});
    expect(disabled.statusCode).toBe(303);
    expect((await victim.get('/account')).statusCode).toBe(302);
    expect((await client(t.app).signIn('olu@a.example', PASSWORD)).statusCode).toBe(400);
    expect((await api()).statusCode).toBe(401);
    expect(await rolesOf(t, 'olu@a.example', org)).toEqual(['plan-owner']);

    await root.submit('/admin/users', `/admin/users/${olu}/enable`, {});
    expect((await client(t.app).signIn('olu@a.example', PASSWORD)).statusCode).toBe(303);
    const actions = (await t.store.db.selectFrom('audit_events').select('action').where('entity', '=', 'user').execute()).map((e) => e.action);
    expect(actions).toEqual(['disabled', 're-enabled']);
  });
});
