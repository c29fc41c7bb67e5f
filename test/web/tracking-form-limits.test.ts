// The milestone, KPI and evidence forms refuse text longer than its kind allows (domain/field-limits.ts) with the
// GOV.UK error summary, keep everything typed, and save nothing; a date problem links to the box to fix.
import { describe, expect, it } from 'vitest';
import { listKpis } from '../../src/store/kpis-repository.ts';
import { getMilestone, listMilestoneRedates } from '../../src/store/milestones-repository.ts';
import { listEvidence } from '../../src/store/monitoring-repository.ts';
import { inputValue, submitMultipart, trackingAppForAllTests, visibleText } from './commitment-setup.ts';

describe('tracking form limits', () => {
  const t = trackingAppForAllTests();

  const commitment = (n: number) => t.plan.commitments[n - 1]!;

  it('refuses a milestone longer than 2,000 characters and keeps what was typed', async () => {
    const owner = await t.as('owner@a.example');
    const m = commitment(2).milestones[0]!;
    const url = `/milestones/${m.id}/edit`;
    const typed = `Workshop ${'a'.repeat(2_000)}`;
    const res = await owner.submit(url, url, { text: typed, status: 'in-progress' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#text">Milestone must be 2,000 characters or fewer</a>');
    expect(res.body).toMatch(/id="text-error"/);
    expect(res.body).toContain(typed);
    expect(res.body).toMatch(/<title>Error: /);
    const stored = await getMilestone(t.store.db, m.id);
    expect(stored?.text).toBe(m.text);
    expect(stored?.status).toBe(m.status);
  });

  it('takes a milestone of exactly 2,000 characters', async () => {
    const owner = await t.as('owner@a.example');
    const m = commitment(2).milestones[1]!;
    const url = `/milestones/${m.id}/edit`;
    const typed = 'b'.repeat(2_000);
    const res = await owner.submit(url, url, { text: typed, status: 'in-progress' });
    expect(res.statusCode).toBe(303);
    expect((await getMilestone(t.store.db, m.id))?.text).toBe(typed);
  });

  it('refuses a re-dating reason longer than 20,000 characters, keeping the typed date', async () => {
    const owner = await t.as('owner@a.example');
    const m = commitment(1).milestones[0]!;
    const url = `/milestones/${m.id}/redate`;
    const res = await owner.submit(url, url, { 'due-day': '30', 'due-month': '6', 'due-year': '2019', reason: 'r'.repeat(20_001) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#reason">Reason must be 20,000 characters or fewer</a>');
    expect(inputValue(res.body, 'due-day')).toBe('30');
    expect(inputValue(res.body, 'due-month')).toBe('6');
    expect(await listMilestoneRedates(t.store.db, m.id)).toEqual([]);
  });

  it('refuses a KPI name longer than 300 characters and keeps the other answers', async () => {
    const owner = await t.as('owner@a.example');
    const c = commitment(2);
    const url = `/commitments/${c.id}/kpis/new`;
    const res = await owner.submit(url, url, { text: 'k'.repeat(301), unit: '%', baseline: '10', target: '', direction: 'higher' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#text">KPI must be 300 characters or fewer</a>');
    expect(inputValue(res.body, 'unit')).toBe('%');
    expect(inputValue(res.body, 'baseline')).toBe('10');
    expect(await listKpis(t.store.db, c.id)).toEqual([]);
  });

  it('refuses an evidence note longer than 20,000 characters on the multipart form, and saves nothing', async () => {
    const owner = await t.as('owner@a.example');
    const item = commitment(1).monitoring[0]!;
    const url = `/monitoring-items/${item.id}/evidence/new`;
    const res = await submitMultipart(t.app, owner, url, url, {
      'date-day': '3', 'date-month': '7', 'date-year': '2019', evidenceNote: 'n'.repeat(20_001), evidenceLink: 'https://example.gov.uk/minutes',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#evidenceNote">Note must be 20,000 characters or fewer</a>');
    expect(inputValue(res.body, 'evidenceLink')).toBe('https://example.gov.uk/minutes');
    expect(inputValue(res.body, 'date-month')).toBe('7');
    expect(await listEvidence(t.store.db, { monitoringItemId: item.id })).toEqual([]);
  });

  it('links a date problem to the box to fix', async () => {
    const owner = await t.as('owner@a.example');
    const m = commitment(3).milestones[0]!;
    const url = `/milestones/${m.id}/done`;
    const res = await submitMultipart(t.app, owner, url, url, { 'doneOn-day': '12', 'doneOn-month': '', 'doneOn-year': '2019' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#doneOn-month">Date done must include a month</a>');
    expect(visibleText(res.body)).toContain('Error: Date done must include a month');
    expect((await getMilestone(t.store.db, m.id))?.status).toBe(m.status);
  });
});
