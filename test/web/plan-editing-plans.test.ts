// Creating a plan by hand and changing its settings, as the pages show them.
import { describe, expect, it } from 'vitest';
import { getPlanRecord, listPlans } from '../../src/store/plans-repository.ts';
import { editingWorldForEachTest } from './plan-editing-setup.ts';

const VALID = {
  title: 'Recovery plan 2020',
  fyStartMonth: '4',
  periodType: 'financial-year',
  fyYear: '2019',
  reviewCadence: 'quarterly',
  status: 'draft',
};

describe('creating a plan by hand', () => {
  const w = editingWorldForEachTest();

  const newUrl = () => `/organisations/${w.orgId}/plans/new`;

  it('offers plan owners, and only them, a link to create a plan from the home page', async () => {
    const owner = await w.as('owner');
    expect((await owner.get('/')).body).toContain(`href="${newUrl()}"`);
    const viewer = await w.as('viewer');
    expect((await viewer.get('/')).body).not.toContain(`href="${newUrl()}"`);
  });

  it('creates the plan for a financial year and shows its overview', async () => {
    const owner = await w.as('owner');
    const form = await owner.get(newUrl());
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<option value="4" selected>April</option>');

    const res = await owner.submit(newUrl(), newUrl(), VALID);
    expect(res.statusCode).toBe(303);
    const planId = Number(/^\/plans\/(\d+)$/.exec(res.headers.location as string)?.[1]);
    const plan = await getPlanRecord(w.t.store.db, planId);
    expect(plan).toMatchObject({
      organisationId: w.orgId,
      title: 'Recovery plan 2020',
      period: { from: '2019-04-01', to: '2020-03-31' },
      status: 'draft',
      reviewCadence: 'quarterly',
      fyStartMonth: 4,
    });
    const overview = await owner.get(`/plans/${planId}`);
    expect(overview.body).toContain('Recovery plan 2020');
    expect(overview.body).toContain('1 April 2019 to 31 March 2020');
    expect(await w.auditActions()).toContain('plan:create');
  });

  it('takes the period from start and end dates, or from the year named in the title', async () => {
    const owner = await w.as('owner');
    await owner.submit(newUrl(), newUrl(), {
      ...VALID,
      title: 'Calendar plan',
      fyStartMonth: '1',
      periodType: 'dates',
      'periodFrom-day': '1', 'periodFrom-month': 'Jan', 'periodFrom-year': '2021',
      'periodTo-day': '30', 'periodTo-month': '6', 'periodTo-year': '2022',
      reviewCadence: 'six-monthly',
      status: 'active',
    });
    await owner.submit(newUrl(), newUrl(), { ...VALID, title: 'Improvement plan 2021/22', fyYear: '' });
    const plans = await listPlans(w.t.store.db, w.orgId);
    expect(plans.find((p) => p.title === 'Calendar plan')).toMatchObject({
      period: { from: '2021-01-01', to: '2022-06-30' },
      fyStartMonth: 1,
      reviewCadence: 'six-monthly',
      status: 'active',
    });
    expect(plans.find((p) => p.title === 'Improvement plan 2021/22')?.period).toEqual({ from: '2021-04-01', to: '2022-03-31' });
  });

  it('refuses a form with problems, showing each one and keeping what was typed', async () => {
    const owner = await w.as('owner');
    const before = await listPlans(w.t.store.db, w.orgId);
    const res = await owner.submit(newUrl(), newUrl(), {
      ...VALID,
      title: '',
      periodType: 'dates',
      'periodFrom-day': '1', 'periodFrom-month': '4', 'periodFrom-year': '2019',
      'periodTo-day': '31', 'periodTo-month': '2', 'periodTo-year': '2020',
      reviewCadence: 'monthly',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<title>Error: Create a plan');
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain('href="#title">Enter a title for the plan</a>');
    expect(res.body).toContain('href="#periodTo-day">End date must be a real date</a>');
    expect(res.body).toMatch(/name="periodFrom-year" type="text" value="2019"/);
    expect(res.body).toMatch(/name="periodTo-day" type="text" value="31"/);
    expect(res.body).toMatch(/value="monthly" checked/);
    expect(await listPlans(w.t.store.db, w.orgId)).toEqual(before);

    const badYear = await owner.submit(newUrl(), newUrl(), { ...VALID, title: 'No year here', fyYear: '' });
    expect(badYear.statusCode).toBe(400);
    expect(badYear.body).toContain('Enter the year the financial year starts in, like 2019');
    expect(badYear.body).toContain('value="No year here"');
  });

  it('refuses viewers and commitment leads, and answers another organisation with page not found', async () => {
    for (const who of ['viewer', 'lead'] as const) {
      const browser = await w.as(who);
      expect((await browser.get(newUrl())).statusCode).toBe(403);
      const home = await browser.get('/');
      const res = await browser.post(newUrl(), { _csrf: /name="_csrf" value="([^"]+)"/.exec(home.body)?.[1] ?? '', ...VALID });
      expect(res.statusCode).toBe(403);
      expect((await browser.get(`/plans/${w.planId}/edit`)).statusCode).toBe(403);
    }
    const outsider = await w.as('outsider');
    expect((await outsider.get(newUrl())).statusCode).toBe(404);
    expect((await outsider.get(`/plans/${w.planId}/edit`)).statusCode).toBe(404);
    expect((await outsider.get('/organisations/99999/plans/new')).statusCode).toBe(404);
    expect((await listPlans(w.t.store.db, w.orgId)).map((p) => p.title)).toEqual(['Lancashire LEP improvement plan 2019/20']);
  });
});

describe('changing a plan’s settings', () => {
  const w = editingWorldForEachTest();

  it('shows the stored settings and saves changes, closing the plan', async () => {
    const owner = await w.as('owner');
    const url = `/plans/${w.planId}/edit`;
    const form = await owner.get(url);
    expect(form.body).toContain('value="Lancashire LEP improvement plan 2019/20"');
    expect(form.body).toMatch(/name="fyYear" type="text" value="2019"/);
    expect(form.body).toContain('value="closed"');

    const res = await owner.submit(url, url, { ...VALID, title: 'Lancashire LEP plan (final)', status: 'closed', reviewCadence: 'monthly' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/plans/${w.planId}`);
    expect(await getPlanRecord(w.t.store.db, w.planId)).toMatchObject({ title: 'Lancashire LEP plan (final)', status: 'closed', reviewCadence: 'monthly' });
    expect(await w.auditActions()).toContain('plan:update');
  });

  it('leaves the stored plan as it was when the form is refused', async () => {
    const owner = await w.as('owner');
    const url = `/plans/${w.planId}/edit`;
    const before = await getPlanRecord(w.t.store.db, w.planId);
    const res = await owner.submit(url, url, { ...VALID, title: 'A new title', fyYear: '19' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Enter the year as 4 numbers');
    expect(res.body).toContain('value="A new title"');
    expect(await getPlanRecord(w.t.store.db, w.planId)).toEqual(before);
  });
});
