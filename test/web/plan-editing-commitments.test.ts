// Adding, changing, ordering and deleting commitments by hand.
import { describe, expect, it } from 'vitest';
import { getCommitment, listCommitments } from '../../src/store/commitments-repository.ts';
import { nth } from '../support/fixtures.ts';
import { editingWorldForEachTest } from './plan-editing-setup.ts';

/** The commitment titles in the order the plan overview first mentions them. */
function overviewOrder(html: string, titles: string[]): string[] {
  return [...titles].sort((a, b) => html.indexOf(a) - html.indexOf(b));
}

describe('commitments by hand', () => {
  const w = editingWorldForEachTest();

  it('adds a commitment with the next number and a lead chosen from the organisation', async () => {
    const owner = await w.as('owner');
    const url = `/plans/${w.planId}/commitments/new`;
    const form = await owner.get(url);
    expect(form.body).toContain('This will be commitment 4.');
    expect(form.body).toContain('Leo Lead (lead@a.example)');
    expect(form.body).toContain('Olive Owner (owner@a.example)');
    expect(form.body).not.toContain('Vera Viewer');
    expect(form.body).not.toContain('Bob Owner');

    const res = await owner.submit(url, url, { title: 'We will publish our accounts on time', summary: 'Every year.', leadUserId: String(w.leadId) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/plans/${w.planId}`);
    const added = nth(await listCommitments(w.t.store.db, w.planId), 3);
    expect(added).toMatchObject({ number: 4, title: 'We will publish our accounts on time', summary: 'Every year.', leadUserId: w.leadId });
    expect((await owner.get(`/plans/${w.planId}`)).body).toContain('We will publish our accounts on time');
    expect(await w.auditActions()).toContain('commitment:create');
  });

  it('refuses a commitment without a title or with a lead from elsewhere, keeping what was typed', async () => {
    const owner = await w.as('owner');
    const url = `/plans/${w.planId}/commitments/new`;
    const res = await owner.submit(url, url, { title: '', summary: 'Kept summary text', leadUserId: String(w.leadId) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#title">Enter the commitment</a>');
    expect(res.body).toContain('Kept summary text</textarea>');
    expect(res.body).toContain(`<option value="${w.leadId}" selected>`);

    const stranger = await owner.submit(url, url, { title: 'We will try', leadUserId: String(w.outsiderId) });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toContain('Select a lead from the list, or No lead');
    expect(await listCommitments(w.t.store.db, w.planId)).toHaveLength(3);
  });

  it('changes a commitment, refusing a number another commitment has and leaving the stored one as it was', async () => {
    const owner = await w.as('owner');
    const id = nth(w.commitmentIds, 1);
    const url = `/commitments/${id}/edit`;
    const before = await getCommitment(w.t.store.db, id);
    const clash = await owner.submit(url, url, { number: '1', title: 'We will change', summary: '', leadUserId: '' });
    expect(clash.statusCode).toBe(400);
    expect(clash.body).toContain('Commitment 1 already exists in this plan: enter another number');
    expect(clash.body).toContain('value="We will change"');
    expect(await getCommitment(w.t.store.db, id)).toEqual(before);

    const res = await owner.submit(url, url, { number: '7', title: 'We will deliver the strategy', summary: 'New summary', leadUserId: String(w.ownerId) });
    expect(res.statusCode).toBe(303);
    expect(await getCommitment(w.t.store.db, id)).toMatchObject({ number: 7, title: 'We will deliver the strategy', summary: 'New summary', leadUserId: w.ownerId });
    expect(await w.auditActions()).toContain('commitment:update');
  });

  it('moves commitments up and down, keeping their numbers, and says what moved', async () => {
    const owner = await w.as('owner');
    const url = `/plans/${w.planId}/commitments/order`;
    const page = await owner.get(url);
    expect(page.body.match(/Move up<span/g)).toHaveLength(2);
    expect(page.body.match(/Move down<span/g)).toHaveLength(2);
    const titles = (await listCommitments(w.t.store.db, w.planId)).map((c) => c.title);
    expect(overviewOrder((await owner.get(`/plans/${w.planId}`)).body, titles)).toEqual(titles);

    const third = nth(w.commitmentIds, 2);
    const res = await owner.submit(url, url, { commitmentId: String(third), direction: 'up' });
    expect(res.statusCode).toBe(303);
    const after = await owner.get((res.headers.location as string).split('#')[0]!);
    expect(after.body).toContain('Commitment 3 moved up.');
    expect((await listCommitments(w.t.store.db, w.planId)).map((c) => [c.id, c.number])).toEqual([
      [nth(w.commitmentIds, 0), 1],
      [third, 3],
      [nth(w.commitmentIds, 1), 2],
    ]);
    const moved = [titles[0], titles[2], titles[1]] as string[];
    expect(overviewOrder((await owner.get(`/plans/${w.planId}`)).body, titles)).toEqual(moved);

    // The first cannot move further up: nothing changes.
    await owner.submit(url, url, { commitmentId: String(nth(w.commitmentIds, 0)), direction: 'up' });
    expect(nth(await listCommitments(w.t.store.db, w.planId), 0).id).toBe(nth(w.commitmentIds, 0));
    expect(await w.auditActions()).toContain('plan:reorder-commitments');
  });

  it('deletes a commitment only after confirming', async () => {
    const owner = await w.as('owner');
    const id = nth(w.commitmentIds, 0);
    const url = `/commitments/${id}/delete`;
    const confirm = await owner.get(url);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Are you sure you want to delete commitment 1?');
    expect(confirm.body).toContain('Its 3 milestones, 2 monitoring items');
    expect(await getCommitment(w.t.store.db, id)).toBeDefined();

    const res = await owner.submit(url, url, {});
    expect(res.statusCode).toBe(303);
    expect(await getCommitment(w.t.store.db, id)).toBeUndefined();
    expect((await owner.get(`/plans/${w.planId}`)).body).not.toContain('diverse leadership');
    expect(await w.auditActions()).toContain('commitment:delete');
  });

  it('refuses commitment leads and viewers, even for the commitment they lead; other organisations get page not found', async () => {
    const own = nth(w.commitmentIds, 0);
    const pages = [`/plans/${w.planId}/commitments/new`, `/commitments/${own}/edit`, `/commitments/${own}/delete`, `/plans/${w.planId}/commitments/order`];
    for (const who of ['lead', 'viewer'] as const) {
      const browser = await w.as(who);
      for (const page of pages) expect((await browser.get(page)).statusCode, `${who} ${page}`).toBe(403);
      const token = /name="_csrf" value="([^"]+)"/.exec((await browser.get('/')).body)?.[1] ?? '';
      expect((await browser.post(`/commitments/${own}/delete`, { _csrf: token })).statusCode).toBe(403);
      expect((await browser.post(`/commitments/${own}/edit`, { _csrf: token, title: 'Hijacked', leadUserId: '' })).statusCode).toBe(403);
    }
    const outsider = await w.as('outsider');
    for (const page of pages) expect((await outsider.get(page)).statusCode, `outsider ${page}`).toBe(404);
    expect(await getCommitment(w.t.store.db, own)).toMatchObject({ title: 'We will provide strong, stable and diverse leadership' });
    expect(await listCommitments(w.t.store.db, w.planId)).toHaveLength(3);
  });
});
