// Too long a field on a plan-editing form is refused with the GOV.UK error summary, naming the field and its limit,
// and everything typed stays in the form; nothing is stored.
import { describe, expect, it } from 'vitest';
import { listCommitments } from '../../src/store/commitments-repository.ts';
import { listMonitoringItems } from '../../src/store/monitoring-repository.ts';
import { listPlans } from '../../src/store/plans-repository.ts';
import { nth } from '../support/fixtures.ts';
import { editingWorldForEachTest } from './plan-editing-setup.ts';

describe('plan-editing forms with a field over its limit', () => {
  const w = editingWorldForEachTest();

  it('refuses a plan title over 300 characters, keeping the title and the other answers', async () => {
    const owner = await w.as('owner');
    const url = `/organisations/${w.orgId}/plans/new`;
    const before = (await listPlans(w.t.store.db, w.orgId)).length;
    const title = `Plan ${'x'.repeat(296)}`;
    const res = await owner.submit(url, url, { title, fyStartMonth: '4', periodType: 'financial-year', fyYear: '2021', reviewCadence: 'monthly', status: 'draft' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#title">Plan title must be 300 characters or fewer</a>');
    expect(res.body).toContain(`value="${title}"`);
    expect(res.body).toContain('value="2021"');
    expect(res.body).toMatch(/value="monthly" checked/);
    expect((await listPlans(w.t.store.db, w.orgId)).length).toBe(before);
  });

  it('refuses a commitment over 2,000 characters, keeping it and its summary', async () => {
    const owner = await w.as('owner');
    const url = `/plans/${w.planId}/commitments/new`;
    const title = 'c'.repeat(2_001);
    const res = await owner.submit(url, url, { title, summary: 'Kept summary text', leadUserId: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#title">Commitment must be 2,000 characters or fewer</a>');
    expect(res.body).toContain(title);
    expect(res.body).toContain('Kept summary text</textarea>');
    expect((await listCommitments(w.t.store.db, w.planId)).length).toBe(3);
  });

  it('refuses a monitoring item over 20,000 characters, keeping what was typed', async () => {
    const owner = await w.as('owner');
    const commitmentId = nth(w.commitmentIds, 1);
    const url = `/commitments/${commitmentId}/monitoring/new`;
    const before = (await listMonitoringItems(w.t.store.db, commitmentId)).length;
    const text = 'm'.repeat(20_001);
    const res = await owner.submit(url, url, { text });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#text">Monitoring item must be 20,000 characters or fewer</a>');
    expect(res.body).toContain(`${text}</textarea>`);
    expect((await listMonitoringItems(w.t.store.db, commitmentId)).length).toBe(before);
  });
});
