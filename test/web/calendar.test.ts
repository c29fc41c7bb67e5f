// Calendar feeds read back with an iCalendar parser (ical.js), as a calendar app would.
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../src/services/accounts.ts';
import { findOrCreateOrganisation } from '../../src/store/organisations-repository.ts';
import { savePlanDraft } from '../../src/store/plans-repository.ts';
import type { PlanDetail } from '../../src/store/records.ts';
import { seedPlan } from '../support/fixtures.ts';
import { client, createTestApp, type TestApp } from './support.ts';

const PASSWORD = 'calendar-test-password';

function readEvents(text: string): { summary: string; start: string; rrule: string }[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar
    .getAllSubcomponents('vevent')
    .map((c) => {
      const event = new ICAL.Event(c);
      return { summary: event.summary, start: event.startDate.toString(), rrule: String(c.getFirstPropertyValue('rrule') ?? '') };
    })
    .sort((a, b) => a.start.localeCompare(b.start));
}

function feedPathIn(html: string): string {
  const url = /value="(https?:\/\/[^"]+\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec(html)?.[1];
  if (!url) throw new Error('no feed address on the page');
  return new URL(url).pathname;
}

describe('calendar feeds', () => {
  let t: TestApp;
  let plan: PlanDetail;
  beforeEach(async () => {
    t = await createTestApp({ SERVICE_URL: 'https://tracker.example.gov.uk' });
    plan = await seedPlan(t.store.db, 'Lancashire LEP');
    const other = await findOrCreateOrganisation(t.store.db, 'Another LEP');
    await savePlanDraft(t.store.db, other.id, {
      title: 'Another plan',
      period: { from: '2019-04-01', to: '2020-03-31' },
      commitments: [{ number: 1, title: 'Other work', summary: '', kpis: [], monitoring: [], updates: [],
        milestones: [{ text: 'Secret milestone of another organisation', due: { from: '2019-06-01', to: '2019-06-01' }, recurrence: null }] }],
      warnings: [],
    });
    await addAccount(t.store.db, { email: 'lead@lancs.example', name: 'Liam Lead', password: PASSWORD, organisation: 'Lancashire LEP', role: 'commitment-lead' });
    await addAccount(t.store.db, { email: 'owner@other.example', name: 'Omar Other', password: PASSWORD, organisation: 'Another LEP', role: 'plan-owner' });
  });
  afterEach(async () => t.close());

  it('serves the milestones of the user’s plans at a secret address, shown once, until it is replaced or revoked', async () => {
    const lead = client(t.app);
    await lead.signIn('lead@lancs.example', PASSWORD);
    expect((await lead.get('/account/calendar')).body).toContain('You do not have a calendar feed address');
    const made = await lead.submit('/account/calendar', '/account/calendar', {});
    expect(made.statusCode).toBe(200);
    expect(made.body).toContain('https://tracker.example.gov.uk/calendar/');
    const path = feedPathIn(made.body);
    const token = path.slice('/calendar/'.length, -'.ics'.length);

    // Only the token's hash is stored, and the page never shows the address again.
    const stored = await t.store.db.withTables<{ calendar_feeds: { token_hash: string } }>().selectFrom('calendar_feeds').select('token_hash').execute();
    expect(stored).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
    const later = await lead.get('/account/calendar');
    expect(later.body).not.toContain(token);
    expect(later.body).toContain('It was shown to you once');

    const calendarApp = client(t.app);
    const feed = await calendarApp.get(path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(readEvents(feed.body)).toEqual([
      { summary: 'Workshop 1 – Wednesday 15th May', start: '2019-05-15', rrule: '' },
      { summary: 'Appointment of Permanent Chair by April/May 2019', start: '2019-05-31', rrule: '' },
      { summary: 'Board diversity report – Quarterly', start: '2019-06-30', rrule: expect.stringContaining('FREQ=MONTHLY') },
      { summary: 'Assurance framework refreshed by end of Q2', start: '2019-09-30', rrule: '' },
      { summary: 'Draft strategy 04/11/2019 – 13/12/2019', start: '2019-12-13', rrule: '' },
    ]);
    expect(feed.body).not.toContain('Secret milestone of another organisation');

    // A new address replaces the old one.
    const remade = await lead.submit('/account/calendar', '/account/calendar', {});
    const newPath = feedPathIn(remade.body);
    expect(newPath).not.toBe(path);
    expect((await calendarApp.get(path)).statusCode).toBe(404);
    expect((await calendarApp.get(newPath)).statusCode).toBe(200);

    const revoked = await lead.submit('/account/calendar', '/account/calendar/revoke', {});
    expect(revoked.body).toContain('has been revoked');
    const gone = await calendarApp.get(newPath);
    expect(gone.statusCode).toBe(404);
    expect(gone.body).not.toContain('BEGIN:VCALENDAR');
    expect((await calendarApp.get('/calendar/not-a-token.ics')).statusCode).toBe(404);
  });

  it('downloads one plan’s calendar for its members only', async () => {
    const lead = client(t.app);
    await lead.signIn('lead@lancs.example', PASSWORD);
    const file = await lead.get(`/plans/${plan.id}/calendar.ics`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${plan.id}-lancashire-lep-improvement-plan-2019-20-milestones.ics"`);
    expect(readEvents(file.body)).toHaveLength(5);

    const outsider = client(t.app);
    await outsider.signIn('owner@other.example', PASSWORD);
    expect((await outsider.get(`/plans/${plan.id}/calendar.ics`)).statusCode).toBe(404);
    const anonymous = await client(t.app).get(`/plans/${plan.id}/calendar.ics`);
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toMatch(/^\/sign-in/);
  });
});
